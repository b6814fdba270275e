"""Reading the audit log for people: filtered event listings and period summaries (CLI report, DPO page).

Pure over rows: every function takes an open connection (or rows) and returns plain data; callers choose the
thread. Filters compare RFC 3339 timestamps as strings, which sort in time order.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from cosigner.store.schema import EVENT_FIELDS


@dataclass(frozen=True, slots=True)
class EventFilter:
    since: str | None = None  # inclusive, e.g. "2026-11-01" or a full timestamp
    until: str | None = None  # exclusive
    types: tuple[str, ...] = ()
    rule: str | None = None
    practitioner: str | None = None

    def __post_init__(self) -> None:
        unknown = [t for t in self.types if t not in EVENT_FIELDS]
        if unknown:
            raise ValueError(f"unknown event type filter ({len(unknown)} value(s))")


@dataclass(frozen=True, slots=True)
class Event:
    seq: int
    time: str
    type: str
    fields: dict[str, Any]

    def rule(self) -> str | None:
        value = self.fields.get("rule_id") or self.fields.get("rule")
        return value if isinstance(value, str) else None

    def practitioner(self) -> str | None:
        value = self.fields.get("practitioner") or self.fields.get("principal")
        return value if isinstance(value, str) else None

    def as_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "time": self.time, "type": self.type, "fields": self.fields}


def _matches(event: Event, flt: EventFilter) -> bool:
    if flt.rule is not None:
        rules = event.fields.get("rule_ids")
        if event.rule() != flt.rule and not (isinstance(rules, list) and flt.rule in rules):
            return False
    return flt.practitioner is None or event.practitioner() == flt.practitioner


def iter_events(
    conn: sqlite3.Connection,
    flt: EventFilter,
    *,
    newest_first: bool = False,
    before_seq: int | None = None,
    limit: int | None = None,
) -> Iterator[Event]:
    """Live (non-purged) events matching ``flt``."""
    clauses: list[str] = ["body IS NOT NULL"]
    params: list[str | int] = []
    if flt.since:
        clauses.append("time >= ?")
        params.append(flt.since)
    if flt.until:
        clauses.append("time < ?")
        params.append(flt.until)
    if flt.types:
        clauses.append(f"type IN ({','.join('?' for _ in flt.types)})")
        params.extend(flt.types)
    if before_seq is not None:
        clauses.append("seq < ?")
        params.append(before_seq)
    order = "DESC" if newest_first else "ASC"
    cursor = conn.execute(
        f"SELECT seq, time, type, body FROM entries WHERE {' AND '.join(clauses)} ORDER BY seq {order}",
        params,
    )
    produced = 0
    for seq, time, etype, body in cursor:
        event = Event(seq, time, etype, json.loads(bytes(body))["fields"])
        if _matches(event, flt):
            yield event
            produced += 1
            if limit is not None and produced >= limit:
                return


def _add_counts(target: Counter[str], counts: Any) -> None:
    if isinstance(counts, dict):
        for kind, n in counts.items():
            if isinstance(n, int | float) and not isinstance(n, bool):
                target[str(kind)] += int(n)


def summarise(events: Iterable[Event]) -> dict[str, Any]:
    """Totals a DPO reads: events by type, redactions per type per day, blocks per rule, review behaviour.

    Redactions come from ``counts`` on request_screened and redacted events; review figures from
    draft_accepted / draft_rejected (``hunk_review_ms`` lists, else ``review_ms / hunks_total``).
    """
    by_type: Counter[str] = Counter()
    per_day: dict[str, Counter[str]] = defaultdict(Counter)
    blocks: Counter[str] = Counter()
    hunk_times: list[float] = []
    accepted = rejected = bulk = dwell = 0
    first = last = None
    for event in events:
        by_type[event.type] += 1
        first = first or event.time
        last = event.time
        fields = event.fields
        if event.type in ("request_screened", "redacted"):
            _add_counts(per_day[event.time[:10]], fields.get("counts"))
        elif event.type == "request_blocked":
            blocks[event.rule() or "unknown"] += 1
        elif event.type in ("draft_accepted", "draft_rejected"):
            if event.type == "draft_accepted":
                accepted += 1
                bulk += fields.get("bulk_accept") is True
            else:
                rejected += 1
            dwell += int(fields.get("dwell_violations") or 0)
            hunk_times.extend(_hunk_times(fields))
    decided = accepted + rejected
    return {
        "period": {"first": first, "last": last},
        "events_by_type": dict(sorted(by_type.items())),
        "redactions_per_day": {day: dict(sorted(c.items())) for day, c in sorted(per_day.items())},
        "redactions_by_type": dict(sorted(sum(per_day.values(), Counter()).items())),
        "blocks_by_rule": dict(blocks.most_common()),
        "decisions": {
            "accepted": accepted,
            "rejected": rejected,
            "acceptance_rate": round(accepted / decided, 4) if decided else None,
            "rejection_rate": round(rejected / decided, 4) if decided else None,
            "bulk_accept_rate": round(bulk / accepted, 4) if accepted else None,
            "median_review_ms_per_hunk": round(statistics.median(hunk_times), 1) if hunk_times else None,
            "dwell_violations": dwell,
        },
    }


def _hunk_times(fields: dict[str, Any]) -> list[float]:
    listed = fields.get("hunk_review_ms")
    if isinstance(listed, list):
        return [float(v) for v in listed if isinstance(v, int | float) and not isinstance(v, bool)]
    total, hunks = fields.get("review_ms"), fields.get("hunks_total")
    if isinstance(total, int | float) and isinstance(hunks, int) and hunks > 0:
        return [float(total) / hunks]
    return []


CSV_COLUMNS = ("seq", "time", "type", "rule", "practitioner", "fields")


def _cell(value: str) -> str:
    # Spreadsheet formula injection: a cell starting with = + - @ (or a control) would be evaluated.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_row(event: Event) -> list[str]:
    fields = json.dumps(event.fields, sort_keys=True, separators=(",", ":"))
    cells = [str(event.seq), event.time, event.type, event.rule() or "", event.practitioner() or "", fields]
    return [_cell(cell) for cell in cells]

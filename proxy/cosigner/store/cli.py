"""``cosigner audit verify | export | report | purge``.

The lead's parser calls ``add_audit_commands(subparsers)``; each command sets ``func`` and returns an exit
code: 0 success, 1 verification failed, 2 configuration error (raised as ConfigError for the caller to
print). The data directory comes from ``args.data_dir`` (``--data-dir``) or the Cosigner configuration."""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import sqlite3
import sys
from pathlib import Path
from typing import IO, Any

from cosigner.errors import ConfigError
from cosigner.keys import KeyStore, load_public_keys, public_keys_path
from cosigner.store import db
from cosigner.store.audit_log import AuditLog
from cosigner.store.purge import DEFAULT_KEEP_TYPES
from cosigner.store.query import CSV_COLUMNS, EventFilter, csv_row, iter_events, summarise
from cosigner.store.schema import EVENT_FIELDS
from cosigner.store.verify import VerifyReport, verify_log

AUDIT_DB_NAME = "audit.db"


def audit_db_path(data_dir: Path) -> Path:
    return Path(data_dir) / AUDIT_DB_NAME


def add_audit_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = subparsers.add_parser("audit", help="verify, export, summarise or purge the audit log")
    sub = audit.add_subparsers(dest="audit_command", required=True)

    p = sub.add_parser("verify", help="recompute the hash chain and checkpoints; name the first bad entry")
    p.add_argument("--keys", type=Path, help="public_keys.json to trust (default: the data directory's)")
    p.add_argument(
        "--checkpoint",
        type=Path,
        action="append",
        default=[],
        help="a checkpoint anchored off this machine (repeatable): detects truncation",
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("export", help="write events as JSONL or CSV (or the whole database as SQLite)")
    _add_filters(p)
    p.add_argument("--format", choices=("jsonl", "csv", "sqlite"), default="jsonl")
    p.add_argument("--output", "-o", type=Path, help="file to write (default: stdout; required for sqlite)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("report", help="summarise a period: redactions, blocks, decisions, chain status")
    _add_filters(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("purge", help="apply the retention period; the remaining chain stays verifiable")
    p.add_argument("--days", type=int, required=True, help="retention period in days")
    p.add_argument(
        "--keep-type",
        action="append",
        default=None,
        choices=sorted(EVENT_FIELDS),
        help=f"event types never purged (default: {', '.join(sorted(DEFAULT_KEEP_TYPES))})",
    )
    p.add_argument("--keep-hmac-keys", action="store_true", help="do not destroy expired HMAC keys")
    p.add_argument("--origin", help="log origin (default: the one recorded in the database)")
    p.set_defaults(func=cmd_purge)


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", help="from this date/time (UTC, inclusive), e.g. 2026-11-01")
    p.add_argument("--until", help="before this date/time (UTC, exclusive)")
    p.add_argument("--type", action="append", default=[], choices=sorted(EVENT_FIELDS), dest="types")
    p.add_argument("--rule", help="only events naming this rule id")
    p.add_argument("--practitioner", help="only events of this practitioner HMAC id (h1:...)")


def _data_dir(args: argparse.Namespace) -> Path:
    if getattr(args, "data_dir", None):
        return Path(args.data_dir)
    from cosigner.config import load_config

    return Path(load_config(getattr(args, "config", None)).data_dir)


def _existing_db(args: argparse.Namespace) -> Path:
    path = audit_db_path(_data_dir(args))
    if not path.exists():
        raise ConfigError(f"no audit log at {path}")
    return path


def _filter(args: argparse.Namespace) -> EventFilter:
    return EventFilter(args.since, args.until, tuple(args.types), args.rule, args.practitioner)


def describe(report: VerifyReport) -> list[str]:
    lines = [("OK" if report.ok else "FAILED") + f": {report.reason}"]
    if report.first_bad_seq is not None:
        lines.append(f"first bad entry: {report.first_bad_seq}")
    lines.append(f"entries: {report.entries}; verified against signed checkpoints: {report.verified_size}")
    if report.unsigned_tail:
        lines.append(f"entries after the last checkpoint (not yet signed): {report.unsigned_tail}")
    if report.tombstones:
        lines.append(f"purged entries (tombstones accounted for by the last purge): {report.tombstones}")
    if report.last_checkpoint is not None:
        cp = report.last_checkpoint
        lines.append(f"last checkpoint: size {cp.tree_size} at {cp.time} ({cp.reason}, key {cp.key_id})")
    return lines


def cmd_verify(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    path = _existing_db(args)
    keys = load_public_keys(args.keys or public_keys_path(data_dir))
    external = [p.read_text("utf-8") for p in args.checkpoint]
    report = verify_log(path, keys, external_checkpoints=external)
    if args.json:
        sys.stdout.write(json.dumps(_report_dict(report), indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(describe(report)) + "\n")
    return 0 if report.ok else 1


def _report_dict(report: VerifyReport) -> dict[str, Any]:
    cp = report.last_checkpoint
    return {
        "ok": report.ok,
        "entries": report.entries,
        "first_bad_seq": report.first_bad_seq,
        "reason": report.reason,
        "verified_size": report.verified_size,
        "unsigned_tail": report.unsigned_tail,
        "tombstones": report.tombstones,
        "last_checkpoint": None
        if cp is None
        else {
            "tree_size": cp.tree_size,
            "time": cp.time,
            "reason": cp.reason,
            "key_id": cp.key_id,
        },
    }


def cmd_export(args: argparse.Namespace) -> int:
    path = _existing_db(args)
    if args.format == "sqlite":
        if args.output is None:
            raise ConfigError("--output is required for --format sqlite")
        _backup(path, args.output)
        return 0
    flt = _filter(args)
    with _open_output(args.output) as out:
        conn = db.connect(path, readonly=True)
        try:
            if args.format == "jsonl":
                for event in iter_events(conn, flt):
                    out.write(json.dumps(event.as_dict(), sort_keys=True, separators=(",", ":")) + "\n")
            else:
                writer = csv.writer(out)
                writer.writerow(CSV_COLUMNS)
                for event in iter_events(conn, flt):
                    writer.writerow(csv_row(event))
        finally:
            conn.close()
    return 0


class _Output:
    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._handle: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        if self._path is None:
            return sys.stdout
        self._handle = open(self._path, "w", encoding="utf-8", newline="")
        return self._handle

    def __exit__(self, *exc: object) -> None:
        if self._handle is not None:
            self._handle.close()


def _open_output(path: Path | None) -> _Output:
    return _Output(path)


def _backup(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup API (safe while the proxy is writing)."""
    if target.exists():
        raise ConfigError(f"{target.name} exists; refusing to overwrite")
    src = db.connect(source, readonly=True)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def cmd_report(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    path = _existing_db(args)
    conn = db.connect(path, readonly=True)
    try:
        summary = summarise(iter_events(conn, _filter(args)))
    finally:
        conn.close()
    report = verify_log(path, load_public_keys(public_keys_path(data_dir)))
    summary["chain"] = _report_dict(report)
    if args.json:
        sys.stdout.write(json.dumps(summary, indent=2) + "\n")
        return 0
    sys.stdout.write("\n".join(format_summary(summary, report)) + "\n")
    return 0


def format_summary(summary: dict[str, Any], report: VerifyReport) -> list[str]:
    period = summary["period"]
    decisions = summary["decisions"]
    lines = [f"Audit report {period['first'] or '-'} .. {period['last'] or '-'}", "", "Events by type:"]
    lines += [f"  {name:<20} {n:>8}" for name, n in summary["events_by_type"].items()] or ["  (none)"]
    lines += ["", "Redactions by identifier type:"]
    lines += [f"  {kind:<20} {n:>8}" for kind, n in summary["redactions_by_type"].items()] or ["  (none)"]
    lines += ["", "Blocks by rule:"]
    lines += [f"  {rule:<40} {n:>8}" for rule, n in summary["blocks_by_rule"].items()] or ["  (none)"]
    lines += [
        "",
        f"Drafts accepted: {decisions['accepted']}  rejected: {decisions['rejected']}"
        f"  acceptance rate: {_pct(decisions['acceptance_rate'])}",
        f"Bulk-accept rate: {_pct(decisions['bulk_accept_rate'])}"
        f"  median review time per hunk: {decisions['median_review_ms_per_hunk'] or '-'} ms"
        f"  minimum-dwell violations: {decisions['dwell_violations']}",
        "",
        "Chain: " + describe(report)[0],
    ]
    return lines


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f} %"


def cmd_purge(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    path = _existing_db(args)
    if args.origin:
        origin = args.origin
    else:
        conn = db.connect(path, readonly=True)
        try:
            origin = db.read_origin(conn)
        finally:
            conn.close()
    keep = frozenset(args.keep_type) if args.keep_type else DEFAULT_KEEP_TYPES

    async def run() -> str:
        log = await AuditLog.open(path, KeyStore(data_dir), origin=origin)
        try:
            result = await log.purge(args.days, keep_types=keep, destroy_hmac_keys=not args.keep_hmac_keys)
        finally:
            await log.close()
        return (
            f"purged {result.tombstoned} entries older than {args.days} days "
            f"({result.tombstoned_total} purged in total); purge entry {result.entry.seq}, "
            f"signed checkpoint of size {result.checkpoint.tree_size}"
            + ("" if args.keep_hmac_keys else f"; HMAC keys before {result.hmac_destroy_before} destroyed")
        )

    message = asyncio.run(run())
    sys.stdout.write(message + "\n")
    return 0

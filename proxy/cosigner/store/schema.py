"""What an audit entry may contain: event types, their allowed fields, and the shape of every value.

The log must never become a second copy of case notes. Two defences against someone later logging text:
1. every event type has an allowlist of field names (one line each in ``EVENT_FIELDS``: adding a type or a
   field is a one-line change reviewed like any other);
2. every value must look like metadata: numbers, booleans, short tokens without whitespace (ids, model
   names, rule ids, routes), hex content hashes for ``*_hash``, HMAC ids (``h1:YYYY-MM:hex``) for anything
   derived from a person or a case, and small dicts/lists of those (counts per type, offsets, timings).
Free text cannot pass rule 2 because it contains whitespace; a single identifier token could, which is why
rule 1 exists and why fields naming people or cases must be HMAC ids.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from cosigner.errors import AuditFailed

_COMMON = (
    "request_id exchange route api client_format model provider upstream deployment region principal"
    " policy policy_name policy_hash policy_version timings"
)
_OUTCOME = (
    "status code error_code rule rule_id forwarded upstream_status unknown_placeholders reply_chars"
    " draft_id stream"
)
_DRAFT = (
    "draft_id tag_id receipt_id schema practitioner role case_ref field origin key_id signature"
    " original_hash draft_hash final_hash receipt_hash model provider policy_name policy_hash policy_version"
)
_REVIEW = (
    "hunks_total hunks_kept hunks_rejected hunks_edited flagged_total flagged_confirmed bulk_accept review_ms"
    " hunk_review_ms dwell_violations ai_share attestation checkpoint_size checkpoint_root"
)

#: event type -> allowed field names (space separated). One line per type.
EVENT_FIELDS: dict[str, frozenset[str]] = {
    name: frozenset(spec.split())
    for name, spec in {
        "request_screened": f"{_COMMON} practitioner client segments chars tokens input_tokens findings"
        " counts verdict rule rule_id stream duration_ms",
        "request_blocked": f"{_COMMON} {_OUTCOME} practitioner client rule_ids action duration_ms",
        "redacted": f"{_COMMON} practitioner counts total spans detectors duration_ms",
        "forwarded": f"{_COMMON} stream bytes_out tokens_in duration_ms attempt",
        "upstream_error": f"{_COMMON} {_OUTCOME} practitioner client duration_ms attempt",
        "exchange_completed": f"{_COMMON} {_OUTCOME} practitioner client tokens_in tokens_out restored counts"
        " duration_ms",
        "draft_issued": f"{_DRAFT} {_COMMON} counts template_id template_hash review_required",
        "draft_accepted": f"{_DRAFT} {_REVIEW}",
        "draft_rejected": f"{_DRAFT} {_REVIEW} reason_code",
        "draft_inserted": f"{_DRAFT} strategy verified",
        "policy_loaded": "policy policy_name policy_hash policy_version key_id source expires",
        "policy_refused": "policy policy_name policy_hash policy_version key_id source reason_code errors",
        "key_rotated": "key_kind old_key_id new_key_id",
        "checkpoint": "reason key_id",
        "purge": "before_time before_seq retention_days kept_types tombstoned tombstoned_total"
        " tombstone_digest hmac_destroyed_before hmac_periods_destroyed",
    }.items()
}

_TOKEN_RE = re.compile(r"^[A-Za-z0-9_.:/@+=\-]{1,160}$")
_HASH_RE = re.compile(r"^(sha256:)?[0-9a-f]{64}$")
_HMAC_RE = re.compile(r"^h1:\d{4}-\d{2}:[0-9a-f]{32}$")
_B64_RE = re.compile(r"^[A-Za-z0-9+/=_\-]{16,200}$")
_HMAC_FIELDS = frozenset({"practitioner", "case_ref"})
_MAX_INT = 2**53
_MAX_ITEMS = 10_000


class AuditFieldRejected(AuditFailed):
    """An audit event was refused before it was written: unknown type, field outside the allowlist, or a value
    that does not look like metadata. The message names the event type and field, never the value."""


def is_event_type(name: str) -> bool:
    return name in EVENT_FIELDS


def validate_event(event_type: str, fields: Mapping[str, Any]) -> None:
    """Raise ``AuditFieldRejected`` unless ``fields`` is allowed for ``event_type``."""
    allowed = EVENT_FIELDS.get(event_type)
    if allowed is None:
        raise AuditFieldRejected("audit event refused: unknown event type")
    outside = [name for name in fields if name not in allowed]
    if outside:
        raise AuditFieldRejected(
            f"audit event {event_type!r} refused: {len(outside)} field(s) outside its allowlist"
        )
    for name, value in fields.items():
        problem = _value_problem(name, value)
        if problem:
            raise AuditFieldRejected(f"audit event {event_type!r} refused: field {name!r} {problem}")


def _value_problem(name: str, value: Any) -> str | None:
    if name in _HMAC_FIELDS or name.endswith("_hmac"):
        ok = value is None or (isinstance(value, str) and _HMAC_RE.match(value))
        return None if ok else "is not an HMAC id"
    if name.endswith("_hash") or name == "checkpoint_root":
        ok = value is None or (isinstance(value, str) and (_HASH_RE.match(value) or _B64_RE.match(value)))
        return None if ok else "is not a hex or base64 hash"
    if name == "signature":
        return None if isinstance(value, str) and _B64_RE.match(value) else "is not a base64 signature"
    return _shape_problem(value, depth=0)


def _scalar_problem(value: Any) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return None if abs(value) <= _MAX_INT else "is an integer out of range"
    if isinstance(value, float):
        return None if math.isfinite(value) else "is not a finite number"
    if isinstance(value, str):
        return None if _TOKEN_RE.match(value) else "is not a short token (text is never logged)"
    return f"has unsupported type {type(value).__name__}"


def _shape_problem(value: Any, depth: int) -> str | None:
    if isinstance(value, dict):
        if depth >= 2 or len(value) > _MAX_ITEMS:
            return "is nested too deeply or too large"
        for key, item in value.items():
            if not isinstance(key, str) or not _TOKEN_RE.match(key):
                return "has a key that is not a short token"
            problem = _shape_problem(item, depth + 1)
            if problem:
                return problem
        return None
    if isinstance(value, list | tuple):
        if depth >= 2 or len(value) > _MAX_ITEMS:
            return "is nested too deeply or too large"
        for item in value:
            problem = _shape_problem(item, depth + 1)
            if problem:
                return problem
        return None
    return _scalar_problem(value)

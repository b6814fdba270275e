"""The byte format of one audit entry, shared by the writer and the verifier.

An entry is the RFC 8785 canonical JSON of ``{"seq", "time", "type", "fields", "prev_hash"}``; its hash is the
RFC 6962 leaf hash of those bytes, and the next entry's ``prev_hash`` is that hash in hex. So one hash serves
both the chain and the Merkle tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cosigner.canonical import canonical_json
from cosigner.store.merkle import leaf_hash

GENESIS_PREV_HASH = "0" * 64


@dataclass(frozen=True, slots=True)
class EntryRef:
    """An acknowledged (committed) entry: its position and its hash (hex)."""

    seq: int
    hash: str


def utc_timestamp(when: datetime | None = None) -> str:
    """RFC 3339 UTC with microseconds: sorts lexically in time order."""
    moment = (when or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def encode_entry(seq: int, time: str, event_type: str, fields: dict[str, Any], prev_hash: str) -> bytes:
    return canonical_json(
        {"seq": seq, "time": time, "type": event_type, "fields": fields, "prev_hash": prev_hash}
    )


def entry_hash(body: bytes) -> bytes:
    return leaf_hash(body)

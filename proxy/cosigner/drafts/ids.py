"""Time-ordered ids (UUIDv7, RFC 9562) and the short human reference printed in tags and markers."""

from __future__ import annotations

import hashlib
import os
import re
import time
import uuid

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REF_RE = re.compile(r"AIP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")


def uuid7(now_ms: int | None = None) -> str:
    """A UUIDv7: 48-bit Unix milliseconds, then 74 random bits; sorts in creation order."""
    millis = int(time.time() * 1000) if now_ms is None else now_ms
    rand = int.from_bytes(os.urandom(10), "big")
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version
    value |= ((rand >> 62) & 0xFFF) << 64  # rand_a (12 bits)
    value |= 0b10 << 62  # variant
    value |= rand & ((1 << 62) - 1)  # rand_b
    return str(uuid.UUID(int=value))


def uuid7_millis(value: str) -> int:
    """The creation time (Unix ms) carried by a UUIDv7; raises ValueError for anything else."""
    parsed = uuid.UUID(value)
    if parsed.version != 7:
        raise ValueError("not a UUIDv7")
    return parsed.int >> 80


def short_ref(draft_id: str) -> str:
    """``AIP-XXXX-XXXX``: 40 bits of SHA-256 of the draft id in Crockford base32 (no I, L, O, U)."""
    bits = int.from_bytes(hashlib.sha256(draft_id.encode("ascii")).digest()[:5], "big")
    chars = "".join(_CROCKFORD[(bits >> shift) & 31] for shift in range(35, -1, -5))
    return f"AIP-{chars[:4]}-{chars[4:]}"

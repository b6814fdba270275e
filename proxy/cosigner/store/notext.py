"""The no-text invariant, as a reusable test helper: no audit value shares a 4+ character substring with any
input text or identifier a test fed the proxy.

What is examined: every string value and dict key inside entry ``fields`` (recursively) and every integer of 6
or more digits (identifiers are long; counts and timings are short). What is not: the structural parts every
entry has (seq, time, type, prev_hash, field names), values that are hashes, HMAC ids or signatures by their
format, and values the caller lists in ``allowed`` (model names, policy names, entity kinds such as
``NHS_NUMBER``) — vocabulary that legitimately appears in both. Separately, the raw database and WAL files are
searched for every input of 6+ characters verbatim (catches text in free pages or unrelated tables).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from cosigner.store.schema import EVENT_FIELDS

# Values that are structure, not text: digests, HMAC ids, key ids (16 hex digits), base64, timestamps. A random
# key id can share four characters with an input by chance, which made the metadata-only check flaky.
_STRUCTURAL = re.compile(
    r"^(?:(?:sha256:)?[0-9a-f]{64}|h1:\d{4}-\d{2}:[0-9a-f]{32}|[0-9a-f]{16}|[A-Za-z0-9+/=_\-]{40,}"
    r"|\d{4}-\d{2}-\d{2}T[\d:.]+Z?)$"
)
_VOCABULARY = frozenset(
    {name.lower() for name in EVENT_FIELDS} | {f.lower() for fields in EVENT_FIELDS.values() for f in fields}
)


def _grams(text: str, n: int) -> set[str]:
    low = text.lower()
    return {low[i : i + n] for i in range(len(low) - n + 1)}


def _walk(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield f"{path} (a key)", str(key)
            yield from _walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")
    elif isinstance(value, str):
        yield path, value
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 100_000:
        yield path, str(value)


def find_text(
    db_path: Path, inputs: Iterable[str], *, allowed: Iterable[str] = (), min_len: int = 4
) -> list[str]:
    """Locations ("entry 12 fields.model") whose value shares a ``min_len``-gram with an input."""
    texts = [text for text in inputs if text]
    input_grams: set[str] = set()
    for text in texts:
        input_grams |= _grams(text, min_len)
    skip = _VOCABULARY | {word.lower() for word in allowed}
    found: list[str] = []
    conn = sqlite3.connect(str(db_path))
    try:
        for seq, body in conn.execute("SELECT seq, body FROM entries WHERE body IS NOT NULL ORDER BY seq"):
            fields = json.loads(bytes(body))["fields"]
            for path, value in _walk(fields, "fields"):
                if value.lower() in skip or _STRUCTURAL.match(value):
                    continue
                if _grams(value, min_len) & input_grams:
                    found.append(f"entry {seq} {path}")
    finally:
        conn.close()
    for suffix in ("", "-wal"):
        raw_path = Path(str(db_path) + suffix)
        if raw_path.exists():
            raw = raw_path.read_bytes()
            hits = sum(1 for text in texts if len(text) >= 6 and text.encode("utf-8") in raw)
            if hits:
                found.append(f"raw file {raw_path.name}: {hits} input(s) verbatim")
    return found


def assert_no_text(
    db_path: Path, inputs: Iterable[str], *, allowed: Iterable[str] = (), min_len: int = 4
) -> None:
    """Raise AssertionError naming where (never what) an input's text appears in the audit log."""
    found = find_text(db_path, inputs, allowed=allowed, min_len=min_len)
    if found:
        shown = "; ".join(found[:10])
        raise AssertionError(f"{len(found)} audit value(s) contain input text: {shown}")

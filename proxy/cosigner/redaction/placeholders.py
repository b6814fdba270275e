"""Placeholders: one per distinct value per request, restored only for this request.

The map holds the real values in memory only.  Its ``repr`` shows counts, never values.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

PLACEHOLDER = re.compile(r"\[([A-Z][A-Z0-9_]*?)_([1-9][0-9]{0,5})\]")
# Any text that could still grow into a placeholder: "[", "[PER", "[PERSON_", "[PERSON_1"
PLACEHOLDER_PREFIX = re.compile(r"\[(?:[A-Z][A-Z0-9_]*(?:_[0-9]{0,6})?)?\Z")


def value_key(kind: str, value: str) -> str:
    """Two mentions are the same value when they agree ignoring case, spacing and number punctuation."""
    collapsed = " ".join(value.split()).casefold()
    if kind != "ADDRESS" and any(map(str.isdigit, collapsed)):
        return kind + ":" + "".join(filter(str.isalnum, collapsed))
    return kind + ":" + collapsed


class PlaceholderMap:
    def __init__(self, keep_in_reply: frozenset[str] = frozenset(), reserved: Iterable[str] = ()) -> None:
        self._keep = keep_in_reply
        self._by_key: dict[str, str] = {}
        self._values: dict[str, str] = {}
        self._next: dict[str, int] = {}
        self._reserved = set(reserved)
        self._max_len = 0
        self.unknown_count = 0

    def placeholder_for(self, kind: str, value: str) -> str:
        key = value_key(kind, value)
        existing = self._by_key.get(key)
        if existing is not None:
            return existing
        number = self._next.get(kind, 0)
        while True:
            number += 1
            candidate = f"[{kind}_{number}]"
            if candidate not in self._reserved:
                break
        self._next[kind] = number
        self._by_key[key] = candidate
        self._values[candidate] = value
        self._max_len = max(self._max_len, len(candidate))
        return candidate

    @property
    def max_placeholder_len(self) -> int:
        return self._max_len

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"PlaceholderMap({len(self._values)} placeholders)"

    def _lookup(self, match: re.Match[str], encode: bool) -> str:
        token = match.group(0)
        value = self._values.get(token)
        if value is None:
            self.unknown_count += 1
            return token
        if match.group(1) in self._keep:
            return token
        return json.dumps(value, ensure_ascii=False)[1:-1] if encode else value

    def restore(self, text: str) -> str:
        if "[" not in text:
            return text
        return PLACEHOLDER.sub(lambda m: self._lookup(m, False), text)

    def restore_json(self, text: str) -> str:
        """Restore inside JSON string content (tool-call arguments): values are JSON-string-escaped."""
        if "[" not in text:
            return text
        return PLACEHOLDER.sub(lambda m: self._lookup(m, True), text)


def reserved_placeholders(texts: Iterable[str]) -> set[str]:
    """Placeholder-shaped strings already in the input: never issued, so never restored."""
    found: set[str] = set()
    for text in texts:
        if "[" in text:
            found.update(m.group(0) for m in PLACEHOLDER.finditer(text))
    return found

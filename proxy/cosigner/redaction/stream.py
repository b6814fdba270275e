"""Restore placeholders in a streamed reply whose chunks may split a placeholder anywhere."""

from __future__ import annotations

from cosigner.redaction.placeholders import PLACEHOLDER_PREFIX, PlaceholderMap


class StreamRestorer:
    """``feed`` returns what can be safely emitted; a tail that may start a placeholder is held back.

    The held-back tail is at most the longest placeholder this request issued, minus one character.
    """

    def __init__(self, placeholders: PlaceholderMap, json_mode: bool = False) -> None:
        self._map = placeholders
        self._json = json_mode
        self._pending = ""
        self._limit = max(placeholders.max_placeholder_len - 1, 0)

    def _restore(self, text: str) -> str:
        return self._map.restore_json(text) if self._json else self._map.restore(text)

    def feed(self, text: str) -> str:
        buffer = self._pending + text
        cut = self._hold_from(buffer)
        self._pending = buffer[cut:]
        return self._restore(buffer[:cut])

    def flush(self) -> str:
        rest, self._pending = self._pending, ""
        return self._restore(rest)

    def _hold_from(self, buffer: str) -> int:
        if self._limit == 0:
            return len(buffer)
        bracket = buffer.rfind("[", max(len(buffer) - self._limit, 0))
        if bracket == -1:
            return len(buffer)
        if PLACEHOLDER_PREFIX.match(buffer, bracket):
            return bracket
        return len(buffer)

"""Server-sent events: an incremental decoder and an encoder, following the WHATWG event-stream rules.

The decoder is fed raw bytes exactly as they arrive from the network, so a line, a CRLF pair or a multi-byte
UTF-8 character may be split between two ``feed`` calls; the result never depends on where the splits fall.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from cosigner.errors import UpstreamBadResponse

__all__ = ["DEFAULT_MAX_PENDING_CHARS", "SSEDecoder", "SSEEvent", "encode_sse"]

# An upstream that never ends a line (or an event) must not make us buffer without bound.
DEFAULT_MAX_PENDING_CHARS = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SSEEvent:
    event: str | None
    data: str
    id: str | None = None


class SSEDecoder:
    """Turns a byte stream into complete events; comments and ``retry`` fields are consumed silently."""

    def __init__(self, *, max_pending_chars: int = DEFAULT_MAX_PENDING_CHARS) -> None:
        self._utf8 = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._max_pending = max_pending_chars
        self._partial_line = ""
        self._skip_lf = False  # the previous chunk ended with CR; a leading LF completes that CRLF
        self._at_stream_start = True
        self._event_type: str | None = None
        self._data_lines: list[str] = []
        self._pending_chars = 0
        self._last_id: str | None = None

    @property
    def has_pending(self) -> bool:
        """True when bytes were received that do not yet form a complete event (a truncated stream)."""
        return bool(self._partial_line or self._data_lines or self._event_type is not None)

    def feed(self, data: bytes) -> list[SSEEvent]:
        text = self._utf8.decode(data)
        if self._at_stream_start and text:
            self._at_stream_start = False
            if text.startswith("\ufeff"):
                text = text[1:]
        return self._consume(text)

    def close(self) -> list[SSEEvent]:
        """End of stream: flush the UTF-8 decoder; an unterminated last event is discarded (per the spec)."""
        tail = self._utf8.decode(b"", final=True)
        return self._consume(tail) if tail else []

    def _consume(self, text: str) -> list[SSEEvent]:
        if self._skip_lf and text:
            if text[0] == "\n":
                text = text[1:]
            self._skip_lf = False
        events: list[SSEEvent] = []
        start = 0
        length = len(text)
        while start < length:
            cr = text.find("\r", start)
            lf = text.find("\n", start)
            if cr == -1 and lf == -1:
                break
            if cr == -1 or (lf != -1 and lf < cr):
                end, next_start = lf, lf + 1
            else:
                end = cr
                if cr + 1 < length:
                    next_start = cr + 2 if text[cr + 1] == "\n" else cr + 1
                else:
                    next_start = cr + 1
                    self._skip_lf = True
            line = self._partial_line + text[start:end] if self._partial_line else text[start:end]
            self._partial_line = ""
            event = self._process_line(line)
            if event is not None:
                events.append(event)
            start = next_start
        if start < length:
            self._partial_line += text[start:]
        if len(self._partial_line) + self._pending_chars > self._max_pending:
            raise UpstreamBadResponse("upstream event stream exceeded the size limit for a single event")
        return events

    def _process_line(self, line: str) -> SSEEvent | None:
        if not line:
            return self._dispatch()
        if line[0] == ":":
            return None
        field, sep, value = line.partition(":")
        if sep and value.startswith(" "):
            value = value[1:]
        if field == "data":
            self._data_lines.append(value)
            self._pending_chars += len(value) + 1
            if self._pending_chars > self._max_pending:
                raise UpstreamBadResponse("upstream event stream exceeded the size limit for a single event")
        elif field == "event":
            self._event_type = value
        elif field == "id" and "\x00" not in value:
            self._last_id = value
        # "retry" and unknown fields are ignored.
        return None

    def _dispatch(self) -> SSEEvent | None:
        if not self._data_lines:
            self._event_type = None
            return None
        event = SSEEvent(event=self._event_type or None, data="\n".join(self._data_lines), id=self._last_id)
        self._data_lines = []
        self._pending_chars = 0
        self._event_type = None
        return event


def encode_sse(data: str, event: str | None = None) -> bytes:
    """One event as bytes; multi-line data becomes several ``data:`` lines, which the decoder joins again."""
    parts: list[str] = []
    if event is not None:
        if "\n" in event or "\r" in event:
            raise ValueError("an SSE event name cannot contain a line break")
        parts.append(f"event: {event}\n")
    for line in data.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        parts.append(f"data: {line}\n")
    parts.append("\n")
    return "".join(parts).encode("utf-8")

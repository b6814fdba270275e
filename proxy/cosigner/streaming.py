"""StreamPump: upstream SSE events in → caller-format SSE bytes out, translated and restored on the way.

It also accumulates the restored text (for the draft tag) and holds back the caller's final event so the tag
can ride on it: OpenAI streams get a last chunk with ``choices: []`` and a ``cosigner`` field before
``data: [DONE]``; Anthropic streams get a ``cosigner`` field on ``message_stop``.
"""

from __future__ import annotations

import json
from typing import Any

from cosigner.errors import CosignerError, RestoreFailed, UpstreamBadResponse, UpstreamStatus
from cosigner.exchange import Exchange
from cosigner.stages.restore import stream_rewriter
from cosigner.wire.rewrite import AnthropicStreamRewriter, OpenAIStreamRewriter
from cosigner.wire.sse import SSEEvent, encode_sse
from cosigner.wire.translate import AnthropicStreamToOpenAI, OpenAIStreamToAnthropic


class StreamPump:
    def __init__(self, ex: Exchange) -> None:
        self.ex = ex
        self.done = False
        self._parts: list[str] = []
        self._rewriter = stream_rewriter(ex)
        self._to_openai = (
            AnthropicStreamToOpenAI(ex.model, include_usage=ex.include_usage)
            if ex.client_format == "openai" and ex.upstream_format == "anthropic"
            else None
        )
        self._to_anthropic = (
            OpenAIStreamToAnthropic(ex.model)
            if ex.client_format == "anthropic" and ex.upstream_format == "openai"
            else None
        )
        self._last_chunk_meta: dict[str, Any] = {}
        self._held_stop: dict[str, Any] | None = None

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def feed(self, event: SSEEvent) -> bytes:
        try:
            return self._feed(event)
        except CosignerError:
            raise
        except Exception as exc:
            raise RestoreFailed(f"The reply stream could not be processed ({type(exc).__name__}).") from None

    def _feed(self, event: SSEEvent) -> bytes:
        if self.ex.upstream_format == "openai":
            if event.data.strip() == "[DONE]":
                self.done = True
                return self._openai_upstream_done()
            chunk = _json(event.data)
            if "error" in chunk:
                raise UpstreamStatus(_error_message(chunk), status=502)
            if self._to_anthropic is not None:
                return self._emit_anthropic(self._to_anthropic.feed(chunk))
            return self._emit_openai([chunk])
        name = event.event or ""
        data = _json(event.data)
        if name == "error" or data.get("type") == "error":
            raise UpstreamStatus(_error_message(data), status=502)
        if self._to_openai is not None:
            out = self._emit_openai(self._to_openai.feed(name, data))
            if name == "message_stop":
                self.done = True
            return out
        if name == "message_stop":
            self.done = True
        return self._emit_anthropic([(name, data)])

    def _openai_upstream_done(self) -> bytes:
        if self._to_anthropic is not None:
            return self._emit_anthropic(self._to_anthropic.finish())
        return b""

    def _emit_openai(self, chunks: list[dict[str, Any]]) -> bytes:
        assert isinstance(self._rewriter, OpenAIStreamRewriter)
        out: list[bytes] = []
        for raw in chunks:
            for chunk in self._rewriter.feed(raw):
                self._collect_openai(chunk)
                out.append(encode_sse(json.dumps(chunk, ensure_ascii=False)))
        return b"".join(out)

    def _collect_openai(self, chunk: dict[str, Any]) -> None:
        self._last_chunk_meta = {k: chunk[k] for k in ("id", "created", "model") if k in chunk}
        for choice in chunk.get("choices") or []:
            content = (choice.get("delta") or {}).get("content")
            if isinstance(content, str) and choice.get("index", 0) == 0:
                self._parts.append(content)

    def _emit_anthropic(self, events: list[tuple[str, dict[str, Any]]]) -> bytes:
        assert isinstance(self._rewriter, AnthropicStreamRewriter)
        out: list[bytes] = []
        for name, data in events:
            for ev_name, ev_data in self._rewriter.feed(name, data):
                if ev_name == "message_stop":
                    self._held_stop = ev_data
                    continue
                delta = ev_data.get("delta") if ev_name == "content_block_delta" else None
                if isinstance(delta, dict) and delta.get("type") == "text_delta":
                    self._parts.append(str(delta.get("text", "")))
                out.append(encode_sse(json.dumps(ev_data, ensure_ascii=False), event=ev_name))
        return b"".join(out)

    def finish(self, tag_json: dict[str, Any]) -> bytes:
        """The held-back tail: remaining restored text, the tag, and the stream terminator."""
        if not self.done:
            raise UpstreamBadResponse("The provider's stream ended before it was complete.")
        if self.ex.client_format == "openai":
            flushed = [encode_sse(json.dumps(c, ensure_ascii=False)) for c in self._flush_openai()]
            final = {
                **self._last_chunk_meta,
                "object": "chat.completion.chunk",
                "choices": [],
                "cosigner": tag_json,
            }
            return (
                b"".join(flushed) + encode_sse(json.dumps(final, ensure_ascii=False)) + encode_sse("[DONE]")
            )
        stop = dict(self._held_stop or {"type": "message_stop"})
        stop["cosigner"] = tag_json
        return encode_sse(json.dumps(stop, ensure_ascii=False), event="message_stop")

    def _flush_openai(self) -> list[dict[str, Any]]:
        assert isinstance(self._rewriter, OpenAIStreamRewriter)
        chunks = self._rewriter.finish()
        for chunk in chunks:
            self._collect_openai(chunk)
        return chunks


def _json(data: str) -> dict[str, Any]:
    try:
        value = json.loads(data)
    except ValueError:
        raise UpstreamBadResponse("The provider sent a stream event that is not valid JSON.") from None
    if not isinstance(value, dict):
        raise UpstreamBadResponse("The provider sent a stream event that is not a JSON object.")
    return value


def _error_message(data: dict[str, Any]) -> str:
    err = data.get("error")
    message = err.get("message") if isinstance(err, dict) else None
    return f"The provider reported an error mid-stream: {message or 'unknown error'}"

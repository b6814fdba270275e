"""Streaming rewrite of model text, one transformer per text stream, flushed before the stream's end marker.

A transformer may hold text back (e.g. a possible placeholder prefix); whatever it holds is flushed as an
extra delta placed just before the finishing chunk (OpenAI) or the block's ``content_block_stop`` (Anthropic),
so nothing is lost, duplicated or reordered.  Other events pass through untouched and in order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, Protocol

from cosigner.wire.upstream_shape import bad, event_type, up_dict, up_int, up_list, up_str

__all__ = ["AnthropicStreamRewriter", "OpenAIStreamRewriter", "StreamTransformer", "TransformerFactory"]


class StreamTransformer(Protocol):
    def feed(self, text: str) -> str: ...

    def flush(self) -> str: ...


TransformerFactory = Callable[[Literal["text", "json"]], StreamTransformer]

# Transformer keys per choice: ("content",), ("refusal",), ("function_call",), ("tool", tool call index).
_StreamKey = tuple[str, int]
_TEXT_FIELDS = ("content", "refusal")


class OpenAIStreamRewriter:
    def __init__(self, make: TransformerFactory) -> None:
        self._make = make
        self._open: dict[int, dict[_StreamKey, StreamTransformer]] = {}
        self._envelope: dict[str, Any] | None = None

    def feed(self, chunk: dict[str, Any]) -> list[dict[str, Any]]:
        body = up_dict(chunk, ("chunk",))
        self._envelope = body
        choices = up_list(body.get("choices") or [], ("chunk", "choices"))
        if not choices:
            return [body]
        rewritten: list[dict[str, Any]] = []
        finishing: list[dict[str, Any]] = []
        previous_calls: list[dict[str, Any]] = []
        for raw in choices:
            choice = up_dict(raw, ("chunk", "choices", 0))
            index = up_int(choice.get("index", 0), ("chunk", "choices", 0, "index"))
            delta = up_dict(choice.get("delta") or {}, ("chunk", "choices", index, "delta"))
            ended = self._flush_previous_tool_calls(index, delta)
            if ended is not None:
                previous_calls.append(ended)
            new_choice = {**choice, "delta": self._rewrite_delta(index, delta)}
            if choice.get("finish_reason") is None:
                rewritten.append(new_choice)
            else:
                finishing.append(new_choice)
        # A tool call's held-back arguments go out before the next call starts, keeping calls sequential.
        out: list[dict[str, Any]] = [self._extra_chunk(body, previous_calls)] if previous_calls else []
        if not finishing:
            out.append({**body, "choices": rewritten})
            return out
        with_text = [_has_text(c["delta"]) for c in finishing]
        if rewritten or any(with_text):
            # Text in the finishing chunk itself must precede what the transformer still holds.
            leading = rewritten + [{**c, "finish_reason": None} for c, t in zip(finishing, with_text, strict=True) if t]
            lead = {**body, "choices": sorted(leading, key=lambda c: int(c.get("index", 0)))}
            if lead.get("usage") is not None:
                lead["usage"] = None  # usage stays on the finishing chunk only, so it is never counted twice
            out.append(lead)
        flushed = [c for c in (self._flush_choice(int(c.get("index", 0))) for c in finishing) if c is not None]
        if flushed:
            out.append(self._extra_chunk(body, flushed))
        closing = [
            {**c, "delta": _without_text(c["delta"])} if t else c for c, t in zip(finishing, with_text, strict=True)
        ]
        out.append({**body, "choices": closing})
        return out

    def finish(self) -> list[dict[str, Any]]:
        """At ``[DONE]``: anything still held (a stream that never sent finish_reason) is flushed."""
        if self._envelope is None:
            return []
        flushed = [c for c in (self._flush_choice(i) for i in sorted(self._open)) if c is not None]
        return [self._extra_chunk(self._envelope, flushed)] if flushed else []

    def _flush_previous_tool_calls(self, index: int, delta: dict[str, Any]) -> dict[str, Any] | None:
        streams = self._open.get(index)
        calls = delta.get("tool_calls")
        if not streams or not isinstance(calls, list):
            return None
        path = ("chunk", "choices", index, "delta", "tool_calls")
        indices = {up_int(up_dict(c, path).get("index", 0), (*path, "index")) for c in calls}
        starting = indices - {k[1] for k in streams if k[0] == "tool"}
        if not starting:
            return None
        flushed: list[dict[str, Any]] = []
        for key in sorted(k for k in streams if k[0] == "tool"):
            rest = streams.pop(key).flush()
            if rest:
                flushed.append({"index": key[1], "function": {"arguments": rest}})
        if not flushed:
            return None
        return {"index": index, "delta": {"tool_calls": flushed}, "logprobs": None, "finish_reason": None}

    def _rewrite_delta(self, index: int, raw_delta: dict[str, Any]) -> dict[str, Any]:
        delta = dict(raw_delta)
        streams = self._open.setdefault(index, {})
        for key in _TEXT_FIELDS:
            if delta.get(key) is not None:
                text = up_str(delta[key], ("chunk", "choices", index, "delta", key))
                delta[key] = self._transformer(streams, (key, 0), "text").feed(text)
        function_call = delta.get("function_call")
        if isinstance(function_call, dict) and isinstance(function_call.get("arguments"), str):
            t = self._transformer(streams, ("function_call", 0), "json")
            delta["function_call"] = {**function_call, "arguments": t.feed(function_call["arguments"])}
        if delta.get("tool_calls") is not None:
            calls = []
            for raw_call in up_list(delta["tool_calls"], ("chunk", "choices", index, "delta", "tool_calls")):
                call = dict(up_dict(raw_call, ("chunk", "choices", index, "delta", "tool_calls", 0)))
                call_index = up_int(call.get("index", 0), ("chunk", "choices", index, "delta", "tool_calls"))
                function = call.get("function")
                if isinstance(function, dict) and isinstance(function.get("arguments"), str):
                    t = self._transformer(streams, ("tool", call_index), "json")
                    call["function"] = {**function, "arguments": t.feed(function["arguments"])}
                calls.append(call)
            delta["tool_calls"] = calls
        return delta

    def _transformer(
        self, streams: dict[_StreamKey, StreamTransformer], key: _StreamKey, kind: Literal["text", "json"]
    ) -> StreamTransformer:
        if key not in streams:
            streams[key] = self._make(kind)
        return streams[key]

    def _flush_choice(self, index: int) -> dict[str, Any] | None:
        streams = self._open.pop(index, {})
        delta: dict[str, Any] = {}
        calls: list[dict[str, Any]] = []
        for (field, number), transformer in streams.items():
            rest = transformer.flush()
            if not rest:
                continue
            if field in _TEXT_FIELDS:
                delta[field] = rest
            elif field == "function_call":
                delta["function_call"] = {"arguments": rest}
            else:
                calls.append({"index": number, "function": {"arguments": rest}})
        if calls:
            delta["tool_calls"] = sorted(calls, key=lambda c: int(c["index"]))
        if not delta:
            return None
        return {"index": index, "delta": delta, "logprobs": None, "finish_reason": None}

    @staticmethod
    def _extra_chunk(envelope: dict[str, Any], choices: list[dict[str, Any]]) -> dict[str, Any]:
        chunk = {key: value for key, value in envelope.items() if key not in ("choices", "usage", "obfuscation")}
        chunk["choices"] = choices
        if "usage" in envelope:
            chunk["usage"] = None
        return chunk


def _has_text(delta: dict[str, Any]) -> bool:
    return any(delta.get(k) for k in _TEXT_FIELDS) or bool(delta.get("tool_calls")) or "function_call" in delta


def _without_text(delta: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in delta.items() if k not in (*_TEXT_FIELDS, "tool_calls", "function_call", "role")}


class AnthropicStreamRewriter:
    def __init__(self, make: TransformerFactory) -> None:
        self._make = make
        self._open: dict[int, tuple[str, StreamTransformer]] = {}  # block index -> (delta type, transformer)

    def feed(self, event: str, data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        body = up_dict(data, (event,))
        kind = event_type(event, body)
        if kind == "content_block_start":
            return [(event, self._on_start(body))]
        if kind == "content_block_delta":
            return [(event, self._on_delta(body))]
        if kind == "content_block_stop":
            index = up_int(body.get("index"), ("content_block_stop", "index"))
            return [*self._flush(index), (event, body)]
        if kind in ("message_delta", "message_stop"):
            # Blocks are always stopped before these; flush anything left rather than lose it.
            leftovers = [e for index in sorted(self._open) for e in self._flush(index)]
            return [*leftovers, (event, body)]
        return [(event, body)]

    def _on_start(self, body: dict[str, Any]) -> dict[str, Any]:
        index = up_int(body.get("index"), ("content_block_start", "index"))
        block = up_dict(body.get("content_block"), ("content_block_start", "content_block"))
        if block.get("type") == "text":
            transformer = self._make("text")
            self._open[index] = ("text_delta", transformer)
            text = up_str(block.get("text", ""), ("content_block_start", "content_block", "text"))
            if text:
                return {**body, "content_block": {**block, "text": transformer.feed(text)}}
        elif block.get("type") == "tool_use":
            self._open[index] = ("input_json_delta", self._make("json"))
            tool_input = block.get("input")
            if isinstance(tool_input, dict) and tool_input:
                # Some compatible servers send the whole input up front instead of as deltas.
                return {**body, "content_block": {**block, "input": self._rewrite_leaves(tool_input)}}
        return body

    def _rewrite_leaves(self, value: Any) -> Any:
        if isinstance(value, str):
            transformer = self._make("text")
            return transformer.feed(value) + transformer.flush()
        if isinstance(value, dict):
            return {key: self._rewrite_leaves(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self._rewrite_leaves(item) for item in value]
        return value

    def _on_delta(self, body: dict[str, Any]) -> dict[str, Any]:
        index = up_int(body.get("index"), ("content_block_delta", "index"))
        delta = up_dict(body.get("delta"), ("content_block_delta", "delta"))
        delta_type = delta.get("type")
        if delta_type not in ("text_delta", "input_json_delta"):
            return body
        field = "text" if delta_type == "text_delta" else "partial_json"
        opened = self._open.get(index)
        if opened is None or opened[0] != delta_type:
            raise bad(("content_block_delta", "delta", "type"), "delta does not match its block")
        text = up_str(delta.get(field), ("content_block_delta", "delta", field))
        return {**body, "delta": {**delta, field: opened[1].feed(text)}}

    def _flush(self, index: int) -> list[tuple[str, dict[str, Any]]]:
        opened = self._open.pop(index, None)
        if opened is None:
            return []
        delta_type, transformer = opened
        rest = transformer.flush()
        if not rest:
            return []
        field = "text" if delta_type == "text_delta" else "partial_json"
        delta = {"type": delta_type, field: rest}
        return [("content_block_delta", {"type": "content_block_delta", "index": index, "delta": delta})]

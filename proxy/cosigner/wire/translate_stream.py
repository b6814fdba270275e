"""Streams from one provider format to the other, one upstream event at a time.

``AnthropicStreamToOpenAI`` turns Anthropic events into ``chat.completion.chunk`` dicts (the caller writes the
final ``data: [DONE]``).  ``OpenAIStreamToAnthropic`` turns chunks into the full Anthropic event sequence:
message_start, ping, a start/stop pair around each text run and each tool call, message_delta, message_stop.
"""

from __future__ import annotations

import json
import time
from typing import Any

from cosigner.errors import UpstreamStatus
from cosigner.wire.translate_response import (
    anthropic_usage_to_openai,
    finish_reason_for,
    openai_usage_to_anthropic,
    stop_reason_for,
)
from cosigner.wire.upstream_shape import bad, event_type, up_dict, up_int, up_list, up_opt_str, up_str

__all__ = ["AnthropicStreamToOpenAI", "OpenAIStreamToAnthropic"]

_STATUS_FOR_ANTHROPIC_ERROR = {
    "invalid_request_error": 400,
    "authentication_error": 401,
    "permission_error": 403,
    "not_found_error": 404,
    "request_too_large": 413,
    "rate_limit_error": 429,
    "timeout_error": 504,
    "overloaded_error": 529,
}


class AnthropicStreamToOpenAI:
    def __init__(self, model: str, include_usage: bool, *, created: int | None = None) -> None:
        self._model = model
        self._include_usage = include_usage
        self._created = int(time.time()) if created is None else created
        self._id = ""
        self._started = False
        self._usage: dict[str, Any] = {}
        self._tool_index: dict[int, int] = {}  # Anthropic block index -> OpenAI tool call index
        self._finished = False

    def feed(self, event: str, data: dict[str, Any]) -> list[dict[str, Any]]:
        kind = event_type(event, data)
        if kind == "error":
            raise _anthropic_stream_failure(data)
        body = up_dict(data, (kind,))
        if kind == "message_start":
            return self._on_message_start(body)
        if not self._started:
            if kind in ("ping", "message_stop"):
                return []
            raise bad((kind,), "event before message_start")
        if kind == "content_block_start":
            return self._on_block_start(body)
        if kind == "content_block_delta":
            return self._on_block_delta(body)
        if kind == "message_delta":
            return self._on_message_delta(body)
        if kind == "message_stop":
            return self._on_message_stop()
        return []  # ping, content_block_stop, message_stop without usage, and future event types

    def _on_message_start(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        message = up_dict(body.get("message"), ("message_start", "message"))
        self._id = "chatcmpl-" + up_str(message.get("id"), ("message_start", "message", "id"))
        usage = message.get("usage")
        if isinstance(usage, dict):
            self._usage.update(usage)
        self._started = True
        return [self._choice_chunk({"role": "assistant", "content": "", "refusal": None})]

    def _on_block_start(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        index = up_int(body.get("index"), ("content_block_start", "index"))
        block = up_dict(body.get("content_block"), ("content_block_start", "content_block"))
        kind = block.get("type")
        if kind == "text":
            text = up_str(block.get("text", ""), ("content_block_start", "content_block", "text"))
            return [self._choice_chunk({"content": text})] if text else []
        if kind == "tool_use":
            call_index = len(self._tool_index)
            self._tool_index[index] = call_index
            call = {
                "index": call_index,
                "id": up_str(block.get("id"), ("content_block_start", "content_block", "id")),
                "type": "function",
                "function": {
                    "name": up_str(block.get("name"), ("content_block_start", "content_block", "name")),
                    "arguments": _initial_arguments(block.get("input")),
                },
            }
            return [self._choice_chunk({"tool_calls": [call]})]
        return []  # thinking and server-tool blocks are not shown to OpenAI clients

    def _on_block_delta(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        index = up_int(body.get("index"), ("content_block_delta", "index"))
        delta = up_dict(body.get("delta"), ("content_block_delta", "delta"))
        kind = delta.get("type")
        if kind == "text_delta":
            text = up_str(delta.get("text"), ("content_block_delta", "delta", "text"))
            return [self._choice_chunk({"content": text})]
        if kind == "input_json_delta":
            partial = up_str(delta.get("partial_json"), ("content_block_delta", "delta", "partial_json"))
            if index not in self._tool_index:
                raise bad(("content_block_delta", "index"), "input_json_delta outside a tool_use block")
            if not partial:
                return []
            call = {"index": self._tool_index[index], "function": {"arguments": partial}}
            return [self._choice_chunk({"tool_calls": [call]})]
        return []  # thinking, signature and citation deltas

    def _on_message_delta(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        delta = up_dict(body.get("delta"), ("message_delta", "delta"))
        stop_reason = up_opt_str(delta.get("stop_reason"), ("message_delta", "delta", "stop_reason"))
        usage = body.get("usage")
        if isinstance(usage, dict):
            self._usage.update({k: v for k, v in usage.items() if v is not None})
        if self._finished:
            return []
        self._finished = True
        return [self._choice_chunk({}, finish_reason=finish_reason_for(stop_reason))]

    def _on_message_stop(self) -> list[dict[str, Any]]:
        # A message_stop without message_delta still has to end the choice, or OpenAI clients wait for it.
        out = [] if self._finished else [self._choice_chunk({}, finish_reason="stop")]
        self._finished = True
        if self._include_usage:
            out.append(self._chunk([], usage=anthropic_usage_to_openai(self._usage)))
        return out

    def _choice_chunk(self, delta: dict[str, Any], finish_reason: str | None = None) -> dict[str, Any]:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
        return self._chunk([choice])

    def _chunk(self, choices: list[dict[str, Any]], usage: dict[str, Any] | None = None) -> dict[str, Any]:
        chunk: dict[str, Any] = {
            "id": self._id,
            "object": "chat.completion.chunk",
            "created": self._created,
            "model": self._model,
            "system_fingerprint": None,
            "choices": choices,
        }
        if self._include_usage:
            chunk["usage"] = usage
        return chunk


def _initial_arguments(tool_input: Any) -> str:
    """Anthropic starts a tool_use block with ``input: {}``; a server that sends the whole input here is kept."""
    if tool_input is None or tool_input == {}:
        return ""
    return json.dumps(up_dict(tool_input, ("content_block_start", "content_block", "input")), ensure_ascii=False)


def _anthropic_stream_failure(data: Any) -> UpstreamStatus:
    error = data.get("error") if isinstance(data, dict) else None
    error_type = error.get("type") if isinstance(error, dict) else None
    message = error.get("message") if isinstance(error, dict) else None
    status = _STATUS_FOR_ANTHROPIC_ERROR.get(error_type, 502) if isinstance(error_type, str) else 502
    text = message if isinstance(message, str) and message else "The provider reported an error mid-stream."
    return UpstreamStatus(text, status=status)


class OpenAIStreamToAnthropic:
    def __init__(self, model: str) -> None:
        self._model = model
        self._started = False
        self._next_block = 0
        self._open: tuple[str, int] | None = None  # ("text", -1) or ("tool", openai tool call index)
        self._tool_calls_seen: set[int] = set()
        self._finish_reason: str | None = None
        self._usage: dict[str, Any] = {}
        self._done = False

    def feed(self, chunk: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        body = up_dict(chunk, ("chunk",))
        if self._done:
            raise bad(("chunk",), "chunk after the end of the stream")
        if isinstance(body.get("error"), dict | str):
            raise UpstreamStatus("The provider reported an error mid-stream.", status=502)
        events: list[tuple[str, dict[str, Any]]] = []
        if not self._started:
            if not body.get("choices") and body.get("usage") is None:
                return []  # Azure's prompt_filter_results prelude: no id, no content, nothing to say yet
            events.extend(self._start(body))
        usage = body.get("usage")
        if isinstance(usage, dict):
            self._usage = usage
        for raw in up_list(body.get("choices") or [], ("chunk", "choices")):
            choice = up_dict(raw, ("chunk", "choices", 0))
            if choice.get("index", 0) != 0:
                continue  # the translated request never asks for n > 1
            delta = up_dict(choice.get("delta") or {}, ("chunk", "choices", 0, "delta"))
            events.extend(self._on_delta(delta))
            finish = up_opt_str(choice.get("finish_reason"), ("chunk", "choices", 0, "finish_reason"))
            if finish is not None:
                self._finish_reason = finish
                events.extend(self._close_open())
        return events

    def finish(self) -> list[tuple[str, dict[str, Any]]]:
        """Called at ``[DONE]``: closes any open block and ends the message."""
        if not self._started:
            raise bad(("stream",), "the stream ended before any chunk")
        if self._done:
            return []
        self._done = True
        events = self._close_open()
        usage = openai_usage_to_anthropic(self._usage)
        events.append(
            (
                "message_delta",
                {
                    "type": "message_delta",
                    "delta": {"stop_reason": stop_reason_for(self._finish_reason), "stop_sequence": None},
                    "usage": usage,
                },
            )
        )
        events.append(("message_stop", {"type": "message_stop"}))
        return events

    def _start(self, body: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        self._started = True
        chunk_id = up_str(body.get("id", "stream"), ("chunk", "id"))
        message: dict[str, Any] = {
            "id": chunk_id if chunk_id.startswith("msg_") else f"msg_{chunk_id}",
            "type": "message",
            "role": "assistant",
            "model": self._model,
            "content": [],
            "stop_reason": None,
            "stop_sequence": None,
            "usage": {"input_tokens": 0, "output_tokens": 0},
        }
        return [("message_start", {"type": "message_start", "message": message}), ("ping", {"type": "ping"})]

    def _on_delta(self, delta: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        events: list[tuple[str, dict[str, Any]]] = []
        for key in ("content", "refusal"):
            text = up_opt_str(delta.get(key), ("chunk", "choices", 0, "delta", key))
            if text:
                if self._open != ("text", -1):
                    events.extend(self._close_open())
                    events.append(self._open_block(("text", -1), {"type": "text", "text": ""}))
                events.append(self._block_delta({"type": "text_delta", "text": text}))
        calls = up_list(delta.get("tool_calls") or [], ("chunk", "choices", 0, "delta", "tool_calls"))
        for j, raw in enumerate(calls):
            events.extend(self._on_tool_call(up_dict(raw, ("chunk", "choices", 0, "delta", "tool_calls", j))))
        return events

    def _on_tool_call(self, call: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        path = ("chunk", "choices", 0, "delta", "tool_calls")
        index = up_int(call.get("index", 0), (*path, "index"))
        function = up_dict(call.get("function") or {}, (*path, "function"))
        events: list[tuple[str, dict[str, Any]]] = []
        if index not in self._tool_calls_seen:
            self._tool_calls_seen.add(index)
            events.extend(self._close_open())
            block = {
                "type": "tool_use",
                "id": up_str(call.get("id"), (*path, "id")),
                "name": up_str(function.get("name"), (*path, "function", "name")),
                "input": {},
            }
            events.append(self._open_block(("tool", index), block))
        elif self._open != ("tool", index):
            raise bad((*path, "index"), "tool call arguments arrived after a later block began")
        arguments = up_opt_str(function.get("arguments"), (*path, "function", "arguments"))
        if arguments:
            events.append(self._block_delta({"type": "input_json_delta", "partial_json": arguments}))
        return events

    def _open_block(self, key: tuple[str, int], block: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        self._open = key
        data = {"type": "content_block_start", "index": self._next_block, "content_block": block}
        return ("content_block_start", data)

    def _block_delta(self, delta: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        return (
            "content_block_delta",
            {"type": "content_block_delta", "index": self._next_block, "delta": delta},
        )

    def _close_open(self) -> list[tuple[str, dict[str, Any]]]:
        if self._open is None:
            return []
        self._open = None
        index = self._next_block
        self._next_block += 1
        return [("content_block_stop", {"type": "content_block_stop", "index": index})]

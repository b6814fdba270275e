"""Rewriting model-written text in responses, in the client's own format (the restore stage's hook).

``fn(text, kind)`` receives every string the model wrote: ``kind`` is "text" for prose and for tool_use input
string leaves, "json" for a JSON document's raw text (OpenAI ``tool_calls[].function.arguments``).  Thinking
blocks are left alone: their signature covers the exact text.  The input is never mutated.
Streaming rewriters live in ``rewrite_stream`` and are re-exported here.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, Literal

from cosigner.wire.paths import JsonPath
from cosigner.wire.rewrite_stream import AnthropicStreamRewriter, OpenAIStreamRewriter, StreamTransformer
from cosigner.wire.upstream_shape import up_dict, up_list, up_str

__all__ = [
    "AnthropicStreamRewriter",
    "OpenAIStreamRewriter",
    "RewriteFn",
    "StreamTransformer",
    "TextKind",
    "rewrite_anthropic_response",
    "rewrite_openai_response",
]

TextKind = Literal["text", "json"]
RewriteFn = Callable[[str, TextKind], str]


def rewrite_openai_response(resp: dict[str, Any], fn: RewriteFn) -> dict[str, Any]:
    out = copy.deepcopy(up_dict(resp, ()))
    for i, raw in enumerate(up_list(out.get("choices"), ("choices",))):
        base: JsonPath = ("choices", i, "message")
        message = up_dict(up_dict(raw, ("choices", i)).get("message"), base)
        for key in ("content", "refusal"):
            if message.get(key) is not None:
                message[key] = fn(up_str(message[key], (*base, key)), "text")
        for j, call in enumerate(up_list(message.get("tool_calls") or [], (*base, "tool_calls"))):
            call_path: JsonPath = (*base, "tool_calls", j)
            up_dict(call, call_path)
            if call.get("type", "function") == "function":
                function = up_dict(call.get("function"), (*call_path, "function"))
                arguments = up_str(function.get("arguments"), (*call_path, "function", "arguments"))
                function["arguments"] = fn(arguments, "json")
            elif call.get("type") == "custom":
                custom = up_dict(call.get("custom"), (*call_path, "custom"))
                custom["input"] = fn(up_str(custom.get("input"), (*call_path, "custom", "input")), "text")
        function_call = message.get("function_call")
        if function_call is not None:
            legacy = up_dict(function_call, (*base, "function_call"))
            arguments = up_str(legacy.get("arguments"), (*base, "function_call", "arguments"))
            legacy["arguments"] = fn(arguments, "json")
    return out


def rewrite_anthropic_response(resp: dict[str, Any], fn: RewriteFn) -> dict[str, Any]:
    out = copy.deepcopy(up_dict(resp, ()))
    for i, raw in enumerate(up_list(out.get("content"), ("content",))):
        block = up_dict(raw, ("content", i))
        kind = block.get("type")
        if kind == "text":
            block["text"] = fn(up_str(block.get("text"), ("content", i, "text")), "text")
        elif kind == "tool_use":
            block["input"] = _rewrite_leaves(up_dict(block.get("input"), ("content", i, "input")), fn)
    return out


def _rewrite_leaves(value: Any, fn: RewriteFn) -> Any:
    if isinstance(value, str):
        return fn(value, "text")
    if isinstance(value, dict):
        return {key: _rewrite_leaves(item, fn) for key, item in value.items()}
    if isinstance(value, list):
        return [_rewrite_leaves(item, fn) for item in value]
    return value

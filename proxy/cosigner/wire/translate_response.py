"""Complete (non-streaming) responses from one provider format to the other, plus the shared mappings."""

from __future__ import annotations

import json
import time
from typing import Any

from cosigner.wire.paths import JsonPath
from cosigner.wire.upstream_shape import bad, up_dict, up_list, up_opt_str, up_str

__all__ = [
    "anthropic_response_to_openai",
    "anthropic_usage_to_openai",
    "finish_reason_for",
    "openai_response_to_anthropic",
    "openai_usage_to_anthropic",
    "parse_tool_arguments",
    "stop_reason_for",
]

_FINISH_FOR_STOP = {
    "end_turn": "stop",
    "stop_sequence": "stop",
    "pause_turn": "stop",
    "max_tokens": "length",
    "model_context_window_exceeded": "length",
    "tool_use": "tool_calls",
    "refusal": "content_filter",
}
_STOP_FOR_FINISH = {
    "stop": "end_turn",
    "length": "max_tokens",
    "tool_calls": "tool_use",
    "function_call": "tool_use",
    "content_filter": "refusal",
}


def finish_reason_for(stop_reason: str | None) -> str:
    """Anthropic ``stop_reason`` -> OpenAI ``finish_reason``."""
    return _FINISH_FOR_STOP.get(stop_reason or "end_turn", "stop")


def stop_reason_for(finish_reason: str | None) -> str:
    """OpenAI ``finish_reason`` -> Anthropic ``stop_reason``."""
    return _STOP_FOR_FINISH.get(finish_reason or "stop", "end_turn")


def anthropic_usage_to_openai(usage: dict[str, Any]) -> dict[str, Any]:
    """Anthropic counts cached prompt tokens separately; OpenAI's ``prompt_tokens`` includes them."""
    cached = _count(usage.get("cache_read_input_tokens"))
    prompt = _count(usage.get("input_tokens")) + _count(usage.get("cache_creation_input_tokens")) + cached
    completion = _count(usage.get("output_tokens"))
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
        "prompt_tokens_details": {"cached_tokens": cached},
    }


def anthropic_response_to_openai(resp: Any, *, model: str, created: int | None = None) -> dict[str, Any]:
    msg = up_dict(resp, ())
    msg_id = up_str(msg.get("id"), ("id",))
    texts: list[str] = []
    calls: list[dict[str, Any]] = []
    for i, raw in enumerate(up_list(msg.get("content"), ("content",))):
        path: JsonPath = ("content", i)
        block = up_dict(raw, path)
        kind = up_str(block.get("type"), (*path, "type"))
        if kind == "text":
            texts.append(up_str(block.get("text"), (*path, "text")))
        elif kind == "tool_use":
            arguments = json.dumps(up_dict(block.get("input"), (*path, "input")), ensure_ascii=False)
            calls.append(
                {
                    "id": up_str(block.get("id"), (*path, "id")),
                    "type": "function",
                    "function": {"name": up_str(block.get("name"), (*path, "name")), "arguments": arguments},
                }
            )
        # thinking and server-tool blocks have no OpenAI equivalent and are not shown to the client.
    message: dict[str, Any] = {
        "role": "assistant",
        "content": "".join(texts) if texts or not calls else None,
        "refusal": None,
        "annotations": [],
    }
    if calls:
        message["tool_calls"] = calls
    stop_reason = up_opt_str(msg.get("stop_reason"), ("stop_reason",))
    usage = up_dict(msg.get("usage"), ("usage",))
    return {
        "id": f"chatcmpl-{msg_id}",
        "object": "chat.completion",
        "created": int(time.time()) if created is None else created,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": message,
                "logprobs": None,
                "finish_reason": finish_reason_for(stop_reason),
            }
        ],
        "usage": anthropic_usage_to_openai(usage),
    }


def openai_response_to_anthropic(resp: Any, *, model: str) -> dict[str, Any]:
    body = up_dict(resp, ())
    resp_id = up_str(body.get("id"), ("id",))
    choices = up_list(body.get("choices"), ("choices",))
    if not choices:
        raise bad(("choices",), "expected at least one choice")
    choice = up_dict(choices[0], ("choices", 0))
    message = up_dict(choice.get("message"), ("choices", 0, "message"))
    base: JsonPath = ("choices", 0, "message")
    content: list[dict[str, Any]] = []
    text = up_opt_str(message.get("content"), (*base, "content"))
    refusal = up_opt_str(message.get("refusal"), (*base, "refusal"))
    if text:
        content.append({"type": "text", "text": text})
    if refusal:
        content.append({"type": "text", "text": refusal})
    for j, raw in enumerate(up_list(message.get("tool_calls") or [], (*base, "tool_calls"))):
        path: JsonPath = (*base, "tool_calls", j)
        call = up_dict(raw, path)
        function = up_dict(call.get("function"), (*path, "function"))
        arguments = up_str(function.get("arguments"), (*path, "function", "arguments"))
        content.append(
            {
                "type": "tool_use",
                "id": up_str(call.get("id"), (*path, "id")),
                "name": up_str(function.get("name"), (*path, "function", "name")),
                "input": parse_tool_arguments(arguments, (*path, "function", "arguments")),
            }
        )
    finish = up_opt_str(choice.get("finish_reason"), ("choices", 0, "finish_reason"))
    stop_reason = "refusal" if refusal and not text else stop_reason_for(finish)
    usage = body.get("usage")
    usage = up_dict(usage, ("usage",)) if usage is not None else {}
    return {
        "id": resp_id if resp_id.startswith("msg_") else f"msg_{resp_id}",
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": content,
        "stop_reason": stop_reason,
        "stop_sequence": None,
        "usage": openai_usage_to_anthropic(usage),
    }


def openai_usage_to_anthropic(usage: dict[str, Any]) -> dict[str, Any]:
    details = usage.get("prompt_tokens_details")
    cached = _count(details.get("cached_tokens")) if isinstance(details, dict) else 0
    prompt = _count(usage.get("prompt_tokens"))
    return {
        "input_tokens": max(prompt - cached, 0),
        "cache_read_input_tokens": cached,
        "output_tokens": _count(usage.get("completion_tokens")),
    }


def parse_tool_arguments(arguments: str, path: JsonPath) -> dict[str, Any]:
    if not arguments.strip():
        return {}
    try:
        value = json.loads(arguments)
    except (json.JSONDecodeError, RecursionError):
        raise bad(path, "tool arguments are not valid JSON") from None
    if not isinstance(value, dict):
        raise bad(path, "tool arguments are not a JSON object")
    return value


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0

"""Strict accumulators for both stream formats: they fail on orderings or shapes providers never send."""

from __future__ import annotations

import json
from typing import Any

from .sdk_shapes import check_anthropic_event, check_openai_chunk


def accumulate_openai(chunks: list[dict[str, Any]], *, include_usage: bool, strict: bool = True) -> dict[str, Any]:
    """Text, tool calls, finish reason and usage of choice 0, checking the include_usage contract.

    ``strict=False`` allows keys the SDK does not model (Azure's content-filter annotations) and Azure's
    id-less ``prompt_filter_results`` prelude chunk."""
    text = ""
    calls: dict[int, dict[str, Any]] = {}
    finish: str | None = None
    usage: dict[str, Any] | None = None
    ids = set()
    for position, chunk in enumerate(chunks):
        check_openai_chunk(chunk, strict=strict)
        if strict or chunk["id"]:
            ids.add(chunk["id"])
        assert usage is None, "nothing may follow the usage chunk"
        if include_usage:
            # OpenAI sends "usage": null on every other chunk; Ollama leaves the key out.
            if chunk.get("usage") is not None:
                assert chunk["choices"] == [] and position == len(chunks) - 1
                usage = chunk["usage"]
        else:
            assert chunk.get("usage") is None
        for choice in chunk["choices"]:
            assert choice["index"] == 0
            assert finish is None, "no deltas after the finish_reason chunk"
            delta = choice["delta"]
            text += delta.get("content") or ""
            for call in delta.get("tool_calls") or ():
                if call["index"] not in calls:
                    assert call["id"] and call["function"]["name"], "a new tool call starts with id and name"
                    calls[call["index"]] = {
                        "id": call["id"],
                        "name": call["function"]["name"],
                        "arguments": "",
                    }
                calls[call["index"]]["arguments"] += call["function"].get("arguments") or ""
            finish = choice["finish_reason"] or finish
    assert len(ids) == 1, "every chunk carries the same id"
    assert finish is not None
    if include_usage:
        assert usage is not None
    return {
        "text": text,
        "tool_calls": [calls[i] for i in sorted(calls)],
        "finish_reason": finish,
        "usage": usage,
    }


def accumulate_anthropic(events: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """The final message, checking the documented event order (start, blocks, delta, stop)."""
    for name, data in events:
        check_anthropic_event(name, data)
    names = [name for name, _ in events]
    assert names[0] == "message_start"
    assert names[-2:] == ["message_delta", "message_stop"]
    assert names.count("message_start") == names.count("message_delta") == names.count("message_stop") == 1
    message = dict(events[0][1]["message"])
    message["content"] = []
    open_index: int | None = None
    partial_json = ""
    for name, data in events[1:-2]:
        if name == "content_block_start":
            assert open_index is None, "blocks never overlap"
            assert data["index"] == len(message["content"]), "block indices count up from 0"
            open_index = data["index"]
            message["content"].append(dict(data["content_block"]))
            partial_json = ""
        elif name == "content_block_delta":
            assert data["index"] == open_index
            block, delta = message["content"][open_index], data["delta"]
            if delta["type"] == "text_delta":
                assert block["type"] == "text"
                block["text"] += delta["text"]
            else:
                assert delta["type"] == "input_json_delta" and block["type"] == "tool_use"
                partial_json += delta["partial_json"]
        elif name == "content_block_stop":
            assert data["index"] == open_index
            block = message["content"][open_index]
            if block["type"] == "tool_use":
                block["input"] = json.loads(partial_json) if partial_json else {}
            open_index = None
        else:
            assert name == "ping", name
    assert open_index is None, "every block is stopped before message_delta"
    final = events[-2][1]
    message["stop_reason"] = final["delta"]["stop_reason"]
    message["usage"] = {**message["usage"], **final["usage"]}
    return message

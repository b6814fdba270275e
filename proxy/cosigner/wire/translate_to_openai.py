"""Anthropic messages request -> OpenAI chat completions request (run after validation and redaction).

Anything OpenAI cannot express raises ``BadRequest`` naming the dotted path: server tools, non-text tool
results, non-PDF documents, server-tool blocks.  Thinking blocks are dropped (only Anthropic can verify them),
as are ``top_k`` and a false ``is_error``.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from cosigner.wire.paths import JsonPath
from cosigner.wire.shape import fail

__all__ = ["anthropic_request_to_openai"]


def anthropic_request_to_openai(
    body: dict[str, Any], *, max_tokens_field: Literal["max_tokens", "max_completion_tokens"] = "max_tokens"
) -> dict[str, Any]:
    """``max_tokens`` suits every OpenAI-compatible server; OpenAI reasoning models need the other."""
    messages: list[dict[str, Any]] = []
    system = body.get("system")
    if isinstance(system, str):
        messages.append({"role": "system", "content": system})
    elif system:
        messages.append({"role": "system", "content": [{"type": "text", "text": b["text"]} for b in system]})
    for i, message in enumerate(body["messages"]):
        path: JsonPath = ("messages", i, "content")
        role = message["role"]
        content = message["content"]
        if role == "system":
            messages.append({"role": "system", "content": _openai_text(content)})
        elif role == "user":
            messages.extend(_openai_user_messages(content, path))
        else:
            messages.extend(_openai_assistant_message(content, path))
    out: dict[str, Any] = {"model": body["model"], "messages": messages, max_tokens_field: body["max_tokens"]}
    for key in ("temperature", "top_p"):
        if body.get(key) is not None:
            out[key] = body[key]
    if body.get("stop_sequences"):
        out["stop"] = list(body["stop_sequences"])
    tools = body.get("tools")
    if tools:
        out["tools"] = [_openai_tool(tool, ("tools", i)) for i, tool in enumerate(tools)]
        choice = body.get("tool_choice")
        if choice is not None:
            out["tool_choice"] = _openai_tool_choice(choice)
            if choice.get("disable_parallel_tool_use") is True:
                out["parallel_tool_calls"] = False
    metadata = body.get("metadata")
    if isinstance(metadata, dict) and isinstance(metadata.get("user_id"), str):
        out["user"] = metadata["user_id"]
    if body.get("stream") is True:
        out["stream"] = True
        out["stream_options"] = {"include_usage": True}
    return out


def _openai_text(content: str | list[dict[str, Any]]) -> str | list[dict[str, Any]]:
    if isinstance(content, str):
        return content
    return [{"type": "text", "text": block["text"]} for block in content]


def _openai_user_messages(content: str | list[dict[str, Any]], path: JsonPath) -> list[dict[str, Any]]:
    """Tool results become ``tool`` messages, placed first: OpenAI wants them right after the tool calls."""
    if isinstance(content, str):
        return [{"role": "user", "content": content}]
    tool_messages: list[dict[str, Any]] = []
    parts: list[dict[str, Any]] = []
    for j, block in enumerate(content):
        kind = block["type"]
        if kind == "tool_result":
            tool_messages.append(_openai_tool_message(block, (*path, j)))
        elif kind == "text":
            parts.append({"type": "text", "text": block["text"]})
        elif kind == "image":
            parts.append({"type": "image_url", "image_url": {"url": _image_url(block["source"], (*path, j))}})
        elif kind == "document":
            parts.append(_openai_file_part(block, (*path, j)))
        else:
            raise fail((*path, j, "type"), f"{kind} blocks cannot be sent to this model")
    if parts:
        tool_messages.append({"role": "user", "content": parts})
    return tool_messages


def _openai_tool_message(block: dict[str, Any], path: JsonPath) -> dict[str, Any]:
    content = block.get("content")
    text: str | list[dict[str, Any]]
    if content is None:
        text = ""
    elif isinstance(content, str):
        text = content
    else:
        text = []
        for k, inner in enumerate(content):
            if inner["type"] != "text":
                raise fail((*path, "content", k, "type"), "only text tool results can be sent to this model")
            text.append({"type": "text", "text": inner["text"]})
    return {"role": "tool", "tool_call_id": block["tool_use_id"], "content": text}


def _image_url(source: dict[str, Any], path: JsonPath) -> str:
    if source.get("type") == "base64":
        return f"data:{source.get('media_type')};base64,{source.get('data')}"
    if source.get("type") == "url" and isinstance(source.get("url"), str):
        return str(source["url"])
    raise fail((*path, "source", "type"), "only base64 or url images can be sent to this model")


def _openai_file_part(block: dict[str, Any], path: JsonPath) -> dict[str, Any]:
    source = block["source"]
    if source.get("type") != "base64" or source.get("media_type") != "application/pdf":
        raise fail((*path, "source"), "only base64 PDF documents can be sent to this model")
    filename = block.get("title") if isinstance(block.get("title"), str) else "document.pdf"
    return {
        "type": "file",
        "file": {"filename": filename, "file_data": f"data:application/pdf;base64,{source.get('data')}"},
    }


def _openai_assistant_message(content: str | list[dict[str, Any]], path: JsonPath) -> list[dict[str, Any]]:
    """No message at all for a turn left empty (e.g. only thinking), which OpenAI would reject."""
    if isinstance(content, str):
        return [{"role": "assistant", "content": content}]
    texts: list[str] = []
    calls: list[dict[str, Any]] = []
    for j, block in enumerate(content):
        kind = block["type"]
        if kind == "text":
            texts.append(block["text"])
        elif kind == "tool_use":
            arguments = json.dumps(block["input"], ensure_ascii=False, separators=(",", ":"))
            calls.append(
                {
                    "id": block["id"],
                    "type": "function",
                    "function": {"name": block["name"], "arguments": arguments},
                }
            )
        elif kind in ("thinking", "redacted_thinking"):
            continue  # only Anthropic can verify its own signed thinking; other providers reject it
        else:
            raise fail((*path, j, "type"), f"{kind} blocks cannot be sent to this model")
    if not texts and not calls:
        return []
    message: dict[str, Any] = {"role": "assistant", "content": "".join(texts) if texts else None}
    if calls:
        message["tool_calls"] = calls
    return [message]


def _openai_tool(tool: dict[str, Any], path: JsonPath) -> dict[str, Any]:
    if tool.get("type") not in (None, "custom"):
        raise fail((*path, "type"), "server tools cannot be sent to this model")
    function: dict[str, Any] = {"name": tool["name"]}
    if isinstance(tool.get("description"), str):
        function["description"] = tool["description"]
    function["parameters"] = tool["input_schema"]
    return {"type": "function", "function": function}


def _openai_tool_choice(choice: dict[str, Any]) -> Any:
    kind = choice["type"]
    if kind == "tool":
        return {"type": "function", "function": {"name": choice["name"]}}
    return {"auto": "auto", "any": "required", "none": "none"}[kind]

"""OpenAI chat completions request -> Anthropic messages request (run after validation and redaction).

Anything Anthropic cannot express raises ``BadRequest`` naming the dotted path rather than being silently
dropped: audio parts, uploaded file ids, custom tools, legacy ``function_call`` messages, ``n`` > 1.
Sampling knobs Anthropic lacks (``seed``, penalties, ``logit_bias``, ...) are dropped.
"""

from __future__ import annotations

import json
from typing import Any

from cosigner.wire.paths import JsonPath
from cosigner.wire.shape import fail

__all__ = ["openai_request_to_anthropic"]

# Anthropic accepts temperature in [0, 1]; OpenAI in [0, 2].
_ANTHROPIC_MAX_TEMPERATURE = 1.0


def openai_request_to_anthropic(body: dict[str, Any], *, default_max_tokens: int = 4096) -> dict[str, Any]:
    out: dict[str, Any] = {"model": body["model"]}
    n = body.get("n")
    if n is not None and n != 1:
        raise fail(("n",), "must be 1 when the model is served by an Anthropic upstream")
    max_tokens = body.get("max_completion_tokens") or body.get("max_tokens") or default_max_tokens
    out["max_tokens"] = max_tokens
    system: list[dict[str, Any]] = []
    messages: list[dict[str, Any]] = []
    for i, message in enumerate(body["messages"]):
        path: JsonPath = ("messages", i)
        role = message["role"]
        if role in ("system", "developer"):
            system.extend(_text_blocks(message["content"]))
        elif role == "user":
            _append(messages, "user", _user_blocks(message["content"], (*path, "content")))
        elif role == "assistant":
            _append(messages, "assistant", _assistant_blocks(message, path))
        elif role == "tool":
            result = {"type": "tool_result", "tool_use_id": message["tool_call_id"], "content": None}
            content = message["content"]
            result["content"] = content if isinstance(content, str) else _text_blocks(content)
            _append(messages, "user", [result])
        else:
            raise fail((*path, "role"), "legacy function messages cannot be sent to this model; use tools")
    if system:
        out["system"] = system
    out["messages"] = messages
    _copy_sampling_to_anthropic(body, out)
    tools = body.get("tools")
    if tools:
        out["tools"] = [_anthropic_tool(tool, ("tools", i)) for i, tool in enumerate(tools)]
    choice = _anthropic_tool_choice(body.get("tool_choice"), body.get("parallel_tool_calls"))
    if choice is not None and tools:
        out["tool_choice"] = choice
    user = body.get("user") or body.get("safety_identifier")
    if isinstance(user, str) and user:
        out["metadata"] = {"user_id": user}
    if body.get("stream") is True:
        out["stream"] = True
    return out


def _append(messages: list[dict[str, Any]], role: str, blocks: list[dict[str, Any]]) -> None:
    """Same-role turns merge, so parallel tool results share one user turn as Anthropic requires."""
    if not blocks:
        return
    if messages and messages[-1]["role"] == role:
        messages[-1]["content"].extend(blocks)
    else:
        messages.append({"role": role, "content": blocks})


def _text_blocks(content: str | list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Anthropic rejects empty text blocks, which OpenAI allows; they carry nothing, so they are left out."""
    if isinstance(content, str):
        return [{"type": "text", "text": content}] if content else []
    return [{"type": "text", "text": part["text"]} for part in content if part["text"]]


def _user_blocks(content: str | list[dict[str, Any]], path: JsonPath) -> list[dict[str, Any]]:
    if isinstance(content, str):
        return _text_blocks(content)
    blocks: list[dict[str, Any]] = []
    for j, part in enumerate(content):
        kind = part["type"]
        if kind == "text":
            blocks.extend(_text_blocks([part]))
        elif kind == "image_url":
            blocks.append({"type": "image", "source": _image_source(part["image_url"]["url"], (*path, j))})
        elif kind == "file":
            blocks.append(_document_block(part["file"], (*path, j)))
        else:
            raise fail((*path, j, "type"), f"{kind} parts cannot be sent to this model")
    return blocks


def _image_source(url: str, path: JsonPath) -> dict[str, Any]:
    if url.startswith("data:"):
        media_type, data = _split_data_url(url, path)
        return {"type": "base64", "media_type": media_type, "data": data}
    if url.startswith(("https://", "http://")):
        return {"type": "url", "url": url}
    raise fail((*path, "image_url", "url"), "must be an http(s) or data: URL")


def _document_block(file: dict[str, Any], path: JsonPath) -> dict[str, Any]:
    data_url = file.get("file_data")
    if not isinstance(data_url, str) or not data_url.startswith("data:"):
        raise fail((*path, "file"), "only inline file_data can be sent to this model, not uploaded file ids")
    media_type, data = _split_data_url(data_url, (*path, "file"))
    if media_type != "application/pdf":
        raise fail((*path, "file"), "only PDF files can be sent to this model")
    block: dict[str, Any] = {
        "type": "document",
        "source": {"type": "base64", "media_type": media_type, "data": data},
    }
    if isinstance(file.get("filename"), str):
        block["title"] = file["filename"]
    return block


def _split_data_url(url: str, path: JsonPath) -> tuple[str, str]:
    header, sep, data = url.partition(",")
    if not sep or not header.endswith(";base64"):
        raise fail(path, "must be a base64 data: URL")
    return header[len("data:") : -len(";base64")], data


def _assistant_blocks(message: dict[str, Any], path: JsonPath) -> list[dict[str, Any]]:
    if message.get("function_call") is not None:
        raise fail((*path, "function_call"), "legacy function_call cannot be sent to this model; use tool_calls")
    blocks: list[dict[str, Any]] = []
    content = message.get("content")
    if isinstance(content, str):
        if content:
            blocks.append({"type": "text", "text": content})
    elif isinstance(content, list):
        for part in content:
            text = part["text"] if part["type"] == "text" else part["refusal"]
            if text:
                blocks.append({"type": "text", "text": text})
    for j, call in enumerate(message.get("tool_calls") or ()):
        call_path = (*path, "tool_calls", j)
        if call["type"] != "function":
            raise fail((*call_path, "type"), "custom tool calls cannot be sent to this model")
        function = call["function"]
        blocks.append(
            {
                "type": "tool_use",
                "id": call["id"],
                "name": function["name"],
                "input": _parse_arguments(function["arguments"], (*call_path, "function", "arguments")),
            }
        )
    return blocks


def _parse_arguments(arguments: str, path: JsonPath) -> dict[str, Any]:
    if not arguments.strip():
        return {}
    try:
        value = json.loads(arguments)
    except (json.JSONDecodeError, RecursionError):
        raise fail(path, "must be a JSON object") from None
    if not isinstance(value, dict):
        raise fail(path, "must be a JSON object")
    return value


def _anthropic_tool(tool: dict[str, Any], path: JsonPath) -> dict[str, Any]:
    if tool["type"] != "function":
        raise fail((*path, "type"), "custom tools cannot be sent to this model")
    function = tool["function"]
    out: dict[str, Any] = {"name": function["name"]}
    if isinstance(function.get("description"), str):
        out["description"] = function["description"]
    out["input_schema"] = function.get("parameters") or {"type": "object", "properties": {}}
    return out


def _anthropic_tool_choice(choice: Any, parallel: Any) -> dict[str, Any] | None:
    result: dict[str, Any] | None
    if choice is None:
        result = {"type": "auto"} if parallel is False else None
    elif isinstance(choice, str):
        result = {"type": {"auto": "auto", "none": "none", "required": "any"}[choice]}
    elif choice["type"] == "function":
        result = {"type": "tool", "name": choice["function"]["name"]}
    else:
        raise fail(("tool_choice", "type"), f"{choice['type']} cannot be sent to this model")
    if result is not None and parallel is False and result["type"] != "none":
        result["disable_parallel_tool_use"] = True
    return result


def _copy_sampling_to_anthropic(body: dict[str, Any], out: dict[str, Any]) -> None:
    temperature = body.get("temperature")
    if temperature is not None:
        out["temperature"] = min(float(temperature), _ANTHROPIC_MAX_TEMPERATURE)
    if body.get("top_p") is not None:
        out["top_p"] = body["top_p"]
    stop = body.get("stop")
    if isinstance(stop, str):
        out["stop_sequences"] = [stop]
    elif stop:
        out["stop_sequences"] = list(stop)

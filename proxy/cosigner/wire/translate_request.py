"""Request bodies from one provider format to the other (run after validation and redaction).

Anything that cannot be expressed in the target format raises ``BadRequest`` naming the dotted path rather
than being silently dropped: audio parts, uploaded file ids, server tools, legacy ``function_call`` messages.
Sampling knobs the target lacks (``seed``, ``n=1``, ``top_k``, penalties, ...) are dropped.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from cosigner.wire.paths import JsonPath
from cosigner.wire.shape import fail

__all__ = ["anthropic_request_to_openai", "openai_request_to_anthropic"]

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
            messages.append(_openai_assistant_message(content, path))
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


# -- OpenAI -> Anthropic helpers


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
        raise fail(
            (*path, "function_call"), "legacy function_call cannot be sent to this model; use tool_calls"
        )
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


# -- Anthropic -> OpenAI helpers


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


def _openai_assistant_message(content: str | list[dict[str, Any]], path: JsonPath) -> dict[str, Any]:
    if isinstance(content, str):
        return {"role": "assistant", "content": content}
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
    message: dict[str, Any] = {"role": "assistant", "content": "".join(texts) if texts else None}
    if calls:
        message["tool_calls"] = calls
    return message


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

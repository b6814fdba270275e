"""OpenAI chat completions requests: validation, the text the provider would read, and non-text parts.

Shapes follow the ``openai`` SDK's ``ChatCompletion*Param`` types.  Validation is strict about the fields we
read or translate and lets any other top-level parameter through untouched.
"""

from __future__ import annotations

from typing import Any

from cosigner.wire.paths import JsonPath, SlotKind, TextSlot
from cosigner.wire.shape import (
    fail,
    need_bool,
    need_dict,
    need_int,
    need_list,
    need_number,
    need_str,
    optional_field,
)

__all__ = ["is_stream", "non_text_parts", "request_text_slots", "requested_model", "validate_request"]

ROLES = ("system", "developer", "user", "assistant", "tool", "function")
USER_PART_TYPES = ("text", "image_url", "input_audio", "file")
ASSISTANT_PART_TYPES = ("text", "refusal")
TEXT_ONLY = ("text",)
# The role a slot is reported under (the policy contract knows system, user, assistant and tool).
_SLOT_ROLE = {"developer": "system", "function": "tool"}
_CONTENT_KIND: dict[str, SlotKind] = {
    "system": "system",
    "developer": "system",
    "tool": "tool_result",
    "function": "tool_result",
}


def validate_request(body: object) -> dict[str, Any]:
    obj = need_dict(body, ())
    need_str(obj.get("model"), ("model",), non_empty=True)
    messages = need_list(obj.get("messages"), ("messages",), non_empty=True)
    for i, message in enumerate(messages):
        _validate_message(message, ("messages", i))
    optional_field(obj, "stream", (), need_bool)
    options = optional_field(obj, "stream_options", (), need_dict)
    if options is not None:
        optional_field(options, "include_usage", ("stream_options",), need_bool)
    for key in ("max_tokens", "max_completion_tokens", "n"):
        optional_field(obj, key, (), need_int, minimum=1)
    for key in ("temperature", "top_p", "presence_penalty", "frequency_penalty"):
        optional_field(obj, key, (), need_number)
    _validate_stop(obj.get("stop"))
    tools = optional_field(obj, "tools", (), need_list)
    for i, tool in enumerate(tools or ()):
        _validate_tool(tool, ("tools", i))
    _validate_tool_choice(obj.get("tool_choice"))
    prediction = optional_field(obj, "prediction", (), need_dict)
    if prediction is not None:
        _validate_content(prediction.get("content"), ("prediction", "content"), TEXT_ONLY, required=True)
    return obj


def requested_model(body: dict[str, Any]) -> str:
    return str(body["model"])


def is_stream(body: dict[str, Any]) -> bool:
    return body.get("stream") is True


def request_text_slots(body: dict[str, Any]) -> list[TextSlot]:
    """Every string the model reads as text; tool definitions and function names are not user text."""
    slots: list[TextSlot] = []
    for i, message in enumerate(body["messages"]):
        role = message["role"]
        slot_role = _SLOT_ROLE.get(role, role)
        base: JsonPath = ("messages", i)
        content_kind = _CONTENT_KIND.get(role, "text")
        content = message.get("content")
        if isinstance(content, str):
            slots.append(TextSlot((*base, "content"), slot_role, content_kind))
        elif isinstance(content, list):
            for j, part in enumerate(content):
                if part["type"] == "text":
                    slots.append(TextSlot((*base, "content", j, "text"), slot_role, content_kind))
                elif part["type"] == "refusal":
                    slots.append(TextSlot((*base, "content", j, "refusal"), slot_role, "text"))
        if isinstance(message.get("refusal"), str):
            slots.append(TextSlot((*base, "refusal"), slot_role, "text"))
        for j, call in enumerate(message.get("tool_calls") or ()):
            if call["type"] == "function":
                path: JsonPath = (*base, "tool_calls", j, "function", "arguments")
            else:
                path = (*base, "tool_calls", j, "custom", "input")
            slots.append(TextSlot(path, slot_role, "tool_arguments"))
        if isinstance(message.get("function_call"), dict):
            slots.append(TextSlot((*base, "function_call", "arguments"), slot_role, "tool_arguments"))
    prediction = body.get("prediction")
    if isinstance(prediction, dict):
        content = prediction["content"]
        if isinstance(content, str):
            slots.append(TextSlot(("prediction", "content"), "assistant", "text"))
        else:
            for j, _part in enumerate(content):
                slots.append(TextSlot(("prediction", "content", j, "text"), "assistant", "text"))
    return slots


def non_text_parts(body: dict[str, Any]) -> list[str]:
    """The type of every non-text content part, in order (e.g. ``["image_url", "file"]``)."""
    found: list[str] = []
    for message in body["messages"]:
        content = message.get("content")
        if isinstance(content, list):
            found.extend(part["type"] for part in content if part["type"] not in ("text", "refusal"))
        if message.get("audio") is not None:
            found.append("audio")
    return found


def _validate_message(message: Any, path: JsonPath) -> None:
    msg = need_dict(message, path)
    role = need_str(msg.get("role"), (*path, "role"), one_of=ROLES)
    optional_field(msg, "name", path, need_str)
    if role in ("system", "developer"):
        _validate_content(msg.get("content"), (*path, "content"), TEXT_ONLY, required=True)
    elif role == "user":
        _validate_content(msg.get("content"), (*path, "content"), USER_PART_TYPES, required=True)
    elif role == "tool":
        need_str(msg.get("tool_call_id"), (*path, "tool_call_id"), non_empty=True)
        _validate_content(msg.get("content"), (*path, "content"), TEXT_ONLY, required=True)
    elif role == "function":
        need_str(msg.get("name"), (*path, "name"), non_empty=True)
        optional_field(msg, "content", path, need_str)
    else:
        _validate_assistant(msg, path)


def _validate_assistant(msg: dict[str, Any], path: JsonPath) -> None:
    _validate_content(msg.get("content"), (*path, "content"), ASSISTANT_PART_TYPES, required=False)
    optional_field(msg, "refusal", path, need_str)
    calls = optional_field(msg, "tool_calls", path, need_list)
    for j, call in enumerate(calls or ()):
        call_path = (*path, "tool_calls", j)
        tool_call = need_dict(call, call_path)
        need_str(tool_call.get("id"), (*call_path, "id"), non_empty=True)
        kind = need_str(tool_call.get("type"), (*call_path, "type"), one_of=("function", "custom"))
        if kind == "function":
            function = need_dict(tool_call.get("function"), (*call_path, "function"))
            need_str(function.get("name"), (*call_path, "function", "name"), non_empty=True)
            need_str(function.get("arguments"), (*call_path, "function", "arguments"))
        else:
            custom = need_dict(tool_call.get("custom"), (*call_path, "custom"))
            need_str(custom.get("name"), (*call_path, "custom", "name"), non_empty=True)
            need_str(custom.get("input"), (*call_path, "custom", "input"))
    function_call = optional_field(msg, "function_call", path, need_dict)
    if function_call is not None:
        need_str(function_call.get("name"), (*path, "function_call", "name"), non_empty=True)
        need_str(function_call.get("arguments"), (*path, "function_call", "arguments"))
    audio = optional_field(msg, "audio", path, need_dict)
    if audio is not None:
        need_str(audio.get("id"), (*path, "audio", "id"), non_empty=True)
    if msg.get("content") is None and not calls and function_call is None and audio is None:
        raise fail((*path, "content"), "is required unless the message has tool_calls")


def _validate_content(content: Any, path: JsonPath, part_types: tuple[str, ...], *, required: bool) -> None:
    if content is None:
        if required:
            raise fail(path, "is required")
        return
    if isinstance(content, str):
        return
    if not isinstance(content, list):
        what = "content parts" if part_types != TEXT_ONLY else "text parts"
        raise fail(path, f"must be a string or an array of {what}")
    for j, part in enumerate(content):
        _validate_part(part, (*path, j), part_types)


def _validate_part(part: Any, path: JsonPath, part_types: tuple[str, ...]) -> None:
    obj = need_dict(part, path)
    kind = need_str(obj.get("type"), (*path, "type"), one_of=part_types)
    if kind == "text":
        need_str(obj.get("text"), (*path, "text"))
    elif kind == "refusal":
        need_str(obj.get("refusal"), (*path, "refusal"))
    elif kind == "image_url":
        image = need_dict(obj.get("image_url"), (*path, "image_url"))
        need_str(image.get("url"), (*path, "image_url", "url"), non_empty=True)
    elif kind == "input_audio":
        audio = need_dict(obj.get("input_audio"), (*path, "input_audio"))
        need_str(audio.get("data"), (*path, "input_audio", "data"))
        need_str(audio.get("format"), (*path, "input_audio", "format"))
    elif kind == "file":
        need_dict(obj.get("file"), (*path, "file"))


def _validate_stop(stop: Any) -> None:
    if stop is None or isinstance(stop, str):
        return
    items = need_list(stop, ("stop",))
    for i, item in enumerate(items):
        need_str(item, ("stop", i))


def _validate_tool(tool: Any, path: JsonPath) -> None:
    obj = need_dict(tool, path)
    kind = need_str(obj.get("type"), (*path, "type"), one_of=("function", "custom"))
    spec = need_dict(obj.get(kind), (*path, kind))
    need_str(spec.get("name"), (*path, kind, "name"), non_empty=True)
    optional_field(spec, "description", (*path, kind), need_str)
    if kind == "function":
        optional_field(spec, "parameters", (*path, kind), need_dict)


def _validate_tool_choice(choice: Any) -> None:
    if choice is None:
        return
    path: JsonPath = ("tool_choice",)
    if isinstance(choice, str):
        need_str(choice, path, one_of=("none", "auto", "required"))
        return
    if not isinstance(choice, dict):
        raise fail(path, "must be none, auto, required or an object naming a tool")
    kind = need_str(choice.get("type"), (*path, "type"), one_of=("function", "custom", "allowed_tools"))
    if kind in ("function", "custom"):
        named = need_dict(choice.get(kind), (*path, kind))
        need_str(named.get("name"), (*path, kind, "name"), non_empty=True)
    else:
        need_dict(choice.get("allowed_tools"), (*path, "allowed_tools"))

"""Anthropic messages requests: validation, the text the provider would read, and non-text blocks.

Shapes follow the ``anthropic`` SDK's ``MessageCreateParams``.  Content blocks we can read (text,
tool_use, tool_result, thinking, search_result, document) are checked field by field; any other block type
(server tools, container uploads, ...) only needs a string ``type`` and is reported by ``non_text_parts``, so
the policy decides.
"""

from __future__ import annotations

import re
from typing import Any

from cosigner.wire.paths import JsonPath, SlotKind, TextSlot
from cosigner.wire.shape import (
    fail,
    need_bool,
    need_dict,
    need_int,
    need_list,
    need_max_depth,
    need_number,
    need_str,
    optional_field,
)

__all__ = ["is_stream", "non_text_parts", "request_text_slots", "requested_model", "validate_request"]

ROLES = ("user", "assistant", "system")
# Blocks whose every model-read string is listed as a slot; anything else counts as non-text.
TEXT_BLOCKS = frozenset({"text", "tool_use", "tool_result", "thinking", "redacted_thinking", "search_result"})
TOOL_CHOICES = ("auto", "any", "tool", "none")
MAX_TOOL_INPUT_DEPTH = 64
BLOCK_TYPE_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")


def validate_request(body: object) -> dict[str, Any]:
    obj = need_dict(body, ())
    need_str(obj.get("model"), ("model",), non_empty=True)
    need_int(obj.get("max_tokens"), ("max_tokens",), minimum=1)
    messages = need_list(obj.get("messages"), ("messages",), non_empty=True)
    for i, message in enumerate(messages):
        msg = need_dict(message, ("messages", i))
        need_str(msg.get("role"), ("messages", i, "role"), one_of=ROLES)
        _validate_content(msg.get("content"), ("messages", i, "content"))
    system = obj.get("system")
    if system is not None and not isinstance(system, str):
        blocks = need_list(system, ("system",))
        for j, block in enumerate(blocks):
            _validate_text_block(block, ("system", j))
    optional_field(obj, "stream", (), need_bool)
    for key in ("temperature", "top_p"):
        optional_field(obj, key, (), need_number)
    optional_field(obj, "top_k", (), need_int, minimum=0)
    stops = optional_field(obj, "stop_sequences", (), need_list)
    for i, stop in enumerate(stops or ()):
        need_str(stop, ("stop_sequences", i))
    tools = optional_field(obj, "tools", (), need_list)
    for i, tool in enumerate(tools or ()):
        tool_obj = need_dict(tool, ("tools", i))
        need_str(tool_obj.get("name"), ("tools", i, "name"), non_empty=True)
        optional_field(tool_obj, "description", ("tools", i), need_str)
        if tool_obj.get("type") in (None, "custom"):
            need_dict(tool_obj.get("input_schema"), ("tools", i, "input_schema"))
    choice = optional_field(obj, "tool_choice", (), need_dict)
    if choice is not None:
        kind = need_str(choice.get("type"), ("tool_choice", "type"), one_of=TOOL_CHOICES)
        if kind == "tool":
            need_str(choice.get("name"), ("tool_choice", "name"), non_empty=True)
        optional_field(choice, "disable_parallel_tool_use", ("tool_choice",), need_bool)
    return obj


def requested_model(body: dict[str, Any]) -> str:
    return str(body["model"])


def is_stream(body: dict[str, Any]) -> bool:
    return body.get("stream") is True


def request_text_slots(body: dict[str, Any]) -> list[TextSlot]:
    """Every string the model reads: system prompt, text, tool results, string leaves of tool_use input."""
    slots: list[TextSlot] = []
    system = body.get("system")
    if isinstance(system, str):
        slots.append(TextSlot(("system",), "system", "system"))
    elif isinstance(system, list):
        slots.extend(TextSlot(("system", j, "text"), "system", "system") for j in range(len(system)))
    for i, message in enumerate(body["messages"]):
        role = message["role"]
        kind: SlotKind = "system" if role == "system" else "text"
        content = message["content"]
        base: JsonPath = ("messages", i, "content")
        if isinstance(content, str):
            slots.append(TextSlot(base, role, kind))
            continue
        for j, block in enumerate(content):
            _block_slots(block, (*base, j), role, kind, slots)
    return slots


def non_text_parts(body: dict[str, Any]) -> list[str]:
    """The type of every block that is not plain text (image, document, server tool blocks, ...), in order."""
    found: list[str] = []
    for message in body["messages"]:
        content = message["content"]
        if isinstance(content, list):
            for block in content:
                _collect_non_text(block, found)
    return found


def _collect_non_text(block: dict[str, Any], found: list[str]) -> None:
    kind = block["type"]
    if kind not in TEXT_BLOCKS:
        found.append(kind)
    elif kind in ("tool_result", "search_result") and isinstance(block.get("content"), list):
        for inner in block["content"]:
            _collect_non_text(inner, found)


def _block_slots(block: dict[str, Any], path: JsonPath, role: str, kind: SlotKind, out: list[TextSlot]) -> None:
    block_type = block["type"]
    if block_type == "text":
        out.append(TextSlot((*path, "text"), role, kind))
    elif block_type == "thinking":
        out.append(TextSlot((*path, "thinking"), role, "text"))
    elif block_type == "tool_use":
        for leaf in _string_leaves(block["input"], (*path, "input")):
            out.append(TextSlot(leaf, role, "tool_input_string"))
    elif block_type == "tool_result":
        content = block.get("content")
        if isinstance(content, str):
            out.append(TextSlot((*path, "content"), "tool", "tool_result"))
        elif isinstance(content, list):
            for k, inner in enumerate(content):
                _block_slots(inner, (*path, "content", k), "tool", "tool_result", out)
    elif block_type == "search_result":
        out.append(TextSlot((*path, "title"), role, kind))
        for k, _inner in enumerate(block["content"]):
            out.append(TextSlot((*path, "content", k, "text"), role, kind))
    elif block_type == "document":
        _document_slots(block, path, role, kind, out)


def _document_slots(block: dict[str, Any], path: JsonPath, role: str, kind: SlotKind, out: list[TextSlot]) -> None:
    """A document is reported as non-text; if the policy allows it, its readable text is still screened."""
    for key in ("title", "context"):
        if isinstance(block.get(key), str):
            out.append(TextSlot((*path, key), role, kind))
    source = block.get("source")
    if not isinstance(source, dict):
        return
    if source.get("type") == "text" and isinstance(source.get("data"), str):
        out.append(TextSlot((*path, "source", "data"), role, kind))
    elif source.get("type") == "content":
        inner = source.get("content")
        if isinstance(inner, str):
            out.append(TextSlot((*path, "source", "content"), role, kind))
        elif isinstance(inner, list):
            for k, item in enumerate(inner):
                if isinstance(item, dict) and item.get("type") == "text" and isinstance(item.get("text"), str):
                    out.append(TextSlot((*path, "source", "content", k, "text"), role, kind))


def _string_leaves(value: Any, path: JsonPath) -> list[JsonPath]:
    if isinstance(value, str):
        return [path]
    leaves: list[JsonPath] = []
    if isinstance(value, dict):
        for key, item in value.items():
            leaves.extend(_string_leaves(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            leaves.extend(_string_leaves(item, (*path, index)))
    return leaves


def _validate_content(content: Any, path: JsonPath) -> None:
    if isinstance(content, str):
        return
    if not isinstance(content, list):
        raise fail(path, "must be a string or an array of content blocks")
    for j, block in enumerate(content):
        _validate_block(block, (*path, j))


def _validate_text_block(block: Any, path: JsonPath) -> None:
    obj = need_dict(block, path)
    need_str(obj.get("type"), (*path, "type"), one_of=("text",))
    need_str(obj.get("text"), (*path, "text"))


def _validate_block(block: Any, path: JsonPath) -> None:
    obj = need_dict(block, path)
    kind = need_str(obj.get("type"), (*path, "type"), non_empty=True)
    if not BLOCK_TYPE_NAME.fullmatch(kind):
        # Block types are echoed in policy messages and logs; only a plain name can never carry user text.
        raise fail((*path, "type"), "must be a content block type name")
    if kind == "text":
        need_str(obj.get("text"), (*path, "text"))
    elif kind == "thinking":
        need_str(obj.get("thinking"), (*path, "thinking"))
    elif kind == "redacted_thinking":
        need_str(obj.get("data"), (*path, "data"))
    elif kind == "tool_use":
        need_str(obj.get("id"), (*path, "id"), non_empty=True)
        need_str(obj.get("name"), (*path, "name"), non_empty=True)
        need_dict(obj.get("input"), (*path, "input"))
        need_max_depth(obj["input"], (*path, "input"), MAX_TOOL_INPUT_DEPTH)
    elif kind == "tool_result":
        need_str(obj.get("tool_use_id"), (*path, "tool_use_id"), non_empty=True)
        optional_field(obj, "is_error", path, need_bool)
        content = obj.get("content")
        if content is not None:
            _validate_content(content, (*path, "content"))
            if isinstance(content, list):
                for k, inner in enumerate(content):
                    if inner["type"] in ("tool_use", "tool_result"):
                        raise fail((*path, "content", k, "type"), "cannot be nested in a tool_result")
    elif kind == "search_result":
        need_str(obj.get("source"), (*path, "source"))
        need_str(obj.get("title"), (*path, "title"))
        items = need_list(obj.get("content"), (*path, "content"))
        for k, item in enumerate(items):
            _validate_text_block(item, (*path, "content", k))
    elif kind in ("image", "document"):
        need_dict(obj.get("source"), (*path, "source"))
        for key in ("title", "context"):
            optional_field(obj, key, path, need_str)

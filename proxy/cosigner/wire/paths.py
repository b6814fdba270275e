"""Addresses of text inside a JSON request body, shared by the wire formats and the pipeline stages.

A path is a tuple of dict keys and list indices, e.g. ``("messages", 2, "content", 0, "text")``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["JsonPath", "SlotKind", "TextSlot", "format_path", "get_path", "set_path"]

JsonPath = tuple[str | int, ...]
SlotKind = Literal["text", "system", "tool_arguments", "tool_result", "tool_input_string"]


@dataclass(frozen=True, slots=True)
class TextSlot:
    """One string the provider will read as text; ``role`` is "system", "user", "assistant" or "tool"."""

    path: JsonPath
    role: str
    kind: SlotKind


def format_path(path: JsonPath) -> str:
    """``("messages", 2, "content")`` -> ``messages[2].content``, for error messages."""
    out: list[str] = []
    for step in path:
        if isinstance(step, int):
            out.append(f"[{step}]")
        else:
            out.append(f".{step}" if out else step)
    return "".join(out)


def get_path(body: Any, path: JsonPath) -> Any:
    node = body
    for step in path:
        node = _child(node, step, path)
    return node


def set_path(body: Any, path: JsonPath, value: Any) -> None:
    if not path:
        raise KeyError("an empty path cannot be set")
    parent = get_path(body, path[:-1])
    last = path[-1]
    if isinstance(last, int):
        if not isinstance(parent, list) or not 0 <= last < len(parent):
            raise KeyError(f"no list item at {format_path(path)}")
        parent[last] = value
    else:
        if not isinstance(parent, dict) or last not in parent:
            raise KeyError(f"no key at {format_path(path)}")
        parent[last] = value


def _child(node: Any, step: str | int, path: JsonPath) -> Any:
    if isinstance(step, int):
        if isinstance(node, list) and 0 <= step < len(node):
            return node[step]
    elif isinstance(node, dict) and step in node:
        return node[step]
    raise KeyError(f"no value at {format_path(path)}")

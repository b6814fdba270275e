"""Small type checks for request validation; each failure names the dotted path and never the value."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from cosigner.errors import BadRequest
from cosigner.wire.paths import JsonPath, format_path

__all__ = [
    "fail",
    "need_bool",
    "need_dict",
    "need_int",
    "need_list",
    "need_max_depth",
    "need_number",
    "need_str",
    "optional_field",
]


def fail(path: JsonPath, what: str) -> BadRequest:
    where = format_path(path) or "body"
    return BadRequest(f"{where}: {what}")


def need_dict(value: Any, path: JsonPath) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise fail(path, "must be an object")
    return value


def need_list(value: Any, path: JsonPath, *, non_empty: bool = False) -> list[Any]:
    if not isinstance(value, list):
        raise fail(path, "must be an array")
    if non_empty and not value:
        raise fail(path, "must not be empty")
    return value


def need_str(value: Any, path: JsonPath, *, non_empty: bool = False, one_of: Collection[str] = ()) -> str:
    if not isinstance(value, str):
        raise fail(path, "must be a string")
    if non_empty and not value:
        raise fail(path, "must not be empty")
    if one_of and value not in one_of:
        raise fail(path, "must be one of " + ", ".join(sorted(one_of)))
    return value


def need_bool(value: Any, path: JsonPath) -> bool:
    if not isinstance(value, bool):
        raise fail(path, "must be a boolean")
    return value


def need_int(value: Any, path: JsonPath, *, minimum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(path, "must be an integer")
    if minimum is not None and value < minimum:
        raise fail(path, f"must be at least {minimum}")
    return value


def need_number(value: Any, path: JsonPath) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise fail(path, "must be a number")
    return float(value)


def optional_field(obj: dict[str, Any], key: str, path: JsonPath, check: Callable[..., Any], **kwargs: Any) -> Any:
    """Run ``check`` on ``obj[key]`` when present; an explicit JSON null counts as absent."""
    value = obj.get(key)
    if value is None:
        return None
    return check(value, (*path, key), **kwargs)


def need_max_depth(value: Any, path: JsonPath, limit: int) -> None:
    """Refuse JSON nested deeper than ``limit``, so later recursive walks cannot exhaust the stack."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            raise fail(path, f"is nested more than {limit} levels deep")
        if isinstance(node, dict):
            stack.extend((item, depth + 1) for item in node.values())
        elif isinstance(node, list):
            stack.extend((item, depth + 1) for item in node)

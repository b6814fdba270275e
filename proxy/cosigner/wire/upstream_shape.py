"""Shape checks for provider responses: a wrong shape is the upstream's fault, so it raises
``UpstreamBadResponse`` (502) with a path and never the content."""

from __future__ import annotations

from typing import Any

from cosigner.errors import UpstreamBadResponse
from cosigner.wire.paths import JsonPath, format_path

__all__ = ["bad", "event_type", "up_dict", "up_int", "up_list", "up_opt_str", "up_str"]


def bad(path: JsonPath, what: str) -> UpstreamBadResponse:
    return UpstreamBadResponse(f"The provider sent an invalid response ({format_path(path) or 'body'}: {what}).")


def up_dict(value: Any, path: JsonPath) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise bad(path, "expected an object")
    return value


def up_list(value: Any, path: JsonPath) -> list[Any]:
    if not isinstance(value, list):
        raise bad(path, "expected an array")
    return value


def up_str(value: Any, path: JsonPath) -> str:
    if not isinstance(value, str):
        raise bad(path, "expected a string")
    return value


def up_opt_str(value: Any, path: JsonPath) -> str | None:
    return None if value is None else up_str(value, path)


def up_int(value: Any, path: JsonPath) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad(path, "expected an integer")
    return value


def event_type(event: str, data: Any) -> str:
    """An Anthropic event's type: the ``type`` in its data, else its SSE event name (both should agree)."""
    kind = data.get("type") if isinstance(data, dict) else None
    return kind if isinstance(kind, str) else event

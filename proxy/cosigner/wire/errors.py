"""Error bodies and mid-stream error events in each provider's own format.

``code`` is always Cosigner's stable code (``policy_blocked``, ``upstream_timeout``, ...); the provider-style
``type`` is derived from the HTTP status so SDKs raise the exception class their users expect.
"""

from __future__ import annotations

import json
from typing import Any

from cosigner.wire.sse import encode_sse

__all__ = [
    "anthropic_error_body",
    "anthropic_error_type",
    "anthropic_stream_error",
    "openai_error_body",
    "openai_error_type",
    "openai_stream_error",
    "parse_upstream_error",
]

_OPENAI_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    409: "conflict_error",
    413: "invalid_request_error",
    415: "invalid_request_error",
    422: "invalid_request_error",
    429: "rate_limit_error",
}

_ANTHROPIC_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    402: "billing_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    429: "rate_limit_error",
    504: "timeout_error",
    529: "overloaded_error",
}

# Upstream error messages are shown to the caller, never logged; cap them so a huge body cannot be reflected.
_MAX_UPSTREAM_MESSAGE_CHARS = 1000


def openai_error_type(status: int) -> str:
    if status in _OPENAI_TYPES:
        return _OPENAI_TYPES[status]
    return "server_error" if status >= 500 else "invalid_request_error"


def anthropic_error_type(status: int) -> str:
    if status in _ANTHROPIC_TYPES:
        return _ANTHROPIC_TYPES[status]
    return "api_error" if status >= 500 else "invalid_request_error"


def openai_error_body(status: int, code: str, message: str, param: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": openai_error_type(status), "param": param, "code": code}}


def anthropic_error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {
        "type": "error",
        "error": {"type": anthropic_error_type(status), "message": message, "code": code},
    }


def openai_stream_error(code: str, message: str, *, status: int = 502) -> bytes:
    """A ``data: {"error": ...}`` event; the OpenAI SDKs raise ``APIError`` on it mid-stream."""
    body = openai_error_body(status, code, message)
    return encode_sse(json.dumps(body, ensure_ascii=False, separators=(",", ":")))


def anthropic_stream_error(code: str, message: str, *, status: int = 502) -> bytes:
    """An ``event: error`` event, as the Anthropic API sends when a stream fails mid-way."""
    body = anthropic_error_body(status, code, message)
    return encode_sse(json.dumps(body, ensure_ascii=False, separators=(",", ":")), event="error")


def parse_upstream_error(body: bytes) -> str | None:
    """The provider's human-readable message from an error body, or None when there is none to find.

    Understands OpenAI (``{"error": {"message"}}``), Anthropic (``{"type": "error", "error": {...}}``), Ollama
    (``{"error": "..."}``) and vLLM/FastAPI-style (``{"message"}`` / ``{"detail"}``) bodies.
    """
    try:
        parsed = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None
    if not isinstance(parsed, dict):
        return None
    message: object = None
    error = parsed.get("error")
    if isinstance(error, dict):
        message = error.get("message")
    elif isinstance(error, str):
        message = error
    if not isinstance(message, str) or not message:
        message = parsed.get("message")
    if not isinstance(message, str) or not message:
        detail = parsed.get("detail")
        message = detail if isinstance(detail, str) else None
    if not isinstance(message, str) or not message.strip():
        return None
    return message[:_MAX_UPSTREAM_MESSAGE_CHARS]

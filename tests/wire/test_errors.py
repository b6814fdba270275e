from __future__ import annotations

import json

import pytest

from cosigner.wire.errors import (
    anthropic_error_body,
    anthropic_stream_error,
    openai_error_body,
    openai_stream_error,
    parse_upstream_error,
)
from cosigner.wire.sse import SSEDecoder


@pytest.mark.parametrize(
    ("status", "openai_type", "anthropic_type"),
    [
        (400, "invalid_request_error", "invalid_request_error"),
        (401, "authentication_error", "authentication_error"),
        (403, "permission_error", "permission_error"),
        (404, "not_found_error", "not_found_error"),
        (413, "invalid_request_error", "request_too_large"),
        (415, "invalid_request_error", "invalid_request_error"),
        (422, "invalid_request_error", "invalid_request_error"),
        (429, "rate_limit_error", "rate_limit_error"),
        (500, "server_error", "api_error"),
        (502, "server_error", "api_error"),
        (503, "server_error", "api_error"),
        (504, "server_error", "timeout_error"),
        (529, "server_error", "overloaded_error"),
    ],
)
def test_error_type_follows_status(status: int, openai_type: str, anthropic_type: str) -> None:
    assert openai_error_body(status, "some_code", "What to do.") == {
        "error": {"message": "What to do.", "type": openai_type, "param": None, "code": "some_code"}
    }
    assert anthropic_error_body(status, "some_code", "What to do.") == {
        "type": "error",
        "error": {"type": anthropic_type, "message": "What to do.", "code": "some_code"},
    }


def test_openai_error_body_carries_param() -> None:
    assert openai_error_body(400, "bad_request", "m", param="messages")["error"]["param"] == "messages"


def test_openai_stream_error_is_a_data_only_event() -> None:
    raw = openai_stream_error("upstream_timeout", "The provider stopped responding.", status=504)
    events = SSEDecoder().feed(raw)
    assert len(events) == 1 and events[0].event is None
    assert json.loads(events[0].data) == openai_error_body(504, "upstream_timeout", "The provider stopped responding.")


def test_anthropic_stream_error_is_an_error_event() -> None:
    raw = anthropic_stream_error("restore_failed", "Could not restore.")
    assert raw.startswith(b"event: error\ndata: ")
    events = SSEDecoder().feed(raw)
    assert events[0].event == "error"
    assert json.loads(events[0].data) == anthropic_error_body(502, "restore_failed", "Could not restore.")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            b'{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}',
            "Incorrect API key provided",
        ),
        (b'{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}', "Overloaded"),
        (
            b'{"error":"model \\"llama9\\" not found, try pulling it first"}',
            'model "llama9" not found, try pulling it first',
        ),
        (
            b'{"object":"error","message":"The model does not exist.","type":"NotFoundError","code":404}',
            "The model does not exist.",
        ),
        (b'{"detail":"Not Found"}', "Not Found"),
        (b'{"error":{"type":"x"}}', None),
        (b'{"error":{"message":"   "}}', None),
        (b"<html>Bad gateway</html>", None),
        (b"[1,2]", None),
        (b"\xff\xfe", None),
        (b"", None),
    ],
)
def test_parse_upstream_error(body: bytes, expected: str | None) -> None:
    assert parse_upstream_error(body) == expected


def test_parse_upstream_error_caps_message_length() -> None:
    message = parse_upstream_error(json.dumps({"error": {"message": "x" * 5000}}).encode())
    assert message is not None and len(message) == 1000

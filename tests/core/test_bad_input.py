"""Bad input → the right 4xx in the caller's own format, with a stable code, and nothing forwarded."""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest

from cosigner.testing import FakeUpstream, RunningProxy

GOOD_OPENAI = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Tidy this note."}]}
GOOD_ANTHROPIC = {
    "model": "claude-3-5-haiku",
    "max_tokens": 64,
    "messages": [{"role": "user", "content": "Hi"}],
}

CASES: list[tuple[str, str, Any, dict[str, str], int, str]] = [
    # (id, path, body (bytes or obj), header overrides, status, code)
    ("malformed-json", "/v1/chat/completions", b'{"model": ', {}, 400, "bad_request"),
    ("not-an-object", "/v1/chat/completions", b"[1, 2]", {}, 400, "bad_request"),
    ("invalid-utf8", "/v1/chat/completions", b'{"model": "\xff\xfe"}', {}, 400, "bad_request"),
    (
        "messages-wrong-type",
        "/v1/chat/completions",
        {"model": "gpt-4o-mini", "messages": "hi"},
        {},
        400,
        "bad_request",
    ),
    ("missing-messages", "/v1/chat/completions", {"model": "gpt-4o-mini"}, {}, 400, "bad_request"),
    (
        "missing-model",
        "/v1/chat/completions",
        {"messages": [{"role": "user", "content": "x"}]},
        {},
        400,
        "bad_request",
    ),
    (
        "content-wrong-type",
        "/v1/chat/completions",
        {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": 42}]},
        {},
        400,
        "bad_request",
    ),
    (
        "unknown-model",
        "/v1/chat/completions",
        {**GOOD_OPENAI, "model": "mystery-model"},
        {},
        404,
        "model_not_found",
    ),
    ("oversize", "/v1/chat/completions", {**GOOD_OPENAI, "pad": "x" * 300_000}, {}, 413, "body_too_large"),
    (
        "wrong-content-type",
        "/v1/chat/completions",
        GOOD_OPENAI,
        {"Content-Type": "text/plain"},
        415,
        "unsupported_media_type",
    ),
    ("missing-token", "/v1/chat/completions", GOOD_OPENAI, {"Authorization": ""}, 401, "unauthorized"),
    ("bad-token", "/v1/chat/completions", GOOD_OPENAI, {"Authorization": "Bearer nope"}, 401, "unauthorized"),
    (
        "foreign-host",
        "/v1/chat/completions",
        GOOD_OPENAI,
        {"Host": "evil.example:8750"},
        403,
        "host_rejected",
    ),
    (
        "web-origin",
        "/v1/chat/completions",
        GOOD_OPENAI,
        {"Origin": "https://evil.example"},
        403,
        "origin_rejected",
    ),
    (
        "cross-site-fetch",
        "/v1/chat/completions",
        GOOD_OPENAI,
        {"Sec-Fetch-Site": "cross-site"},
        403,
        "forbidden",
    ),
    ("anthropic-malformed", "/v1/messages", b"{", {}, 400, "bad_request"),
    (
        "anthropic-missing-max-tokens",
        "/v1/messages",
        {"model": "claude-3-5-haiku", "messages": [{"role": "user", "content": "x"}]},
        {},
        400,
        "bad_request",
    ),
    (
        "anthropic-bad-token",
        "/v1/messages",
        GOOD_ANTHROPIC,
        {"x-api-key": "nope", "Authorization": ""},
        401,
        "unauthorized",
    ),
    (
        "anthropic-unknown-model",
        "/v1/messages",
        {**GOOD_ANTHROPIC, "model": "mystery"},
        {},
        404,
        "model_not_found",
    ),
    (
        "image-part-refused",
        "/v1/chat/completions",
        {
            "model": "gpt-4o-mini",
            "messages": [
                {
                    "role": "user",
                    "content": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}],
                }
            ],
        },
        {},
        403,
        "policy_blocked",
    ),
    ("get-on-post-route", "/v1/chat/completions", None, {}, 405, "method_not_allowed"),
]


@pytest.mark.parametrize(
    ("case", "path", "body", "headers", "status", "code"), CASES, ids=[c[0] for c in CASES]
)
async def test_bad_input_is_refused_in_callers_format(
    proxy: RunningProxy,
    openai_upstream: FakeUpstream,
    anthropic_upstream: FakeUpstream,
    case: str,
    path: str,
    body: Any,
    headers: dict[str, str],
    status: int,
    code: str,
) -> None:
    send_headers = {"Authorization": f"Bearer {proxy.token}", "Content-Type": "application/json"}
    send_headers.update(headers)
    send_headers = {k: v for k, v in send_headers.items() if v != ""}
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    # The limit is lowered for this proxy via a long body; the default limit is 4 MiB.
    async with aiohttp.ClientSession(skip_auto_headers=["Content-Type"]) as session:
        method = "GET" if body is None else "POST"
        async with session.request(method, proxy.url + path, data=data, headers=send_headers) as resp:
            payload = await resp.json(content_type=None)
    assert resp.status == status
    if path.startswith("/v1/messages"):
        assert payload["type"] == "error" and payload["error"]["code"] == code
    else:
        assert payload["error"]["code"] == code and "message" in payload["error"]
    assert openai_upstream.received == [] and anthropic_upstream.received == []


async def test_missing_host_header_is_rejected(proxy: RunningProxy) -> None:
    import asyncio

    reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
    body = json.dumps(GOOD_OPENAI).encode()
    writer.write(
        b"POST /v1/chat/completions HTTP/1.0\r\nContent-Type: application/json\r\n"
        + f"Authorization: Bearer {proxy.token}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    await writer.drain()
    response = await asyncio.wait_for(reader.read(), timeout=5)
    writer.close()
    assert response.startswith(b"HTTP/1.1 403") or response.startswith(b"HTTP/1.0 403")
    assert b"host_rejected" in response

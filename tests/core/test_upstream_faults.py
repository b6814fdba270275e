"""Upstream failures become clear errors in the caller's format: no 500 from Cosigner itself, no hang."""

from __future__ import annotations

import asyncio
import json
import socket
from typing import Any

import aiohttp
import pytest

from cosigner.testing import Behaviour, FakeUpstream, RunningProxy

NOTE = {"role": "user", "content": "Please tidy: the visit went well and the home was warm and tidy today."}


async def _post(proxy: RunningProxy, path: str, body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    headers = {"Authorization": f"Bearer {proxy.token}"}
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            proxy.url + path, json=body, headers=headers, timeout=aiohttp.ClientTimeout(total=15)
        ) as resp,
    ):
        return resp.status, dict(resp.headers), await resp.read()


def _body(fmt: str, stream: bool) -> tuple[str, dict[str, Any]]:
    if fmt == "openai":
        return "/v1/chat/completions", {"model": "gpt-4o-mini", "messages": [NOTE], "stream": stream}
    return "/v1/messages", {
        "model": "claude-3-5-haiku",
        "max_tokens": 64,
        "messages": [NOTE],
        "stream": stream,
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


FAULTS = [
    ("status-500", Behaviour(mode="status", status=500), 500, "upstream_error"),
    ("status-429-retry-after", Behaviour(mode="status", status=429, retry_after="7"), 429, "upstream_error"),
    ("status-400", Behaviour(mode="status", status=400), 400, "upstream_error"),
    ("invalid-json", Behaviour(mode="invalid_json"), 502, "upstream_invalid_response"),
    ("stall-before-reply", Behaviour(mode="stall"), 504, "upstream_timeout"),
]


@pytest.mark.parametrize("fmt", ["openai", "anthropic"])
@pytest.mark.parametrize(("case", "behaviour", "status", "code"), FAULTS, ids=[f[0] for f in FAULTS])
async def test_upstream_fault_becomes_clear_error(
    proxy: RunningProxy,
    openai_upstream: FakeUpstream,
    anthropic_upstream: FakeUpstream,
    fmt: str,
    case: str,
    behaviour: Behaviour,
    status: int,
    code: str,
) -> None:
    openai_upstream.behaviour = anthropic_upstream.behaviour = behaviour
    path, body = _body(fmt, stream=False)
    got, headers, raw = await asyncio.wait_for(_post(proxy, path, body), timeout=20)
    payload = json.loads(raw)
    assert got == status
    error = payload["error"]
    assert error["code"] == code
    if case == "status-429-retry-after":
        assert headers.get("Retry-After") == "7"


@pytest.mark.parametrize("fmt", ["openai", "anthropic"])
async def test_connection_refused_is_upstream_unreachable(make_proxy: Any, fmt: str) -> None:
    dead = FakeUpstream(fmt)  # type: ignore[arg-type]
    dead.port = _free_port()  # nothing listens there
    proxy = await make_proxy({"dead": dead})
    path, body = _body(fmt, stream=False)
    status, _, raw = await _post(proxy, path, body)
    assert status == 502
    assert json.loads(raw)["error"]["code"] == "upstream_unreachable"


async def test_connect_timeout_is_upstream_timeout(make_proxy: Any) -> None:
    from cosigner.config import Timeouts

    # A listening socket whose backlog is full never completes new handshakes quickly; simplest portable
    # stand-in: a server that accepts but never answers, with a tiny total timeout.
    fake = await FakeUpstream("openai", Behaviour(mode="stall")).start()
    try:
        proxy = await make_proxy(
            {"slow": fake}, timeouts=Timeouts(connect=0.5, total=1.0, between_chunks=1.0)
        )
        status, _, raw = await _post(proxy, *_body("openai", stream=False))
        assert status == 504 and json.loads(raw)["error"]["code"] == "upstream_timeout"
    finally:
        await fake.close()


@pytest.mark.parametrize("fmt", ["openai", "anthropic"])
@pytest.mark.parametrize("mode", ["drop_mid_stream", "stall_mid_stream"])
async def test_mid_stream_failure_ends_with_error_event(
    proxy: RunningProxy, openai_upstream: FakeUpstream, anthropic_upstream: FakeUpstream, fmt: str, mode: str
) -> None:
    openai_upstream.behaviour = anthropic_upstream.behaviour = Behaviour(mode=mode)  # type: ignore[arg-type]
    path, body = _body(fmt, stream=True)
    status, _, raw = await asyncio.wait_for(_post(proxy, path, body), timeout=20)
    assert status == 200  # the stream had started
    text = raw.decode()
    assert "upstream_unreachable" in text or "upstream_timeout" in text
    if fmt == "openai":
        assert "[DONE]" not in text
        assert '"error"' in text.splitlines()[-2]
    else:
        assert "event: error" in text and "message_stop" not in text


@pytest.mark.parametrize("fmt", ["openai", "anthropic"])
async def test_client_disconnect_cancels_upstream(
    proxy: RunningProxy, openai_upstream: FakeUpstream, anthropic_upstream: FakeUpstream, fmt: str
) -> None:
    fake = openai_upstream if fmt == "openai" else anthropic_upstream
    fake.behaviour = Behaviour(mode="fixed", text="word " * 400, chunk_chars=4, delay_s=0.02)
    path, body = _body(fmt, stream=True)
    async with aiohttp.ClientSession() as session:
        resp = await session.post(
            proxy.url + path, json=body, headers={"Authorization": f"Bearer {proxy.token}"}
        )
        await resp.content.readany()  # the stream has started
        resp.close()  # the client goes away
    await asyncio.wait_for(fake.cancelled.wait(), timeout=10)

"""Provider adapters speak each upstream's own URL scheme and credentials: OpenAI, Azure OpenAI (deployment URL,
api-version, api-key header), Ollama (its OpenAI-compatible /v1 endpoint), Anthropic (x-api-key, version)."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from cosigner.config import Route, Upstream
from cosigner.testing import FakeUpstream

BODY = {"model": "team-model", "messages": [{"role": "user", "content": "Please tidy this short note."}]}


async def _call(proxy: Any, body: dict[str, Any], path: str = "/v1/chat/completions") -> int:
    async with (
        aiohttp.ClientSession() as session,
        session.post(proxy.url + path, json=body, headers={"Authorization": f"Bearer {proxy.token}"}) as resp,
    ):
        await resp.read()
        return resp.status


@pytest.mark.parametrize(
    ("kind", "base_suffix", "expected_path", "auth_header", "auth_value"),
    [
        ("openai", "/v1", "/v1/chat/completions", "Authorization", "Bearer sk-test"),
        ("openai_compatible", "/v1", "/v1/chat/completions", "Authorization", "Bearer sk-test"),
        ("ollama", "", "/v1/chat/completions", "Authorization", "Bearer sk-test"),
        (
            "azure",
            "",
            "/openai/deployments/gpt4o-uksouth/chat/completions?api-version=2024-10-21",
            "api-key",
            "sk-test",
        ),
    ],
)
async def test_openai_family_upstreams(
    make_proxy: Any,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    base_suffix: str,
    expected_path: str,
    auth_header: str,
    auth_value: str,
) -> None:
    monkeypatch.setenv("TEAM_KEY", "sk-test")
    fake = await FakeUpstream("openai").start()
    try:
        base = f"http://127.0.0.1:{fake.port}{base_suffix}"
        upstream = Upstream(
            "team",
            kind,
            base,
            api_key_env="TEAM_KEY",  # type: ignore[arg-type]
            api_version="2024-10-21" if kind == "azure" else None,
        )
        rename = "gpt4o-uksouth" if kind == "azure" else None
        proxy = await make_proxy(
            {}, upstreams=(upstream,), routes=(Route("team", model="team-model", upstream_model=rename),)
        )
        assert await _call(proxy, BODY) == 200
        assert fake.paths == [expected_path]
        assert fake.headers[0].get(auth_header) == auth_value
        if kind == "azure":
            assert "model" not in fake.received[0]  # the deployment is in the URL
        else:
            assert fake.received[0]["model"] == "team-model"
    finally:
        await fake.close()


async def test_anthropic_upstream_headers(make_proxy: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AN_KEY", "sk-ant-test")
    fake = await FakeUpstream("anthropic").start()
    try:
        upstream = Upstream("an", "anthropic", f"http://127.0.0.1:{fake.port}", api_key_env="AN_KEY")
        proxy = await make_proxy({}, upstreams=(upstream,), routes=(Route("an", prefix=""),))
        assert await _call(proxy, BODY) == 200  # an OpenAI-format client reaching an Anthropic upstream
        assert fake.paths == ["/v1/messages"]
        assert fake.headers[0]["x-api-key"] == "sk-ant-test"
        assert fake.headers[0]["anthropic-version"] == "2023-06-01"
        assert fake.received[0]["max_tokens"] > 0
    finally:
        await fake.close()

"""A placeholder split across SSE chunks at any point is restored: the fake upstream echoes the screened text in
chunks of every size from 1 to 13 characters, so every placeholder is cut at every offset somewhere."""

from __future__ import annotations

import json

import aiohttp
import pytest

from cosigner.testing import FakeUpstream, RunningProxy

NOTE = "Kerry Nolan (NHS 943 476 5919) met Jo Nolan at 14 Acacia Avenue, LS6 2AB; Kerry's mum came too."


async def _stream_text(proxy: RunningProxy, path: str, body: dict[str, object]) -> str:
    text = ""
    async with (
        aiohttp.ClientSession() as session,
        session.post(proxy.url + path, json=body, headers={"Authorization": f"Bearer {proxy.token}"}) as resp,
    ):
        assert resp.status == 200
        async for raw in resp.content:
            line = raw.decode().strip()
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            data = json.loads(line[6:])
            for choice in data.get("choices") or []:
                text += (choice.get("delta") or {}).get("content") or ""
            delta = data.get("delta") or {}
            if data.get("type") == "content_block_delta" and delta.get("type") == "text_delta":
                text += delta["text"]
    return text


@pytest.mark.parametrize("chunk_chars", range(1, 14))
@pytest.mark.parametrize("route", ["openai", "anthropic", "openai->anthropic", "anthropic->openai"])
async def test_streamed_placeholders_are_restored_at_every_split(
    proxy: RunningProxy, openai_upstream: FakeUpstream, anthropic_upstream: FakeUpstream, chunk_chars: int, route: str
) -> None:
    openai_upstream.behaviour.chunk_chars = anthropic_upstream.behaviour.chunk_chars = chunk_chars
    client, _, upstream = route.partition("->")
    upstream = upstream or client
    model = "gpt-4o-mini" if upstream == "openai" else "claude-3-5-haiku"
    if client == "openai":
        path, body = (
            "/v1/chat/completions",
            {"model": model, "stream": True, "messages": [{"role": "user", "content": NOTE}]},
        )
    else:
        path, body = (
            "/v1/messages",
            {"model": model, "stream": True, "max_tokens": 256, "messages": [{"role": "user", "content": NOTE}]},
        )
    assert await _stream_text(proxy, path, body) == NOTE
    sent = json.dumps(openai_upstream.received + anthropic_upstream.received)
    assert "Nolan" not in sent and "[PERSON_1]" in sent

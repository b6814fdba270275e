"""Token limits from the policy: input counted exactly (offline tiktoken) when it can matter, output capped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aiohttp

from cosigner.testing import FakeUpstream

ROOT = Path(__file__).resolve().parents[2]


def _policy(tmp_path: Path, max_in: int, max_out: int) -> Path:
    text = (ROOT / "policies" / "default.toml").read_text(encoding="utf-8")
    text = text.replace("max_input_tokens = 32000", f"max_input_tokens = {max_in}", 1)
    text = text.replace("max_output_tokens = 4000", f"max_output_tokens = {max_out}", 1)
    path = tmp_path / "limits.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def _post(proxy: Any, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            proxy.url + "/v1/chat/completions", json=body, headers={"Authorization": f"Bearer {proxy.token}"}
        ) as resp,
    ):
        return resp.status, await resp.json()


async def test_input_and_output_limits(make_proxy: Any, openai_upstream: FakeUpstream, tmp_path: Path) -> None:
    proxy = await make_proxy({"oa": openai_upstream}, policy_path=_policy(tmp_path, max_in=50, max_out=100))
    short = "The visit went well and the home was warm."
    status, _ = await _post(proxy, {"model": "gpt-4o", "messages": [{"role": "user", "content": short}]})
    assert status == 200
    assert openai_upstream.received[-1]["max_tokens"] == 100  # the cap is applied when the client sets none

    # 60 short words: more bytes than the limit, so counted exactly: about 61 tokens > 50.
    long = " ".join(["visit"] * 60)
    status, body = await _post(proxy, {"model": "gpt-4o", "messages": [{"role": "user", "content": long}]})
    assert status == 400 and body["error"]["code"] == "token_limit_exceeded"
    assert "at most 50" in body["error"]["message"]

    # Many bytes but few tokens (one long repeated word) passes: bytes are only a bound.
    status, _ = await _post(proxy, {"model": "gpt-4o", "messages": [{"role": "user", "content": "a" * 120}]})
    assert status == 200

    status, body = await _post(
        proxy, {"model": "gpt-4o", "max_tokens": 500, "messages": [{"role": "user", "content": short}]}
    )
    assert status == 400 and "at most 100 output tokens" in body["error"]["message"]
    assert len(openai_upstream.received) == 2

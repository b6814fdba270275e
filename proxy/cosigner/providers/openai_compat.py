"""OpenAI chat completions upstreams: OpenAI, Azure OpenAI, Ollama and any OpenAI-compatible server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, Literal
from urllib.parse import quote

import aiohttp

from cosigner.config import Timeouts, Upstream
from cosigner.providers.http import post_json, post_sse
from cosigner.wire.sse import SSEEvent


def chat_url(upstream: Upstream, model: str) -> str:
    base = upstream.base_url
    if upstream.kind == "azure":
        return (
            f"{base}/openai/deployments/{quote(model, safe='')}/chat/completions"
            f"?api-version={quote(upstream.api_version or '', safe='')}"
        )
    if upstream.kind == "ollama" and not base.endswith("/v1"):
        base += "/v1"  # Ollama's OpenAI-compatible endpoint
    return f"{base}/chat/completions"


def auth_headers(upstream: Upstream) -> dict[str, str]:
    key = upstream.api_key()
    if not key:
        return {}
    if upstream.kind == "azure":
        return {"api-key": key}
    return {"Authorization": f"Bearer {key}"}


class OpenAICompatProvider:
    def __init__(self, session: aiohttp.ClientSession, upstream: Upstream, timeouts: Timeouts) -> None:
        self.session = session
        self.upstream = upstream
        self.timeouts = timeouts

    @property
    def api_format(self) -> Literal["openai"]:
        return "openai"

    def _prepare(self, body: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        model = str(body.get("model", ""))
        if self.upstream.kind == "azure":
            body = {k: v for k, v in body.items() if k != "model"}  # the deployment is in the URL
        return chat_url(self.upstream, model), body

    async def complete(self, body: dict[str, Any]) -> dict[str, Any]:
        url, payload = self._prepare(body)
        return await post_json(
            self.session, url, payload, auth_headers(self.upstream), self.timeouts, self.upstream.name
        )

    def stream(self, body: dict[str, Any]) -> AsyncIterator[SSEEvent]:
        url, payload = self._prepare(body)
        return post_sse(
            self.session, url, payload, auth_headers(self.upstream), self.timeouts, self.upstream.name
        )

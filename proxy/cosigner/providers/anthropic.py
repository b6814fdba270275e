"""Anthropic messages upstream."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, Literal

import aiohttp

from cosigner.config import Timeouts, Upstream
from cosigner.providers.http import post_json, post_sse
from cosigner.wire.sse import SSEEvent

ANTHROPIC_VERSION = "2023-06-01"


class AnthropicProvider:
    def __init__(self, session: aiohttp.ClientSession, upstream: Upstream, timeouts: Timeouts) -> None:
        self.session = session
        self.upstream = upstream
        self.timeouts = timeouts

    @property
    def api_format(self) -> Literal["anthropic"]:
        return "anthropic"

    def _headers(self) -> dict[str, str]:
        headers = {"anthropic-version": ANTHROPIC_VERSION}
        key = self.upstream.api_key()
        if key:
            headers["x-api-key"] = key
        return headers

    def _url(self) -> str:
        base = self.upstream.base_url
        return f"{base}/messages" if base.endswith("/v1") else f"{base}/v1/messages"

    async def complete(self, body: dict[str, Any]) -> dict[str, Any]:
        return await post_json(
            self.session, self._url(), body, self._headers(), self.timeouts, self.upstream.name
        )

    def stream(self, body: dict[str, Any]) -> AsyncIterator[SSEEvent]:
        return post_sse(self.session, self._url(), body, self._headers(), self.timeouts, self.upstream.name)

"""Shared HTTP plumbing for provider adapters: one place that maps aiohttp failures to Cosigner errors."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any

import aiohttp

from cosigner.config import Timeouts
from cosigner.errors import (
    UpstreamBadResponse,
    UpstreamStatus,
    UpstreamTimeout,
    UpstreamUnreachable,
)
from cosigner.wire.errors import parse_upstream_error
from cosigner.wire.sse import SSEDecoder, SSEEvent


def client_timeout(t: Timeouts) -> aiohttp.ClientTimeout:
    return aiohttp.ClientTimeout(total=t.total, connect=t.connect, sock_read=t.between_chunks)


async def _raise_for_status(resp: aiohttp.ClientResponse, provider: str) -> None:
    if resp.status < 400:
        return
    body = await resp.read()
    detail = parse_upstream_error(body) or resp.reason or "error"
    raise UpstreamStatus(
        f"The {provider} provider answered {resp.status}: {detail}",
        status=resp.status if 400 <= resp.status < 600 else 502,
        retry_after=resp.headers.get("Retry-After"),
    )


@contextlib.contextmanager
def _translated_errors(provider: str, *, streaming: bool) -> Iterator[None]:
    """Map aiohttp's client failures to Cosigner's upstream errors (messages name the provider, never content)."""
    try:
        yield
    except (TimeoutError, aiohttp.ServerTimeoutError):
        verb = "stopped sending" if streaming else "did not answer"
        raise UpstreamTimeout(f"The {provider} provider {verb} in time.") from None
    except aiohttp.ClientConnectorError:
        raise UpstreamUnreachable(f"Could not connect to the {provider} provider. Is it running?") from None
    except (aiohttp.ClientPayloadError, aiohttp.ServerDisconnectedError, aiohttp.ClientOSError):
        where = " mid-stream" if streaming else ""
        raise UpstreamUnreachable(f"The connection to the {provider} provider was dropped{where}.") from None


async def post_json(
    session: aiohttp.ClientSession,
    url: str,
    body: dict[str, Any],
    headers: Mapping[str, str],
    timeouts: Timeouts,
    provider: str,
) -> dict[str, Any]:
    with _translated_errors(provider, streaming=False):
        async with session.post(url, json=body, headers=dict(headers), timeout=client_timeout(timeouts)) as resp:
            await _raise_for_status(resp, provider)
            raw = await resp.read()
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise UpstreamBadResponse(f"The {provider} provider sent a response that is not valid JSON.") from None
    if not isinstance(data, dict):
        raise UpstreamBadResponse(f"The {provider} provider sent a JSON response that is not an object.")
    return data


async def post_sse(
    session: aiohttp.ClientSession,
    url: str,
    body: dict[str, Any],
    headers: Mapping[str, str],
    timeouts: Timeouts,
    provider: str,
) -> AsyncIterator[SSEEvent]:
    """Yield SSE events; failures (before or mid-stream) raise ``Upstream*`` errors, never a silent end."""
    with _translated_errors(provider, streaming=True):
        async with session.post(url, json=body, headers=dict(headers), timeout=client_timeout(timeouts)) as resp:
            await _raise_for_status(resp, provider)
            decoder = SSEDecoder()
            async for chunk in resp.content.iter_any():
                for event in decoder.feed(chunk):
                    yield event

"""Provider extension point: the only code that touches the network.

A ``Provider`` sends an already-screened body in its own wire format and returns the provider's JSON, or an
async iterator of SSE events for streams.  Low-level client errors are translated here into
``cosigner.errors.Upstream*`` so nothing above this layer sees aiohttp exceptions.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any, Literal, Protocol, runtime_checkable

import aiohttp

from cosigner.config import Timeouts, Upstream
from cosigner.wire.sse import SSEEvent

ApiFormat = Literal["openai", "anthropic"]


@runtime_checkable
class Provider(Protocol):
    upstream: Upstream

    @property
    def api_format(self) -> ApiFormat: ...

    async def complete(self, body: dict[str, Any]) -> dict[str, Any]: ...

    def stream(self, body: dict[str, Any]) -> AsyncIterator[SSEEvent]: ...


ProviderFactory = Callable[[aiohttp.ClientSession, Upstream, Timeouts], Provider]

_REGISTRY: dict[str, ProviderFactory] = {}


def register_provider(kind: str, factory: ProviderFactory) -> None:
    if kind in _REGISTRY:
        raise ValueError(f"provider kind {kind!r} is already registered")
    _REGISTRY[kind] = factory


def make_provider(session: aiohttp.ClientSession, upstream: Upstream, timeouts: Timeouts) -> Provider:
    try:
        factory = _REGISTRY[upstream.kind]
    except KeyError:
        raise KeyError(f"no provider registered for kind {upstream.kind!r}") from None
    return factory(session, upstream, timeouts)


def registered_providers() -> tuple[str, ...]:
    return tuple(sorted(_REGISTRY))


def _register_builtins() -> None:
    from cosigner.providers import anthropic, openai_compat

    register_provider("openai", openai_compat.OpenAICompatProvider)
    register_provider("openai_compatible", openai_compat.OpenAICompatProvider)
    register_provider("ollama", openai_compat.OpenAICompatProvider)
    register_provider("azure", openai_compat.OpenAICompatProvider)
    register_provider("anthropic", anthropic.AnthropicProvider)


_register_builtins()

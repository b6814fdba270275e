"""forward: send the screened body upstream.  Only ever called after parse, check and redact returned.

Owns: forwarded, upstream_status, timings["upstream_us"].
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

from cosigner.errors import UpstreamError
from cosigner.exchange import Exchange
from cosigner.services import Services
from cosigner.wire.sse import SSEEvent


def _outbound(ex: Exchange) -> dict[str, Any]:
    if ex.outbound is None or ex.redaction is None:
        raise RuntimeError("forward called before redact: refusing to send")  # contract guard, fail closed
    return ex.outbound


async def forward(ex: Exchange, services: Services) -> dict[str, Any]:
    body = _outbound(ex)
    assert ex.upstream is not None
    provider = services.provider(ex.upstream)
    started = time.perf_counter()
    ex.forwarded = True
    try:
        reply = await provider.complete(body)
    except UpstreamError as exc:
        ex.upstream_status = exc.status
        raise
    finally:
        ex.mark("upstream_us", started)
    ex.upstream_status = 200
    return reply


def forward_stream(ex: Exchange, services: Services) -> AsyncIterator[SSEEvent]:
    body = _outbound(ex)
    assert ex.upstream is not None
    ex.forwarded = True
    return services.provider(ex.upstream).stream(body)

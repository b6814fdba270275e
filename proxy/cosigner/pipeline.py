"""The request pipeline: guard → parse → check → redact → forward → restore → tag, then audit (always).

``guard`` runs as middleware before the route.  ``run_pre_forward`` performs every pre-forward stage; the
provider is called only after it returns, so any error before that point blocks the request.  The audit stage
queues a ``request_screened`` event before forwarding (a refused write fails the request before anything leaves
the machine), waits for its commit before any of the reply is released (a failed commit fails the request) and
writes an outcome event in ``finally``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

from aiohttp import web

import cosigner.wire.translate as translate
from cosigner.errors import CosignerError, UpstreamBadResponse
from cosigner.exchange import Exchange
from cosigner.services import Services
from cosigner.stages import audit
from cosigner.stages.check import check, needs_vocabulary
from cosigner.stages.forward import forward, forward_stream
from cosigner.stages.parse import parse
from cosigner.stages.redact import OFF_LOOP_CHARS, redact, request_chars
from cosigner.stages.restore import restore_response
from cosigner.stages.tag import TAG_HEADER, add_marker, reply_text, tag
from cosigner.streaming import StreamPump
from cosigner.wire.errors import anthropic_stream_error, openai_stream_error

log = logging.getLogger("cosigner.pipeline")


async def run_pre_forward(ex: Exchange, body: dict[str, Any], context_header: str | None, services: Services) -> None:
    started = time.perf_counter()
    parse(ex, body, context_header, services)
    if request_chars(ex) > OFF_LOOP_CHARS or needs_vocabulary(ex, services):
        # A large text, or a tokeniser vocabulary still to load (GPT-4-era models): screen it in a worker
        # thread, in one hop, so the event loop keeps serving other requests.
        await asyncio.to_thread(_screen, ex, services)
    else:
        _screen(ex, services)
    ex.mark("screen_us", started)
    await audit.record_screened(ex, services)


def _screen(ex: Exchange, services: Services) -> None:
    check(ex, services)
    redact(ex, services)


@contextlib.asynccontextmanager
async def recorded(ex: Exchange, services: Services) -> AsyncIterator[None]:
    """Note how the exchange ended and write its outcome to the audit log, whatever happened."""
    try:
        yield
    except CosignerError as exc:
        ex.status, ex.error_code = exc.status, exc.code
        ex.rule_id = getattr(exc, "rule_id", None)
        raise
    except asyncio.CancelledError:
        ex.status, ex.error_code = 499, "client_closed"
        raise
    except Exception:
        ex.status, ex.error_code = 500, "internal_error"
        raise
    finally:
        ex.mark("total_us", ex.started)
        await audit.record_outcome(ex, services)
        log.debug(
            "exchange done",
            extra={"exchange": ex.id, "status": ex.status, "code": ex.error_code, "timings": ex.timings},
        )


async def handle(request: web.Request, ex: Exchange, body: dict[str, Any], services: Services) -> web.StreamResponse:
    async with recorded(ex, services):
        await run_pre_forward(ex, body, request.headers.get("x-cosigner-case-context"), services)
        if ex.stream:
            return await _stream(request, ex, services)
        return await _complete(ex, services)


async def restored_reply(ex: Exchange, services: Services) -> dict[str, Any]:
    """forward → translate to the caller's format → restore, for a non-streaming exchange."""
    reply = await forward(ex, services)
    await audit.confirm_screened(ex)
    if ex.client_format == "openai" and ex.upstream_format == "anthropic":
        reply = translate.anthropic_response_to_openai(reply, model=ex.model)
    elif ex.client_format == "anthropic" and ex.upstream_format == "openai":
        reply = translate.openai_response_to_anthropic(reply, model=ex.model)
    elif ex.client_format == "openai" and not isinstance(reply.get("choices"), list):
        raise UpstreamBadResponse("The provider's reply has no choices.")
    return restore_response(ex, reply)


async def _complete(ex: Exchange, services: Services) -> web.Response:
    reply = await restored_reply(ex, services)
    draft = tag(ex, services, reply_text(ex.client_format, reply))
    add_marker(ex.client_format, ex.body, reply, services.policy.tag.visible_marker, draft.ref)
    reply["cosigner"] = draft.to_json()
    return web.Response(
        body=json.dumps(reply, ensure_ascii=False).encode(),
        content_type="application/json",
        headers={TAG_HEADER: draft.header_value(), "x-cosigner-exchange": ex.id},
    )


async def _stream(request: web.Request, ex: Exchange, services: Services) -> web.StreamResponse:
    events = forward_stream(ex, services).__aiter__()
    pump = StreamPump(ex)
    try:
        # Wait for the first upstream event before answering, so a refused or unreachable upstream becomes an
        # ordinary HTTP error rather than an error event.
        first = await anext(events, None)
        if first is None:
            raise UpstreamBadResponse("The provider ended the stream without sending anything.")
        await audit.confirm_screened(ex)
        response = web.StreamResponse(
            headers={
                "Content-Type": "text/event-stream; charset=utf-8",
                "Cache-Control": "no-cache",
                "x-cosigner-exchange": ex.id,
            }
        )
        await response.prepare(request)
        ex.upstream_status = 200
        try:
            await response.write(pump.feed(first))
            async for event in events:
                if pump.done:
                    break
                await response.write(pump.feed(event))
            draft = tag(ex, services, pump.text)
            await response.write(pump.finish(draft.to_json()))
        except CosignerError as exc:
            ex.status, ex.error_code = exc.status, exc.code
            render = openai_stream_error if ex.client_format == "openai" else anthropic_stream_error
            await response.write(render(exc.code, exc.message, status=exc.status))
        ex.unknown_placeholders = ex.redaction.placeholders.unknown_count if ex.redaction else 0
        await response.write_eof()
        return response
    finally:
        await events.aclose()  # type: ignore[attr-defined]

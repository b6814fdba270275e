"""Render any ``CosignerError`` in the caller's own API format, as one aiohttp middleware.

Which format a path speaks: ``/v1/messages`` is Anthropic; the other ``/v1/`` paths are OpenAI; Cosigner's own
``/cosigner/`` API uses ``{"error": {"code", "message", "rule"}}``.  Unexpected exceptions become a 500 with a
generic message and are logged by type only.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Literal

from aiohttp import web

from cosigner.errors import CosignerError, MethodNotAllowed, NotFound, PolicyBlocked, UpstreamStatus
from cosigner.wire.errors import anthropic_error_body, openai_error_body

log = logging.getLogger("cosigner.http")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Flavour = Literal["openai", "anthropic", "cosigner"]


def flavour_for(path: str) -> Flavour:
    if path.startswith("/v1/messages"):
        return "anthropic"
    if path.startswith("/v1/"):
        return "openai"
    return "cosigner"


def error_response(exc: CosignerError, flavour: Flavour) -> web.Response:
    rule = exc.rule_id if isinstance(exc, PolicyBlocked) else None
    if flavour == "anthropic":
        body = anthropic_error_body(exc.status, exc.code, exc.message)
        if rule:
            body["error"]["rule"] = rule
    elif flavour == "openai":
        body = openai_error_body(exc.status, exc.code, exc.message, param=rule)
        if rule:
            body["error"]["rule"] = rule
    else:
        body = {"error": {"code": exc.code, "message": exc.message, "rule": rule}}
    headers: dict[str, str] = {}
    if isinstance(exc, UpstreamStatus) and exc.retry_after:
        headers["Retry-After"] = exc.retry_after
    return web.Response(
        status=exc.status, body=json.dumps(body).encode(), content_type="application/json", headers=headers
    )


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    flavour = flavour_for(request.path)
    try:
        return await handler(request)
    except CosignerError as exc:
        log.info("request refused", extra={"code": exc.code, "status": exc.status, "path": request.path})
        return error_response(exc, flavour)
    except web.HTTPException as exc:
        if exc.status >= 400:
            mapped: CosignerError = (
                MethodNotAllowed("This endpoint does not accept that method.")
                if exc.status == 405
                else NotFound("There is no such endpoint on the Cosigner proxy.")
            )
            if exc.status not in (404, 405):
                mapped = CosignerError(exc.reason)
                mapped.status = exc.status
                mapped.code = "http_error"
            return error_response(mapped, flavour)
        raise
    except Exception as exc:  # never leak internals; log only the type
        log.error("internal error", extra={"error_type": type(exc).__name__, "path": request.path}, exc_info=True)
        internal = CosignerError("Cosigner hit an internal error; nothing was sent upstream after it.")
        return error_response(internal, flavour)

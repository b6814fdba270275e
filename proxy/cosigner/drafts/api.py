"""aiohttp routes of the drafting API (``/cosigner/v1/drafts...`` and ``openapi.json``).

The lead's guard middleware authenticates and puts the principal on ``request["principal"]``; its error
middleware renders the ``cosigner.errors`` these handlers raise as ``{"error": {code, message, rule}}``.
Only practitioner tokens may use the drafts routes.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import web

from cosigner import guard
from cosigner.drafts.errors import DraftRequestInvalid, WrongRole
from cosigner.drafts.openapi import openapi_document
from cosigner.drafts.service import DraftDeps, DraftService
from cosigner.errors import Unauthorized

DRAFT_SERVICE = web.AppKey("cosigner_draft_service", DraftService)
PREFIX = "/cosigner/v1"


def add_draft_routes(app: web.Application, deps: DraftDeps) -> None:
    service = DraftService(deps)
    app[DRAFT_SERVICE] = service

    async def open_store(_: web.Application) -> None:
        await asyncio.to_thread(service.open)  # SQLite connect + WAL set-up off the event loop

    async def close_service(_: web.Application) -> None:
        service.close()

    app.on_startup.append(open_store)
    app.on_cleanup.append(close_service)
    app.router.add_post(f"{PREFIX}/drafts", create_draft)
    app.router.add_post(f"{PREFIX}/drafts/{{draft_id}}/decision", decide_draft)
    app.router.add_post(f"{PREFIX}/drafts/{{draft_id}}/insertion", record_insertion)
    app.router.add_post(f"{PREFIX}/drafts/{{draft_id}}", draft_status)
    app.router.add_get(f"{PREFIX}/openapi.json", openapi_json)


async def create_draft(request: web.Request) -> web.Response:
    principal = _practitioner(request)
    body = await _json_body(request)
    return web.json_response(await request.app[DRAFT_SERVICE].create(principal, body))


async def decide_draft(request: web.Request) -> web.Response:
    principal = _practitioner(request)
    body = await _json_body(request)
    service = request.app[DRAFT_SERVICE]
    return web.json_response(await service.decide(principal, request.match_info["draft_id"], body))


async def draft_status(request: web.Request) -> web.Response:
    principal = _practitioner(request)
    await _json_body(request, required=False)
    service = request.app[DRAFT_SERVICE]
    return web.json_response(await service.status(principal, request.match_info["draft_id"]))


async def record_insertion(request: web.Request) -> web.Response:
    principal = _practitioner(request)
    body = await _json_body(request)
    service = request.app[DRAFT_SERVICE]
    return web.json_response(await service.insertion(principal, request.match_info["draft_id"], body))


async def openapi_json(request: web.Request) -> web.Response:
    return web.json_response(openapi_document())


def _practitioner(request: web.Request) -> Any:
    principal = request.get(guard.PRINCIPAL_KEY)
    if principal is None:
        raise Unauthorized("Missing Cosigner token.")
    if getattr(principal, "role", None) != "practitioner":
        raise WrongRole("Only a practitioner's token may use the drafting API.")
    return principal


async def _json_body(request: web.Request, *, required: bool = True) -> dict[str, Any]:
    raw = request.get(guard.RAW_BODY_KEY)  # the guard has already read (and size-checked) the body
    if not isinstance(raw, bytes):
        raw = await request.read()
    if not raw.strip():
        if required:
            raise DraftRequestInvalid("Send a JSON object as the body.")
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise DraftRequestInvalid("The body is not valid JSON.") from None
    if not isinstance(body, dict):
        raise DraftRequestInvalid("The body must be a JSON object.")
    return body

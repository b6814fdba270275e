"""HTTP routes: the providers' own APIs plus Cosigner's pairing and status endpoints."""

from __future__ import annotations

import asyncio
import time
from typing import Any, Literal

from aiohttp import web

from cosigner import __version__
from cosigner.auth import Principal
from cosigner.errors import BadRequest, Forbidden, Unauthorized
from cosigner.exchange import Exchange
from cosigner.guard import PRINCIPAL_KEY, RAW_BODY_KEY
from cosigner.pipeline import handle
from cosigner.services import Services
from cosigner.stages.parse import decode_json

SERVICES: web.AppKey[Services] = web.AppKey("services", Services)


def _services(request: web.Request) -> Services:
    return request.app[SERVICES]


async def _provider_api(request: web.Request, fmt: Literal["openai", "anthropic"]) -> web.StreamResponse:
    principal: Principal = request[PRINCIPAL_KEY]
    body = decode_json(request[RAW_BODY_KEY])
    ex = Exchange(client_format=fmt, route=request.path, principal=principal)
    return await handle(request, ex, body, _services(request))


async def chat_completions(request: web.Request) -> web.StreamResponse:
    return await _provider_api(request, "openai")


async def messages(request: web.Request) -> web.StreamResponse:
    return await _provider_api(request, "anthropic")


async def list_models(request: web.Request) -> web.Response:
    config = _services(request).config
    data = [
        {"id": name, "object": "model", "created": 0, "owned_by": config.route_for(name)[0].name}  # type: ignore[index]
        for name in config.model_names()
    ]
    return web.json_response({"object": "list", "data": data})


def policy_summary(services: Services) -> dict[str, Any]:
    p = services.policy
    return {"name": p.name, "version": p.version, "hash": p.content_hash}


async def pair(request: web.Request) -> web.Response:
    services = _services(request)
    origin = request.headers.get("Origin", "")
    if not origin.startswith(("chrome-extension://", "moz-extension://")):
        raise Forbidden("Pairing is only possible from the Cosigner browser extension.")
    body = decode_json(request[RAW_BODY_KEY])
    code = body.get("code")
    if not isinstance(code, str) or not code.strip():
        raise BadRequest("code: enter the pairing code shown by `cosigner pair`.")
    await asyncio.to_thread(services.auth.reload_if_changed)
    token = await asyncio.to_thread(services.auth.redeem_pairing_code, code, origin)
    if token is None:
        raise Unauthorized("That pairing code is wrong, used or expired. Run `cosigner pair` for a new one.")
    return web.json_response({"token": token, "proxy_version": __version__, "policy": policy_summary(services)})


async def status(request: web.Request) -> web.Response:
    services = _services(request)
    policy = services.policy
    review = policy.review
    return web.json_response(
        {
            "ok": True,
            "proxy_version": __version__,
            "policy": policy_summary(services),
            "templates": [{"id": t.id, "label": t.label} for t in policy.templates],
            "review": {
                "min_dwell_ms_base": review.min_dwell_ms_base,
                "min_dwell_ms_per_word": review.min_dwell_ms_per_word,
                "require_individual_confirmation_for_flagged": True,
                "allow_bulk_accept": review.allow_bulk_accept,
                "attestation_text": review.attestation_text,
                "attestation_version": review.attestation_version,
            },
            "tag": {"visible_marker": bool(policy.tag.visible_marker)},
            "time": time.time(),
        }
    )


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"ok": True, "version": __version__})


def add_routes(app: web.Application) -> None:
    app.router.add_post("/v1/chat/completions", chat_completions)
    app.router.add_post("/v1/messages", messages)
    app.router.add_get("/v1/models", list_models)
    app.router.add_post("/cosigner/v1/pair", pair)
    app.router.add_post("/cosigner/v1/status", status)
    app.router.add_get("/healthz", healthz)

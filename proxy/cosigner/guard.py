"""guard: the first stage, as middleware.  Host, token, origin, method, content type and body size.

Threats handled (see THREAT_MODEL.md): web pages and DNS-rebinding sites calling 127.0.0.1, other local
processes without the token, form-style CSRF, oversized bodies.  Every rejection is a 4xx in the caller's format.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web

from cosigner.auth import AuthStore, Principal
from cosigner.errors import (
    BadRequest,
    Forbidden,
    HostRejected,
    MethodNotAllowed,
    OriginRejected,
    PayloadTooLarge,
    Unauthorized,
    UnsupportedMediaType,
)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
PRINCIPAL_KEY: web.RequestKey[Principal] = web.RequestKey("principal", Principal)
RAW_BODY_KEY: web.RequestKey[bytes] = web.RequestKey("raw_body", bytes)

# Paths that need no token: pairing (it exchanges a code for one) and the DPO page shell (its data needs one).
_OPEN_PATHS = frozenset({"/cosigner/v1/pair", "/cosigner/dpo", "/cosigner/v1/openapi.json", "/healthz"})
# The DPO page's own script, styles and icons: public files, no data (the data API needs the DPO token).
_OPEN_PREFIXES = ("/cosigner/dpo/static/",)
_GET_PATHS = frozenset({"/v1/models", "/cosigner/dpo", "/cosigner/v1/openapi.json", "/healthz"})
_EXTENSION_SCHEMES = ("chrome-extension://", "moz-extension://")


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    names = {"127.0.0.1", "localhost"}
    if host not in ("127.0.0.1", "localhost", "0.0.0.0"):
        names.add(host)
    if host == "::1":
        names.add("[::1]")
    return frozenset(f"{n}:{port}" for n in names)


def bearer_token(request: web.Request) -> str:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("x-api-key", "").strip()


def make_guard(auth: AuthStore, hosts: Callable[[], frozenset[str]], max_body: int) -> Callable[..., object]:
    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        host = request.headers.get("Host", "")
        if not host or host not in hosts():
            raise HostRejected("Requests must be addressed to the local proxy (Host 127.0.0.1 or localhost).")
        path = request.path
        if request.method == "GET":
            if path not in _GET_PATHS and not path.startswith("/cosigner/dpo/"):
                raise MethodNotAllowed("This endpoint accepts POST with a JSON body only.")
        elif request.method != "POST":
            raise MethodNotAllowed("This endpoint accepts POST with a JSON body only.")
        if request.headers.get("Sec-Fetch-Site", "none") not in ("none", "same-origin"):
            raise Forbidden("Web pages may not call the Cosigner proxy.")
        origin = request.headers.get("Origin")
        if (
            origin is not None
            and not origin.startswith(_EXTENSION_SCHEMES)
            and not _same_origin(origin, host)
        ):
            raise OriginRejected("Web pages may not call the Cosigner proxy.")

        if request.method == "POST":
            ctype = request.content_type
            if ctype != "application/json":
                raise UnsupportedMediaType("Send the body as JSON with Content-Type: application/json.")
            if request.content_length is not None and request.content_length > max_body:
                raise PayloadTooLarge(f"The body is larger than the configured limit of {max_body} bytes.")
            request[RAW_BODY_KEY] = await _read_limited(request, max_body)

        if path not in _OPEN_PATHS and not path.startswith(_OPEN_PREFIXES):
            principal = auth.authenticate(bearer_token(request))
            if principal is None:
                raise Unauthorized(
                    "Missing or wrong Cosigner token. Use the token shown by `cosigner token` as your API key."
                )
            _check_origin_binding(principal, origin, path)
            request[PRINCIPAL_KEY] = principal
        return await handler(request)

    return guard


def _same_origin(origin: str, host: str) -> bool:
    return origin in (f"http://{host}",)


def _check_origin_binding(principal: Principal, origin: str | None, path: str) -> None:
    if principal.origin is None:
        return
    # An extension token only works from the extension that paired it.
    if origin != principal.origin:
        raise OriginRejected("This token belongs to a paired extension and must be used from it.")
    if not path.startswith("/cosigner/v1/"):
        raise Forbidden("Extension tokens may only call the Cosigner drafting API.")


async def _read_limited(request: web.Request, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.content.iter_chunked(65536):
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"The body is larger than the configured limit of {limit} bytes.")
        chunks.append(chunk)
    body = b"".join(chunks)
    if not body:
        raise BadRequest("The request body is empty; send a JSON object.")
    return body

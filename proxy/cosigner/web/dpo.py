"""The DPO review page and its read-only JSON/CSV API, behind the DPO token.

Authentication without cookies, so nothing is sent cross-site automatically and no CSRF is possible:
- the API takes ``Authorization: Bearer <DPO token>`` on every request;
- the page itself (``GET /cosigner/dpo``) is a static shell holding no data. The DPO opens
  ``/cosigner/dpo#token=...`` (or pastes the token into the page); the page's own script reads the fragment —
  which browsers never send to servers or put in Referer — removes it from the address bar, keeps the token in
  memory only, and calls the API with the header.
Everything shown is escaped: the script renders with ``textContent`` and builds SVG charts with DOM calls, the
page is served with a strict Content-Security-Policy (no inline script or style, no external origins), and the
API answers JSON/CSV only.
"""

from __future__ import annotations

import asyncio
import csv
import io
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from importlib import resources
from typing import Any

from aiohttp import web

from cosigner.store import db
from cosigner.store.audit_log import AuditLog
from cosigner.store.query import CSV_COLUMNS, EventFilter, csv_row, iter_events, summarise
from cosigner.store.schema import EVENT_FIELDS
from cosigner.web.chain_status import ChainStatus, status_json

BASE = "/cosigner/dpo"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
_STATIC = {"dpo.js": "text/javascript", "dpo.css": "text/css", "icon.svg": "image/svg+xml"}
_TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(T[0-9:.]+Z?)?$")
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_.:/@+=\-]{1,160}$")
_MAX_LIMIT = 500
_DEFAULT_DAYS = 30

GetLog = Callable[[], AuditLog]
IsDpo = Callable[[str], bool]


class _BadQuery(Exception):
    def __init__(self, parameter: str) -> None:
        super().__init__(parameter)
        self.parameter = parameter


def _asset(name: str) -> bytes:
    return resources.files("cosigner.web").joinpath("static", name).read_bytes()


def add_dpo_routes(
    app: web.Application, get_log: GetLog, is_dpo: IsDpo, *, full_verify_every_s: float = 600.0
) -> None:
    """Serve ``/cosigner/dpo`` (page), ``/cosigner/dpo/static/*`` and ``/cosigner/dpo/api/{summary,events,
    events.csv}``; ``is_dpo(token)`` decides whether a bearer token has the DPO role (constant-time)."""
    status = ChainStatus(full_verify_every_s)
    page = _asset("dpo.html")
    assets = {name: _asset(name) for name in _STATIC}

    async def page_handler(_: web.Request) -> web.Response:
        return web.Response(body=page, content_type="text/html", charset="utf-8", headers=SECURITY_HEADERS)

    async def static_handler(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in assets:
            raise web.HTTPNotFound()
        return web.Response(body=assets[name], content_type=_STATIC[name], headers=SECURITY_HEADERS)

    def authorised(request: web.Request) -> web.Response | None:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return _error(401, "unauthorized", "a DPO bearer token is required")
        if not is_dpo(token.strip()):
            return _error(403, "forbidden", "this token does not have the DPO role")
        return None

    async def summary_handler(request: web.Request) -> web.Response:
        denied = authorised(request)
        if denied is not None:
            return denied
        try:
            flt = _filter(request, default_days=_DEFAULT_DAYS)
        except _BadQuery as exc:
            return _error(400, "bad_request", f"query parameter {exc.parameter!r} is invalid")
        log = get_log()
        summary = await asyncio.to_thread(_summary, log, flt)
        report, checked_at = await status.report(log.db_path, log.keys.public_keys())
        anchored = log.last_anchored_at
        body = {
            "filter": {"since": flt.since, "until": flt.until},
            "summary": summary,
            "chain": status_json(report, checked_at),
            "anchor": {
                "last_anchored_at": anchored.isoformat(timespec="seconds") if anchored else None,
                "last_anchored_size": log.last_anchored_size,
                "age_seconds": int((datetime.now(UTC) - anchored).total_seconds()) if anchored else None,
            },
            "event_types": sorted(EVENT_FIELDS),
        }
        return web.json_response(body, headers=SECURITY_HEADERS)

    async def events_handler(request: web.Request) -> web.Response:
        denied = authorised(request)
        if denied is not None:
            return denied
        try:
            flt = _filter(request, default_days=None)
            limit = _int_param(request, "limit", 100, 1, _MAX_LIMIT)
            before = _int_param(request, "before", None, 0, 2**62)
        except _BadQuery as exc:
            return _error(400, "bad_request", f"query parameter {exc.parameter!r} is invalid")
        events = await asyncio.to_thread(_events, get_log(), flt, before, limit)
        next_before = events[-1]["seq"] if len(events) == limit else None
        return web.json_response({"events": events, "next_before": next_before}, headers=SECURITY_HEADERS)

    async def csv_handler(request: web.Request) -> web.Response:
        denied = authorised(request)
        if denied is not None:
            return denied
        try:
            flt = _filter(request, default_days=None)
        except _BadQuery as exc:
            return _error(400, "bad_request", f"query parameter {exc.parameter!r} is invalid")
        text = await asyncio.to_thread(_csv, get_log(), flt)
        headers = {**SECURITY_HEADERS, "Content-Disposition": 'attachment; filename="cosigner-audit.csv"'}
        return web.Response(text=text, content_type="text/csv", charset="utf-8", headers=headers)

    app.router.add_get(BASE, page_handler)
    app.router.add_get(BASE + "/static/{name}", static_handler)
    app.router.add_get(BASE + "/api/summary", summary_handler)
    app.router.add_get(BASE + "/api/events", events_handler)
    app.router.add_get(BASE + "/api/events.csv", csv_handler)


def _error(status: int, code: str, message: str) -> web.Response:
    headers = dict(SECURITY_HEADERS)
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="cosigner-dpo"'
    return web.json_response({"error": {"code": code, "message": message}}, status=status, headers=headers)


def _filter(request: web.Request, default_days: int | None) -> EventFilter:
    query = request.query
    since = query.get("since") or None
    until = query.get("until") or None
    for name, value in (("since", since), ("until", until)):
        if value is not None and not _TIME_RE.match(value):
            raise _BadQuery(name)
    if since is None and default_days is not None:
        since = (datetime.now(UTC) - timedelta(days=default_days)).strftime("%Y-%m-%d")
    types = tuple(t for t in query.getall("type", []) if t)
    if any(t not in EVENT_FIELDS for t in types):
        raise _BadQuery("type")
    rule = query.get("rule") or None
    practitioner = query.get("practitioner") or None
    for name, value in (("rule", rule), ("practitioner", practitioner)):
        if value is not None and not _TOKEN_RE.match(value):
            raise _BadQuery(name)
    return EventFilter(since, until, types, rule, practitioner)


def _int_param(request: web.Request, name: str, default: int | None, low: int, high: int) -> Any:
    raw = request.query.get(name)
    if raw in (None, ""):
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise _BadQuery(name)
    return int(raw)


def _summary(log: AuditLog, flt: EventFilter) -> dict[str, Any]:
    conn = db.connect(log.db_path, readonly=True)
    try:
        return summarise(iter_events(conn, flt))
    finally:
        conn.close()


def _events(log: AuditLog, flt: EventFilter, before: int | None, limit: int) -> list[dict[str, Any]]:
    conn = db.connect(log.db_path, readonly=True)
    try:
        found = iter_events(conn, flt, newest_first=True, before_seq=before, limit=limit)
        return [event.as_dict() for event in found]
    finally:
        conn.close()


def _csv(log: AuditLog, flt: EventFilter) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    conn = db.connect(log.db_path, readonly=True)
    try:
        for event in iter_events(conn, flt):
            writer.writerow(csv_row(event))
    finally:
        conn.close()
    return out.getvalue()

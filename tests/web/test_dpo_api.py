"""The DPO page's server side: headers, token checks, summary, filters, pagination, CSV."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from dpo_fixtures import DPO_TOKEN, PRACTITIONER_TOKEN, make_app, populated_log

from cosigner.store.audit_log import AuditLog
from cosigner.web import add_dpo_routes

AUTH = {"Authorization": f"Bearer {DPO_TOKEN}"}


@pytest.fixture
async def log(tmp_path: Path) -> AsyncIterator[AuditLog]:
    audit = await populated_log(tmp_path)
    yield audit
    await audit.close()


@pytest.fixture
async def client(log: AuditLog, aiohttp_client: Any) -> TestClient[Any, Any]:
    result: TestClient[Any, Any] = await aiohttp_client(make_app(log))
    return result


async def test_page_is_a_static_shell_with_a_strict_csp(client: TestClient[Any, Any]) -> None:
    resp = await client.get("/cosigner/dpo")
    assert resp.status == 200 and resp.content_type == "text/html"
    csp = resp.headers["Content-Security-Policy"]
    for directive in (
        "default-src 'none'",
        "script-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'none'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert resp.headers["X-Frame-Options"] == "DENY" and resp.headers["Referrer-Policy"] == "no-referrer"
    html = await resp.text()
    assert "<script>" not in html and "style=" not in html and "http" not in html.split("<body>")[1]
    assert "request_screened" not in html  # no data without the token
    js = await client.get("/cosigner/dpo/static/dpo.js")
    assert js.status == 200 and js.content_type == "text/javascript"
    assert "innerHTML" not in await js.text()
    assert (await client.get("/cosigner/dpo/static/../dpo.py")).status == 404


@pytest.mark.parametrize(
    "headers, status",
    [
        ({}, 401),
        ({"Authorization": "Basic abc"}, 401),
        ({"Authorization": "Bearer "}, 401),
        ({"Authorization": f"Bearer {PRACTITIONER_TOKEN}"}, 403),
        ({"Cookie": f"token={DPO_TOKEN}"}, 401),
    ],
)
@pytest.mark.parametrize(
    "path", ["/cosigner/dpo/api/summary", "/cosigner/dpo/api/events", "/cosigner/dpo/api/events.csv"]
)
async def test_api_requires_the_dpo_bearer_token(
    client: TestClient[Any, Any], path: str, headers: dict[str, str], status: int
) -> None:
    resp = await client.get(path, headers=headers)
    assert resp.status == status
    assert "Access-Control-Allow-Origin" not in resp.headers
    body = await resp.json()
    assert body["error"]["code"] in ("unauthorized", "forbidden")


async def test_summary_has_charts_rates_and_chain_status(client: TestClient[Any, Any], log: AuditLog) -> None:
    resp = await client.get("/cosigner/dpo/api/summary", headers=AUTH)
    assert resp.status == 200 and resp.headers["Cache-Control"] == "no-store"
    data = await resp.json()
    summary = data["summary"]
    assert summary["redactions_by_type"] == {"NHS_NUMBER": 6, "PERSON": 24, "POSTCODE": 12}
    assert next(iter(summary["redactions_per_day"].values()))["POSTCODE"] == 12
    assert summary["blocks_by_rule"] == {"judgement.risk_score": 3, "judgement.predict_outcome": 1}
    decisions = summary["decisions"]
    assert decisions["accepted"] == 2 and decisions["rejected"] == 1
    assert decisions["bulk_accept_rate"] == 0.5
    assert decisions["median_review_ms_per_hunk"] == 4500.0  # [300, 500, 4000, 5000, 6000, 8000]
    chain = data["chain"]
    assert chain["ok"] is True and chain["verified_up_to"] == log.size - 1
    assert data["anchor"]["last_anchored_at"] is None
    assert "draft_accepted" in data["event_types"]


async def test_chain_status_follows_new_entries(client: TestClient[Any, Any], log: AuditLog) -> None:
    await (await client.get("/cosigner/dpo/api/summary", headers=AUTH)).json()
    await log.append("forwarded", {"bytes_out": 1})
    checkpoint = await log.checkpoint("test")
    data = await (await client.get("/cosigner/dpo/api/summary", headers=AUTH)).json()
    assert data["chain"]["verified_up_to"] == checkpoint.tree_size - 1


async def test_tampering_with_already_verified_rows_shows_at_the_next_full_pass(
    log: AuditLog, aiohttp_client: Any
) -> None:
    app = web.Application()
    add_dpo_routes(app, lambda: log, lambda token: token == DPO_TOKEN, full_verify_every_s=0)
    client = await aiohttp_client(app)
    assert (await (await client.get("/cosigner/dpo/api/summary", headers=AUTH)).json())["chain"]["ok"]
    conn = sqlite3.connect(log.db_path, isolation_level=None)
    conn.execute("DROP TRIGGER entries_only_tombstone")
    conn.execute("UPDATE entries SET hash = zeroblob(32) WHERE seq = 2")
    conn.close()
    chain = (await (await client.get("/cosigner/dpo/api/summary", headers=AUTH)).json())["chain"]
    assert chain["ok"] is False and chain["first_bad_seq"] == 2


async def test_events_filter_and_paginate_newest_first(client: TestClient[Any, Any]) -> None:
    resp = await client.get("/cosigner/dpo/api/events", params={"type": "request_blocked"}, headers=AUTH)
    events = (await resp.json())["events"]
    assert [e["type"] for e in events] == ["request_blocked"] * 4
    assert events[0]["seq"] > events[-1]["seq"]
    resp = await client.get(
        "/cosigner/dpo/api/events", params={"rule": "judgement.predict_outcome"}, headers=AUTH
    )
    assert len((await resp.json())["events"]) == 1
    first = await (await client.get("/cosigner/dpo/api/events", params={"limit": "5"}, headers=AUTH)).json()
    assert len(first["events"]) == 5 and first["next_before"] == first["events"][-1]["seq"]
    second = await (
        await client.get(
            "/cosigner/dpo/api/events", params={"limit": "5", "before": first["next_before"]}, headers=AUTH
        )
    ).json()
    assert second["events"][0]["seq"] < first["events"][-1]["seq"]


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"since": "yesterday"}, "since"),
        ({"type": "not_a_type"}, "type"),
        ({"rule": "<script>alert(1)</script>"}, "rule"),
        ({"limit": "100000"}, "limit"),
        ({"before": "-1"}, "before"),
    ],
)
async def test_bad_parameters_are_refused_without_echo(
    client: TestClient[Any, Any], params: dict[str, str], parameter: str
) -> None:
    resp = await client.get("/cosigner/dpo/api/events", params=params, headers=AUTH)
    assert resp.status == 400
    text = await resp.text()
    assert parameter in text and "script" not in text and "yesterday" not in text


async def test_csv_export_is_an_attachment_with_filters(client: TestClient[Any, Any]) -> None:
    resp = await client.get("/cosigner/dpo/api/events.csv", params={"type": "draft_accepted"}, headers=AUTH)
    assert resp.status == 200 and resp.content_type == "text/csv"
    assert "attachment" in resp.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(await resp.text())))
    assert rows[0][:3] == ["seq", "time", "type"] and {r[2] for r in rows[1:]} == {"draft_accepted"}
    assert len(rows) == 3

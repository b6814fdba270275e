"""Shared by the DPO page tests: a real audit log with realistic metadata, and an app serving the page."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from aiohttp import web

from cosigner.keys import KeyStore
from cosigner.store.audit_log import AuditLog
from cosigner.web import add_dpo_routes

DPO_TOKEN = "dpo-" + "7" * 40
PRACTITIONER_TOKEN = "api-" + "3" * 40
ORIGIN = "cosigner.test/dpo"


async def populated_log(data_dir: Path) -> AuditLog:
    keys = KeyStore(data_dir)
    log = await AuditLog.open(data_dir / "audit.db", keys, origin=ORIGIN, checkpoint_every=20)
    now = datetime.now(UTC)
    p1 = keys.hmac_id("practitioner-1", "practitioner", now)
    p2 = keys.hmac_id("practitioner-2", "practitioner", now)
    for i in range(12):
        await log.append(
            "request_screened",
            {"counts": {"PERSON": 1 + i % 3, "NHS_NUMBER": i % 2, "POSTCODE": 1}, "practitioner": p1},
        )
        log.submit("forwarded", {"model": "gpt-4o-mini", "bytes_out": 100 + i})
    for i in range(80):
        log.submit("exchange_completed", {"status": 200, "duration_ms": 50 + i})
    for rule, n in (("judgement.risk_score", 3), ("judgement.predict_outcome", 1)):
        for _ in range(n):
            await log.append("request_blocked", {"rule_id": rule, "status": 403, "practitioner": p2})
    await log.append(
        "draft_accepted",
        {"practitioner": p1, "hunks_total": 3, "bulk_accept": False, "hunk_review_ms": [4000, 6000, 8000]},
    )
    await log.append(
        "draft_accepted",
        {"practitioner": p2, "hunks_total": 2, "bulk_accept": True, "hunk_review_ms": [300, 500]},
    )
    await log.append("draft_rejected", {"practitioner": p1, "hunks_total": 4, "review_ms": 20000})
    await log.checkpoint("test")
    return log


def make_app(log: AuditLog) -> web.Application:
    app = web.Application()
    add_dpo_routes(app, lambda: log, lambda token: token == DPO_TOKEN)
    return app

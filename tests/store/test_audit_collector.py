"""Anchoring checkpoints at an organisation collector: posted as text, retried, time recorded."""

from __future__ import annotations

import asyncio
from pathlib import Path

from aiohttp import web
from aiohttp.test_utils import TestServer

from cosigner.keys import KeyStore
from cosigner.store import collector
from cosigner.store.audit_log import AuditLog
from cosigner.store.note import parse_and_verify


async def start_collector(fail_first: int) -> tuple[TestServer, list[str]]:
    received: list[str] = []
    attempts = {"n": 0}

    async def handle(request: web.Request) -> web.Response:
        attempts["n"] += 1
        if attempts["n"] <= fail_first:
            return web.Response(status=503)
        assert request.content_type == "text/plain"
        received.append(await request.text())
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/checkpoints", handle)
    server = TestServer(app)
    await server.start_server()
    return server, received


async def test_checkpoints_reach_the_collector_after_failures(tmp_path: Path, monkeypatch: object) -> None:
    server, received = await start_collector(fail_first=2)
    keys = KeyStore(tmp_path)
    log = await AuditLog.open(
        tmp_path / "audit.db", keys, origin="cosigner.test/anchor",
        collector_url=str(server.make_url("/checkpoints")),
    )
    assert log._anchor is not None
    log._anchor._first_retry_s = 0.01
    await log.append("forwarded", {"bytes_out": 1})
    checkpoint = await log.checkpoint("manual")
    for _ in range(200):
        if log.last_anchored_size == checkpoint.tree_size:
            break
        await asyncio.sleep(0.02)
    assert log.last_anchored_size == checkpoint.tree_size and log.last_anchored_at is not None
    assert received and received[-1] == checkpoint.text
    parse_and_verify(received[-1], keys.public_keys())
    assert log._anchor.failures >= 1
    await log.close()
    await server.close()

    reopened = await AuditLog.open(tmp_path / "audit.db", keys, origin="cosigner.test/anchor")
    assert reopened.last_anchored_size == checkpoint.tree_size  # recorded in the database
    await reopened.close()


async def test_unreachable_collector_never_fails_appends(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path)
    log = await AuditLog.open(
        tmp_path / "audit.db", keys, origin="cosigner.test/anchor", collector_url="http://127.0.0.1:9/x"
    )
    for i in range(5):
        await log.append("forwarded", {"bytes_out": i})
    await log.checkpoint("manual")
    assert log.healthy and log.last_anchored_at is None
    await log.close()
    assert collector.logger.name == "cosigner.audit.anchor"

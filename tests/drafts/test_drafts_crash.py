"""Crash safety: SIGKILL the proxy during a burst of decisions; every acknowledged receipt survives.

Acknowledged means the client got a 200 with the receipt.  After a restart on the same data directory each
such draft must report ``accepted`` with the identical receipt, its audit entry must hold the receipt's hash,
and the audit chain must verify.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import sys
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from cosigner.drafts.receipts import core_hash, receipt_problem
from cosigner.keys import load_public_keys, public_keys_path
from cosigner.store.cli import audit_db_path
from cosigner.store.verify import verify_log

RUNNER = Path(__file__).with_name("proxy_runner.py")
FIELD = {"origin": "https://case.example.gov.uk", "descriptor": "Case note body"}
DRAFTS = 24


async def _start(data_dir: Path) -> tuple[asyncio.subprocess.Process, str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(RUNNER), str(data_dir), stdout=asyncio.subprocess.PIPE, env=env
    )
    assert proc.stdout is not None
    line = await asyncio.wait_for(proc.stdout.readline(), timeout=60)
    ready = json.loads(line)
    return proc, ready["url"], ready["token"]


async def _post(session: aiohttp.ClientSession, url: str, token: str, path: str, body: object) -> tuple[int, Any]:
    async with session.post(
        f"{url}/cosigner/v1/{path}", json=body, headers={"Authorization": f"Bearer {token}"}
    ) as response:
        return response.status, await response.json()


def _accept(draft: dict[str, Any]) -> dict[str, Any]:
    return {
        "outcome": "accept",
        "decisions": [
            {"index": h["index"], "action": "keep", "confirmed": True, "seen_ms": 600_000}
            for h in draft["hunks"]
            if h["changed"]
        ],
        "bulk_accept": False,
        "attestation": {"version": "1", "accepted": True},
        "final_text": draft["draft_text"],
    }


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
async def test_acknowledged_receipts_survive_sigkill(tmp_path: Path) -> None:
    proc, url, token = await _start(tmp_path)
    acknowledged: dict[str, dict[str, Any]] = {}
    try:
        async with aiohttp.ClientSession() as session:
            drafts = []
            for i in range(DRAFTS):
                body = {"original_text": f"Visit {i} went well. Mum was calm.", "instruction": "Tidy", "field": FIELD}
                status, draft = await _post(session, url, token, "drafts", body)
                assert status == 200, draft
                drafts.append(draft)

            enough = asyncio.Event()

            async def decide(draft: dict[str, Any]) -> None:
                status, answer = await _post(
                    session, url, token, f"drafts/{draft['draft_id']}/decision", _accept(draft)
                )
                if status == 200:
                    acknowledged[draft["draft_id"]] = answer["receipt"]
                    if len(acknowledged) >= DRAFTS // 3:
                        enough.set()

            tasks = [asyncio.create_task(decide(d)) for d in drafts]
            await asyncio.wait_for(enough.wait(), timeout=60)
            proc.send_signal(signal.SIGKILL)  # mid-burst: some decisions answered, others in flight
            await asyncio.gather(*tasks, return_exceptions=True)
    finally:
        if proc.returncode is None:
            proc.kill()
        await proc.wait()
    assert len(acknowledged) >= DRAFTS // 3
    print(f"acknowledged {len(acknowledged)} of {DRAFTS} decisions before SIGKILL")

    proc, url, token = await _start(tmp_path)  # restart on the same data directory
    try:
        keys = load_public_keys(public_keys_path(tmp_path))
        async with aiohttp.ClientSession() as session:
            for draft_id, receipt in acknowledged.items():
                status, state = await _post(session, url, token, f"drafts/{draft_id}", {})
                assert status == 200 and state["status"] == "accepted", state
                assert state["receipt"] == receipt
                assert receipt_problem(receipt, keys) is None
    finally:
        proc.kill()
        await proc.wait()

    db = audit_db_path(tmp_path)
    conn = sqlite3.connect(db)
    try:
        for receipt in acknowledged.values():
            (body,) = conn.execute("SELECT body FROM entries WHERE seq = ?", (receipt["audit"]["seq"],)).fetchone()
            assert json.loads(bytes(body))["fields"]["receipt_hash"] == core_hash(receipt)
    finally:
        conn.close()
    report = verify_log(db, keys)
    assert report.ok, report.reason

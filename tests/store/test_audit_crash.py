"""Crash safety: SIGKILL a writer mid-burst; every acknowledged entry survives and the chain verifies."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cosigner.keys import KeyStore
from cosigner.store.audit_log import AuditLog
from cosigner.store.verify import verify_log

HELPER = Path(__file__).with_name("crash_writer.py")


def run_until_killed(data_dir: Path, acks_before_kill: int) -> dict[int, str]:
    proc = subprocess.Popen(
        [sys.executable, str(HELPER), str(data_dir), "100000"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    acked: dict[int, str] = {}
    deadline = time.monotonic() + 60
    try:
        assert proc.stdout.readline().strip() == "ready"
        for line in proc.stdout:
            if line.startswith("ack "):
                _, seq, digest = line.split()
                acked[int(seq)] = digest
            if len(acked) >= acks_before_kill or time.monotonic() > deadline:
                break
        os.kill(proc.pid, signal.SIGKILL)  # mid-burst: other appends are queued or committing
        for line in proc.stdout:  # acknowledgements printed before the kill landed
            if line.startswith("ack "):
                _, seq, digest = line.split()
                acked[int(seq)] = digest
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    return acked


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
@pytest.mark.parametrize("acks_before_kill", [37, 203])
def test_sigkill_mid_burst_loses_no_acknowledged_entry(tmp_path: Path, acks_before_kill: int) -> None:
    acked = run_until_killed(tmp_path, acks_before_kill)
    assert len(acked) >= acks_before_kill
    keys = KeyStore(tmp_path)

    report = verify_log(tmp_path / "audit.db", keys.public_keys())
    assert report.ok, report.reason

    async def reopen() -> dict[int, str]:
        log = await AuditLog.open(tmp_path / "audit.db", keys, origin="cosigner.test/crash")
        try:
            found: dict[int, str] = {}
            for seq in acked:
                proof = await log.inclusion_proof(seq, log.size)
                assert proof is not None
            conn = sqlite3.connect(tmp_path / "audit.db")
            for seq, digest in conn.execute("SELECT seq, hash FROM entries"):
                found[seq] = bytes(digest).hex()
            conn.close()
            return found
        finally:
            await log.close()

    stored = asyncio.run(reopen())
    missing = [seq for seq, digest in acked.items() if stored.get(seq) != digest]
    assert not missing, f"{len(missing)} acknowledged entries lost, first {min(missing)}"
    final = verify_log(tmp_path / "audit.db", keys.public_keys())
    assert final.ok and final.unsigned_tail == 0, final.reason

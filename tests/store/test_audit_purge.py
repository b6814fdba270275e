"""Retention: purge tombstones old rows, records and signs that, and the remaining chain still verifies."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cosigner.errors import ConfigError
from cosigner.keys import KeyStore
from cosigner.store.audit_log import AuditLog
from cosigner.store.verify import verify_log

ORIGIN = "cosigner.test/purge"


async def build(tmp_path: Path, keys: KeyStore) -> AuditLog:
    return await AuditLog.open(tmp_path / "audit.db", keys, origin=ORIGIN, checkpoint_every=1000)


def count(db: Path, where: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(f"SELECT count(*) FROM entries WHERE {where}").fetchone()[0])
    finally:
        conn.close()


async def test_purge_tombstones_old_rows_and_keeps_the_chain_verifiable(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path)
    log = await build(tmp_path, keys)
    old_practitioner = keys.hmac_id("p-1", "practitioner", datetime(2026, 8, 1, tzinfo=UTC))
    for i in range(10):
        await log.append("redacted", {"counts": {"PHONE": i}, "practitioner": old_practitioner})
    await log.append("draft_accepted", {"hunks_total": 2, "practitioner": old_practitioner})
    # Everything so far is "old": purge with a cut-off in the future relative to those rows.
    later = datetime.now(UTC) + timedelta(days=400)
    result = await log.purge(365, now=later)
    await log.append("redacted", {"counts": {"PHONE": 1}})
    await log.close()

    assert result.tombstoned == 10 and result.tombstoned_total == 10
    assert result.checkpoint.reason == "purge" and result.checkpoint.tree_size == result.entry.seq + 2
    db = tmp_path / "audit.db"
    assert count(db, "body IS NULL") == 10
    assert count(db, "type = 'draft_accepted'") == 1  # acceptance records follow the case record
    report = verify_log(db, keys.public_keys())
    assert report.ok and report.tombstones == 10, report.reason
    assert "2026-08" not in keys.hmac_periods()  # crypto-shredded
    with pytest.raises(ConfigError):
        keys.hmac_id("p-1", "practitioner", datetime(2026, 8, 1, tzinfo=UTC))


async def test_purge_with_nothing_old_records_an_empty_purge(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path)
    log = await build(tmp_path, keys)
    await log.append("forwarded", {"bytes_out": 1})
    result = await log.purge(30, destroy_hmac_keys=False)
    await log.close()
    assert result.tombstoned == 0 and result.tombstoned_total == 0
    assert verify_log(tmp_path / "audit.db", keys.public_keys()).ok


async def test_second_purge_accounts_for_all_tombstones(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path)
    log = await build(tmp_path, keys)
    for i in range(4):
        await log.append("forwarded", {"bytes_out": i})
    later = datetime.now(UTC) + timedelta(days=100)
    await log.purge(50, now=later, destroy_hmac_keys=False)
    for i in range(3):
        await log.append("forwarded", {"bytes_out": i})
    second = await log.purge(10, now=later + timedelta(days=100), destroy_hmac_keys=False)
    await log.close()
    assert second.tombstoned == 3 and second.tombstoned_total == 7
    assert verify_log(tmp_path / "audit.db", keys.public_keys()).ok


async def test_blanking_a_kept_row_after_a_purge_is_detected(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path)
    log = await build(tmp_path, keys)
    for i in range(4):
        await log.append("forwarded", {"bytes_out": i})
    await log.append("draft_accepted", {"hunks_total": 1})
    await log.purge(1, now=datetime.now(UTC) + timedelta(days=5), destroy_hmac_keys=False)
    await log.close()
    conn = sqlite3.connect(tmp_path / "audit.db", isolation_level=None)
    conn.execute("UPDATE entries SET body = NULL, time = NULL, type = NULL WHERE type = 'draft_accepted'")
    conn.close()
    report = verify_log(tmp_path / "audit.db", keys.public_keys())
    assert not report.ok and report.first_bad_seq == 4 and "blanked" in report.reason


def test_negative_retention_is_refused(tmp_path: Path) -> None:
    async def run() -> None:
        keys = KeyStore(tmp_path)
        log = await build(tmp_path, keys)
        try:
            with pytest.raises(ConfigError):
                await log.purge(-1)
        finally:
            await log.close()

    asyncio.run(run())

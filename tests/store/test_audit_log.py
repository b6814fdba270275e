"""AuditLog behaviour: group commit, acknowledgement, checkpoints, proofs, refusal to start, failures."""

from __future__ import annotations

import asyncio
import base64
import sqlite3
from pathlib import Path

import pytest

from cosigner.errors import AuditFailed, ConfigError
from cosigner.keys import KeyStore
from cosigner.store.audit_log import AuditLog, stored_origin
from cosigner.store.merkle import verify_inclusion
from cosigner.store.note import parse_and_verify
from cosigner.store.schema import AuditFieldRejected
from cosigner.store.verify import verify_log

ORIGIN = "cosigner.test/audit"


async def open_log(tmp_path: Path, **kwargs: object) -> tuple[AuditLog, KeyStore]:
    keys = KeyStore(tmp_path)
    log = await AuditLog.open(tmp_path / "audit.db", keys, origin=ORIGIN, **kwargs)  # type: ignore[arg-type]
    return log, keys


def rows(tmp_path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(tmp_path / "audit.db")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


async def test_concurrent_appends_get_contiguous_seqs_and_share_commits(tmp_path: Path) -> None:
    log, keys = await open_log(tmp_path, checkpoint_every=10_000)
    assert log._writer is not None
    commits_before = log._writer.commits
    refs = await asyncio.gather(*(log.append("forwarded", {"bytes_out": i}) for i in range(500)))
    commits = log._writer.commits - commits_before
    assert sorted(r.seq for r in refs) == list(range(500))
    assert len({r.hash for r in refs}) == 500
    await log.close()
    report = verify_log(tmp_path / "audit.db", keys.public_keys())
    assert report.ok, report.reason
    assert commits < 50, f"500 concurrent appends took {commits} commits: no group commit"
    assert log.size == 501  # + the shutdown checkpoint entry


async def test_acknowledged_entry_is_readable_by_another_connection(tmp_path: Path) -> None:
    log, _ = await open_log(tmp_path)
    ref = await log.append("request_blocked", {"rule_id": "judgement.score", "status": 403})
    assert rows(tmp_path, f"SELECT type FROM entries WHERE seq = {ref.seq}") == [("request_blocked",)]
    await log.close()


async def test_submitted_events_are_written_by_the_next_commit(tmp_path: Path) -> None:
    log, _ = await open_log(tmp_path)
    for i in range(20):
        log.submit("redacted", {"counts": {"PHONE": i}})
    await log.checkpoint("manual")  # queued behind the submissions, so they are committed first
    assert rows(tmp_path, "SELECT count(*) FROM entries WHERE type = 'redacted'") == [(20,)]
    await log.close()


async def test_checkpoint_is_a_signed_note_over_the_merkle_root(tmp_path: Path) -> None:
    log, keys = await open_log(tmp_path)
    refs = [await log.append("forwarded", {"bytes_out": i}) for i in range(7)]
    checkpoint = await log.checkpoint("manual")
    parsed = parse_and_verify(checkpoint.text, keys.public_keys())
    assert parsed.tree_size == checkpoint.tree_size == 8  # 7 entries + the checkpoint entry itself
    assert base64.b64encode(parsed.root_hash).decode() == checkpoint.root_b64
    for ref in refs:
        proof = await log.inclusion_proof(ref.seq, checkpoint.tree_size)
        leaf = bytes.fromhex(ref.hash)
        assert verify_inclusion(leaf, ref.seq, checkpoint.tree_size, proof, parsed.root_hash)
    await log.close()


async def test_append_with_checkpoint_returns_a_checkpoint_covering_the_entry(tmp_path: Path) -> None:
    log, _ = await open_log(tmp_path)
    ref, checkpoint = await log.append_with_checkpoint("draft_accepted", {"hunks_total": 3})
    assert checkpoint.tree_size == ref.seq + 2 and checkpoint.reason == "acceptance"
    assert checkpoint.reference()["tree_size"] == checkpoint.tree_size
    await log.close()


async def test_checkpoints_every_n_entries_and_on_close(tmp_path: Path) -> None:
    log, keys = await open_log(tmp_path, checkpoint_every=5)
    for i in range(12):
        await log.append("forwarded", {"bytes_out": i})
    await log.close()
    reasons = [r[0] for r in rows(tmp_path, "SELECT reason FROM checkpoints ORDER BY tree_size")]
    assert reasons == ["every_n", "every_n", "shutdown"]
    assert verify_log(tmp_path / "audit.db", keys.public_keys()).ok


async def test_interval_checkpoint_signs_idle_entries(tmp_path: Path) -> None:
    log, _ = await open_log(tmp_path, checkpoint_interval_s=0.2)
    await log.append("forwarded", {"bytes_out": 1})
    for _ in range(50):
        await asyncio.sleep(0.05)
        if log.last_checkpoint is not None and log.last_checkpoint.reason == "interval":
            break
    assert log.last_checkpoint is not None and log.last_checkpoint.reason == "interval"
    await log.close()


async def test_reopen_continues_the_chain(tmp_path: Path) -> None:
    log, keys = await open_log(tmp_path)
    await log.append("forwarded", {"bytes_out": 1})
    await log.close()
    log, keys = await open_log(tmp_path)
    ref = await log.append("forwarded", {"bytes_out": 2})
    assert ref.seq == 2
    await log.close()
    assert verify_log(tmp_path / "audit.db", keys.public_keys()).ok


async def test_key_rotation_is_logged_and_old_checkpoints_still_verify(tmp_path: Path) -> None:
    log, keys = await open_log(tmp_path)
    await log.append("forwarded", {"bytes_out": 1})
    old = keys.key_id
    new = await log.rotate_key()
    await log.append("forwarded", {"bytes_out": 2})
    await log.close()
    assert new != old
    kinds = rows(tmp_path, "SELECT DISTINCT key_id FROM checkpoints")
    assert {k[0] for k in kinds} == {old, new}
    assert rows(tmp_path, "SELECT count(*) FROM entries WHERE type = 'key_rotated'") == [(1,)]
    assert verify_log(tmp_path / "audit.db", keys.public_keys()).ok
    assert not verify_log(tmp_path / "audit.db", {new: keys.public_keys()[new]}).ok


async def test_a_second_writer_is_refused(tmp_path: Path) -> None:
    log, keys = await open_log(tmp_path)
    with pytest.raises(ConfigError, match="open in another process"):
        await AuditLog.open(tmp_path / "audit.db", keys, origin=ORIGIN)
    await log.close()


async def test_a_log_of_another_origin_is_refused(tmp_path: Path) -> None:
    log, keys = await open_log(tmp_path)
    await log.close()
    with pytest.raises(AuditFailed, match="different log origin"):
        await AuditLog.open(tmp_path / "audit.db", keys, origin="other/origin")


async def test_stored_origin_survives_key_rotation(tmp_path: Path) -> None:
    assert stored_origin(tmp_path / "audit.db") is None
    log, keys = await open_log(tmp_path)
    await log.rotate_key()
    await log.close()
    assert stored_origin(tmp_path / "audit.db") == ORIGIN
    reopened = await AuditLog.open(
        tmp_path / "audit.db", keys, origin=stored_origin(tmp_path / "audit.db") or "x"
    )
    await reopened.close()


async def test_invalid_fields_fail_before_anything_is_written(tmp_path: Path) -> None:
    log, _ = await open_log(tmp_path)
    with pytest.raises(AuditFieldRejected):
        await log.append("forwarded", {"prompt_text": "x"})
    with pytest.raises(AuditFieldRejected):
        log.submit("forwarded", {"model": "free text here"})
    with pytest.raises(AuditFieldRejected, match="written by the log itself"):
        await log.append("checkpoint", {"reason": "forged"})
    assert log.healthy
    await log.close()
    assert rows(tmp_path, "SELECT count(*) FROM entries WHERE type != 'checkpoint'") == [(0,)]


async def test_failed_write_raises_audit_failed_and_acknowledges_nothing(tmp_path: Path) -> None:
    log, _ = await open_log(tmp_path)
    await log.append("forwarded", {"bytes_out": 1})
    blocker = sqlite3.connect(tmp_path / "audit.db", timeout=0)
    blocker.execute("PRAGMA busy_timeout=0")
    blocker.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
    writer = log._writer
    assert writer is not None
    writer.conn.execute("PRAGMA busy_timeout=50")
    with pytest.raises(AuditFailed, match="OperationalError"):
        await log.append("forwarded", {"bytes_out": 2})
    log.submit("forwarded", {"bytes_out": 3})
    for _ in range(100):
        if not log.healthy:
            break
        await asyncio.sleep(0.02)
    assert not log.healthy  # a lost, unawaited event makes every later write fail closed
    with pytest.raises(AuditFailed, match="unhealthy"):
        await log.append("forwarded", {"bytes_out": 4})
    blocker.rollback()
    blocker.close()
    writer.conn.execute("PRAGMA busy_timeout=30000")
    await log.close()
    assert rows(tmp_path, "SELECT count(*) FROM entries WHERE type = 'forwarded'") == [(1,)]


async def test_closed_log_refuses_appends(tmp_path: Path) -> None:
    log, _ = await open_log(tmp_path)
    await log.close()
    await log.close()  # idempotent
    with pytest.raises(AuditFailed, match="closed"):
        await log.append("forwarded", {"bytes_out": 1})


async def test_pragmas_are_in_force(tmp_path: Path) -> None:
    log, _ = await open_log(tmp_path)
    writer = log._writer
    assert writer is not None
    assert writer.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert writer.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    await log.close()


async def test_inclusion_proof_outside_committed_tree_is_refused(tmp_path: Path) -> None:
    log, _ = await open_log(tmp_path)
    await log.append("forwarded", {"bytes_out": 1})
    with pytest.raises(AuditFailed):
        await log.inclusion_proof(0, 99)
    await log.close()


async def test_writes_racing_close_are_either_committed_or_refused(tmp_path: Path) -> None:
    log, keys = await open_log(tmp_path)
    pending = [asyncio.ensure_future(log.append("forwarded", {"bytes_out": i})) for i in range(50)]
    await asyncio.sleep(0)
    await log.close()
    results = await asyncio.gather(*pending, return_exceptions=True)
    committed = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, AuditFailed)]
    assert len(committed) + len(refused) == 50
    assert verify_log(tmp_path / "audit.db", keys.public_keys()).ok
    with pytest.raises(AuditFailed, match="closed"):
        log.submit("forwarded", {"bytes_out": 1})


async def test_only_batches_of_request_metadata_skip_their_own_fsync(tmp_path: Path) -> None:
    log, _ = await open_log(tmp_path, checkpoint_every=5)
    writer = log._writer
    assert writer is not None

    def synchronous() -> int:
        return int(writer.conn.execute("PRAGMA synchronous").fetchone()[0])

    await log.submit_tracked("forwarded", {"bytes_out": 1})
    assert synchronous() == 1  # NORMAL: request metadata, acknowledged once in the WAL
    await log.append("forwarded", {"bytes_out": 2})
    assert synchronous() == 2  # FULL: evidence is fsynced before it is acknowledged
    levels = []
    for i in range(3, 13):
        before = log.last_checkpoint
        await log.submit_tracked("forwarded", {"bytes_out": i})
        levels.append((log.last_checkpoint is not before, synchronous()))
    # a batch that signs a checkpoint (every 5 entries here) is fsynced whatever it holds
    assert (True, 2) in levels and (False, 1) in levels
    assert all(level == (2 if checkpointed else 1) for checkpointed, level in levels)
    await log.close()
    assert rows(tmp_path, "SELECT count(*) FROM entries WHERE type = 'forwarded'") == [(12,)]

"""The tamper table: every way of altering the log is detected by verify_log, which names where."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from cosigner.canonical import canonical_json
from cosigner.keys import KeyStore
from cosigner.store.audit_log import AuditLog
from cosigner.store.merkle import leaf_hash
from cosigner.store.note import note_body, sign_note
from cosigner.store.verify import verify_log

ORIGIN = "cosigner.test/tamper"
N = 30  # entries appended; checkpoints every 10 plus one at shutdown


def build_log(tmp_path: Path) -> KeyStore:
    async def build() -> KeyStore:
        keys = KeyStore(tmp_path)
        log = await AuditLog.open(tmp_path / "audit.db", keys, origin=ORIGIN, checkpoint_every=10)
        for i in range(N):
            await log.append("redacted", {"counts": {"PHONE": i % 3}, "total": i % 3, "request_id": f"r{i}"})
        await log.close()
        return keys

    return asyncio.run(build())


Tamper = Callable[[sqlite3.Connection, KeyStore], None]


def edit_body(seq: int, rehash: bool) -> Tamper:
    def tamper(conn: sqlite3.Connection, _: KeyStore) -> None:
        body = json.loads(conn.execute("SELECT body FROM entries WHERE seq = ?", (seq,)).fetchone()[0])
        body["fields"]["total"] = 99
        new = canonical_json(body)
        conn.execute("UPDATE entries SET body = ? WHERE seq = ?", (new, seq))
        if rehash:
            conn.execute("UPDATE entries SET hash = ? WHERE seq = ?", (leaf_hash(new), seq))

    return tamper


def rewrite_chain_from(seq: int) -> Tamper:
    """The strongest attack without the key: alter one entry and recompute every later link."""

    def tamper(conn: sqlite3.Connection, _: KeyStore) -> None:
        query = "SELECT seq, body FROM entries WHERE seq >= ? ORDER BY seq"
        rows = conn.execute(query, (seq - 1,)).fetchall()
        prev = leaf_hash(bytes(rows[0][1])).hex()
        for current, raw in rows[1:]:
            body = json.loads(raw)
            body["prev_hash"] = prev
            if current == seq:
                body["fields"]["total"] = 99
            new = canonical_json(body)
            update = "UPDATE entries SET body = ?, hash = ? WHERE seq = ?"
            conn.execute(update, (new, leaf_hash(new), current))
            prev = leaf_hash(new).hex()

    return tamper


def swap_rows(a: int, b: int) -> Tamper:
    def tamper(conn: sqlite3.Connection, _: KeyStore) -> None:
        ra = conn.execute("SELECT time, type, body, hash FROM entries WHERE seq = ?", (a,)).fetchone()
        rb = conn.execute("SELECT time, type, body, hash FROM entries WHERE seq = ?", (b,)).fetchone()
        conn.execute("UPDATE entries SET time=?, type=?, body=?, hash=? WHERE seq = ?", (*rb, a))
        conn.execute("UPDATE entries SET time=?, type=?, body=?, hash=? WHERE seq = ?", (*ra, b))

    return tamper


def sql(statement: str) -> Tamper:
    return lambda conn, _: conn.execute(statement) and None


def resign_with_wrong_root(conn: sqlite3.Connection, keys: KeyStore) -> None:
    size = conn.execute("SELECT min(tree_size) FROM checkpoints").fetchone()[0]
    text = sign_note(note_body(ORIGIN, size, bytes(32)), ORIGIN, keys.public_key, keys.sign)
    conn.execute("UPDATE checkpoints SET note = ? WHERE tree_size = ?", (text, size))


def forge_with_attacker_key(conn: sqlite3.Connection, _: KeyStore) -> None:
    attacker = KeyStore(Path(conn.execute("PRAGMA database_list").fetchone()[2]).parent / "attacker")
    size = conn.execute("SELECT max(tree_size) FROM checkpoints").fetchone()[0]
    text = sign_note(note_body(ORIGIN, size, bytes(32)), ORIGIN, attacker.public_key, attacker.sign)
    conn.execute("UPDATE checkpoints SET note = ? WHERE tree_size = ?", (text, size))


def alter_signed_size(conn: sqlite3.Connection, _: KeyStore) -> None:
    size, note = conn.execute("SELECT tree_size, note FROM checkpoints ORDER BY tree_size LIMIT 1").fetchone()
    forged = note.replace(f"\n{size}\n", "\n5\n")
    conn.execute("UPDATE checkpoints SET note = ? WHERE tree_size = ?", (forged, size))


# (name, tamper, first bad seq expected, words expected in the reason)
TAMPERS: list[tuple[str, Tamper, int, str]] = [
    ("field edited", edit_body(5, rehash=False), 5, "do not match its hash"),
    ("field edited and row rehashed", edit_body(5, rehash=True), 5, "link to entry 5"),
    ("hash column edited", sql("UPDATE entries SET hash = zeroblob(32) WHERE seq = 7"), 7, "do not match"),
    ("time column edited", sql("UPDATE entries SET time = '2020-01-01T00:00:00.000000Z' WHERE seq = 3"), 3,
     "time or type"),
    ("type column edited", sql("UPDATE entries SET type = 'forwarded' WHERE seq = 4"), 4, "time or type"),
    ("row deleted", sql("DELETE FROM entries WHERE seq = 12"), 12, "missing"),
    ("first row deleted", sql("DELETE FROM entries WHERE seq = 0"), 0, "missing"),
    ("seq renumbered", sql("UPDATE entries SET seq = 1000 WHERE seq = 9"), 9, "missing"),
    ("rows reordered", swap_rows(5, 6), 5, "reordered"),
    ("table truncated", sql("DELETE FROM entries WHERE seq >= 20"), 20, "truncated"),
    ("table emptied", sql("DELETE FROM entries"), 0, "truncated"),
    ("row blanked as if purged", sql("UPDATE entries SET body=NULL, time=NULL, type=NULL WHERE seq = 8"), 8,
     "no purge entry"),
    ("chain rewritten after an edit", rewrite_chain_from(15), 11, "signed checkpoint"),
    ("checkpoint re-signed over a wrong root", resign_with_wrong_root, 0, "signed checkpoint"),
    ("checkpoint forged with another key", forge_with_attacker_key, 32, "no signature by a known key"),
    ("checkpoint size altered", alter_signed_size, 10, "does not verify"),
    ("checkpoint note deleted", sql("DELETE FROM checkpoints WHERE tree_size = 11"), 10,
     "signed checkpoint is missing"),
    ("checkpoint entry deleted", sql("DELETE FROM entries WHERE seq = 10"), 10, "missing"),
]


def test_untampered_log_verifies(tmp_path: Path) -> None:
    keys = build_log(tmp_path)
    report = verify_log(tmp_path / "audit.db", keys.public_keys())
    assert report.ok, report.reason
    assert report.entries == N + 3 and report.verified_size == N + 3 and report.unsigned_tail == 0
    assert report.last_checkpoint is not None and report.last_checkpoint.reason == "every_n"


@pytest.mark.parametrize("name, tamper, first_bad, words", TAMPERS, ids=[t[0] for t in TAMPERS])
def test_tampering_is_detected_and_located(
    tmp_path: Path, name: str, tamper: Tamper, first_bad: int, words: str
) -> None:
    keys = build_log(tmp_path)
    conn = sqlite3.connect(tmp_path / "audit.db", isolation_level=None)
    conn.execute("DROP TRIGGER entries_no_delete")  # an attacker with the file is not stopped by triggers
    conn.execute("DROP TRIGGER entries_only_tombstone")
    tamper(conn, keys)
    conn.close()
    report = verify_log(tmp_path / "audit.db", keys.public_keys())
    assert not report.ok, f"{name} went undetected"
    assert report.first_bad_seq == first_bad, report.reason
    assert words in report.reason


def test_truncating_both_tables_is_caught_by_an_anchored_checkpoint(tmp_path: Path) -> None:
    keys = build_log(tmp_path)
    conn = sqlite3.connect(tmp_path / "audit.db", isolation_level=None)
    anchored = conn.execute("SELECT note FROM checkpoints ORDER BY tree_size DESC LIMIT 1").fetchone()[0]
    conn.execute("DROP TRIGGER entries_no_delete")
    conn.execute("DELETE FROM entries WHERE seq >= 22")
    conn.execute("DELETE FROM checkpoints WHERE tree_size > 22")
    conn.close()
    assert verify_log(tmp_path / "audit.db", keys.public_keys()).ok  # indistinguishable without an anchor
    report = verify_log(tmp_path / "audit.db", keys.public_keys(), external_checkpoints=[anchored])
    assert not report.ok and report.first_bad_seq == 22 and "truncated" in report.reason


def test_triggers_refuse_accidental_updates_and_deletes(tmp_path: Path) -> None:
    build_log(tmp_path)
    conn = sqlite3.connect(tmp_path / "audit.db", isolation_level=None)
    for statement in ("DELETE FROM entries WHERE seq = 1", "UPDATE entries SET type = 'x' WHERE seq = 1"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(statement)
    conn.close()


def test_unsigned_tail_is_reported(tmp_path: Path) -> None:
    keys = build_log(tmp_path)

    async def append_without_checkpoint() -> None:
        log = await AuditLog.open(tmp_path / "audit.db", keys, origin=ORIGIN, checkpoint_every=1000)
        for i in range(3):
            await log.append("forwarded", {"bytes_out": i})
        report = verify_log(tmp_path / "audit.db", keys.public_keys())
        assert report.ok and report.entries == N + 6 and report.unsigned_tail == 3
        await log.close()

    asyncio.run(append_without_checkpoint())
    assert verify_log(tmp_path / "audit.db", keys.public_keys()).unsigned_tail == 0

"""Chain status for the DPO page: keeps verifying the log incrementally, so a page load costs only new rows.

The first call verifies everything; later calls feed only entries appended since, except that a full pass
runs again once ``full_every_s`` has elapsed (rows already verified could have been altered since) and
whenever a new ``purge`` entry appears (purge turns old rows into tombstones). ``cosigner audit verify``
is always a full pass."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cosigner.store import db
from cosigner.store.verify import ChainVerifier, VerifyReport, load_checkpoints


@dataclass(slots=True)
class _State:
    verifier: ChainVerifier
    checked_at: datetime
    full_at: datetime


class ChainStatus:
    def __init__(self, full_every_s: float = 600.0) -> None:
        self._state: _State | None = None
        self._lock = asyncio.Lock()
        self._full_every = timedelta(seconds=full_every_s)

    async def report(self, db_path: Path, public_keys: Mapping[str, bytes]) -> tuple[VerifyReport, datetime]:
        async with self._lock:
            state = self._state
            if state is not None and datetime.now(UTC) - state.full_at >= self._full_every:
                state = None
            self._state = await asyncio.to_thread(self._refresh, state, db_path, dict(public_keys))
            return self._state.verifier.report(), self._state.checked_at

    @staticmethod
    def _refresh(state: _State | None, db_path: Path, public_keys: dict[str, bytes]) -> _State:
        conn = db.connect(db_path, readonly=True)
        try:
            verifier = state.verifier if state is not None else None
            full_at = state.full_at if state is not None else datetime.now(UTC)
            keys_changed = verifier is not None and set(verifier.public_keys) != set(public_keys)
            if verifier is None or verifier.failure is not None or keys_changed:
                verifier = ChainVerifier(db.read_origin(conn), public_keys)
                full_at = datetime.now(UTC)
            conn.execute("BEGIN")
            purge_before = verifier.last_purge
            load_checkpoints(conn, verifier, above=max(verifier.roots, default=-1))
            _feed_from(conn, verifier, verifier.size)
            conn.execute("COMMIT")
            if verifier.last_purge is not None and verifier.last_purge != purge_before:
                fresh = ChainVerifier(verifier.origin, public_keys)
                conn.execute("BEGIN")
                load_checkpoints(conn, fresh)
                _feed_from(conn, fresh, 0)
                conn.execute("COMMIT")
                verifier, full_at = fresh, datetime.now(UTC)
            return _State(verifier, datetime.now(UTC), full_at)
        finally:
            conn.close()


def _feed_from(conn: sqlite3.Connection, verifier: ChainVerifier, start: int) -> None:
    cursor = conn.execute(
        "SELECT seq, time, type, body, hash FROM entries WHERE seq >= ? ORDER BY seq", (start,)
    )
    while True:
        chunk = cursor.fetchmany(4096)
        if not chunk or not verifier.feed(chunk):
            return


def status_json(report: VerifyReport, checked_at: datetime) -> dict[str, Any]:
    cp = report.last_checkpoint
    return {
        "ok": report.ok,
        "reason": report.reason,
        "first_bad_seq": report.first_bad_seq,
        "entries": report.entries,
        "verified_up_to": report.verified_size - 1 if report.verified_size else None,
        "unsigned_tail": report.unsigned_tail,
        "tombstones": report.tombstones,
        "checked_at": checked_at.isoformat(timespec="seconds"),
        "last_checkpoint": None
        if cp is None
        else {"tree_size": cp.tree_size, "time": cp.time, "reason": cp.reason, "key_id": cp.key_id},
    }

"""Draft status and receipts on disk: a small SQLite table, no text.

Rows hold the draft id, its short ref, the owner's pseudonymous subject digest, status, times and the receipt
and insertion JSON (hashes, HMAC ids, counts).  Texts under review live only in memory (``service.py``).  WAL
with ``synchronous=FULL``: a receipt the API has answered with survives a crash.  Calls block; the service
runs them in a worker thread.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    draft_id   TEXT PRIMARY KEY,
    ref        TEXT NOT NULL,
    owner      TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('issued', 'accepted', 'rejected')),
    issued_at  TEXT NOT NULL,
    decided_at TEXT,
    receipt    TEXT,
    insertion  TEXT
);
CREATE INDEX IF NOT EXISTS drafts_ref ON drafts (ref);
"""


@dataclass(frozen=True, slots=True)
class DraftRow:
    draft_id: str
    ref: str
    owner: str
    status: str
    issued_at: str
    decided_at: str | None
    receipt: dict[str, Any] | None
    insertion: dict[str, Any] | None


class DraftStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def record_issued(self, draft_id: str, ref: str, owner: str, issued_at: str) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT INTO drafts (draft_id, ref, owner, status, issued_at) VALUES (?, ?, ?, 'issued', ?)",
                (draft_id, ref, owner, issued_at),
            )

    def record_decision(self, draft_id: str, status: str, decided_at: str, receipt: dict[str, Any]) -> bool:
        """Store the outcome once; False when the draft was already decided (or is unknown)."""
        with self._lock:
            cursor = self._conn.execute(
                "UPDATE drafts SET status = ?, decided_at = ?, receipt = ? "
                "WHERE draft_id = ? AND status = 'issued'",
                (status, decided_at, json.dumps(receipt, sort_keys=True), draft_id),
            )
            return cursor.rowcount == 1

    def record_insertion(self, draft_id: str, insertion: dict[str, Any]) -> None:
        with self._lock:
            self._conn.execute(
                "UPDATE drafts SET insertion = ? WHERE draft_id = ?",
                (json.dumps(insertion, sort_keys=True), draft_id),
            )

    def get(self, draft_id: str) -> DraftRow | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT draft_id, ref, owner, status, issued_at, decided_at, receipt, insertion "
                "FROM drafts WHERE draft_id = ?",
                (draft_id,),
            ).fetchone()
        if row is None:
            return None
        draft_id, ref, owner, status, issued_at, decided_at, receipt, insertion = row
        return DraftRow(draft_id, ref, owner, status, issued_at, decided_at, _load(receipt), _load(insertion))

    def find_by_ref(self, ref: str) -> list[DraftRow]:
        with self._lock:
            ids = [r[0] for r in self._conn.execute("SELECT draft_id FROM drafts WHERE ref = ?", (ref,))]
        return [row for row in (self.get(i) for i in ids) if row is not None]


def _load(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    value = json.loads(text)
    return value if isinstance(value, dict) else None

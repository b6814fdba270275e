"""SQLite connections for the audit log: WAL, synchronous=FULL (asserted on every connection), schema.

WAL + FULL: an acknowledged commit survives kill -9 and power loss; WAL + NORMAL loses recent commits on power
loss, so the pragma is checked after setting it rather than trusted.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cosigner.errors import AuditFailed

FORMAT_VERSION = "1"
_SYNCHRONOUS_FULL = 2

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries(
    seq INTEGER PRIMARY KEY,
    time TEXT,
    type TEXT,
    body BLOB,
    hash BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_time ON entries(time);
CREATE INDEX IF NOT EXISTS entries_type_time ON entries(type, time);
CREATE TABLE IF NOT EXISTS checkpoints(
    tree_size INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    reason TEXT NOT NULL,
    key_id TEXT NOT NULL,
    note TEXT NOT NULL,
    anchored_at TEXT
);
-- Guards against accidents, not attackers (the verifier is the defence): entries are never deleted and only
-- ever change by purge turning a row into a tombstone (body, time, type cleared; seq and hash kept).
CREATE TRIGGER IF NOT EXISTS entries_no_delete BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
CREATE TRIGGER IF NOT EXISTS entries_only_tombstone BEFORE UPDATE ON entries
WHEN NEW.body IS NOT NULL OR NEW.seq != OLD.seq OR NEW.hash != OLD.hash
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
"""


def connect(db_path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open a connection with the log's pragmas; raise AuditFailed when they do not take effect."""
    try:
        conn = sqlite3.connect(str(db_path), isolation_level=None, check_same_thread=False, timeout=30.0)
        mode = str(conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]).lower()
        conn.execute("PRAGMA synchronous=FULL")
        sync = int(conn.execute("PRAGMA synchronous").fetchone()[0])
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("PRAGMA busy_timeout=30000")
        if readonly:
            conn.execute("PRAGMA query_only=ON")
    except sqlite3.Error as exc:
        raise AuditFailed(f"audit database cannot be opened: {type(exc).__name__}") from None
    if mode != "wal" or sync != _SYNCHRONOUS_FULL:
        conn.close()
        raise AuditFailed(f"audit database pragmas not in force (journal_mode={mode}, synchronous={sync})")
    return conn


def ensure_schema(conn: sqlite3.Connection, origin: str) -> None:
    """Create tables on first use; refuse a database written for another log origin or format."""
    conn.executescript(SCHEMA)
    rows = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    if not rows:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO meta VALUES ('format', ?), ('origin', ?)", (FORMAT_VERSION, origin))
        conn.execute("COMMIT")
        return
    if rows.get("format") != FORMAT_VERSION:
        raise AuditFailed("audit database has an unknown format version")
    if rows.get("origin") != origin:
        raise AuditFailed("audit database belongs to a different log origin")


def read_origin(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = 'origin'").fetchone()
    if row is None:
        raise AuditFailed("audit database has no origin recorded")
    return str(row[0])

"""Property: any single change to any column of any row (or deleting / swapping rows) fails verification."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cosigner.keys import KeyStore
from cosigner.store.audit_log import AuditLog
from cosigner.store.verify import verify_log

ORIGIN = "cosigner.test/property"
ENTRY_COLUMNS = ("seq", "time", "type", "body", "hash")
CHECKPOINT_COLUMNS = ("tree_size", "time", "reason", "key_id", "note")  # anchored_at is a local note only


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    data_dir = tmp_path_factory.mktemp("pristine")

    async def build() -> dict[str, bytes]:
        keys = KeyStore(data_dir)
        log = await AuditLog.open(data_dir / "audit.db", keys, origin=ORIGIN, checkpoint_every=6)
        for i in range(20):
            await log.append("redacted", {"counts": {"PHONE": i}, "request_id": f"r{i}"})
        await log.rotate_key()
        await log.append("draft_accepted", {"hunks_total": 2, "hunk_review_ms": [5, 6]})
        await log.close()
        return keys.public_keys()

    keys = asyncio.run(build())
    conn = sqlite3.connect(data_dir / "audit.db")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return data_dir / "audit.db", keys


def mutate_value(value: object, position: int, replacement: int) -> object:
    if isinstance(value, int):
        return value + 1 + replacement
    data = bytearray(value.encode("utf-8") if isinstance(value, str) else bytes(value))  # type: ignore[arg-type]
    index = position % len(data)
    data[index] ^= 1 + replacement % 255
    return data.decode("utf-8", "replace") if isinstance(value, str) else bytes(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    table=st.sampled_from(["entries", "checkpoints"]),
    row=st.integers(min_value=0, max_value=10_000),
    column=st.integers(min_value=0, max_value=4),
    position=st.integers(min_value=0, max_value=10_000),
    replacement=st.integers(min_value=0, max_value=254),
    action=st.sampled_from(["edit", "edit", "edit", "delete", "swap"]),
)
def test_any_single_change_is_detected(
    pristine: tuple[Path, dict[str, bytes]],
    tmp_path: Path,
    table: str,
    row: int,
    column: int,
    position: int,
    replacement: int,
    action: str,
) -> None:
    source, keys = pristine
    db = tmp_path / f"t{row}-{column}-{position}-{replacement}.db"
    shutil.copy(source, db)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER entries_no_delete")
    conn.execute("DROP TRIGGER entries_only_tombstone")
    key = "seq" if table == "entries" else "tree_size"
    columns = ENTRY_COLUMNS if table == "entries" else CHECKPOINT_COLUMNS
    keys_in_table = [r[0] for r in conn.execute(f"SELECT {key} FROM {table} ORDER BY {key}")]
    target = keys_in_table[row % len(keys_in_table)]
    if action == "delete":
        conn.execute(f"DELETE FROM {table} WHERE {key} = ?", (target,))
    elif action == "swap":
        other = keys_in_table[(row + 1 + position) % len(keys_in_table)]
        if other == target:
            conn.close()
            return
        a = conn.execute(f"SELECT {','.join(columns[1:])} FROM {table} WHERE {key} = ?", (target,)).fetchone()
        b = conn.execute(f"SELECT {','.join(columns[1:])} FROM {table} WHERE {key} = ?", (other,)).fetchone()
        assignments = ", ".join(f"{c} = ?" for c in columns[1:])
        conn.execute(f"UPDATE {table} SET {assignments} WHERE {key} = ?", (*b, target))
        conn.execute(f"UPDATE {table} SET {assignments} WHERE {key} = ?", (*a, other))
    else:
        name = columns[column]
        value = conn.execute(f"SELECT {name} FROM {table} WHERE {key} = ?", (target,)).fetchone()[0]
        new = mutate_value(value, position, replacement)
        if new == value:
            conn.close()
            return
        if name == key:
            new = max(keys_in_table) + 1 + replacement  # a fresh key: never collides
        conn.execute(f"UPDATE {table} SET {name} = ? WHERE {key} = ?", (new, target))
    conn.close()
    report = verify_log(db, keys)
    assert not report.ok, f"{action} of {table}.{columns[column]} at {target} went undetected"

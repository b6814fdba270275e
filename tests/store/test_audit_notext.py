"""The no-text helper itself: it must catch leaks (so it can guard the whole suite) and ignore structure."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cosigner.keys import KeyStore
from cosigner.store.audit_log import AuditLog
from cosigner.store.notext import assert_no_text, find_text

NOTE = "Jane Okafor (NHS 943 476 5919) said the visit on 3 March went well."


async def write(tmp_path: Path, fields: dict[str, object], event: str = "redacted") -> Path:
    keys = KeyStore(tmp_path)
    log = await AuditLog.open(tmp_path / "audit.db", keys, origin="cosigner.test/notext")
    practitioner = keys.hmac_id("jane.okafor", "practitioner", datetime.now(UTC))
    await log.append(event, {**fields, "practitioner": practitioner})
    await log.close()
    return tmp_path / "audit.db"


async def test_metadata_only_log_passes(tmp_path: Path) -> None:
    db = await write(tmp_path, {"counts": {"PERSON": 1, "NHS_NUMBER": 1}, "total": 2, "model": "gpt-4o"})
    assert_no_text(db, [NOTE, "Jane Okafor", "9434765919"], allowed=["PERSON", "NHS_NUMBER", "gpt-4o"])


@pytest.mark.parametrize(
    "fields, where",
    [
        ({"model": "Okafor"}, "fields.model"),
        ({"counts": {"OKAFOR": 1}}, "fields.counts (a key)"),
        ({"spans": [["visit", 1, 2]]}, "fields.spans[0][0]"),
        ({"request_id": "9434765919"}, "fields.request_id"),
    ],
)
async def test_leaks_are_found_and_located_without_the_text(tmp_path: Path, fields: dict[str, object],
                                                             where: str) -> None:
    db = await write(tmp_path, fields)
    with pytest.raises(AssertionError) as caught:
        assert_no_text(db, [NOTE, "9434765919"])
    assert where in str(caught.value)
    assert "Okafor" not in str(caught.value) and "943" not in str(caught.value)


async def test_long_integers_are_checked(tmp_path: Path) -> None:
    db = await write(tmp_path, {"total": 9434765919})
    assert find_text(db, ["9434765919"])[0] == "entry 0 fields.total"


def test_raw_file_bytes_are_searched(tmp_path: Path) -> None:
    db = asyncio.run(write(tmp_path, {"total": 1}))
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE scratch(t TEXT)")
    conn.execute("INSERT INTO scratch VALUES (?)", (NOTE,))
    conn.commit()
    conn.close()
    assert any("verbatim" in hit for hit in find_text(db, [NOTE]))

"""`cosigner audit verify | export | report | purge` through argparse, as the lead's CLI will call them."""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cosigner.errors import ConfigError
from cosigner.keys import KeyStore
from cosigner.store.audit_log import AuditLog
from cosigner.store.cli import add_audit_commands

ORIGIN = "cosigner.test/cli"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir")
    add_audit_commands(parser.add_subparsers(dest="command", required=True))
    ns = parser.parse_args(args)
    code = int(ns.func(ns))
    return code, capsys.readouterr().out


def populate(data_dir: Path) -> KeyStore:
    async def go() -> KeyStore:
        keys = KeyStore(data_dir)
        log = await AuditLog.open(data_dir / "audit.db", keys, origin=ORIGIN, checkpoint_every=10)
        p1 = keys.hmac_id("p1", "practitioner", datetime.now(UTC))
        p2 = keys.hmac_id("p2", "practitioner", datetime.now(UTC))
        for i in range(6):
            await log.append(
                "request_screened", {"counts": {"PERSON": 2, "NHS_NUMBER": i % 2}, "practitioner": p1}
            )
        await log.append("request_blocked", {"rule_id": "judgement.risk_score", "practitioner": p1})
        await log.append("request_blocked", {"rule_id": "=1+1", "practitioner": p2})
        await log.append(
            "draft_accepted",
            {
                "practitioner": p1,
                "hunks_total": 4,
                "bulk_accept": True,
                "hunk_review_ms": [1000, 2000, 3000, 4000],
            },
        )
        await log.append("draft_rejected", {"practitioner": p2, "hunks_total": 2, "review_ms": 5000})
        await log.close()
        return keys

    return asyncio.run(go())


def test_verify_reports_ok_and_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    populate(tmp_path)
    code, out = run(["--data-dir", str(tmp_path), "audit", "verify"], capsys)
    assert code == 0 and out.startswith("OK")
    code, out = run(["--data-dir", str(tmp_path), "audit", "verify", "--json"], capsys)
    assert json.loads(out)["ok"] is True


def test_verify_names_the_bad_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    populate(tmp_path)
    conn = sqlite3.connect(tmp_path / "audit.db", isolation_level=None)
    conn.execute("DROP TRIGGER entries_no_delete")
    conn.execute("DELETE FROM entries WHERE seq = 3")
    conn.close()
    code, out = run(["--data-dir", str(tmp_path), "audit", "verify"], capsys)
    assert code == 1 and "FAILED" in out and "first bad entry: 3" in out


def test_verify_with_an_anchored_checkpoint_detects_truncation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    populate(tmp_path)
    conn = sqlite3.connect(tmp_path / "audit.db", isolation_level=None)
    anchored = tmp_path / "anchored.txt"
    anchored.write_text(conn.execute("SELECT note FROM checkpoints ORDER BY tree_size DESC").fetchone()[0])
    conn.execute("DROP TRIGGER entries_no_delete")
    conn.execute("DELETE FROM entries WHERE seq >= 5")
    conn.execute("DELETE FROM checkpoints")
    conn.close()
    code, out = run(["--data-dir", str(tmp_path), "audit", "verify", "--checkpoint", str(anchored)], capsys)
    assert code == 1 and "truncated" in out


def test_export_jsonl_filters_by_type_rule_and_practitioner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = populate(tmp_path)
    base = ["--data-dir", str(tmp_path), "audit", "export"]
    _, out = run([*base, "--type", "request_blocked"], capsys)
    assert [json.loads(line)["type"] for line in out.splitlines()] == ["request_blocked"] * 2
    _, out = run([*base, "--rule", "judgement.risk_score"], capsys)
    assert len(out.splitlines()) == 1
    p2 = keys.hmac_id("p2", "practitioner", datetime.now(UTC))
    _, out = run([*base, "--practitioner", p2], capsys)
    assert {json.loads(line)["type"] for line in out.splitlines()} == {"request_blocked", "draft_rejected"}
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%d")
    _, out = run([*base, "--since", tomorrow], capsys)
    assert out == ""


def test_export_csv_neutralises_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    populate(tmp_path)
    _, out = run(
        ["--data-dir", str(tmp_path), "audit", "export", "--format", "csv", "--type", "request_blocked"],
        capsys,
    )
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["seq", "time", "type", "rule", "practitioner", "fields"]
    assert rows[2][3] == "'=1+1"


def test_export_sqlite_uses_a_consistent_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keys = populate(tmp_path)
    target = tmp_path / "copy.db"
    code, _ = run(
        ["--data-dir", str(tmp_path), "audit", "export", "--format", "sqlite", "-o", str(target)], capsys
    )
    assert code == 0
    from cosigner.store.verify import verify_log

    assert verify_log(target, keys.public_keys()).ok
    with pytest.raises(ConfigError, match="refusing to overwrite"):
        run(["--data-dir", str(tmp_path), "audit", "export", "--format", "sqlite", "-o", str(target)], capsys)


def test_report_summarises_the_period(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    populate(tmp_path)
    code, out = run(["--data-dir", str(tmp_path), "audit", "report", "--json"], capsys)
    summary = json.loads(out)
    assert code == 0
    assert summary["redactions_by_type"] == {"NHS_NUMBER": 3, "PERSON": 12}
    assert summary["blocks_by_rule"] == {"judgement.risk_score": 1, "=1+1": 1}
    decisions = summary["decisions"]
    assert decisions["acceptance_rate"] == 0.5 and decisions["bulk_accept_rate"] == 1.0
    assert decisions["median_review_ms_per_hunk"] == 2500.0  # [1000, 2000, 3000, 4000, 2500]
    assert summary["chain"]["ok"] is True
    code, out = run(["--data-dir", str(tmp_path), "audit", "report"], capsys)
    assert "judgement.risk_score" in out and "Chain: OK" in out


def test_purge_then_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    populate(tmp_path)
    code, out = run(
        ["--data-dir", str(tmp_path), "audit", "purge", "--days", "0", "--keep-hmac-keys"], capsys
    )
    assert code == 0 and "purged 8 entries" in out
    code, out = run(["--data-dir", str(tmp_path), "audit", "verify"], capsys)
    assert code == 0 and "tombstones accounted" in out


async def test_purge_refuses_while_the_proxy_holds_the_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = KeyStore(tmp_path)
    log = await AuditLog.open(tmp_path / "audit.db", keys, origin=ORIGIN)
    try:
        with pytest.raises(ConfigError, match="another process"):
            await asyncio.to_thread(
                run, ["--data-dir", str(tmp_path), "audit", "purge", "--days", "1"], capsys
            )
    finally:
        await log.close()


def test_missing_log_is_a_configuration_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ConfigError, match="no audit log"):
        run(["--data-dir", str(tmp_path), "audit", "verify"], capsys)

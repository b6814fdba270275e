"""``cosigner policy keygen | sign | verify | check | explain`` end to end."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import pytest

from cosigner.policy.cli import add_policy_commands

from .conftest import POLICIES


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="cosigner")
    add_policy_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_keygen_sign_verify_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "default.toml"
    pack.write_bytes((POLICIES / "default.toml").read_bytes())
    key, pub = tmp_path / "k.pem", tmp_path / "k.pub"
    assert _run(["policy", "keygen", "--private", str(key), "--public", str(pub)]) == 0
    expires = (dt.date.today() + dt.timedelta(days=90)).isoformat()
    assert _run(["policy", "sign", str(pack), "--key", str(key), "--expires", expires]) == 0
    assert (tmp_path / "default.toml.sig").exists()
    assert _run(["policy", "verify", str(pack), "--public-key", str(pub)]) == 0
    assert "valid: default version 1" in capsys.readouterr().out
    pack.write_text(pack.read_text() + "\n")
    assert _run(["policy", "verify", str(pack), "--public-key", str(pub)]) == 1
    assert "does not match the signed hash" in capsys.readouterr().err


def test_sign_refuses_a_past_expiry_and_an_invalid_policy(tmp_path: Path) -> None:
    key, pub = tmp_path / "k.pem", tmp_path / "k.pub"
    _run(["policy", "keygen", "--private", str(key), "--public", str(pub)])
    assert _run(["policy", "sign", str(POLICIES / "default.toml"), "--key", str(key), "--expires", "2001-01-01"]) == 2
    broken = POLICIES.parent / "tests" / "data" / "policies" / "unknown_key.toml"
    out = tmp_path / "x.sig"
    assert _run(["policy", "sign", str(broken), "--key", str(key), "--expires", "2099-01-01", "--out", str(out)]) == 1
    assert not out.exists()


def test_check_lists_rules_or_every_problem(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["policy", "check", str(POLICIES / "childrens-services.toml")]) == 0
    out = capsys.readouterr().out
    assert "ok: childrens-services version 1" in out and "front_door_decisions" in out
    assert _run(["policy", "check", str(POLICIES.parent / "tests" / "data" / "policies" / "bad_values.toml")]) == 1
    assert "bad_values.toml: rules.risk_scoring.action: must be one of block, warn, log" in capsys.readouterr().err


def test_explain_reports_rules_and_evidence_without_the_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "req.txt"
    text.write_text("Please summarise this. Then tell me whether Kayleigh Okonjo is lying to me.")
    assert _run(["policy", "explain", str(POLICIES / "default.toml"), "--text", str(text)]) == 0
    out = capsys.readouterr().out
    assert "decision: block (rule credibility)" in out and "evidence:" in out
    assert "Kayleigh" not in out and "Okonjo" not in out and "summarise" not in out
    assert _run(["policy", "explain", str(POLICIES / "default.toml"), "--text", str(text), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["decision"] == "block" and data["rule"] == "credibility"

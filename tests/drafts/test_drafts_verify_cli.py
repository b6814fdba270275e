"""``cosigner verify-draft``: tags against draft text, receipts against the note and the audit log."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest
from drafts_harness import DraftingHarness

from cosigner.drafts.tags import encode_header
from cosigner.drafts.verify_cli import add_verify_draft_command

ORIGINAL = "Met Vornak at the office. We agreed a plan."
DRAFT = "Met Vornak at the office today. We agreed a clear plan."
FIELD = {"origin": "https://case.example.gov.uk", "descriptor": "Case note body"}


def _run(data_dir: Path, *argv: str) -> tuple[int, dict[str, Any]]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir")
    add_verify_draft_command(parser.add_subparsers())
    args = parser.parse_args(["--data-dir", str(data_dir), "verify-draft", *argv, "--json"])
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = int(args.func(args))
    return code, json.loads(out.getvalue()) if out.getvalue() else {}


async def _accepted(h: DraftingHarness) -> tuple[dict[str, Any], dict[str, Any]]:
    h.model.drafts[ORIGINAL] = DRAFT
    _, draft = await h.post("drafts", {"original_text": ORIGINAL, "instruction": "Tidy", "field": FIELD})
    decisions = [
        {"index": x["index"], "action": "keep", "confirmed": True, "seen_ms": 60_000}
        for x in draft["hunks"]
        if x["changed"]
    ]
    body = {
        "outcome": "accept",
        "decisions": decisions,
        "attestation": {"version": "1", "accepted": True},
        "final_text": DRAFT,
    }
    status, decided = await h.post(f"drafts/{draft['draft_id']}/decision", body)
    assert status == 200, decided
    return draft, decided


async def test_receipt_checks_pass_for_the_note_with_its_tag_line(drafting: DraftingHarness) -> None:
    _, decided = await _accepted(drafting)
    note = drafting.data_dir / "note.txt"
    note.write_text(DRAFT + "\n" + decided["tag_line"] + "\n", "utf-8")
    receipt = drafting.data_dir / "receipt.json"
    receipt.write_text(json.dumps(decided), "utf-8")
    code, report = _run(drafting.data_dir, str(note), "--receipt", str(receipt))
    assert code == 0, report
    assert [c["check"] for c in report["checks"]] == [
        "receipt signature",
        "note text",
        "audit entry",
        "checkpoint",
    ]


async def test_receipt_checks_fail_for_an_edited_note_or_a_forged_receipt(drafting: DraftingHarness) -> None:
    _, decided = await _accepted(drafting)
    note = drafting.data_dir / "note.txt"
    note.write_text(DRAFT.replace("clear", "firm"), "utf-8")
    receipt = drafting.data_dir / "receipt.json"
    receipt.write_text(json.dumps(decided["receipt"]), "utf-8")
    code, report = _run(drafting.data_dir, str(note), "--receipt", str(receipt))
    assert code == 1
    assert {c["check"]: c["ok"] for c in report["checks"]}["note text"] is False

    forged = {**decided["receipt"], "outcome": "rejected"}
    receipt.write_text(json.dumps(forged), "utf-8")
    code, report = _run(drafting.data_dir, str(note), "--receipt", str(receipt))
    assert code == 1 and report["checks"][0]["check"] == "receipt signature"


@pytest.mark.parametrize("mode", ["tag", "header"])
async def test_draft_tag_checks(drafting: DraftingHarness, mode: str) -> None:
    draft, _ = await _accepted(drafting)
    text = drafting.data_dir / "draft.txt"
    text.write_text(DRAFT, "utf-8")
    if mode == "tag":
        tag_file = drafting.data_dir / "reply.json"
        tag_file.write_text(json.dumps({"choices": [], "cosigner": draft["tag"]}), "utf-8")
        source = ["--tag", str(tag_file)]
    else:
        source = ["--header", encode_header(draft["tag"])]
    assert _run(drafting.data_dir, str(text), *source)[0] == 0
    text.write_text(DRAFT + " Added later.", "utf-8")
    code, report = _run(drafting.data_dir, str(text), *source)
    assert code == 1 and report["checks"][0]["detail"] == "text differs from the tagged draft"

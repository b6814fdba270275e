"""The drafting API end to end: issue, review rules, receipts, status, insertion, and every refusal."""

from __future__ import annotations

import json
from typing import Any

import pytest
from drafts_harness import DraftingHarness

from cosigner.drafts.receipts import core_hash, receipt_problem
from cosigner.drafts.tags import parse_marker, verify_tag
from cosigner.errors import PolicyBlocked
from cosigner.store.note import parse_and_verify

ORIGINAL = "Visited Vornak at home. Mum said things were calm. Quillet was at school."
DRAFT = "Visited Vornak at home on Monday. Mum said things were calm. Quillet was at school and seemed happy."
FIELD = {"origin": "https://case.example.gov.uk", "descriptor": "Case note body", "case_ref": "CASE-42"}


async def _issue(h: DraftingHarness, token: str = "prac") -> dict[str, Any]:
    h.model.drafts[ORIGINAL] = DRAFT
    status, body = await h.post(
        "drafts", {"original_text": ORIGINAL, "instruction": "Tidy this", "field": FIELD}, token
    )
    assert status == 200, body
    return dict(body)


def _accept_all(draft: dict[str, Any], **changes: Any) -> dict[str, Any]:
    decisions = [
        {
            "index": h["index"],
            "action": "keep",
            "confirmed": bool(h["flags"]),
            "seen_ms": h["min_dwell_ms"] + 100,
        }
        for h in draft["hunks"]
        if h["changed"]
    ]
    body = {
        "outcome": "accept",
        "decisions": decisions,
        "bulk_accept": False,
        "attestation": {"version": "1", "accepted": True},
        "final_text": "".join(h["proposed"] for h in draft["hunks"]),
    }
    body.update(changes)
    return body


async def test_happy_path_issues_reviews_accepts_and_records_insertion(drafting: DraftingHarness) -> None:
    draft = await _issue(drafting)
    assert draft["draft_text"] == DRAFT
    assert "".join(h["original"] for h in draft["hunks"]) == ORIGINAL
    assert "".join(h["proposed"] for h in draft["hunks"]) == DRAFT
    assert [h["changed"] for h in draft["hunks"]] == [True, False, True]
    assert {"kind": "new_date", "detail": "Monday"} in draft["hunks"][0]["flags"]
    assert verify_tag(draft["tag"], DRAFT, drafting.keys.public_keys())
    assert [m.ref for m in parse_marker(draft["marker"])] == [draft["tag"]["ref"]]
    assert drafting.model.calls[0].instruction == "Tidy this"

    status, decided = await drafting.post(f"drafts/{draft['draft_id']}/decision", _accept_all(draft))
    assert status == 200, decided
    receipt = decided["receipt"]
    assert receipt_problem(receipt, drafting.keys.public_keys()) is None
    assert receipt["outcome"] == "accepted"
    assert receipt["draft_id"] == draft["draft_id"]
    assert receipt["review"]["kept"] == 2 and receipt["review"]["flagged_confirmed"] == 1
    assert receipt["review"]["bulk_accept"] is False and receipt["review"]["dwell_violations"] == 0
    assert 0 < receipt["review"]["ai_share"] < 1
    assert receipt["target"]["case_ref"].startswith("h1:") and receipt["target"]["field"].startswith("h1:")
    assert receipt["actor"]["practitioner"].startswith("h1:")
    assert draft["tag"]["ref"] in decided["tag_line"]
    assert decided["tag_line"].startswith("AI-assisted; reviewed and accepted by practitioner ")

    # The receipt is pinned to a signed checkpoint that covers its audit entry.
    checkpoint = receipt["checkpoint"]
    assert checkpoint["tree_size"] > receipt["audit"]["seq"]
    rows = drafting.audit_rows()
    entry_type, entry_body = rows[receipt["audit"]["seq"]]
    assert entry_type == "draft_accepted"
    assert json.loads(entry_body)["fields"]["receipt_hash"] == core_hash(receipt)
    note = drafting.audit.last_checkpoint
    assert note is not None
    parsed = parse_and_verify(note.text, drafting.keys.public_keys())
    assert parsed.tree_size >= checkpoint["tree_size"]

    status, state = await drafting.post(f"drafts/{draft['draft_id']}", {})
    assert status == 200 and state["status"] == "accepted" and state["receipt"] == receipt

    status, ok = await drafting.post(
        f"drafts/{draft['draft_id']}/insertion", {"strategy": "exec_command", "verified": True}
    )
    assert status == 200 and ok == {"ok": True}
    _, state = await drafting.post(f"drafts/{draft['draft_id']}", {})
    assert state["insertion"]["strategy"] == "exec_command" and state["insertion"]["verified"] is True
    assert [t for t, _ in drafting.audit_rows() if t.startswith("draft_")] == [
        "draft_issued",
        "draft_accepted",
        "draft_inserted",
    ]


async def test_edits_and_rejections_rebuild_the_final_text(drafting: DraftingHarness) -> None:
    draft = await _issue(drafting)
    body = _accept_all(draft)
    body["decisions"][0] = {"index": 0, "action": "reject", "seen_ms": 0}
    body["decisions"][1] = {
        "index": 2,
        "action": "edit",
        "text": "Quillet was at school, happy.",
        "confirmed": False,
        "seen_ms": 5000,
    }
    hunks = draft["hunks"]
    body["final_text"] = hunks[0]["original"] + hunks[1]["original"] + "Quillet was at school, happy."
    status, decided = await drafting.post(f"drafts/{draft['draft_id']}/decision", body)
    assert status == 200, decided
    review = decided["receipt"]["review"]
    assert (review["kept"], review["rejected"], review["edited"]) == (0, 1, 1)
    assert review["dwell_violations"] == 1  # the quick rejection is recorded, not refused


@pytest.mark.parametrize(
    ("mutate", "status", "code"),
    [
        (lambda d, b: b.update(final_text=b["final_text"] + " extra"), 422, "final_text_mismatch"),
        (lambda d, b: b["decisions"].pop(), 422, "hunk_undecided"),
        (
            lambda d, b: b.update(bulk_accept=True, decisions=[{**x, "confirmed": False} for x in b["decisions"]]),
            422,
            "flag_not_confirmed",
        ),
        (lambda d, b: b["decisions"][0].update(confirmed=False), 422, "flag_not_confirmed"),
        (lambda d, b: b["decisions"][1].update(seen_ms=10), 422, "review_too_fast"),
        (lambda d, b: b.update(bulk_accept=True), 422, "bulk_accept_not_allowed"),
        (lambda d, b: b.update(attestation={"version": "1", "accepted": False}), 422, "attestation_required"),
        (lambda d, b: b.update(attestation={"version": "0", "accepted": True}), 422, "attestation_required"),
        (lambda d, b: b["decisions"].append({"index": 99, "action": "keep"}), 422, "invalid_decision"),
        (lambda d, b: b["decisions"].append(dict(b["decisions"][0])), 422, "invalid_decision"),
        (
            lambda d, b: b["decisions"].append({"index": 1, "action": "edit", "text": "x"}),
            422,
            "invalid_decision",
        ),
        (lambda d, b: b.update(outcome="maybe"), 400, "draft_request_invalid"),
        (lambda d, b: b["decisions"][0].update(action="edit"), 400, "draft_request_invalid"),
        (lambda d, b: b.pop("final_text"), 400, "draft_request_invalid"),
    ],
)
async def test_decision_endpoint_refuses_what_breaks_the_review_rules(
    drafting: DraftingHarness, mutate: Any, status: int, code: str
) -> None:
    draft = await _issue(drafting)
    body = _accept_all(draft)
    mutate(draft, body)
    got_status, got = await drafting.post(f"drafts/{draft['draft_id']}/decision", body)
    assert (got_status, got["error"]["code"]) == (status, code)
    assert ORIGINAL[:12] not in got["error"]["message"] and "Monday" not in got["error"]["message"]
    # A refusal records nothing: the practitioner can fix it and decide.
    ok_status, _ = await drafting.post(f"drafts/{draft['draft_id']}/decision", _accept_all(draft))
    assert ok_status == 200


async def test_unknown_draft_is_404(drafting: DraftingHarness) -> None:
    status, body = await drafting.post("drafts/0190f0e0-0000-7000-8000-000000000000/decision", {"outcome": "reject"})
    assert (status, body["error"]["code"]) == (404, "draft_not_found")
    status, body = await drafting.post("drafts/nope", {})
    assert (status, body["error"]["code"]) == (404, "draft_not_found")


async def test_second_decision_is_409(drafting: DraftingHarness) -> None:
    draft = await _issue(drafting)
    assert (await drafting.post(f"drafts/{draft['draft_id']}/decision", _accept_all(draft)))[0] == 200
    status, body = await drafting.post(f"drafts/{draft['draft_id']}/decision", {"outcome": "reject"})
    assert (status, body["error"]["code"]) == (409, "already_decided")


async def test_concurrent_decisions_record_only_one(drafting: DraftingHarness) -> None:
    import asyncio

    draft = await _issue(drafting)
    path = f"drafts/{draft['draft_id']}/decision"
    results = await asyncio.gather(drafting.post(path, _accept_all(draft)), drafting.post(path, {"outcome": "reject"}))
    assert sorted(status for status, _ in results) == [200, 409]
    assert sum(1 for t, _ in drafting.audit_rows() if t in ("draft_accepted", "draft_rejected")) == 1


async def test_wrong_role_and_other_practitioners_are_refused(drafting: DraftingHarness) -> None:
    status, body = await drafting.post("drafts", {"original_text": ORIGINAL, "instruction": "x", "field": FIELD}, "dpo")
    assert (status, body["error"]["code"]) == (403, "wrong_role")
    draft = await _issue(drafting)
    status, body = await drafting.post(f"drafts/{draft['draft_id']}/decision", _accept_all(draft), "dpo")
    assert (status, body["error"]["code"]) == (403, "wrong_role")
    status, body = await drafting.post(f"drafts/{draft['draft_id']}/decision", _accept_all(draft), "prac2")
    assert (status, body["error"]["code"]) == (404, "draft_not_found")
    status, body = await drafting.post(f"drafts/{draft['draft_id']}", {}, "prac2")
    assert (status, body["error"]["code"]) == (404, "draft_not_found")
    status, body = await drafting.post(f"drafts/{draft['draft_id']}", {}, "nobody")
    assert (status, body["error"]["code"]) == (401, "unauthorized")


async def test_rejected_draft_is_recorded(drafting: DraftingHarness) -> None:
    draft = await _issue(drafting)
    status, decided = await drafting.post(f"drafts/{draft['draft_id']}/decision", {"outcome": "reject"})
    assert status == 200, decided
    assert decided["tag_line"] is None
    receipt = decided["receipt"]
    assert receipt_problem(receipt, drafting.keys.public_keys()) is None
    assert receipt["outcome"] == "rejected" and receipt["hashes"]["final"] is None
    assert drafting.audit_rows()[receipt["audit"]["seq"]][0] == "draft_rejected"
    _, state = await drafting.post(f"drafts/{draft['draft_id']}", {})
    assert state["status"] == "rejected"
    status, body = await drafting.post(
        f"drafts/{draft['draft_id']}/insertion", {"strategy": "clipboard", "verified": False}
    )
    assert (status, body["error"]["code"]) == (409, "draft_not_accepted")


async def test_tampered_receipt_fails_verification(drafting: DraftingHarness) -> None:
    draft = await _issue(drafting)
    _, decided = await drafting.post(f"drafts/{draft['draft_id']}/decision", _accept_all(draft))
    receipt = decided["receipt"]
    tampered = {**receipt, "review": {**receipt["review"], "bulk_accept": True}}
    assert receipt_problem(tampered, drafting.keys.public_keys()) == "signature does not verify"
    moved = {**receipt, "audit": {**receipt["audit"], "seq": receipt["audit"]["seq"] + 1}}
    assert receipt_problem(moved, drafting.keys.public_keys()) == "signature does not verify"


async def test_templates_policy_blocks_and_bad_requests(drafting: DraftingHarness) -> None:
    status, _ = await drafting.post("drafts", {"original_text": ORIGINAL, "template_id": "tidy", "field": FIELD})
    assert status == 200
    assert drafting.model.calls[-1].instruction == "Correct spelling and grammar."
    for body in (
        {"original_text": ORIGINAL, "template_id": "nope", "field": FIELD},
        {"original_text": ORIGINAL, "field": FIELD},
        {"original_text": "   ", "instruction": "x", "field": FIELD},
        {"original_text": ORIGINAL, "instruction": "x", "field": {**FIELD, "origin": "not an origin"}},
        {"original_text": ORIGINAL, "instruction": "x"},
    ):
        status, got = await drafting.post("drafts", body)
        assert (status, got["error"]["code"]) == (400, "draft_request_invalid")
    drafting.model.error = PolicyBlocked("This policy does not allow risk scoring.", "risk_scoring")
    status, got = await drafting.post("drafts", {"original_text": ORIGINAL, "instruction": "x", "field": FIELD})
    assert status == 403 and got["error"] == {
        "code": "policy_blocked",
        "message": "This policy does not allow risk scoring.",
        "rule": "risk_scoring",
    }


async def test_no_text_reaches_the_audit_log_or_the_receipt(drafting: DraftingHarness) -> None:
    draft = await _issue(drafting)
    _, decided = await drafting.post(f"drafts/{draft['draft_id']}/decision", _accept_all(draft))
    stored = [body for _, body in drafting.audit_rows()] + [json.dumps(decided["receipt"])]
    sqlite_bytes = (drafting.data_dir / "drafts.sqlite3").read_bytes().decode("utf-8", "replace")
    stored.append(sqlite_bytes)
    # Invented words cannot occur by chance; 10-character windows catch any other run of the texts.
    needles = {"Vornak", "Quillet", "seemed happy", FIELD["descriptor"], FIELD["case_ref"]}
    for text in (ORIGINAL, DRAFT):
        needles.update(text[i : i + 10] for i in range(len(text) - 9))
    leaked = sorted(n for n in needles if any(n in row for row in stored))
    assert leaked == []


async def test_client_strings_outside_the_rules_never_reach_the_log(drafting: DraftingHarness) -> None:
    draft = await _issue(drafting)
    body = {"outcome": "reject", "attestation": {"version": "Vornak1234567", "accepted": True}}
    status, decided = await drafting.post(f"drafts/{draft['draft_id']}/decision", body)
    assert status == 200
    assert decided["receipt"]["actor"]["attestation_version"] is None
    assert all("Vornak1234567" not in row for _, row in drafting.audit_rows())


async def test_a_failed_audit_write_refuses_the_decision_and_leaves_it_open(
    drafting: DraftingHarness,
) -> None:
    from cosigner.drafts.api import DRAFT_SERVICE
    from cosigner.errors import AuditFailed

    service = drafting.client.app[DRAFT_SERVICE]
    real = service.deps.audit

    class Broken:
        async def append_with_checkpoint(self, *args: Any, **kwargs: Any) -> Any:
            raise AuditFailed("the audit log is unhealthy: disk full")

    draft = await _issue(drafting)
    service.deps.audit = Broken  # type: ignore[assignment]
    status, body = await drafting.post(f"drafts/{draft['draft_id']}/decision", _accept_all(draft))
    assert (status, body["error"]["code"]) == (503, "audit_failed")
    service.deps.audit = real
    status, _ = await drafting.post(f"drafts/{draft['draft_id']}/decision", _accept_all(draft))
    assert status == 200


async def test_an_empty_model_reply_is_an_upstream_error(drafting: DraftingHarness) -> None:
    drafting.model.drafts[ORIGINAL] = "   "
    status, body = await drafting.post("drafts", {"original_text": ORIGINAL, "instruction": "x", "field": FIELD})
    assert (status, body["error"]["code"]) == (502, "upstream_invalid_response")
    assert [t for t, _ in drafting.audit_rows() if t.startswith("draft_")] == []

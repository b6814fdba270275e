"""Review rules as pure functions: final text, AI share, statistics, tag line; expiry of held drafts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from drafts_harness import DraftingHarness, FakePolicy

from cosigner.drafts.review import (
    Decision,
    HunkDecision,
    ai_share,
    check_acceptance,
    check_rejection,
    rebuild_final_text,
    review_hunks,
)
from cosigner.drafts.tagline import tag_line

ORIGINAL = "He came home. She left early. They ate."
DRAFT = "He arrived home. She left early. They ate dinner together."
RULES = FakePolicy().review


def _decision(*decisions: HunkDecision, final: str | None = None, outcome: str = "accept") -> Decision:
    return Decision(outcome, tuple(decisions), False, "1", True, final)  # type: ignore[arg-type]


def test_rebuild_uses_original_for_unchanged_and_rejected_and_text_for_edits() -> None:
    hunks = review_hunks(ORIGINAL, DRAFT, RULES)
    assert [h.changed for h in hunks] == [True, False, True]
    by_index = {
        0: HunkDecision(0, "reject", None, False, 0),
        2: HunkDecision(2, "edit", "They ate soup.", False, 9999),
    }
    assert rebuild_final_text(hunks, by_index) == "He came home. She left early. They ate soup."


def test_ai_share_counts_kept_insertions_and_ai_words_kept_in_edits() -> None:
    hunks = review_hunks(ORIGINAL, DRAFT, RULES)
    keep_all = {h.index: HunkDecision(h.index, "keep", None, True, 9999) for h in hunks if h.changed}
    assert ai_share(hunks, keep_all, DRAFT) == round(len("arrived" + " dinner together") / len(DRAFT), 4)
    none = {h.index: HunkDecision(h.index, "reject", None, False, 0) for h in hunks if h.changed}
    assert ai_share(hunks, none, ORIGINAL) == 0.0
    edited = {2: HunkDecision(2, "edit", "They ate dinner.", False, 9999)}
    final = "He came home. She left early. They ate dinner."
    assert ai_share(hunks, edited, final) == round(len("dinner") / len(final), 4)


def test_acceptance_statistics() -> None:
    hunks = review_hunks(ORIGINAL, DRAFT, RULES)
    decision = _decision(
        HunkDecision(0, "keep", None, False, 5000),
        HunkDecision(2, "reject", None, False, 1),
        final="He arrived home. She left early. They ate.",
    )
    final, stats = check_acceptance(hunks, decision, RULES)
    assert final == decision.final_text
    assert (stats.hunks_total, stats.hunks_changed, stats.kept, stats.rejected, stats.edited) == (
        3,
        2,
        1,
        1,
        0,
    )
    assert stats.dwell_violations == 1 and stats.review_ms == 5001 and stats.hunk_review_ms == (5000, 1)


def test_rejection_enforces_nothing_but_records_what_was_decided() -> None:
    hunks = review_hunks(ORIGINAL, DRAFT, RULES)
    stats = check_rejection(hunks, _decision(HunkDecision(0, "keep", None, False, 3), outcome="reject"))
    assert (stats.kept, stats.dwell_violations, stats.ai_share) == (1, 1, 0.0)


def test_tag_line_fills_the_policy_wording_on_one_line() -> None:
    when = datetime(2026, 7, 1, 13, 5, tzinfo=UTC)  # 14:05 in London (BST)
    line = tag_line(
        "By {practitioner}\non {date} (ref {ref}).",
        practitioner="A  Social\nWorker",
        when=when,
        ref="AIP-7Q2K-9F3M",
    )
    assert line in (
        "By A Social Worker on 2026-07-01 14:05 (ref AIP-7Q2K-9F3M).",
        "By A Social Worker on 2026-07-01 13:05 UTC (ref AIP-7Q2K-9F3M).",  # no tz database on this machine
    )


async def test_held_drafts_expire_and_then_cannot_be_decided(drafting: DraftingHarness) -> None:
    from cosigner.drafts.api import DRAFT_SERVICE

    service = drafting.client.app[DRAFT_SERVICE]
    service.deps.ttl_s = 0.0
    field = {"origin": "https://case.example.gov.uk", "descriptor": "d"}
    _, draft = await drafting.post("drafts", {"original_text": ORIGINAL, "instruction": "x", "field": field})
    status, body = await drafting.post(f"drafts/{draft['draft_id']}/decision", {"outcome": "reject"})
    assert (status, body["error"]["code"]) == (404, "draft_not_found")
    status, body = await drafting.post(f"drafts/{draft['draft_id']}", {})
    assert (status, body["error"]["code"]) == (404, "draft_not_found")


@pytest.mark.parametrize("held", [1, 3])
async def test_capacity_evicts_the_oldest_drafts(drafting: DraftingHarness, held: int) -> None:
    from cosigner.drafts.api import DRAFT_SERVICE

    drafting.client.app[DRAFT_SERVICE].deps.max_held = held
    field = {"origin": "https://case.example.gov.uk", "descriptor": "d"}
    ids = []
    for i in range(held + 1):
        _, draft = await drafting.post("drafts", {"original_text": f"Note {i}.", "instruction": "x", "field": field})
        ids.append(draft["draft_id"])
    assert (await drafting.post(f"drafts/{ids[0]}", {}))[0] == 404
    assert (await drafting.post(f"drafts/{ids[-1]}", {}))[1]["status"] == "issued"

"""Review flags: each kind fires on new material only, and stays quiet when the practitioner wrote it."""

from __future__ import annotations

import pytest

from cosigner.drafts.diff import Hunk, sentence_hunks
from cosigner.drafts.flags import Flag, flag_hunk, min_dwell_ms


def _flags(original: str, draft: str, **kwargs: object) -> set[Flag]:
    out: set[Flag] = set()
    for hunk in sentence_hunks(original, draft):
        out.update(flag_hunk(hunk, original, **kwargs))  # type: ignore[arg-type]
    return out


@pytest.mark.parametrize(
    ("original", "draft", "expected"),
    [
        ("Visited mum at home.", "Visited mum and Amira Khan at home.", {Flag("new_name", "Amira Khan")}),
        ("Visited mum at home.", "Visited mum and Mr Patel at home.", {Flag("new_name", "Patel")}),
        ("Amira was at home.", "Amira was at home with mum.", set()),
        ("Visited twice.", "Visited 3 times.", {Flag("new_number", "3")}),
        ("Visited twice.", "Visited three times.", {Flag("new_number", "three")}),
        ("Seen on 3 June.", "Seen on 3 June at school.", set()),
        ("Seen at school.", "Seen at school on 12/03/2025.", {Flag("new_date", "12/03/2025")}),
        ("Seen at school.", "Seen at school on Monday.", {Flag("new_date", "Monday")}),
        ("Seen at school.", "Seen at school at 2.30pm.", {Flag("new_time", "2.30pm")}),
        ("Seen at school.", "Seen at school at 14:05.", {Flag("new_time", "14:05")}),
        ("Rent is owed.", "Rent of £450.00 is owed.", {Flag("new_money", "£450.00")}),
        ("Family moved.", "Family moved to 12 Acacia Avenue.", {Flag("new_address", "12 Acacia Avenue")}),
        ("Family moved.", "Family moved to LS1 4AP.", {Flag("new_address", "LS1 4AP")}),
        (
            "Mum was upset.",
            'Mum was upset and said "I cannot cope".',
            {Flag("new_quote", '"I cannot cope"'), Flag("negation_added", "cannot")},
        ),
        ('Mum said "I cannot cope".', 'Mum said calmly "I cannot cope".', set()),
        ("He was quiet.", "He was quiet and suicidal.", {Flag("new_risk_term", "suicidal")}),
        ("He spoke of self-harm.", "He spoke of self harm again.", set()),
        ("He was hit.", "He was hit; domestic abuse.", {Flag("new_risk_term", "domestic abuse")}),
        ("She was at home.", "She was not at home.", {Flag("negation_added", "not")}),
        ("She was not at home.", "She was at home.", {Flag("negation_removed", "not")}),
        ("She did not attend.", "She didn't attend.", set()),
        ("He denied it.", "He admitted it.", {Flag("negation_removed", "denied")}),
        ("Same sentence.", "Same sentence.", set()),
        ("Met mum.", "Met mum and [PERSON_3].", {Flag("new_name", "[PERSON_3]")}),
        ("Rang mum.", "Rang mum on [PHONE_1].", {Flag("new_number", "[PHONE_1]")}),
    ],
)
def test_flags_mark_only_material_the_practitioner_did_not_write(
    original: str, draft: str, expected: set[Flag]
) -> None:
    assert _flags(original, draft) == expected


def test_sentence_initial_word_is_not_a_name_unless_seen_as_one() -> None:
    assert _flags("Went well.", "Mostly went well.") == set()
    assert Flag("new_name", "Leo") in _flags("Went well.", "Went well with Leo. Leo smiled.")


def test_a_supplied_name_finder_replaces_the_heuristic() -> None:
    def finder(text: str) -> list[tuple[int, int]]:
        start = text.find("bob")
        return [(start, start + 3)] if start >= 0 else []

    assert _flags("Met him.", "Met bob.", find_names=finder) == {Flag("new_name", "bob")}


def test_custom_risk_terms_are_used() -> None:
    assert _flags("He was seen.", "He was seen by CAMHS.", risk_terms=("camhs",)) == {Flag("new_risk_term", "camhs")}


def test_flags_are_deterministic_and_ordered() -> None:
    original = "Visit went fine."
    draft = 'Visit on Monday went fine, "all good", says Jo Bloggs, £5 paid at 3pm, 2 kids.'
    hunk = sentence_hunks(original, draft)[0]
    assert flag_hunk(hunk, original) == flag_hunk(hunk, original)
    assert len(flag_hunk(hunk, original)) >= 6


def test_unchanged_hunk_has_no_flags_and_no_dwell() -> None:
    hunk = Hunk(0, "Jo was 5.", "Jo was 5.", ())
    assert flag_hunk(hunk, "") == ()
    assert min_dwell_ms(hunk, base_ms=800, per_word_ms=100) == 0


def test_min_dwell_scales_with_words_read() -> None:
    small = sentence_hunks("He came.", "He arrived.")[0]
    large = sentence_hunks("He came.", "He arrived late in the evening after school.")[0]
    assert min_dwell_ms(small, base_ms=800, per_word_ms=100) == 800 + 100 * 3  # "He arrived" + "came"
    assert min_dwell_ms(large, base_ms=800, per_word_ms=100) == 800 + 100 * 9

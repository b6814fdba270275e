"""Word diff and sentence hunks: exact coverage of both texts, never degenerate, sensible sentence cuts."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cosigner.drafts.diff import DiffOp, group_hunks, is_degenerate, sentence_hunks, tokenize, word_diff

WORDS = ["the", "a", "visit", "mum", "said", "not", "home", "school", "Amira", "was", "fine", "and", "he"]
PIECES = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from([" ", "  ", "\n", "\n\n", ". ", "! ", ", ", "? "])),
    max_size=60,
)


def _texts(pieces: list[str]) -> str:
    return "".join(pieces)


def _sides(ops: tuple[DiffOp, ...]) -> tuple[str, str]:
    return (
        "".join(o.text for o in ops if o.op != "insert"),
        "".join(o.text for o in ops if o.op != "delete"),
    )


@settings(max_examples=300, deadline=None)
@given(PIECES, PIECES)
def test_hunks_reassemble_both_texts_exactly(a: list[str], b: list[str]) -> None:
    original, draft = _texts(a), _texts(b)
    hunks = sentence_hunks(original, draft)
    assert "".join(h.original for h in hunks) == original
    assert "".join(h.proposed for h in hunks) == draft
    assert [h.index for h in hunks] == list(range(len(hunks)))
    for hunk in hunks:
        assert _sides(hunk.ops) == (hunk.original, hunk.proposed)
        if hunk.original != hunk.proposed:
            assert hunk.changed


@settings(max_examples=300, deadline=None)
@given(PIECES, PIECES)
def test_word_diff_is_never_degenerate(a: list[str], b: list[str]) -> None:
    original, draft = _texts(a), _texts(b)
    ops = word_diff(original, draft)
    assert _sides(ops) == (original, draft)
    assert not is_degenerate(ops)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_arbitrary_unicode_reassembles(original: str, draft: str) -> None:
    ops = word_diff(original, draft)
    assert _sides(ops) == (original, draft)
    assert not is_degenerate(ops)
    hunks = group_hunks(ops)
    assert "".join(h.original for h in hunks) == original
    assert "".join(h.proposed for h in hunks) == draft


def _edited(words: list[str], rng: random.Random, share: float) -> list[str]:
    out = []
    for word in words:
        roll = rng.random()
        if roll < share / 3:
            continue
        if roll < 2 * share / 3:
            out.append(rng.choice(WORDS) + "x")
        elif roll < share:
            out += [word, rng.choice(WORDS) + "y"]
        else:
            out.append(word)
    return out


@pytest.mark.parametrize("timeout_s", [0.0001, 0.1])
def test_large_text_is_not_delete_all_insert_all_even_when_time_runs_out(timeout_s: float) -> None:
    rng = random.Random(7)
    words = [rng.choice(WORDS) + str(rng.randrange(300)) for _ in range(1500)]
    original = " ".join(words)
    draft = " ".join(_edited(words, rng, 0.3))
    ops = word_diff(original, draft, timeout_s=timeout_s)
    assert _sides(ops) == (original, draft)
    assert not is_degenerate(ops)
    kept = sum(len(o.text) for o in ops if o.op == "equal")
    assert kept > 0.5 * len(original)


def test_degeneracy_detector_recognises_delete_all_insert_all() -> None:
    ops = (DiffOp("delete", "the cat sat"), DiffOp("insert", "the dog sat"))
    assert is_degenerate(ops)
    assert not is_degenerate((DiffOp("equal", "the "), DiffOp("delete", "cat"), DiffOp("insert", "dog")))


@pytest.mark.parametrize(
    ("original", "draft", "expected"),
    [
        (
            "He came home. She left.",
            "He arrived home. She left.",
            [("He came home. ", "He arrived home. ", True), ("She left.", "She left.", False)],
        ),
        (
            "One. Two. Three.",
            "One. Two, and more. Three.",
            [("One. ", "One. ", False), ("Two. ", "Two, and more. ", True), ("Three.", "Three.", False)],
        ),
        (
            "Line one\nLine two",
            "Line one\nLine 2",
            [("Line one\n", "Line one\n", False), ("Line two", "Line 2", True)],
        ),
        ("Same text.", "Same text.", [("Same text.", "Same text.", False)]),
        ("", "New text.", [("", "New text.", True)]),
        ("Old text.", "", [("Old text.", "", True)]),
        (
            'She said "no." Then left.',
            'She said "no." Then ran.',
            [('She said "no." ', 'She said "no." ', False), ("Then left.", "Then ran.", True)],
        ),
    ],
)
def test_sentence_hunks_cut_at_shared_sentence_boundaries(
    original: str, draft: str, expected: list[tuple[str, str, bool]]
) -> None:
    hunks = sentence_hunks(original, draft)
    assert [(h.original, h.proposed, h.changed) for h in hunks] == expected


def test_a_sentence_split_by_the_draft_stays_one_hunk() -> None:
    hunks = sentence_hunks("He came and she left.", "He came. She left.")
    assert len(hunks) == 1 and hunks[0].changed


def test_whitespace_between_changes_is_folded_into_one_phrase() -> None:
    hunks = sentence_hunks("He came home late.", "He arrived back late.")
    ops = [(o.op, o.text) for o in hunks[0].ops]
    assert ops == [("equal", "He "), ("delete", "came home"), ("insert", "arrived back"), ("equal", " late.")]


def test_tokenize_round_trips_and_keeps_contractions_whole() -> None:
    text = "Don't stop  — it's £40.50!\n"
    tokens = tokenize(text)
    assert "".join(tokens) == text
    assert "Don't" in tokens and "it's" in tokens


@pytest.mark.parametrize(
    ("original", "draft"),
    [
        ("a " * 1500, "a b " * 750),  # no token unique to either side
        (" ".join(f"w{i % 40}" for i in range(1500)), " ".join(f"w{(i * 7) % 40}" for i in range(1500))),
    ],
)
def test_repetitive_text_without_anchors_is_diffed_exactly_not_degenerately(original: str, draft: str) -> None:
    ops = word_diff(original, draft)
    assert _sides(ops) == (original, draft)
    assert not is_degenerate(ops)

"""The word-level automaton answers exactly as a character automaton over space-padded phrases would."""

from __future__ import annotations

import ahocorasick
from hypothesis import given, settings
from hypothesis import strategies as st

from cosigner.policy.guard.matcher import automaton
from cosigner.policy.guard.word_automaton import WordAutomaton

PHRASES = {
    "rate": ("RISK_VERB",),
    "rate the risk": ("RISK_VERB", "RISK_OBJ"),
    "the risk": ("RISK_OBJ",),
    "risk of x": ("RISK_OBJ", "PERSON"),
    "should x be removed": ("STAT_DECIDE",),
    "be removed": ("STAT_WEAK",),
}
VOCABULARY = ["rate", "the", "risk", "of", "x", "should", "be", "removed", "please", "rated", "ratex"]


def _reference(padded: str) -> list[tuple[int, int, tuple[str, ...]]]:
    auto = ahocorasick.Automaton()
    for phrase, roles in PHRASES.items():
        key = " " + phrase + " "
        auto.add_word(key, (len(key), roles))
    auto.make_automaton()
    return sorted((end, length, roles) for end, (length, roles) in auto.iter(padded))


def _words(padded: str) -> list[tuple[int, int, tuple[str, ...]]]:
    return sorted((end, length, roles) for end, (length, roles) in WordAutomaton(PHRASES.items()).iter(padded))


def test_offsets_match_the_character_automaton() -> None:
    padded = " please rate the risk of x should x be removed "
    assert _words(padded) == _reference(padded)
    assert _words(padded)  # and there are hits to compare


def test_only_whole_words_match() -> None:
    assert _words(" rated ratex the riskiest ") == []


@settings(max_examples=300)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=12))
def test_any_sentence_of_the_vocabulary(words: list[str]) -> None:
    padded = " " + " ".join(words) + " "
    assert _words(padded) == _reference(padded)


@given(st.lists(st.sampled_from(VOCABULARY), min_size=2, max_size=8), st.integers(min_value=1, max_value=6))
def test_irregular_spacing_takes_the_general_path(words: list[str], gap: int) -> None:
    padded = " " + (" " * gap).join(words) + " "
    # the character automaton needs single spaces; compare with the hits found on the single-spaced text,
    # mapped through the same words
    expected = [roles for _end, _length, roles in _reference(" " + " ".join(words) + " ")]
    found = _words(padded)
    assert [roles for _e, _l, roles in found] == expected
    for end, length, _roles in found:
        assert padded[end] == " " and padded[end - length + 1] == " "


def test_the_default_phrase_tables_build() -> None:
    assert len(automaton()) > 1000

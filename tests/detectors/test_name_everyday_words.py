"""Everyday words that are also surnames or first names stay readable where no person is meant."""

from __future__ import annotations

import pytest

from cosigner.redaction import RedactionConfig, Redactor

REDACTOR = Redactor(RedactionConfig.default(), scan_cache=0)


@pytest.mark.parametrize(
    "text",
    [
        "the hall was cold and the kitchen was damp.",
        "Mum said the hall was cold.",
        "The hall was cold.",
        "Please call me back tomorrow.",
        "She will call me later.",
        "The Summer term starts soon.",
        "He starts the summer scheme in July.",
        "a king was drawn on the card.",
    ],
)
def test_everyday_words_are_left_alone(text: str) -> None:
    assert REDACTOR.redact([text]).texts == [text]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("everyone calls me borna", "borna"),
        ("what is your name? mark pinto", "mark pinto"),
        ("call me Will", "Will"),
        ("the leah holmberg version was recorded", "leah holmberg"),
    ],
)
def test_names_in_the_same_positions_are_still_caught(text: str, name: str) -> None:
    assert name not in REDACTOR.redact([text]).texts[0]

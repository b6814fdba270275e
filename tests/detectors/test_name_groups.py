"""Names known by their company: lists of names, particles and middle initials before a surname, and the
phrases by which people give or are asked their name."""

from __future__ import annotations

import pytest

from cosigner.detectors.names import NameDetector

DETECTOR = NameDetector()


def names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in DETECTOR.detect(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lists: unknown and English-word items among names are names too, in either case
        ("the guests were ilinca, margit, amber and noor.", ["ilinca", "margit", "amber", "noor"]),
        ("Present were Tomasz, Agnieszka, Wiktor and June.", ["Tomasz", "Agnieszka", "Wiktor", "June"]),
        # particles and middle initials carry the name on to its surname, even an English-looking one
        ("We wrote to Pieter van der Berk today.", ["Pieter van der Berk"]),
        ("Please ask Anouk ten Hove to call.", ["Anouk ten Hove"]),
        ("It is filed under Elowen R Pask now.", ["Elowen R Pask"]),
        ("Seen by Dr. Martin Cotton on Monday.", ["Martin Cotton"]),
        ("Wilhelmina ten Brink will chair the meeting.", ["Wilhelmina ten Brink"]),
        # lower-case full names: a first name found as a name, or before a middle initial
        ("please follow up with patricia okonkwo-desrosiers next week", ["patricia okonkwo-desrosiers"]),
        ("the file for maria j. kowalczyk is here", ["maria j", "kowalczyk"]),
        # a name given: "calls me", "name? ..."
        ("everyone just calls me wiktoria", ["wiktoria"]),
        ("What's your name? Oyelaran Bello", ["Oyelaran Bello"]),
        # spoken to, and speakers in a transcript
        ("Ifeoma, can you send the letter again?", ["Ifeoma"]),
        ("Not again, Holly!", ["Holly"]),
        ("Name:    Christopher Baker", ["Christopher Baker"]),
        ("Dragoslav: Where were you?\nMaria: At home.", ["Dragoslav", "Maria"]),
        ('carol: "who are you?"', ["carol"]),
        # a lower-case first name after a cue, and a suffix after a completed name
        ("then she said ali to everyone", ["ali"]),
        ("the verses from antonio kohler md's book", ["antonio kohler md"]),
    ],
)
def test_names_in_company_are_found(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We discussed April, May and June with the family.",
        "Police, Health and Education attended the strategy discussion.",
        "She bought bread, milk, eggs and rice.",
        "Grace A Level results are due in August.",
        "However, can you confirm the date?",
        "Outcome: No further action.",
        "we gave benjamin a biscuit and told him a story",
        "It was amazing, grace!",
    ],
)
def test_lists_of_terms_and_ordinary_phrases_are_left(text: str) -> None:
    assert names(text) == []

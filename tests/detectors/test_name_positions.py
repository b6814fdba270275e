"""Names in positions the word lists alone miss: word-names after a verb of care, a place word as a surname,
all-caps headings, and lower-case mentions of a name already found in the request."""

from __future__ import annotations

import pytest

from cosigner.detectors.names import NameDetector
from cosigner.redaction import RedactionConfig, Redactor

DETECTOR = NameDetector()
REDACTOR = Redactor(RedactionConfig.default(), scan_cache=0)


def names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in DETECTOR.detect(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word-name as the object of "has" / "minds": a child someone looks after
        ("Nan said she has Ruby on weekends.", ["Ruby"]),
        ("The neighbour minds Holly after school.", ["Holly"]),
        # an unknown or word-name first name before a place word that is also a surname, at a line start,
        # shown to be a person by what follows
        ("Present: Kaycee Ward (SW), DS Mahmood", ["Kaycee Ward", "Mahmood"]),
        ("Lowenna Hall (social worker) completed the assessment.", ["Lowenna Hall"]),
        ("From: Tarkan Hall <tarkan@mail.example.org>", ["Tarkan Hall"]),
        ("Ivy Hall (date of birth 2.3.90) is known to police.", ["Ivy Hall"]),
        ("Oisin Hall from Women's Aid attended.", ["Oisin Hall"]),
        ("Mirela Wood said she would call back.", ["Mirela Wood"]),
        # an all-caps heading of names outside the gazetteer, next to a birth or health-number label
        ("12 May 2025 - KEZIAH QUARSHIE - D.O.B. 01/02/2015", ["KEZIAH QUARSHIE"]),
        ("BOGDANA ZELINSKA (DOB 3/4/2012)", ["BOGDANA ZELINSKA"]),
        ("OYELARAN ADEBOWALE, NHS no. 943 476 5919", ["OYELARAN ADEBOWALE"]),
    ],
)
def test_names_in_name_position_are_found(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Parkside Hall (opposite the station) is closed.",
        "Kelham Hall hosted the Core Group.",
        "REVIEW MEETING - DOB to be confirmed",
        "CHILD PROTECTION PLAN - date of birth recorded",
        "It has May half term written on it.",
        "The plan is reviewed in April and August.",
    ],
)
def test_places_headings_and_months_are_left(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "redacted_word"),
    [
        ("Home visit to Hope Tanaka.\nhope was seen alone in her bedroom.", "hope"),
        ("Lunch with Blessing Eze.\n4th July 2025 - blessing said school was fine.", "blessing"),
        ("Visit to Rose Kaya. rose has settled well.", "rose"),
    ],
)
def test_lower_case_mention_of_a_found_name_in_name_position_is_redacted(text: str, redacted_word: str) -> None:
    redacted = REDACTOR.redact([text]).texts[0]
    assert redacted_word not in redacted


@pytest.mark.parametrize(
    "text",
    [
        "Home visit to Hope Tanaka. There was some hope that things would improve.",
        "Home visit to Hope Tanaka. We live in hope.",
        "Lunch with Blessing Eze. It was a blessing that the school called.",
        "Home visit to Hope Tanaka. Our hope is that she settles.",
    ],
)
def test_ordinary_lower_case_uses_of_a_found_name_are_kept(text: str) -> None:
    redacted = REDACTOR.redact([text]).texts[0]
    lower = text.split(". ", 1)[1]
    assert lower in redacted


def test_a_capitalised_name_outside_the_gazetteer_does_not_propagate_to_lower_case_words() -> None:
    text = "The Exversion Orchestra was founded in 1977 and grew from a community orchestra."
    assert "community orchestra." in REDACTOR.redact([text]).texts[0]


def test_a_capitalised_gazetteer_name_propagates_to_lower_case_mentions() -> None:
    redacted = REDACTOR.redact(["Visit to Lisa Jones.", "then lisa and her brother left"]).texts[1]
    assert "lisa" not in redacted


def test_a_found_name_outside_english_propagates_to_lower_case_mentions_after_a_cue() -> None:
    redacted = REDACTOR.redact(["Summary for Mrs Agnieszka Wrzosek.", "We spoke to wrzosek about school."]).texts[1]
    assert "wrzosek" not in redacted

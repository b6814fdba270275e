"""Whole notes written like real ones: every planted identifier goes, the social-care vocabulary stays."""

from __future__ import annotations

import pytest

from bench.redaction.realistic import STRATEGY, VISIT
from cosigner.redaction import RedactionConfig, Redactor

REDACTOR = Redactor(RedactionConfig.default())


@pytest.mark.parametrize(
    ("note", "planted", "kept"),
    [
        (
            VISIT,
            ["Sarah", "Jenkins", "Leanne", "Price", "Tyler", "Mia", "Okafor", "Jade", "Darren", "Paul", "Whitfield"],
            [
                "Saturdays",
                "Thursdays",
                "Freedom Programme",
                "Women's Aid",
                "Universal Credit",
                "Child Benefit",
                "Non-Molestation Order",
                "Child Protection Plan",
                "Core Group",
                "Early Help",
                "Health Visitor",
                "Section 47",
                "ICPC",
                "Team Manager",
                "Assessment Team East",
                "14/03/2025",
                "21 March",
            ],
        ),
        (
            STRATEGY,
            [
                "Holloway",
                "Aisha",
                "Rahman",
                "Gemma",
                "Wright",
                "Oliwia",
                "Nowak",
                "03/02/2016",
                "943 476 5919",
                "22 Hawthorn Grove",
                "LS13 2QR",
                "Agnieszka",
                "07700 900461",
                "Piotr",
                "Hughes",
                "Kacper",
                "13/998877/19",
                "gemma.wright@",
            ],
            [
                "Strategy Discussion",
                "West Yorkshire Police",
                "Named Doctor",
                "LTHT",
                "Beecroft Primary",
                "Polish",
                "Interpreter",
                "12 June 2025",
                "Friday 20 June",
            ],
        ),
    ],
)
def test_realistic_note(note: str, planted: list[str], kept: list[str]) -> None:
    outbound = REDACTOR.redact([note]).texts[0]
    leaked = [value for value in planted if value in outbound]
    assert leaked == []
    lost = [term for term in kept if term not in outbound]
    assert lost == []


def test_informal_lower_case_note_propagates_a_name_found_by_a_cue() -> None:
    note = "tel call w/ mum (grace) re: school. grace says she is not sleeping. will call back thurs."
    outbound = REDACTOR.redact([note]).texts[0]
    assert "grace" not in outbound
    assert "will call back" in outbound  # an everyday word that is also a name is not propagated in lower case


def test_short_form_of_a_found_first_name_is_redacted() -> None:
    note = "Mohammed Iqbal, 24, maternal uncle, denies. Mo says he was at work."
    assert REDACTOR.redact([note]).texts[0] == "[PERSON_1], 24, maternal uncle, denies. [PERSON_2] says he was at work."

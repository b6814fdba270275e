"""Person names without a model: what is caught and what is deliberately left alone."""

from __future__ import annotations

import pytest

from cosigner.detectors.names import NameDetector
from cosigner.redaction import CaseContext, RedactionConfig, Redactor

DETECTOR = NameDetector()
REDACTOR = Redactor(RedactionConfig.default())


def names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in DETECTOR.detect(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Visited Kerry Nolan at home.", ["Kerry Nolan"]),
        ("Spoke to mum (sarah) about school.", ["sarah"]),
        ("Mrs Brown attended with her partner Will.", ["Brown", "Will"]),
        ("Grace Nolan went to Hilltop Primary School.", ["Grace Nolan"]),
        ("Letter from Mr J. Smith today.", ["J. Smith"]),
        ("Spoke to Wojciech Kowalski and Chukwuemeka Okafor.", ["Wojciech Kowalski", "Chukwuemeka Okafor"]),
        ("Ionut Popescu and Aoife O'Sullivan attended.", ["Ionut Popescu", "Aoife O'Sullivan"]),
        ("Mehmet Yilmaz and Rasa Kazlauskas were present.", ["Mehmet Yilmaz", "Rasa Kazlauskas"]),
        ("Bilal Hussain met Priya Sharma.", ["Bilal Hussain", "Priya Sharma"]),
        ("Early Help offered; Hope declined.", ["Hope"]),
        ("Anjali, Summer's brother, is in Year 7.", ["Anjali", "Summer"]),
        ("my name is john smith and I live here", ["john smith"]),
        ("Ellie-Mae said she was fine.", ["Ellie-Mae"]),
        ("CASIAN WOOD - DOB 19/03/2023", ["CASIAN WOOD"]),
        ("Dyan van Gijn phoned.", ["Dyan van Gijn"]),
        ("Grace has been unsettled at school.", ["Grace"]),
        ("Andrew Turcotte MD wrote.", ["Andrew Turcotte MD"]),
    ],
)
def test_names_are_found(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Child Protection Plan was reviewed at the Core Group.",
        "Universal Credit and Early Help under Section 47 of the Children Act 1989.",
        "Grace and hope were themes; we will review in May.",
        "The Review Child Protection Conference is in April.",
        "I'm sure you're right; she'd said so.",
        "CAMHS, Ofsted and the MASH were informed.",
    ],
)
def test_social_care_terms_and_ordinary_words_are_left(text: str) -> None:
    assert names(text) == []


def test_found_name_propagates_to_bare_parts_and_possessives_across_messages() -> None:
    result = REDACTOR.redact(["Home visit to Kerry Nolan.", "Kerry's room was tidy; Nolan family calm."])
    assert "Kerry" not in result.texts[1] and "Nolan" not in result.texts[1]
    assert result.texts[1].startswith("[PERSON_2]'s room")


def test_capitalised_find_does_not_propagate_to_ordinary_lower_case_words() -> None:
    result = REDACTOR.redact(["Awarded Salesperson of the Month.", "a salesperson called"])
    assert result.texts[1] == "a salesperson called"


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("Kerry Nolan", "full"),
        ("KERRY NOLAN", "upper"),
        ("kerry", "lower"),
        ("Kez", "alias"),
        ("Kerri", "typo"),
        ("Nolan's", "possessive"),
        ("K. Nolan", "initial"),
        ("KN", "initials"),
    ],
)
def test_known_person_variants_are_redacted(mention: str, kind: str) -> None:
    context = CaseContext.from_json({"people": [{"name": "Kerry Nolan", "aliases": ["Kez"], "dob": "2012-09-17"}]})
    result = REDACTOR.redact([f"we discussed {mention} at length"], context)
    text = result.texts[0]
    for fragment in ("Kerr", "kerr", "Kez", "Nolan", "KN", "KERRY"):
        assert fragment not in text, kind


def test_known_hyphenated_surname_parts_and_nicknames() -> None:
    context = CaseContext.from_json({"people": [{"name": "Aleksandra Smith-Okafor"}]})
    result = REDACTOR.redact(["Ola and Okafor and Smith were there"], context)
    assert result.texts[0] == "[PERSON_1] and [PERSON_2] and [PERSON_3] were there"


def test_known_dob_is_redacted_in_any_format_without_a_label() -> None:
    context = CaseContext.from_json({"people": [{"name": "Kerry Nolan", "dob": "2012-09-17"}]})
    result = REDACTOR.redact(["Birthday 17th September 2012 and 17/09/2012; visit 18/09/2012"], context)
    assert result.texts[0] == "Birthday [DOB_1] and [DOB_2]; visit 18/09/2012"


def test_known_address_and_ids() -> None:
    context = CaseContext.from_json(
        {
            "addresses": ["14 Acacia Avenue, Leeds LS6 2AB"],
            "ids": [{"type": "MOSAIC_ID", "value": "P-123456"}],
        }
    )
    result = REDACTOR.redact(["at 14 acacia ave; ls62ab; id p123456"], context)
    text = result.texts[0]
    assert "acacia" not in text and "ls62ab" not in text and "123456" not in text

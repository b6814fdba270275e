"""Propagation: a name found once is redacted everywhere in the request (bare first names, surnames)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from cosigner.detectors.kinds import PERSON
from cosigner.detectors.lexicon import LEXICON
from cosigner.detectors.term_matcher import Term

_PART_SPLIT = re.compile(r"[\s\-]+")
_NOT_NAME_PART = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "de",
        "van",
        "von",
        "da",
        "di",
        "del",
        "la",
        "le",
        "bin",
        "al",
        "el",
        "st",
        "the",
        "and",
        "of",
    }
)


def name_terms(values: Iterable[str], kind: str = PERSON) -> list[Term]:
    terms: list[Term] = []
    for value in values:
        value = value.strip(" .,'’")
        if value.lower().endswith(("'s", "’s")):
            value = value[:-2]
        terms.append(Term(value, kind, capitalised_only=_is_common(value)))
        for part in _PART_SPLIT.split(value):
            part = part.strip(".'’")
            low = part.lower()
            if len(part) < 2 or low in _NOT_NAME_PART or low in LEXICON.care_terms:
                continue
            if len(part) == 1 or (part.isupper() and len(part) <= 2):
                continue  # initials are too short to propagate
            terms.append(Term(part, kind, capitalised_only=_is_common(part)))
    return terms


def _is_common(value: str) -> bool:
    return " " not in value and value.lower() in LEXICON.english_common

"""Known identifiers from the case record (CaseContext): names with their variants, dates of birth,
addresses and ids, matched everywhere in the request."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cosigner.detectors import Finding
from cosigner.detectors.case_context import CaseContext
from cosigner.detectors.dates import find_dates
from cosigner.detectors.kinds import ADDRESS, DOB, PERSON
from cosigner.detectors.name_variants import variants
from cosigner.detectors.term_matcher import Term, TermMatcher

_STREET_ABBREVIATIONS = {
    "road": "rd",
    "street": "st",
    "avenue": "ave",
    "lane": "ln",
    "close": "cl",
    "drive": "dr",
    "court": "ct",
    "crescent": "cres",
    "place": "pl",
    "terrace": "terr",
    "gardens": "gdns",
    "square": "sq",
    "grove": "gr",
    "parade": "pde",
    "flat": "flt",
    "apartment": "apt",
}
_POSTCODE_SHAPE = re.compile(r"^[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}$")


def _flexible(value: str) -> str:
    """A regex for an id that tolerates any spacing, dashes, dots or slashes between its characters."""
    chars = [re.escape(c) for c in value if c.isalnum()]
    return r"[\s\-./]{0,3}".join(chars)


def _address_patterns(address: str) -> list[str]:
    patterns: list[str] = []
    parts = [p.strip() for p in re.split(r"[,\n]", address) if p.strip()]
    for part in parts:
        words = part.split()
        if _POSTCODE_SHAPE.match(part) or (len(words) >= 2 and _POSTCODE_SHAPE.match(" ".join(words[-2:]))):
            code = part if _POSTCODE_SHAPE.match(part) else " ".join(words[-2:])
            patterns.append(_flexible(code))
            words = words[:-2] if code != part else []
        if len(words) < 2 and not any(c.isdigit() for c in " ".join(words)):
            continue  # a town alone is not an identifier
        alternatives = []
        for word in words:
            low = word.lower().strip(".")
            options = [re.escape(word.strip("."))]
            if low in _STREET_ABBREVIATIONS:
                options.append(re.escape(_STREET_ABBREVIATIONS[low]))
            alternatives.append("(?:" + "|".join(options) + r")\.?")
        if alternatives:
            patterns.append(r"\s*,?\s+".join(alternatives))
    return patterns


class KnownIdentifierDetector:
    name = "known_identifiers"
    structured = True

    def __init__(self, context: CaseContext) -> None:
        terms: list[Term] = []
        for person in context.people:
            for name in (person.name, *person.aliases):
                for variant, capitalised_only in variants(name):
                    terms.append(Term(variant, PERSON, capitalised_only))
        self._names = TermMatcher(terms)
        self._dobs = frozenset(p.dob for p in context.people if p.dob is not None)
        patterns: list[tuple[str, str]] = [(ADDRESS, p) for a in context.addresses for p in _address_patterns(a)]
        patterns.extend((known.type, _flexible(known.value)) for known in context.ids)
        self._patterns = [
            (kind, re.compile(rf"(?i)(?<![A-Za-z0-9]){pattern}(?![A-Za-z0-9])")) for kind, pattern in patterns
        ]

    def detect(self, text: str) -> Sequence[Finding]:
        findings = [
            Finding(term.kind, start, end, 1.0, self.name, "known_name") for start, end, term in self._names.find(text)
        ]
        if self._dobs:
            findings.extend(
                Finding(DOB, start, end, 1.0, self.name, "known_dob")
                for start, end, date in find_dates(text)
                if date in self._dobs
            )
        for kind, pattern in self._patterns:
            findings.extend(
                Finding(kind, m.start(), m.end(), 1.0, self.name, "known_" + kind.lower())
                for m in pattern.finditer(text)
            )
        return findings

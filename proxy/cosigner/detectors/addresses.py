"""Street addresses: a house number (or flat) + street name + street suffix, extended over the town and
postcode that follow.  A town alone is not an identifier; a postcode alone is caught by the postcode detector.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cosigner.detectors import Finding
from cosigner.detectors.kinds import ADDRESS

_SUFFIX = (
    r"(?:road|rd|street|st|avenue|ave|av|lane|ln|close|cl|drive|dr|way|court|ct|crescent|cres|place|pl|terrace|"
    r"terr|tce|gardens|gdns|grove|gr|hill|park|square|sq|mews|view|walk|rise|row|parade|pde|green|croft|fold|"
    r"gate|vale|wharf|yard|mount|boulevard|blvd|broadway|estate|heights|hollow|meadow|meadows|end|wynd|brae|"
    r"chase|circle|cir|highway|hwy|pike|trail|trl|parkway|pkwy|plaza|loop|alley|quay|embankment|approach|"
    r"causeway|promenade|path|passage|bank|side|field|fields|common|village|manor)\b\.?"
)
_UNIT = r"(?:(?:flat|apartment|apt|unit|room|suite|ste|floor)\.?\s*#?\s*\w{1,5}[,\s]+)?"
_HOUSE = (
    r"(?:\d{1,5}[A-Za-z]?(?:\s*[-/]\s*\d{1,5}[A-Za-z]?)?"
    r"|(?:[A-Z][a-z]+\s){1,2}(?:house|cottage|lodge|farm|court|hall|mill|barn))"
)
_STREET_WORDS = r"(?:[A-Z][A-Za-z'’\-]*\.?\s+){0,3}[A-Z][A-Za-z'’\-]*\s+"
_STREET = re.compile(
    rf"(?<![\w])(?i:{_UNIT})(?:(?i:{_HOUSE})\s*,?\s+{_STREET_WORDS}(?i:{_SUFFIX})"
    rf"|(?i:flat|apartment|apt|unit)\s*\d{{1,4}}[A-Za-z]?,\s*(?:[A-Z][A-Za-z'’\-]*\s+){{1,3}}(?i:house|court|lodge|tower|building|mansions|point))"
)
# what may follow the street line: ", Town", "\nTown", ", ST 12345", a UK postcode, up to four parts
_TAIL_PART = re.compile(
    r"(?:,|\n)?[ \t]*(?:"
    r"(?i:apt|apartment|suite|ste|unit|flat)\.?\s*#?\s*\w{1,5}\b"
    r"|[A-Z]{2}\s+\d{5}(?:-\d{4})?"
    r"|\d{5}(?:-\d{4})?"
    r"|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"
    r")"
    r"|(?:,|\n)[ \t]*(?:[A-Z][A-Za-z'’\-]+)(?:[ \t]+[A-Z][A-Za-z'’\-]+){0,2}\b"
)
_TAIL_STOP = frozenset(
    {
        "on",
        "at",
        "the",
        "and",
        "she",
        "he",
        "they",
        "we",
        "i",
        "it",
        "this",
        "with",
        "tel",
        "telephone",
        "phone",
        "mobile",
        "mob",
        "email",
        "e-mail",
        "dob",
        "nhs",
        "ni",
        "ref",
        "date",
        "school",
        "gp",
        "contact",
        "but",
        "so",
        "who",
        "which",
        "where",
        "when",
        "from",
        "for",
        "to",
        "in",
        "her",
        "his",
        "their",
        "mum",
        "dad",
        "since",
        "until",
        "after",
        "before",
    }
)


class AddressDetector:
    name = "address"

    def detect(self, text: str) -> Sequence[Finding]:
        findings: list[Finding] = []
        for match in _STREET.finditer(text):
            start, end = match.span()
            end = self._extend(text, end)
            findings.append(Finding(ADDRESS, start, end, 0.85, self.name, "street_line"))
        return findings

    @staticmethod
    def _extend(text: str, end: int) -> int:
        for _ in range(4):
            part = _TAIL_PART.match(text, end)
            if part is None or part.end() == end:
                break
            body = part.group().strip(" ,\n\t")
            first = body.split()[0].lower() if body.split() else ""
            if first in _TAIL_STOP:
                break
            sep = text[end : part.start() + len(part.group()) - len(part.group().lstrip(",\n \t"))]
            if sep.count("\n") > 1:
                break
            end = part.end()
        return end

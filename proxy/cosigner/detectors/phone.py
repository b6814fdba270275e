"""UK and international phone numbers: a cheap candidate pattern, then `phonenumbers` (region GB, POSSIBLE).

Ofcom's drama ranges (07700 900xxx, 01632 960xxx) are possible but not valid numbers, so validity is not
required: test data and GOV.UK examples use them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import phonenumbers

from cosigner.detectors import Finding
from cosigner.detectors._text import has_label
from cosigner.detectors.kinds import PHONE

_CANDIDATE = re.compile(
    r"(?<![\w+])(?:\+|00|\(\+?)?\d[\d \t\-.()\n]{6,20}\d(?:\s?(?:ext\.?|x)\s?\d{1,5})?(?![\w])"
)
_LABELS = (
    "tel",
    "phone",
    "mobile",
    "mob",
    "telephone",
    "contact",
    "call",
    "landline",
    "number",
    "ring",
    "text",
    "whatsapp",
    "fax",
    "contact number",
    "tel no",
    "phone no",
    "on",
)


class PhoneDetector:
    name = "phone"

    def detect(self, text: str) -> Sequence[Finding]:
        findings: list[Finding] = []
        for match in _CANDIDATE.finditer(text):
            raw = match.group()
            digits = sum(c.isdigit() for c in raw)
            if digits < 9 or digits > 16 or raw.count("\n") > 1:
                continue
            if "/" in raw:
                continue
            start, end = match.span()
            plus_or_zero = raw.lstrip("(").startswith(("+", "0"))
            if not plus_or_zero and not has_label(text, start, _LABELS):
                continue
            try:
                parsed = phonenumbers.parse(raw.replace("\n", " "), "GB")
            except phonenumbers.NumberParseException:
                continue
            if not phonenumbers.is_possible_number(parsed):
                continue
            # trim an unmatched trailing parenthesis the candidate pattern may have taken
            while (
                end > start
                and text[end - 1] in ")("
                and text[start:end].count("(") < text[start:end].count(")")
            ):
                end -= 1
            findings.append(Finding(PHONE, start, end, 0.9, self.name, "phonenumbers_possible"))
        return findings

"""UK and international phone numbers: a cheap candidate pattern, then `phonenumbers` (region GB, POSSIBLE).

Ofcom's drama ranges (07700 900xxx, 01632 960xxx) are possible but not valid numbers, so validity is not
required: test data and GOV.UK examples use them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import phonenumbers

from cosigner.detectors import Finding
from cosigner.detectors._keywords import finditer_in_digit_windows
from cosigner.detectors._text import has_label
from cosigner.detectors.kinds import PHONE

_CANDIDATE = re.compile(
    r"(?<![\w+])(?:\+|00|\(\+?)?\d(?:(?:[ \t\-.()]{1,3}|\n)?\d){5,16}(?:\s?(?:ext\.?|x)\s?\d{1,5})?(?![\w])"
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
    "ring",
    "text",
    "whatsapp",
    "fax",
    "contact number",
    "tel no",
    "phone no",
    "on",
    "at",
    "to",
    "number",
    "cell",
    "desk",
    "office",
    "home",
    "work",
    "registered",
    "reach",
    "dial",
    "m",
    "t",
    "h",
    "w",
)
_WORDS_AFTER = r"(?:office|fax|mobile|mob|home|work|cell|desk|landline|tel)\b"
_LABELS_AFTER = re.compile(r"(?i)\s*[-(,]?\s*" + _WORDS_AFTER)
_EXTENSION = re.compile(r"\s?(?:ext\.?|x)\s?\d{1,5}$")
_LINE_PIECE = re.compile(r"[^\n]+")
_US_SHAPE = re.compile(r"^\(?\d{3}\)?[ \-.]?\d{3}[ \-.]\d{4}$")
# six-digit local numbers in groups ("33 93 31", "615-181"): phones only with a phone word right beside them
_SHORT = re.compile(r"\d{2,3}(?:[ \-.]\d{2,3}){1,2}")
_SHORT_LABELS = (
    "tel",
    "phone",
    "telephone",
    "mobile",
    "mob",
    "call",
    "ring",
    "dial",
    "fax",
    "landline",
    "whatsapp",
    "text",
    "extension",
    "ext",
    "phone number",
    "contact number",
    "tel no",
)
_SHORT_LABELS_AFTER = re.compile(r"(?i)[ \t]*[-(,]?[ \t]*" + _WORDS_AFTER)  # on the same line only
_DATE_SHAPE = re.compile(r"(\d{1,2})[ \-.](\d{1,2})[ \-.](\d{2}|\d{4})")


class PhoneDetector:
    name = "phone"

    def detect(self, text: str) -> Sequence[Finding]:
        findings: list[Finding] = []
        for match in finditer_in_digit_windows(_CANDIDATE, text):
            start, end = match.span()
            finding = self._judge(text, start, end)
            if finding is None and "\n" in match.group():
                # two numbers on consecutive lines ("Portugal 30971\n21 253 109 8211"): judge each line alone
                for line in _LINE_PIECE.finditer(text, start, end):
                    piece = self._judge(text, line.start(), line.end())
                    if piece is not None:
                        findings.append(piece)
            elif finding is not None:
                findings.append(finding)
        return findings

    def _short_number(self, text: str, start: int, end: int) -> Finding | None:
        raw = text[start:end]
        if not _SHORT.fullmatch(raw) or len({c for c in raw if not c.isdigit()}) != 1:
            return None  # one separator throughout, or it is a time and a number ("10.30 11")
        date = _DATE_SHAPE.fullmatch(raw)
        if date and 1 <= int(date.group(1)) <= 31 and 1 <= int(date.group(2)) <= 12:
            return None  # "12 05 24" reads as a date
        if has_label(text, start, _SHORT_LABELS, width=30, max_words_after=1) or _SHORT_LABELS_AFTER.match(text, end):
            return Finding(PHONE, start, end, 0.8, self.name, "labelled_local_number")
        return None

    def _judge(self, text: str, start: int, end: int) -> Finding | None:
        raw = text[start:end]
        digits = sum(c.isdigit() for c in _EXTENSION.sub("", raw))
        if digits == 6 and "\n" not in raw:
            return self._short_number(text, start, end)
        if digits < 7 or digits > 16 or raw.count("\n") > 1 or "/" in raw:
            return None
        plus_or_zero = raw.lstrip("(").startswith(("+", "0"))
        if not self._is_phone(raw, digits, plus_or_zero, lambda: _labelled(text, start, end)):
            return None
        # trim an unmatched trailing parenthesis the candidate pattern may have taken
        while end > start and text[end - 1] in ")(" and text[start:end].count("(") < text[start:end].count(")"):
            end -= 1
        return Finding(PHONE, start, end, 0.9, self.name, "phonenumbers_possible")

    @staticmethod
    def _is_phone(raw: str, digits: int, plus_or_zero: bool, labelled: Callable[[], bool]) -> bool:
        """``labelled`` is asked only when the number's shape does not settle it (most UK numbers do)."""
        if plus_or_zero and digits >= 9:
            if _uk_shape(raw):
                return True  # the common case, without parsing: a UK number of a possible length
            try:
                parsed = phonenumbers.parse(raw.replace("\n", " "), "GB")
            except phonenumbers.NumberParseException:
                parsed = None
            if parsed is not None and phonenumbers.is_possible_number(parsed):
                return True
        if labelled():
            # a labelled run of 7+ digits in phone-like groups: foreign and local numbers without a prefix
            return True
        return digits == 10 and bool(_US_SHAPE.match(raw.strip()))


def _labelled(text: str, start: int, end: int) -> bool:
    return has_label(text, start, _LABELS, width=30, max_words_after=1) or bool(_LABELS_AFTER.match(text, end))


def _uk_shape(raw: str) -> bool:
    """0 + 9 or 10 digits, or +44/0044 (with an optional "(0)") + 9 or 10: lengths phonenumbers calls possible."""
    body = _EXTENSION.sub("", raw)
    digits = "".join(c for c in body if c.isdigit())
    stripped = body.lstrip(" (")
    if stripped.startswith("+44") or stripped.startswith("0044"):
        national = digits[2:] if stripped.startswith("+") else digits[4:]
        national = national[1:] if national.startswith("0") else national
        return len(national) in (9, 10) and national[0] in "123578"
    return (
        stripped.startswith("0") and not stripped.startswith("00") and len(digits) in (10, 11) and digits[1] in "123578"
    )

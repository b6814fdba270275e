"""Dates of birth: a date is a DOB when labelled (DOB, born, b.) or tied to a person's age; others are left.

UK text is day-first: 13/05/2025, 17th September 2012, 17.9.12, 2012-09-17, 17 Sep 2012.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence

from cosigner.detectors import Finding
from cosigner.detectors._keywords import KeywordWindows
from cosigner.detectors._text import has_digit, window_before
from cosigner.detectors.kinds import DOB

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_SEP = r"[ \t]*[/.\-][ \t]*"
_DATE = re.compile(
    r"(?i)(?<![\w/.\-])(?:"
    rf"(?P<d1>\d{{1,2}}){_SEP}(?P<m1>\d{{1,2}}){_SEP}(?P<y1>\d{{4}}|\d{{2}})"
    rf"|(?P<y2>\d{{4}}){_SEP}(?P<m2>\d{{1,2}}){_SEP}(?P<d2>\d{{1,2}})"
    rf"|(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?(?:[ \t]+of)?[ \t,]*{_MONTH}[ \t,]+(?P<y3>\d{{4}}|'?\d{{2}})"
    rf"|{_MONTH.replace('mon', 'mon2')}[ \t]+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+(?P<y4>\d{{4}})"
    r")(?![\w/])"
)
_LABELS = (
    "dob",
    "d.o.b",
    "d o b",
    "date of birth",
    "born",
    "born on",
    "b.",
    "birth date",
    "birthdate",
    "birthday",
    "d.o.b.",
    "dob:",
    "date of birth:",
)
_AGE_AFTER = re.compile(
    r"(?i)^[\s,;)\-]*(?:\(?\s*(?:age[d]?|now)\s*\d{1,3}|\d{1,3}\s*(?:yrs?|years?)(?:\s*old)?|"
    r"\d{1,3}\s*y/?o\b|\(\s*\d{1,3}\s*\))"
)
_AGE_BEFORE = re.compile(
    r"(?i)(?:age[d]?\s*\d{1,3}|\d{1,3}\s*(?:yrs?|years?)(?:\s*old)?|\(\s*\d{1,3}\s*\))"
    r"[\s,;(\-]*(?:dob|born|b\.)?[\s:,(]*$"
)
_PERSON_BEFORE = re.compile(r"[A-Z][a-z'’\-]+\s*[(,]\s*$")


def parse_date(match: re.Match[str]) -> dt.date | None:
    g = match.groupdict()
    try:
        if g["d1"]:
            day, month, year = int(g["d1"]), int(g["m1"]), _year(g["y1"])
            if month > 12 >= day:
                day, month = month, day  # month-first (US) when day-first is impossible
        elif g["y2"]:
            day, month, year = int(g["d2"]), int(g["m2"]), int(g["y2"])
        elif g["d3"]:
            day, month, year = int(g["d3"]), _MONTHS[g["mon"].lower().rstrip(".")], _year(g["y3"])
        else:
            day, month, year = int(g["d4"]), _MONTHS[g["mon2"].lower().rstrip(".")], _year(g["y4"])
        return dt.date(year, month, day)
    except (ValueError, KeyError):
        return None


def _year(raw: str) -> int:
    raw = raw.lstrip("'")
    if len(raw) == 4:
        return int(raw)
    value = int(raw)
    # two-digit years in case notes: 00-39 are this century, the rest the last one
    return 2000 + value if value < 40 else 1900 + value


def find_dates(text: str) -> Iterator[tuple[int, int, dt.date]]:
    if not has_digit(text):
        return
    for match in _DATE.finditer(text):
        parsed = parse_date(match)
        if parsed is not None:
            yield match.start(), match.end(), parsed


def _is_labelled(text: str, start: int) -> bool:
    before = window_before(text, start, 32).rstrip(" \t:-–(,")
    words = before.replace("\n", " ")
    for label in _LABELS:
        if words.endswith(label.rstrip(":")):
            head = words[: len(words) - len(label.rstrip(":"))]
            if not head or not head[-1].isalnum():
                return True
    tail = (" " + " ".join(re.sub(r"[^a-z0-9.]+", " ", words[-32:]).split()) + " ").replace(". ", " ")
    for label in ("dob", "d.o.b", "date of birth", "born"):
        at = tail.rfind(f" {label} ")
        if at != -1 and not any(c.isdigit() for c in tail[at + len(label) + 2 :]):
            return True
    return False


def _tied_to_age(text: str, start: int, end: int) -> bool:
    after = text[end : end + 24]
    if _AGE_AFTER.match(after):
        return True
    before = text[max(0, start - 30) : start]
    return bool(_AGE_BEFORE.search(before))


_DOB_KEYS = KeywordWindows(
    ("dob", "d.o.b", "d o b", "birth", "born", "b.", "age", "aged", "years", "yrs", "y/o", "old", "("),
    before=48,
    after=48,
    word_start=False,
    word_end=False,
)


def _dates_near_keywords(text: str) -> Iterator[tuple[int, int, dt.date]]:
    last_end = -1
    for lo, hi in _DOB_KEYS.windows(text):
        for match in _DATE.finditer(text, lo, hi):
            parsed = parse_date(match)
            if parsed is not None and match.start() >= last_end:
                last_end = match.end()
                yield match.start(), match.end(), parsed


class DobDetector:
    name = "dob"

    def detect(self, text: str) -> Sequence[Finding]:
        findings: list[Finding] = []
        if not has_digit(text):
            return findings
        for start, end, _date in _dates_near_keywords(text):
            if _is_labelled(text, start):
                findings.append(Finding(DOB, start, end, 0.95, self.name, "dob_labelled"))
            elif _tied_to_age(text, start, end):
                findings.append(Finding(DOB, start, end, 0.85, self.name, "dob_with_age"))
            elif (
                _PERSON_BEFORE.search(text[max(0, start - 30) : start])
                and _date.year >= 1900
                and (text[start - 1 : start] in ("(", " ") and text[end : end + 1] == ")")
            ):
                findings.append(Finding(DOB, start, end, 0.7, self.name, "dob_after_name"))
        return findings

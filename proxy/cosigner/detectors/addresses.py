"""Street addresses: a house number (or flat) + street name + street suffix, extended over the town and
postcode that follow.  A town alone is not an identifier; a postcode alone is caught by the postcode detector.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cosigner.detectors import Finding
from cosigner.detectors._keywords import KeywordWindows, finditer_in_digit_windows
from cosigner.detectors._text import has_digit
from cosigner.detectors.kinds import ADDRESS
from cosigner.detectors.lexicon import load_sections
from cosigner.detectors.term_matcher import lower_same_length

_SUFFIX = (
    r"(?:road|rd|street|st|avenue|ave|av|lane|ln|close|cl|drive|dr|way|court|ct|crescent|cres|place|pl|terrace|"
    r"terr|tce|gardens|gdns|grove|gr|hill|park|square|sq|mews|view|walk|rise|row|parade|pde|green|croft|fold|"
    r"gate|vale|wharf|yard|mount|boulevard|blvd|broadway|estate|heights|hollow|meadow|meadows|end|wynd|brae|"
    r"chase|circle|cir|highway|hwy|pike|trail|trl|parkway|pkwy|plaza|loop|alley|quay|embankment|approach|"
    r"causeway|promenade|path|passage|bank|side|field|fields|common|village|manor)\b\.?"
)
_UNIT = r"(?:(?:flat|apartment|apt|unit|room|suite|ste|floor)\.?\s*#?\s*\w{1,5}[,\s]+)?"
_HOUSE = (
    r"(?:(?:\d{1,5}\s+)?\d{1,5}[A-Za-z]?(?:\s*[-/]\s*\d{1,5}[A-Za-z]?)?"
    r"|(?:[A-Z][a-z]+\s){1,2}(?:house|cottage|lodge|farm|court|hall|mill|barn))"
)
_STREET_WORDS = r"(?:[A-Z][A-Za-z'’\-]*\.?\s+){0,3}[A-Z][A-Za-z'’\-]*\s+"
_UPPER = r"[A-ZÀ-ÖØ-ÞĀ-ſΑ-ΩА-Я]"
_WORD = r"[^\W\d_](?:[^\W\d_]|['’\-])*"
_STREET = re.compile(
    rf"(?<![\w])(?i:{_UNIT})(?:(?i:{_HOUSE})\s*,?\s+{_STREET_WORDS}(?i:{_SUFFIX})"
    rf"|(?i:flat|apartment|apt|unit)\s*\d{{1,4}}[A-Za-z]?,\s*(?:[A-Z][A-Za-z'’\-]*\s+){{1,3}}"
    r"(?i:house|court|lodge|tower|building|mansions|point))"
)
# Continental and other forms: "Pohlstrasse 9", "Via Roma 131", "ul. Grochowa 80", "5049 Harjukuja 54"
_EURO_SUFFIX = (
    r"(?:strasse|straße|str|weg|gasse|allee|platz|laan|straat|plein|gracht|katu|tie|kuja|gata|gatan|vej|gade|"
    r"vägen|veien|vegen|utca|braut|stræde|vænget|vei|väg|polku|rinne|torget|torg)"
)
_EURO_PREFIX = (
    r"(?:rua|via|viale|avda|avenida|calle|carrer|rue|ul|ulica|piazza|plaza|av|avenue|chemin|quai|largo|"
    r"travessa|praça)"
)
_HOUSE_BEFORE = r"(?<![\w])(?:\d{1,5}\s+)?"
_NUMBER_AFTER = r"\s+\d{1,5}[A-Za-z]?\b\.?"
# one pattern per keyword family, so each keyword window runs only the form it can start
_EURO_ENDING_STREET = re.compile(
    rf"{_HOUSE_BEFORE}(?:{_UPPER}{_WORD}\s+){{0,3}}[^\W\d_]*?(?i:{_EURO_SUFFIX})\.?{_NUMBER_AFTER}"
)
_EURO_PREFIX_STREET = re.compile(
    rf"{_HOUSE_BEFORE}(?i:{_EURO_PREFIX})\.?\s+(?:{_WORD}\.?\s+){{0,3}}?{_WORD}{_NUMBER_AFTER}"
)
_HUNGARIAN_STREET = re.compile(
    rf"{_HOUSE_BEFORE}(?:{_UPPER}{_WORD}\.?\s+){{0,3}}{_UPPER}{_WORD}\s+(?i:u|út|tér|utca)\.?{_NUMBER_AFTER}"
)
# later words of a street name: capitalised (any script, "Άμμος"), or short lower-case particles ("u.", "de")
_WORD_LATER = r"[^\W\d_a-z](?:[^\W\d_]|['’\-])*|[a-zà-ÿ]{1,3}"
_NUMBER_NAME_NUMBER = re.compile(
    # digit-led (the lookbehind after the first digit means the same) so the engine skips to digits in C
    rf"\d(?<![\w.,/:-]\d)\d{{1,4}}[ \t]+{_UPPER}{_WORD}\.?[ \t]+(?:(?:{_WORD_LATER})\.?[ \t]+){{0,3}}\d{{1,5}}\b"
)
_MILITARY = re.compile(
    r"(?i)(?<![\w])(?:psc|unit|cmr)\s+\d{3,5},?\s+box\s+\d{3,5}\s*\n?\s*(?:apo|fpo|dpo)\s+[a-z]{2}\s+\d{5}"
)
_UNIT_ONLY = re.compile(r"(?<![\w])(?:Apt|Apartment|Suite|Ste)\.?\s*#?\s*\d{1,5}[A-Za-z]?\b")
# what may follow the street line: ", Town", "\nTown", ", ST 12345", a UK postcode, up to four parts
_TAIL_PART = re.compile(
    r"(?:,|\n)?[ \t]*(?:"
    r"(?i:apt|apartment|suite|ste|unit|flat)\.?\s*#?\s*\w{1,5}\b"
    r"|[A-Z]{2}\s+\d{5}(?:-\d{4})?"
    r"|\d{5}(?:-\d{4})?"
    r"|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"
    r")"
    r"|(?:,|\n)[ \t]*(?:" + _UPPER + _WORD + r")(?:[ \t]+" + _UPPER + _WORD + r"){0,2}\b"
)
_WORDS = load_sections("address_words.txt")
_SUFFIX_WORDS = _WORDS["street_suffixes"]
_EURO_WORDS = _WORDS["continental_prefixes"]
_EURO_ENDINGS = _WORDS["continental_endings"]
_TAIL_STOP = _WORDS["tail_stop"]
_NOT_STREET_WORDS = _WORDS["not_street_words"]
_STREET_KEYS = KeywordWindows(_SUFFIX_WORDS, before=90, after=2, digit_near=True)
_EURO_KEYS = KeywordWindows(_EURO_WORDS, before=8, after=70, digit_near=True)
_HUNGARIAN_KEYS = KeywordWindows(("u", "út", "tér", "utca"), before=70, after=12, digit_near=True)
_EURO_END_KEYS = KeywordWindows(_EURO_ENDINGS, before=70, after=12, word_start=False, digit_near=True)
_BOX_KEYS = KeywordWindows(("box",), before=16, after=40)
_UNIT_KEYS = KeywordWindows(("apt", "apartment", "suite", "ste"), before=1, after=12)


class AddressDetector:
    name = "address"

    def detect(self, text: str) -> Sequence[Finding]:
        if not has_digit(text):
            return []
        lowered = lower_same_length(text)
        findings: list[Finding] = []
        seen: set[tuple[int, int]] = set()
        scans = (
            (_STREET_KEYS.finditer(_STREET, text, lowered), "street_line"),
            (_EURO_KEYS.finditer(_EURO_PREFIX_STREET, text, lowered), "continental_street"),
            (_EURO_END_KEYS.finditer(_EURO_ENDING_STREET, text, lowered), "continental_street"),
            (_HUNGARIAN_KEYS.finditer(_HUNGARIAN_STREET, text, lowered), "continental_street"),
            (finditer_in_digit_windows(_NUMBER_NAME_NUMBER, text), "number_name_number"),
            (_BOX_KEYS.finditer(_MILITARY, text, lowered), "military_address"),
            (_UNIT_KEYS.finditer(_UNIT_ONLY, text, lowered), "unit_line"),
        )
        for matches, rule in scans:
            for match in matches:
                start, end = match.span()
                if (start, end) in seen:
                    continue
                seen.add((start, end))
                if rule == "number_name_number" and not self._plausible(text, start, end):
                    continue
                end = self._extend(text, end)
                findings.append(Finding(ADDRESS, start, end, 0.85, self.name, rule))
        return findings

    @staticmethod
    def _plausible(text: str, start: int, end: int) -> bool:
        """ "5049 Harjukuja 54" but not "2 Section 47" or "12 May 2025": no care terms or months inside."""
        words = [w.strip(".").lower() for w in text[start:end].split()[1:-1]]
        return not any(w in _NOT_STREET_WORDS for w in words)

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
        return _extend_block(text, end)


_LINE_PREFIX = re.compile(r"[ \t>?|*\-]*")
_BLOCK_LINE = re.compile(r"[\w .,'’()/#\-]{1,45}")


def _extend_block(text: str, end: int) -> int:
    """An address block goes on over following short lines (unit, town, region, country + postcode), up to a
    blank line, a line with a label ("Tel", "Email") or anything that reads like a sentence."""
    for _ in range(5):
        line_end = text.find("\n", end)
        if line_end == -1 or text[end:line_end].strip(" ,\t"):
            return end  # the address line itself goes on with other text
        start = line_end + 1
        prefix = _LINE_PREFIX.match(text, start)
        body_start = prefix.end() if prefix else start
        next_break = text.find("\n", body_start)
        body_end = len(text) if next_break == -1 else next_break
        body = text[body_start:body_end].rstrip()
        if not body or not _BLOCK_LINE.fullmatch(body) or len(body.split()) > 5:
            return end
        first = body.split()[0].lower().strip(",.:")
        if first in _TAIL_STOP or (body.endswith(".") and len(body.split()) > 2):
            return end
        end = body_start + len(body)
    return end

"""Street addresses: a street line (house number + street name + street type, or the continental forms with
the number after the name), "P.O. Box N", ship and forces addresses, labelled zip codes; each grown over the
flat, town, region, country and postcode that follow (address_blocks.py).  Streets named inside a phrase
("the corner of A and B", "lives on Anderson Street") are in address_phrases.py.  A town alone is not an
identifier; a postcode alone is caught by the postcode detector.

Every form is anchored on a keyword: one Aho-Corasick pass finds the keywords of all forms (address_scan.py),
and each pattern runs only in the small windows around its keywords that have a digit nearby.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cosigner.detectors import Finding
from cosigner.detectors._keywords import finditer_in_digit_windows
from cosigner.detectors._text import has_digit
from cosigner.detectors.address_blocks import extend_head, extend_tail
from cosigner.detectors.address_phrases import (
    NAMED_STREET_TYPES,
    corners,
    junction_start,
    named_streets,
    streets_in_phrases,
)
from cosigner.detectors.address_scan import AddressAnchors, Family, matches_in
from cosigner.detectors.address_words import NOT_STREET_WORDS as _NOT_STREET_WORDS
from cosigner.detectors.address_words import PARTICLES as _PARTICLES
from cosigner.detectors.address_words import STOP as _STOP
from cosigner.detectors.address_words import UPPER as _UPPER
from cosigner.detectors.address_words import WORD as _WORD
from cosigner.detectors.address_words import WORDS as _WORDS
from cosigner.detectors.address_words import alternation as _alternation
from cosigner.detectors.kinds import ADDRESS
from cosigner.detectors.term_matcher import lower_same_length

# "Year 6 Oak Park", "Section 47 Mill Lane": a number after these words is not a house number
_NOT_BEFORE_HOUSE = _NOT_STREET_WORDS - _WORDS["tail_stop"] - {"and", "or", "of", "in", "on", "at", "the", "to"}

_PARTICLE = r"(?:van|von|de|der|den|la|le|du|di|da|del)"
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_SUFFIX = rf"(?:{_alternation(_WORDS['street_suffixes'])})\b\.?"
_UNIT = r"(?:(?:flat|apartment|apt|unit|room|suite|ste|floor)\.?\s*#?\s*\w{1,5}[,\s]+)?"
_STREET_WORD = rf"(?:{_UPPER}{_WORD}|{_ORDINAL})"
_STREET_NAME = rf"(?:{_STREET_WORD}\.?\s+){{0,3}}{_STREET_WORD}\s+(?i:{_SUFFIX})"
# digit-led (the lookbehind after the first digit means "not inside a word") so the engine skips to digits in C;
# a flat before the number is taken in by extend_head
_STREET = re.compile(
    rf"\d(?<![\w]\d)\d{{0,4}}(?:\s+\d{{1,5}})?[A-Za-z]?(?:\s*[-/]\s*\d{{1,5}}[A-Za-z]?)?\s*,?\s+{_STREET_NAME}"
)
# "Rose Cottage, Mill Lane", "Flat 3, Rowan Court": a house name or a flat in a named building
_HOUSE_WORDS = ("house", "cottage", "lodge", "farm", "court", "hall", "mill", "barn", "tower", "building", "mansions")
_NAMED_HOUSE = re.compile(
    rf"(?<![\w])(?i:{_UNIT})(?:(?:[A-Z][a-z]+\s){{1,2}}(?i:house|cottage|lodge|farm|court|hall|mill|barn)\s*,?\s+"
    rf"{_STREET_NAME}|(?i:flat|apartment|apt|unit)\s*\d{{1,4}}[A-Za-z]?,\s*(?:[A-Z][A-Za-z'’\-]*\s+){{1,3}}"
    r"(?i:house|court|lodge|tower|building|mansions|point))"
)
# an all-lower-case street line ("3911 fourth avenue"), kept only when address parts follow it
_LOWER_STREET = re.compile(
    r"\d(?<![\w]\d)\d{0,4}[a-z]?[ \t]+(?:[a-zà-ÿ][\w'\-]*[ \t]+){0,2}[a-zà-ÿ][\w'\-]*[ \t]+"
    r"(?:road|street|avenue|lane|drive|close|way|court|crescent|place|terrace|gardens|grove|boulevard|parkway|highway"
    r"|square)\b\.?"
)
_EURO_PREFIX = rf"(?:{_alternation(_WORDS['continental_prefixes'])})"
_EURO_SUFFIX = rf"(?:{_alternation(_WORDS['continental_endings'])})"
_EURO_WORDS = rf"(?:{_alternation(_WORDS['continental_words'])})"
_HOUSE_BEFORE = r"(?<![\w])(?:\d{1,5}\s+)?"
_NUMBER_AFTER = r"\s+\d{1,5}[A-Za-z]?\b\.?"
_EURO_ENDING_STREET = re.compile(
    rf"{_HOUSE_BEFORE}(?:{_UPPER}{_WORD}\s+){{0,3}}[^\W\d_]*?(?i:{_EURO_SUFFIX})\.?{_NUMBER_AFTER}"
)
_EURO_WORD_STREET = re.compile(
    rf"{_HOUSE_BEFORE}(?:{_UPPER}{_WORD}\.?\s+)(?:{_WORD}\.?\s+){{0,2}}(?i:{_EURO_WORDS})\.?{_NUMBER_AFTER}"
)
_EURO_PREFIX_STREET = re.compile(
    rf"{_HOUSE_BEFORE}(?i:{_EURO_PREFIX})\.?\s+(?:{_WORD}\.?\s+){{0,5}}?{_WORD}{_NUMBER_AFTER}"
)
# "31 rue de Pologne", "76 Boulevard de Normandie": number first, then the street type and its name
_NUMBERED_PREFIX_STREET = re.compile(
    rf"(?<![\w.,/:-])\d{{1,5}}[A-Za-z]?,?[ \t]+(?i:{_EURO_PREFIX})\.?[ \t]+{_WORD}(?:[ \t]+{_WORD}){{0,5}}"
)
_HUNGARIAN = rf"(?:u\.|{_alternation(_WORDS['hungarian_types'] - {'u'})})"
_HUNGARIAN_STREET = re.compile(
    rf"{_HOUSE_BEFORE}(?:{_UPPER}{_WORD}\.?\s+(?:{_WORD}\.?\s+){{0,3}}|(?:{_WORD}\s+){{1,3}}(?=[^u]))"
    rf"(?i:{_HUNGARIAN})\.?{_NUMBER_AFTER}"
)
# later words of a street name: capitalised (any script, "Άμμος"), or short lower-case particles ("u.", "de")
_WORD_LATER = r"[^\W\d_a-z](?:[^\W\d_]|['’\-])*|[a-zà-ÿ]{1,3}"
_NUMBER_NAME_NUMBER = re.compile(
    # digit-led (the lookbehind after the first digit means the same) so the engine skips to digits in C
    # the first word may be one letter ("928 Λ. Αλεξάνδρας 14") or lower-case (kept only when a block follows)
    rf"\d(?<![\w.,/:-]\d)\d{{1,4}}[ \t]+[^\W\d_](?:[^\W\d_]|['’\-∆])*\.?[ \t]+(?:(?:{_WORD_LATER})\.?[ \t]+){{0,3}}"
    r"\d{1,5}\b"
)
# "Storgarden 52 Trajanka Forks": a street with its number, then a named block or estate
# (digit-led for speed; the street name before the number is found by _NAME_BEFORE).  Types that also end a
# street line ("Road") are left to _STREET.
_ESTATE_TYPES = _WORDS["continuation_suffixes"] - _WORDS["street_suffixes"]
_NUMBER_PLACE = re.compile(
    rf"\d(?<![\w]\d)\d{{0,4}}[A-Za-z]?[ \t]+(?:(?:{_UPPER}{_WORD}|{_PARTICLE})[ \t]+){{1,3}}"
    rf"(?i:{_alternation(_ESTATE_TYPES)})\b"
)
_NAME_BEFORE = re.compile(rf"(?<![\w])(?:{_UPPER}{_WORD}[ \t]+){{1,3}}$")
_MILITARY = re.compile(
    r"(?i)(?<![\w])(?:psc|unit|cmr)\s+\d{3,5},?\s+box\s+\d{3,5}\s*\n?\s*(?:apo|fpo|dpo)\s+[a-z]{2}\s+\d{5}"
)
_SHIP = re.compile(
    r"(?i)(?<![\w])(?:usns|uss|usnv|uscgc|usnr)[ \t]+[^\W\d_][\w'’\-]*(?:[ \t]+[^\W\d_][\w'’\-]*)?"
    r"[ \t]*\n?[ \t>]*(?:apo|fpo|dpo)[ \t]+a[aep][ \t]+\d{5}\b"
)
_PO_BOX = re.compile(
    r"(?i)(?<![\w])(?:p\.?[ \t]?o\.?[ \t]?box|post[ \t]?office[ \t]box|post[ \t]?box|postfach)[ \t]*#?[ \t]*\d{1,6}\b"
)
# "my zip code is 35649": a labelled postal code of digits (UK postcodes have their own detector)
_ZIP = re.compile(r"(?i)\b(?:zip|postal|post)[ \t]?code[ \t]*(?:is|:|=|-)?[ \t]*(?P<code>\d{4,6}(?:-\d{4})?)\b")
_UNIT_ONLY = re.compile(r"(?<![\w])(?:Apt|Apartment|Suite|Ste)\.?\s*#?\s*\d{1,5}[A-Za-z]?\b")

_ANCHORS_FAMILIES = (
    Family(_WORDS["street_suffixes"], before=90, after=2),
    Family(_ESTATE_TYPES, before=70, after=2),
    Family(_WORDS["continental_prefixes"], before=14, after=70),
    Family(_WORDS["continental_words"], before=70, after=12),
    Family(_WORDS["hungarian_types"], before=70, after=12),
    Family(_WORDS["continental_endings"], before=70, after=12, word_start=False),
    Family(("box", "postbox", "postfach"), before=20, after=40),
    Family(("zip", "postal", "post"), before=1, after=30),
    Family(("fpo", "apo", "dpo"), before=48, after=12),
    Family(("apt", "apartment", "suite", "ste"), before=1, after=12),
    Family((*_HOUSE_WORDS, "point", "flat", "unit"), before=32, after=64),
    Family(NAMED_STREET_TYPES, before=60, after=24, digit_near=False),
)
_ANCHORS = AddressAnchors(_ANCHORS_FAMILIES)
_UNIT_WORDS = frozenset({"apt", "apartment", "suite", "ste", "unit", "flat"})
_CHECKED_RULES = frozenset({"number_name_number", "street_and_block"})
_NAMED_STREET_ANCHORS = AddressAnchors((Family(NAMED_STREET_TYPES, before=60, after=24, digit_near=False),))
_AFTER_SUFFIX_RULES = frozenset({"street_line", "lower_case_street"})


class AddressDetector:
    name = "address"

    def detect(self, text: str) -> Sequence[Finding]:
        lowered = lower_same_length(text)
        spans: dict[tuple[int, int], str] = {}
        if "corner" in lowered:  # rare: one pass of the pattern over the whole text
            for span in corners(text):
                spans.setdefault(span, "street_corner")
        digits = has_digit(text)
        if digits:
            windows = _ANCHORS.windows(text, lowered)
        elif any(street_type in lowered for street_type in NAMED_STREET_TYPES):
            windows = [[]] * (len(_ANCHORS_FAMILIES) - 1) + _NAMED_STREET_ANCHORS.windows(text, lowered)
        else:
            return self._findings(spans)
        for span in named_streets(text, windows[-1]):
            spans.setdefault(span, "named_street")
        if not digits:
            return self._findings(spans)
        street, estate, prefix, words, hungarian, ending, box, zips, forces, unit, named, _ = windows
        for match in matches_in(_ZIP, text, zips):
            spans.setdefault(match.span("code"), "labelled_postal_code")
        scans = (
            (matches_in(_STREET, text, street), "street_line"),
            (matches_in(_NAMED_HOUSE, text, named), "street_line"),
            (matches_in(_LOWER_STREET, text, street), "lower_case_street"),
            (matches_in(_EURO_PREFIX_STREET, text, prefix), "continental_street"),
            (matches_in(_NUMBERED_PREFIX_STREET, text, prefix), "continental_street_before"),
            (matches_in(_EURO_ENDING_STREET, text, ending), "continental_street"),
            (matches_in(_EURO_WORD_STREET, text, words), "continental_street"),
            (matches_in(_HUNGARIAN_STREET, text, hungarian), "continental_street"),
            (finditer_in_digit_windows(_NUMBER_NAME_NUMBER, text), "number_name_number"),
            (matches_in(_NUMBER_PLACE, text, estate), "street_and_block"),
            (matches_in(_MILITARY, text, box), "military_address"),
            (matches_in(_PO_BOX, text, box), "po_box"),
            (matches_in(_SHIP, text, forces), "military_address"),
            (matches_in(_UNIT_ONLY, text, unit), "unit_line"),
        )
        for span in streets_in_phrases(text, lowered):
            spans.setdefault(span, "street_in_phrase")
        for matches, rule in scans:
            for match in matches:
                start, end = match.span()
                if rule == "street_and_block":
                    name = _NAME_BEFORE.search(text, max(0, start - 60), start)
                    if name is None:
                        continue
                    start = name.start()
                if rule == "continental_street":
                    start = _skip_little_words(text, start, end)
                if rule in _CHECKED_RULES and not _plausible(text, start, end):
                    continue
                if rule == "street_line" and _word_before(text, start) in _NOT_BEFORE_HOUSE:
                    continue
                if rule == "continental_street_before":
                    name_end = _trim_name(text, match)
                    if name_end is None:
                        continue
                    end = name_end
                lowercase = not any(c.isupper() for c in text[start:end])
                grown = extend_tail(text, end, lowercase, rule in _AFTER_SUFFIX_RULES)
                if grown == end and (
                    (rule == "lower_case_street" and not _at_line_end(text, end))
                    or (rule == "number_name_number" and not text[match.start() : match.end()].split()[1][0].isupper())
                ):
                    continue  # a lower-case street is taken only with the rest of its address
                spans.setdefault((junction_start(text, extend_head(text, start)), grown), rule)
        return self._findings(spans)

    def _findings(self, spans: dict[tuple[int, int], str]) -> list[Finding]:
        """One finding per address: spans inside a longer one are dropped (the engine would merge them)."""
        findings: list[Finding] = []
        reach = -1
        for (start, end), rule in sorted(spans.items(), key=lambda item: (item[0][0], -item[0][1])):
            if end <= reach:
                continue
            reach = max(reach, end)
            findings.append(Finding(ADDRESS, start, end, 0.85, self.name, rule))
        return findings


def _plausible(text: str, start: int, end: int) -> bool:
    """ "5049 Harjukuja 54" but not "2 Section 47", "12 May 2025" or "Year 6 Oak Park": no care terms, months
    or little words among the name's words."""
    words = [w.strip(".").lower() for w in text[start:end].split()[:-1]]
    return not any(w in _NOT_STREET_WORDS or w in _STOP for w in words)


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 16) : start].split()
    return words[-1].strip(".,:;(").lower() if words else ""


def _skip_little_words(text: str, start: int, end: int) -> int:
    """A pattern that allows lower-case street words may start on "on" or "at": start after them."""
    for word in re.finditer(r"\S+", text[start:end]):
        if word.group().lower() not in _STOP:
            return start + word.start()
    return end


def _trim_name(text: str, match: re.Match[str]) -> int | None:
    """The street name after "rue"/"avenue" ends before the first word that reads as prose."""
    end = None
    for index, word in enumerate(re.finditer(r"\S+", match.group())):
        if index < 2:
            continue  # the house number and the street type
        lower = word.group().lower()
        if lower in _PARTICLES:
            continue
        if lower in _STOP or lower.rstrip(".") in _UNIT_WORDS:
            break  # prose, or the flat that the block extension takes
        end = match.start() + word.end()
    return end


def _at_line_end(text: str, end: int) -> bool:
    rest = text[end : end + 2].lstrip(" \t")
    return not rest or rest[0] in "\n,"

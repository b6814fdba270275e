"""Propagation: a name found once is redacted everywhere in the request (bare first names, surnames)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from cosigner.detectors.kinds import PERSON
from cosigner.detectors.lexicon import LEXICON, RELATION_CUES, STRONG_CUES, TITLES, VERBS_AFTER_NAME
from cosigner.detectors.name_classify import not_a_name_shape
from cosigner.detectors.term_matcher import Term, preferred

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


_MAX_NAME_CHARS = 60
_MAX_NAME_WORDS = 6
# Names that are also among the most frequent English words: never propagated in lower case.
_FUNCTION_WORD_NAMES = frozenset(
    {
        "will",
        "may",
        "can",
        "mark",
        "hope",
        "pat",
        "bill",
        "rob",
        "ray",
        "frank",
        "guy",
        "rich",
        "sue",
        "dean",
        "joy",
        "miles",
        "chase",
        "grant",
        "faith",
        "art",
        "major",
        "long",
        "young",
        "white",
        "black",
        "brown",
    }
)


def name_terms(values: Iterable[str], kind: str = PERSON) -> list[Term]:
    """Terms for a found name, each of its parts, and the usual short forms of its first names.

    A name found written with a capital propagates only to capitalised mentions unless every word of it is a
    gazetteer name ("lisa" after "Lisa Jones"), so neither "Salesperson" nor the "Orchestra" of "The Exversion
    Orchestra", found as names, turns the lower-case word into one.  A name found in lower case
    ("mum (grace)") propagates to any case, except the few names that are everyday function words ("will").
    A capitalised-only part still matches a lower-case mention in a name's position (``lower_name_position``),
    and one that is no English word also right after a cue (``lower_after_cue_or_name_position``).

    One term per distinct text, merged as the matcher would (see ``TermMatcher``): the names of one request
    repeat their parts ("Kerry Nolan", "Kerry", "Kerry's"), so each distinct value and part is judged once.
    """
    terms: dict[str, Term] = {}
    seen: set[str] = set()
    parts_done: set[tuple[str, bool, bool]] = set()
    known_names: dict[str, bool] = {}

    def is_known(word: str) -> bool:
        known = known_names.get(word)
        if known is None:
            known = known_names[word] = _known_name(word)
        return known

    for value in values:
        value = value.strip(" .,'’")
        if value.lower().endswith(("'s", "’s")):
            value = value[:-2]
        if not value or value in seen:
            continue
        seen.add(value)
        found_lower = value[0].islower()
        found_capital = value[0].isupper()
        if len(value) <= _MAX_NAME_CHARS and value.count(" ") < _MAX_NAME_WORDS:
            # a run of capitalised words longer than any name (a heading) propagates only word by word
            capital_only = found_capital and not is_known(value)
            _merge(terms, Term(value, kind, capitalised_only=capital_only or _common(value, found_lower)))
        for part in _PART_SPLIT.split(value):
            key = (part, found_capital, found_lower)
            if key in parts_done:
                continue
            parts_done.add(key)
            part = part.strip(".'’")
            low = part.lower()
            if len(part) < 2 or low in _NOT_NAME_PART or low in LEXICON.care_terms:
                continue
            if part.isupper() and len(part) <= 2:
                continue  # initials are too short to propagate
            part_capital_only = found_capital and not is_known(part)
            capital_only = part_capital_only or _common(part, found_lower)
            context = None
            if capital_only:
                unknown = low not in LEXICON.english_common and not not_a_name_shape(low)
                context = lower_after_cue_or_name_position if unknown else lower_name_position
            _merge(terms, Term(part, kind, capital_only, context))
            for nickname in LEXICON.nicknames.get(low, ()):
                _merge(terms, Term(nickname.capitalize(), kind, capitalised_only=True))
    return list(terms.values())


def _merge(terms: dict[str, Term], term: Term) -> None:
    existing = terms.get(term.text)
    if existing is None or preferred(term, existing):
        terms[term.text] = term


def lower_name_position(text: str, start: int, end: int) -> bool:
    """A lower-case mention of a found name that stands where a name stands: first in its sentence or
    chronology entry and followed by a verb of a person ("hope was seen alone", "- blessing said")."""
    back = start - 1
    while back >= 0 and text[back] in _SKIP_BEFORE:
        back -= 1
    dash = back > 0 and text[back] in "-–" and text[back - 1] == " "
    if not (back < 0 or dash or text[back] in _SENTENCE_END):
        return False
    verb = _NEXT_WORD.match(text, end)
    return verb is not None and (verb.group(1) in VERBS_AFTER_NAME or verb.group(1) in _PERSON_AUXILIARIES)


def lower_after_cue_or_name_position(text: str, start: int, end: int) -> bool:
    """For a found name that is no English word ("Nowak"): also a lower-case mention right after a cue or title
    ("spoke to nowak", "mrs nowak"); a word like "orchestra" stays itself after ordinary words."""
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if before is not None and before.group(1).lower() in _CUES_BEFORE:
        return True
    return lower_name_position(text, start, end)


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.? \Z")
_CUES_BEFORE = (RELATION_CUES | TITLES | STRONG_CUES) - {"and", "or"}
_SKIP_BEFORE = frozenset(" \t\"'“‘(")
_SENTENCE_END = frozenset(".!?:;\n•*")
_NEXT_WORD = re.compile(r" ([a-z]+)\b")
_PERSON_AUXILIARIES = frozenset({"was", "is", "has", "had"})


def _known_name(value: str) -> bool:
    """Every word is a gazetteer name: safe to match in lower case too ("lisa" after "Lisa Jones")."""
    first_names, surnames = LEXICON.first_names, LEXICON.surnames
    for word in _PART_SPLIT.split(value.lower()):
        if word and word not in first_names and word not in surnames:
            return False
    return bool(value.strip())


def _common(value: str, found_lower: bool) -> bool:
    """Ordinary words match only capitalised - unless the name was found written in lower case."""
    lower = value.lower()
    if " " in value or lower not in LEXICON.english_common:
        return False
    return not found_lower or lower in _FUNCTION_WORD_NAMES

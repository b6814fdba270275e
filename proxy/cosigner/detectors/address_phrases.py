"""Streets named inside a phrase rather than written as an address line (pure).

- "the corner of 159 Kifisias Avenue and Rennie Union": both streets must read as names.
- "lives on Anderson Street": a street without its number after a place preposition.
- "on Pod Floriánem 1677.", "return to Leon and Eyrarodda 66 in case ...": name + number with no street type,
  only where the phrase names a place and the number ends it.
- "Spencer and Søndre Havnevej 65": the first street of a junction joins the second.
"""

from __future__ import annotations

import re

from cosigner.detectors.address_blocks import extend_tail, place_run_end, street_type_run_end
from cosigner.detectors.address_scan import matches_in
from cosigner.detectors.address_words import STOP, UPPER, WORD, WORDS, alternation

NAMED_STREET_TYPES = (
    "street",
    "road",
    "avenue",
    "lane",
    "crescent",
    "terrace",
    "grove",
    "gardens",
    "boulevard",
    "mews",
)
# no capitalised word may follow ("Oak Lane Primary", "Leeds Crown Court"), nor a possessive
_NAMED_STREET = re.compile(
    rf"(?<![\w])(?i:on|along|off|in|near|down|up|into|onto|from|at)[ \t]+"
    rf"(?P<street>(?:{UPPER}{WORD}[ \t]+){{1,3}}(?:{'|'.join(t.title() for t in NAMED_STREET_TYPES)})\b)"
    r"(?![ \t]+(?:[A-Z0-9]|of\b)|['’]s\b)"
)
# words that may follow a street's number when the sentence goes on ("... 66 in case of an issue")
_LITTLE_WORDS = WORDS["tail_stop"]
_CORNER = re.compile(r"(?i:the)[ \t]+(?i:corner)[ \t]+(?i:of)[ \t]+(?P<a>[^\n,;?!]{1,60}?)[ \t]+and[ \t]+")
_JUNCTION_CUE = r"(?:(?:^|[\n:?!.])[ \t]*|\b(?i:to|at|is|on|in|with)[ \t]+)"
_JUNCTION_BEFORE = re.compile(rf"{_JUNCTION_CUE}(?P<name>[^\W\d_][\w'’\-]+)[ \t]+and[ \t]+$")
# a number right after a word, ending a phrase: "... Floriánem 1677.", "... Eyrarodda 66 in case"
_PHRASE_NUMBER = (
    r"\d(?<=[^\W\d_][ \t]\d)\d{0,4}\b(?![.,/:\-]\d)"
    rf"(?=[ \t]*(?:$|[\n?!;,]|\.(?:\s|$))|[ \t]+(?:st\.|street|{alternation(_LITTLE_WORDS)})\b)"
)
# found from the words before it ("on", "of", "and"): a digit-led pass costs ~0.2 ms on a digit-dense 16 KB note
_STREET_THEN_NUMBER = re.compile(rf"(?:{UPPER}{WORD}\.?[ \t]+){{1,3}}(?P<number>{_PHRASE_NUMBER})")
_PHRASE_CUES = (" on ", " of ", " and ")
_NAME_RUN = re.compile(rf"(?:{UPPER}{WORD}\.?[ \t]+){{1,3}}")
_AFTER_PLACE_NUMBER = re.compile(r"[ \t]*(?:$|[\n?!;,]|\.(?:\s|$)|[ \t]+(?i:st\.|street)\b)")
_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b")


def corners(text: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for match in _CORNER.finditer(text):
        first = match.group("a")
        lowercase = not any(c.isupper() for c in first)
        if not (any(c.isdigit() for c in first) or first[:1].isupper()):
            continue
        if place_run_end(text, match.start("a"), match.end("a"), lowercase) != match.end("a"):
            continue
        end = place_run_end(text, match.end(), min(len(text), match.end() + 60), lowercase, any_prefix=True)
        if end is None:
            end = street_type_run_end(text, match.end())  # "and ten Pas Pass": a name ending in a street type
        if end is not None:
            found.append((match.start(), end))
    return found


def named_streets(text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for match in matches_in(_NAMED_STREET, text, windows):
        start, end = match.span("street")
        if not any(word.lower() in STOP for word in match.group("street").split()):
            found.append((start, extend_tail(text, end, False, True)))
    return found


def streets_in_phrases(text: str, lowered: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for start, end in _phrase_numbers(text, lowered):
        number = text[start:end]
        if len(number) == 4 and number[:2] in ("19", "20"):
            continue  # a year
        ends_phrase = _AFTER_PLACE_NUMBER.match(text, end) is not None
        if not ends_phrase:
            after = _WORD_AFTER.match(text, end)
            if after is None or after.group(1) not in _LITTLE_WORDS:
                continue  # "Eyrarodda 66 in case ...", not "Liam 2 weeks ago"
        window = max(0, start - 70)
        and_at = lowered.rfind(" and ", window, start)
        on_at = max(lowered.rfind(" on ", window, start), lowered.rfind(" of ", window, start))
        street: re.Match[str] | None = None
        street_start = -1
        if and_at != -1 and (street := _NAME_RUN.fullmatch(text, and_at + 5, start)) is not None:
            junction = _JUNCTION_BEFORE.search(text, max(0, and_at - 40), and_at + 5)
            if junction is None:
                continue
            street_start = junction.start("name")
        elif ends_phrase and on_at != -1 and (street := _NAME_RUN.fullmatch(text, on_at + 4, start)) is not None:
            street_start = street.start()
        if street is None or street_start < 0:
            continue
        words = text[street_start:start].split()
        if not any(w.strip(".").lower() in STOP for w in words if w != "and"):
            found.append((street_start, extend_tail(text, end, False, False)))
    return found


def junction_start(text: str, start: int) -> int:
    """Take in the first street of "Leon and Eyrarodda 66" when the phrase follows "to", "at", "is", ":"."""
    junction = _JUNCTION_BEFORE.search(text, max(0, start - 40), start)
    if junction is None or junction.group("name").lower() in STOP:
        return start
    return junction.start("name")


def _phrase_numbers(text: str, lowered: str) -> list[tuple[int, int]]:
    """Numbers ending a phrase that starts "on X", "of X" or "and X" (X capitalised words)."""
    spans: set[tuple[int, int]] = set()
    for cue in _PHRASE_CUES:
        at = lowered.find(cue)
        while at != -1:
            match = _STREET_THEN_NUMBER.match(text, at + len(cue))
            if match is not None:
                spans.add(match.span("number"))
            at = lowered.find(cue, at + len(cue) - 1)
    return sorted(spans)

"""Growing a caught street line into the whole address block (pure).

After the street line come, on the same line, after commas or on the next short lines: a flat or suite, a
house number written after the street, a second street name ("Kishiev Squares"), a compass word, the town,
region code, country and postcode ("Suite 245\\n FÜRLING\\n Austria 25173", ", CO\\n 70079", "OULU NO").
Before it may come a second number ("9554 62 Rue Gafsa").  Each part is read word by word and must look
like a place: capitalised or upper-case words, joining particles inside, codes and postcodes at the end.
A part that reads like prose ends the block.
"""

from __future__ import annotations

import re
from itertools import islice

from cosigner.detectors.address_words import PARTICLES, STOP, WORDS

_UNITS = frozenset({"apt", "apartment", "suite", "ste", "unit", "flat", "floor", "room"})
_MAX_PARTS = 6
_MAX_TOKENS = 7

# the separator before the next part: a comma, a line break (quote markers and a leading comma allowed) or a
# space; a blank line is allowed once, before a final "Country 12345" line
_SEPARATOR = re.compile(
    r"[ \t]*(?:(?P<comma>,)[ \t]*(?:\n[ \t>|*?•·]*)?|(?P<blank>\n[ \t]*\n)[ \t>|*?•·]*"
    r"|(?P<line>\n)[ \t>|*?•·]*(?:,[ \t]*)?|(?P<space>))"
)
_BODY = re.compile(r"[^,\n;:?!]{1,90}")
_TOKEN = re.compile(r"\S+")
_POSTCODE_DIGITS = re.compile(r"\d{4,6}(?:-\d{3,4})?")
_UK_OUTWARD = re.compile(r"[A-Za-z]{1,2}\d[A-Za-z\d]?")
_UK_INWARD = re.compile(r"\d[A-Za-z]{2}")
_UNIT_NUMBER = re.compile(r"#?\d{1,5}[A-Za-z]?|[A-Za-z]")
_HOUSE_NUMBER = re.compile(r"[ \t]+\d{1,5}[A-Za-z]?\b\.?(?=[ \t]*(?:[,\n;?!]|$|(?i:apt|suite|flat|unit)\b))")
_UNIT_BEFORE = re.compile(
    r"(?<![\w])(?i:flat|apartment|apt|unit|room|suite|ste|floor)\.?(?:[ \t]*#?[ \t]*\w{1,5},?)?[ \t]+$"
)
_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z]\.[ \t]+$")  # "C. Beerninckstraat 88" (Calle, Rua, ...)
_NUMBER_BEFORE = re.compile(r"(?<![\w.,/:+-])\d{1,5}[ \t]+$")
_WORD_BEFORE_DOT = re.compile(r"[^\W\d_]{4,}\.$")
_WORD_CHARS = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-∆])*")


def extend_head(text: str, start: int) -> int:
    """Take in a second number written before the house number ("9554 62 Rue Gafsa", "45818 P.O. Box 242")
    and a flat before it ("Flat 3, 22 Mill Lane")."""
    before = _NUMBER_BEFORE.search(text, max(0, start - 8), start) or _INITIAL_BEFORE.search(
        text, max(0, start - 4), start
    )
    start = before.start() if before else start
    unit = _UNIT_BEFORE.search(text, max(0, start - 24), start)
    return unit.start() if unit else start


def extend_tail(text: str, end: int, lowercase: bool, after_suffix: bool) -> int:
    """The end of the address block that starts with the street line ending at ``end``.

    ``lowercase``: the street line has no capitals, so neither need the town or country.  ``after_suffix``:
    the street line ends with its street type, so a house number may follow ("Trenerys gate 232").
    """
    if after_suffix:
        number = _HOUSE_NUMBER.match(text, end)
        if number:
            end = number.end()
    blank_used = False
    for depth in range(_MAX_PARTS):
        sep = _SEPARATOR.match(text, end)
        if sep is None:
            break
        if sep.group("blank") is not None:
            if blank_used:
                break
            blank_used = True
        kind = "line" if sep.group("line") is not None else "blank" if sep.group("blank") is not None else "comma"
        if sep.group("space") is not None:
            if sep.end() == end:  # no space at all: the street line runs straight into other text
                break
            kind = "space"
            if text[end - 1] == "." and _WORD_BEFORE_DOT.search(text, max(0, end - 12), end):
                break  # "14 Oak Road. Kerry ..." : the sentence ended with the street
            if not lowercase and sep.end() < len(text) and text[sep.end()].islower():
                break  # prose goes on after the street line (the common case, decided without reading words)
        part_end = _part_end(text, sep.end(), lowercase, kind, depth)
        if part_end is None:
            break
        end = part_end
    return end


def _part_end(text: str, start: int, lowercase: bool, kind: str, depth: int) -> int | None:
    """Where an address part starting at ``start`` ends, or None when the text there is not a place."""
    body = _BODY.match(text, start)
    if body is None:
        return None
    # a part has a few words: read no further than one word past the limit
    tokens = [
        (m.start(), m.end(), m.group()) for m in islice(_TOKEN.finditer(text, start, body.end()), _MAX_TOKENS + 1)
    ]
    if body.end() < len(text) and text[body.end()] == ":" and len(tokens) <= 3:
        return None  # a label ("Present:", "Seen:") starts the next part of the note
    at_boundary = len(tokens) <= _MAX_TOKENS and (body.end() >= len(text) or text[body.end()] in ",\n;?!")
    tokens = tokens[:_MAX_TOKENS]
    accepted_end: int | None = None  # end of the last token that may close a place
    prose_after = False  # the part stopped where a sentence goes on ("Laos in case of ...", "Ghana last night")
    strong_end: int | None = None  # end of the last postcode, code, unit or upper-case word
    index = 0
    while index < len(tokens):
        tok_start, tok_end, raw = tokens[index]
        last = index == len(tokens) - 1
        word = raw.strip("().").rstrip(".").replace("∆", "Δ")  # Greek written with the increment sign
        lower = word.lower()
        nxt = tokens[index + 1][2] if not last else ""
        code_position = (last and at_boundary) or bool(_POSTCODE_DIGITS.fullmatch(nxt.rstrip(".")))
        closes = (last and at_boundary) or (raw.endswith(".") and (len(word) > 3 or nxt[:1].isupper()))
        if lower in _UNITS and _UNIT_NUMBER.fullmatch(nxt.rstrip(".,")):
            accepted_end = strong_end = tokens[index + 1][1]
            index += 2
            continue
        if _POSTCODE_DIGITS.fullmatch(word):
            ends_part = (last and at_boundary) or raw.endswith(".")
            # five digits after a place are its postcode even when prose follows ("Spain 97197 in case ...")
            after_place = len(word) >= 5 and (accepted_end is not None or (kind == "line" and depth >= 2))
            if (ends_part and (index or kind not in ("space", "blank"))) or after_place:
                return tok_start + len(raw.rstrip("."))
            break
        if word.isdigit() and len(word) <= 2 and code_position and (index or kind in ("comma", "line")):
            # a numbered region or district (", 32\n 60810", "Karlovy Vary 17, Japan")
            accepted_end = strong_end = tok_start + len(word)
            index += 1
            continue
        if _UK_OUTWARD.fullmatch(word) and _UK_INWARD.fullmatch(nxt.rstrip(".")):
            return tokens[index + 1][0] + len(nxt.rstrip("."))
        if not _WORD_CHARS.fullmatch(word):
            break
        is_particle = lower in PARTICLES and index > 0
        # "ON", "NI", "AT 31295", "Hamilton ON for ..."
        is_code = word.isupper() and 2 <= len(word) <= 3 and (code_position or (len(word) == 2 and index > 0))
        if lower in STOP and not is_particle and not is_code:
            prose_after = True
            break
        word_end = tok_end if raw.startswith("(") else tok_start + len(raw.rstrip("."))
        if word[0].isupper() or (lowercase and not is_particle):
            accepted_end = word_end
            if len(word) >= 2 and word.isupper():
                strong_end = word_end
        elif is_particle:
            pass  # a joining word: the place must go on after it
        elif len(word) <= 3 and (last or code_position) and (index > 0 or kind != "space"):
            accepted_end = strong_end = word_end  # a region code ("Lyss, nan 50662"), not "Oak Road now."
        elif 2 <= len(word) <= 3 and raw.endswith(".") and index > 0 and kind != "blank" and raw[0].isalpha():
            return word_end  # a region code ending the sentence ("Rzeszów nan.")
        else:
            prose_after = True
            break
        if closes and accepted_end == word_end:
            return accepted_end if kind != "blank" else None
        index += 1
    if kind == "blank":
        return None  # after a blank line only a "Country 12345" line belongs to the address
    if kind == "comma" or (kind == "line" and depth >= 2 and prose_after):
        return accepted_end  # deep in a block, a country line may run on into the sentence
    return strong_end


_RUN_TOKEN = re.compile(r"[^\s,;?!]+")
_RUN_LIMIT = re.compile(r"[^\n,;?!]*")
_NUMBER_TOKEN = re.compile(r"\d{1,5}[A-Za-z]?\.?|\d{1,3}(?:st|nd|rd|th)")
_PO_TOKEN = re.compile(r"(?i:p\.?o\.?|box|postbox|postfach)")
_MAX_RUN = 7


def place_run_end(text: str, start: int, end: int, lowercase: bool, any_prefix: bool = False) -> int | None:
    """The end of the street or place name in ``text[start:end]``: capitalised words (any case when
    ``lowercase``), house numbers, joining particles inside.  All of it must read so, unless ``any_prefix``
    (then the longest such start, up to the end of the line or sentence).  None when nothing reads so."""
    limit = _RUN_LIMIT.match(text, start, end)
    stop_at = limit.end() if limit else end
    tokens = list(_RUN_TOKEN.finditer(text, start, stop_at))
    if not tokens or (len(tokens) > _MAX_RUN and not any_prefix):
        return None
    run_end: int | None = None
    for index, token in enumerate(tokens[:_MAX_RUN]):
        raw = token.group()
        word = raw.rstrip(".")
        lower = word.lower()
        if _NUMBER_TOKEN.fullmatch(raw) or _PO_TOKEN.fullmatch(raw):
            run_end = token.start() + len(raw)
            continue
        if not _WORD_CHARS.fullmatch(word):
            break
        if lower in PARTICLES and index > 0:
            pass
        elif lower in STOP:
            break
        elif word[0].isupper() or lowercase or lower in _STREET_TYPES:
            run_end = token.start() + len(raw) if lower in _STREET_ABBREVIATIONS else token.start() + len(word)
        else:
            break
        if any_prefix and raw.endswith(".") and len(word) > 3 and lower not in _STREET_ABBREVIATIONS:
            return run_end  # the sentence ends here
    else:
        if not any_prefix and run_end is not None and tokens[-1].end() != stop_at and len(tokens) <= _MAX_RUN:
            return None
        return run_end
    return run_end if any_prefix else None


_STREET_ABBREVIATIONS = frozenset({"st", "str", "rd", "ave", "av", "dr", "ln", "blvd", "sq", "u"})
_STREET_TYPES = (
    WORDS["continuation_suffixes"]
    | WORDS["continental_words"]
    | WORDS["continental_prefixes"]
    | WORDS["hungarian_types"]
    | _STREET_ABBREVIATIONS
)


_TYPE_RUN = re.compile(r"(?:[^\W\d_][\w'’\-]*[ \t]+){1,3}(?P<type>[^\W\d_]+)\.?(?=[ \t]*(?:[\n,;?!]|\.?$|\.\s))")


def street_type_run_end(text: str, start: int) -> int | None:
    """The end of "ten Pas Pass" (up to four words, any case, the last a street type, then the line ends)."""
    run = _TYPE_RUN.match(text, start)
    if run is None or run.group("type").lower() not in _STREET_TYPES:
        return None
    return run.end()

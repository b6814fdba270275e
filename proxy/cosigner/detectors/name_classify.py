"""Word-level classification for person names (used by ``names``): each word is not a name, weak (a name
only next to a name) or strong.  Titles, relationship cues, capitalisation with an English-word filter, the
gazetteer, lower-case names in name context.
"""

from __future__ import annotations

import re

from cosigner.detectors.lexicon import (
    BE_VERBS,
    BIRTH_WORDS,
    LEXICON,
    NOT_AFTER,
    OBJECT_CUES,
    OPENERS,
    PLACE_SUFFIX,
    RELATION_CUES,
    RELATIONS,
    ROLES,
    STRONG_CUES,
    SURNAME_PLACE_WORDS,
    TITLES,
    VERBS_AFTER_NAME,
    WORD_NAMES,
)
from cosigner.detectors.name_tokens import (
    CAP,
    CARE,
    END,
    INITIAL,
    LOWER,
    POSSESSIVE,
    SENTENCE_START,
    START,
    WORD,
    Token,
)

_MONTH_NAMES = frozenset({"april", "may", "june", "august"})
_CONTRACTIONS = frozenset({"m", "re", "ve", "d", "ll", "t", "s"})
_ENGLISH_SUFFIXES = (
    "tion",
    "sion",
    "ment",
    "ness",
    "ity",
    "ing",
    "ism",
    "ist",
    "ful",
    "less",
    "ous",
    "ive",
    "able",
    "ible",
    "ance",
    "ence",
    "ship",
    "hood",
    "ology",
    "ics",
    "person",
    "ists",
    "ings",
    "ments",
    "ers",
    "ings",
)
# What comes before a name someone gives: "calls me ...", "name? ...", "name on the account? user: ...".
_NAME_GIVEN = r"(?:\b(?:call|calls|called) me|\bname\b[^.!?\n]{0,24}\?(?:[ \t]+[a-z]+:)?)[ \t]*"
# the same, forwards, on the lower-cased text: literal-led patterns (a leading \b makes the scan ~30x slower),
# so the word boundary before a match is the caller's to check
NAME_GIVEN = (
    re.compile(r"call(?:s|ed)? me[ \t]+(?=\w)"),
    re.compile(r"name\b[^.!?\n]{0,24}\?(?:[ \t]+[a-z]+:)?[ \t]*(?=\w)"),
)
_NAME_GIVEN_BEFORE = re.compile(_NAME_GIVEN + r"\Z", re.IGNORECASE)
# After "Name, ": a question put to that person.
_QUESTION_TO = re.compile(r"(?:can|could|would|will|do|did|are|have|please)[ \t]+(?:i|you|we)\b", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(
    r"(?<![\w'’])(?:the|a|an|this|that|these|those|every|each|any|some|no|our|their|its)[ \t]+\Z", re.IGNORECASE
)
LIST_GAPS = frozenset({", ", " and ", ", and ", " & ", " or ", ",", " , "})
NOT_NAME, WEAK, STRONG = 0, 1, 2


def _gap(text: str, left: Token, right: Token) -> str:
    return text[left[END] : right[START]]


def adjacent(text: str, left: Token, right: Token) -> bool:
    """Two words belong to one name: separated by a space, a hyphen or an initial's full stop only."""
    gap = _gap(text, left, right)
    return gap in (" ", "-", "  ") or (left[INITIAL] and gap in (". ", "."))


def classify(text: str, tokens: list[Token], i: int) -> int:
    tok = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    prev_lower = prev[LOWER] if prev is not None and tok[START] - prev[END] <= 3 else ""
    lex = LEXICON
    gaz = in_gazetteer(tok[LOWER])
    common = tok[LOWER] in lex.english_common or tok[LOWER] in WORD_NAMES or tok[LOWER] in OPENERS
    if prev_lower in NOT_AFTER or tok[LOWER] in TITLES or _not_a_name_shape(tok[LOWER], gaz):
        return NOT_NAME
    titled = prev is not None and prev_lower in TITLES and (prev[CAP] or tok[CAP])
    if titled and (tok[CAP] or gaz) and (gaz or not tok[CARE]):
        return STRONG
    if tok[INITIAL]:
        return WEAK
    if not tok[CAP]:
        return _classify_lower(text, tokens, i, gaz, common)
    if tok[WORD].isupper():
        # headings like "CASIAN WOOD - DOB ...": all-caps words are names only in pairs (see _chain)
        care_only = tok[CARE] and tok[LOWER] not in lex.surnames
        return NOT_NAME if len(tok[WORD]) < 3 or care_only or (common and not gaz) else WEAK
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    place = nxt is not None and nxt[LOWER] in PLACE_SUFFIX and nxt[CAP] and adjacent(text, tok, nxt)
    # "Hilltop Primary", "Acacia Avenue" - but "Mehmet Wood" is a first name and a surname
    if place and nxt is not None and not _surname_not_place(tok, nxt):
        if _person_after_pair(text, tokens, i, gaz or not common):
            return STRONG  # "Alfie Hall (SW)", "Precious Hall (date of birth ...)", "Burak Hall <b@x.uk>"
        return NOT_NAME
    if tok[LOWER] in SURNAME_PLACE_WORDS and _place_pair_before(text, tokens, i, lex.english_common):
        return NOT_NAME  # the "Hall" of "Parkside Hall", "Town Hall"
    if tok[CARE]:
        # "Ward", "Hall": care or place words that are also surnames join a name next to them
        if gaz and tok[LOWER] in lex.first_names and not common:
            return WEAK
        return WEAK if tok[LOWER] in lex.surnames and not tok[SENTENCE_START] else NOT_NAME
    if gaz and not common:
        return STRONG
    if not gaz and not common and not tok[SENTENCE_START] and len(tok[WORD]) >= 2:
        return STRONG
    if gaz or (not common and tok[SENTENCE_START]):
        # word-names (Grace, Will) and unknown words at a sentence start: names only with support
        if _cue_before(text, tokens, i) or _support_after(text, tokens, i):
            return STRONG
        return WEAK
    return NOT_NAME


def unknown_word(tok: Token) -> bool:
    lower = tok[LOWER]
    return (
        len(lower) >= 3
        and not tok[CARE]
        and lower not in LEXICON.english_common
        and lower not in WORD_NAMES
        and not not_a_name_shape(lower)
    )


def _surname_not_place(tok: Token, nxt: Token) -> bool:
    """ "Mehmet Wood", "Casian Ward": the next word is a surname-like place word after a name-like word."""
    lex = LEXICON
    if nxt[LOWER] not in lex.surnames:
        return False
    if tok[LOWER] in lex.first_names:
        return True
    return nxt[LOWER] in SURNAME_PLACE_WORDS and tok[LOWER] not in lex.english_common and not tok[SENTENCE_START]


def _person_after_pair(text: str, tokens: list[Token], i: int, name_like: bool) -> bool:
    """A name-like word and a place word that is also a surname ("Alfie Hall", "Poppy Ward") followed by what
    only follows a person: a role or birth date in brackets, a verb, an email address in angle brackets."""
    if not name_like or tokens[i][CARE]:
        return False
    surname = tokens[i + 1]
    if surname[LOWER] not in SURNAME_PLACE_WORDS:
        return False
    after = text[surname[END] : surname[END] + 2]
    if after == " <":
        close = text.find(">", surname[END], surname[END] + 120)
        return close > 0 and "@" in text[surname[END] : close]
    nxt = tokens[i + 2] if i + 2 < len(tokens) else None
    if nxt is None:
        return False
    gap = text[surname[END] : nxt[START]]
    if gap in (" (", ", (", ", ") and (nxt[LOWER] in ROLES or nxt[LOWER] in BIRTH_WORDS):
        return True
    if gap == " " and nxt[LOWER] in VERBS_AFTER_NAME:
        return True
    return gap == " " and nxt[LOWER] == "from" and _next_is_agency(text, tokens, i + 2)


def _place_pair_before(text: str, tokens: list[Token], i: int, common: frozenset[str]) -> bool:
    """Word ``i`` is a place word after a capitalised word that the place rule judged no name ("Parkside")."""
    if i == 0 or tokens[i][LOWER] not in PLACE_SUFFIX:
        return False
    prev = tokens[i - 1]
    if not prev[CAP] or prev[WORD].isupper() or not adjacent(text, prev, tokens[i]):
        return False
    if _surname_not_place(prev, tokens[i]):
        return False
    name_like = in_gazetteer(prev[LOWER]) or prev[LOWER] not in common
    return not _person_after_pair(text, tokens, i - 1, name_like)


def _next_is_agency(text: str, tokens: list[Token], i: int) -> bool:
    """ "from Women's Aid", "from the Police": a capitalised care or agency term right after word ``i``."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is not None and nxt[CAP] and nxt[CARE] and text[tokens[i][END] : nxt[START]] in (" ", " the ")


def not_a_name_shape(lower: str) -> bool:
    """Contractions ("I'm", "you're") and plain English derivations ("salesperson"s, "pleasures")."""
    return _not_a_name_shape(lower, None)


def _not_a_name_shape(lower: str, gazetteer: bool | None) -> bool:
    """``gazetteer``: ``in_gazetteer(lower)`` when the caller already knows it."""
    if "'" in lower or "’" in lower:
        tail = lower.replace("’", "'").rsplit("'", 1)[1]
        return tail in _CONTRACTIONS
    if in_gazetteer(lower) if gazetteer is None else gazetteer:
        return False
    if lower.endswith("s") and lower[:-1] in LEXICON.english_common:
        return True
    return lower.endswith(_ENGLISH_SUFFIXES)


def _classify_lower(text: str, tokens: list[Token], i: int, gaz: bool, common: bool) -> int:
    tok = tokens[i]
    if tok[CARE] or len(tok[WORD]) < 3:
        return NOT_NAME
    if tok[LOWER] not in LEXICON.first_names and _DETERMINER_BEFORE.search(text, max(0, tok[START] - 8), tok[START]):
        return NOT_NAME  # "the hall was cold", "a king": a lower-case surname-word after an article is no name
    if common or not gaz:
        # "mum (will)", "nan (saima)": ordinary or unknown words are names only right after a strong cue
        if common and not gaz:
            return NOT_NAME
        return STRONG if _cue_before(text, tokens, i, strict=True) else NOT_NAME
    if _cue_before(text, tokens, i) or _support_after(text, tokens, i):
        return STRONG  # "my name is janice", "chloe is very reliable", "dr. hurst"
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and prev[LOWER] in TITLES and text[prev[END] : tok[START]] in (". ", " "):
        return STRONG
    if (tok[START] == 0 or text[tok[START] - 1] == "\n") and text.startswith(":", tok[END]):
        return STRONG  # a speaker in a lower-case transcript: 'carol: "who are you?"'
    if (
        prev is not None
        and prev[LOWER] in RELATION_CUES
        and text[prev[END] : tok[START]] == " "
        and tok[LOWER] in LEXICON.first_names
        and not common
    ):
        return STRONG  # "said william to christina": a first name that is no English word, after a cue
    return WEAK


def in_gazetteer(lower: str) -> bool:
    lex = LEXICON
    if lower in lex.first_names or lower in lex.surnames or lower in WORD_NAMES:
        return True
    if "-" in lower:
        parts = [p for p in lower.split("-") if p]
        return all(p in lex.first_names or p in lex.surnames or p in WORD_NAMES for p in parts)
    return False


def _support_after(text: str, tokens: list[Token], i: int) -> bool:
    """What follows shows a person: "Hope said", "Hope's brother", "Hope, Ewelina's brother"."""
    tok = tokens[i]
    if text.startswith(("!", "?"), tok[END]) and text.endswith(", ", 0, tok[START]):
        return True  # spoken to: "Don't go to town, Heather!"
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None:
        return False
    gap = text[tok[END] : nxt[START]]
    if tok[POSSESSIVE] and nxt[LOWER] in RELATIONS and gap.strip(" 'sS’") == "":
        return True
    if nxt[LOWER] in VERBS_AFTER_NAME and gap.strip() == "":
        return True
    if nxt[LOWER] in BE_VERBS and gap == " ":
        if tok[LOWER] not in LEXICON.english_common:
            return True
        if tok[LOWER] in WORD_NAMES and tok[LOWER] not in _MONTH_NAMES and nxt[LOWER] != "and":
            return True  # "Grace has been ...", "Summer was ..." (a season would rarely start this way)
    if gap in (" (", ", (") and nxt[LOWER] in BIRTH_WORDS:
        return True  # "Mark (date of birth ...", "Mark (DOB ..."
    if gap.startswith(":") and tok[SENTENCE_START] and (tok[START] == 0 or text[tok[START] - 1] == "\n"):
        after = text[nxt[START] - 1 : nxt[START]]
        if in_gazetteer(tok[LOWER]):
            return True  # a speaker in a transcript: 'Ella: ...', 'Vsevolod: "Who are you?"', 'Ubul: What a ...'
        if tok[LOWER] not in LEXICON.english_common and (
            after == '"' or (gap == ": " and nxt[CAP] and len(tok[WORD]) > 3)
        ):
            return True
    if gap == ", " and _QUESTION_TO.match(text, nxt[START]):
        return True  # spoken to: "Vittore, can I please speak to your boss?"

    apposition = gap.strip() == "," and nxt[POSSESSIVE] and i + 2 < len(tokens)
    return apposition and tokens[i + 2][LOWER] in RELATIONS


def _name_given_before(text: str, start: int) -> bool:
    """The phrase just before ``start`` ends in "me" ("calls me") or has a question mark ("name? ...", "name on
    the account? user: "): only then is the pattern searched."""
    window = max(0, start - 40)
    stop = start
    while stop > window and text[stop - 1] in " \t":
        stop -= 1
    if not (text.endswith(("me", "ME", "Me"), window, stop) or text.find("?", window, start) >= 0):
        return False
    return _NAME_GIVEN_BEFORE.search(text, window, start) is not None


def _cue_before(text: str, tokens: list[Token], i: int, strict: bool = False) -> bool:
    """A relationship cue or title in the two words before (e.g. "mum (sarah)", "my name is john").

    ``strict``: only the forms that make even an ordinary word a name ("mum (will)", "named grace").
    """
    tok = tokens[i]
    lower = tok[LOWER]
    if _name_given_before(text, tok[START]) and (
        tok[CAP] or lower not in LEXICON.english_common or lower in LEXICON.first_names
    ):
        return True  # "everyone calls me borna", "What's your name? Jildau S Bouts" (not "call me back")
    if strict:
        if i == 0:
            return False
        prev = tokens[i - 1]
        between = text[prev[END] : tok[START]]
        return (prev[LOWER] in STRONG_CUES and between.strip() in ("(", ",", ":", "-")) or (
            prev[LOWER] in ("named", "called") and between == " "
        )
    for back in (1, 2):
        if i - back < 0:
            return False
        prev = tokens[i - back]
        between = text[prev[END] : tok[START]]
        if len(between) > 6 or "\n" in between or "." in between.replace("(", ""):
            return False
        if back == 1 and (prev[LOWER] in STRONG_CUES or (prev[LOWER] in RELATION_CUES and tok[CAP])):
            return True
        if back == 1 and prev[LOWER] in OBJECT_CUES and tok[CAP] and tok[LOWER] not in _MONTH_NAMES:
            return True
        if back == 2 and prev[LOWER] in ("name", "named", "called") and tokens[i - 1][LOWER] in ("is", "was"):
            return True
        if back == 2 and prev[LOWER] in STRONG_CUES and tokens[i - 1][LOWER] in ("called", "named", "is"):
            return True
        if prev[LOWER] in TITLES and prev[CAP]:
            return True
    return False

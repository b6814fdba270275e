"""Word-level classification for person names (used by ``names``): each word is not a name, weak (a name
only next to a name) or strong.  Titles, relationship cues, capitalisation with an English-word filter, the
gazetteer, lower-case names in name context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cosigner.detectors.lexicon import (
    BE_VERBS,
    BIRTH_WORDS,
    LEXICON,
    NAME_PARTICLES,
    NAME_SUFFIXES,
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
from cosigner.detectors.term_matcher import Term, TermMatcher

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENTENCE_END = frozenset(".!?:;\n•*")
_SKIP_BACK = frozenset(" \t\"'“‘([-–")
# Lower-case words no rule needs: common English words that are not names, cues, particles or other markers.
_ORDINARY_LOWER = frozenset(
    LEXICON.english_common
    - LEXICON.first_names
    - LEXICON.surnames
    - WORD_NAMES
    - TITLES
    - RELATION_CUES
    - OBJECT_CUES
    - STRONG_CUES
    - VERBS_AFTER_NAME
    - BE_VERBS
    - BIRTH_WORDS
    - PLACE_SUFFIX
    - RELATIONS
    - ROLES
    - NOT_AFTER
    - NAME_PARTICLES
    - NAME_SUFFIXES
    - {"is", "was", "name", "named", "called", "my", "his", "her"}
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
_NAME_GIVEN = r"(?:\b(?:call|calls|called) me|\bname\b[^.!?\n]{0,24}\?(?:[ \t]+[A-Za-z]+:)?)[ \t]*"
NAME_GIVEN = re.compile(_NAME_GIVEN + r"(?=\w)", re.IGNORECASE)
_NAME_GIVEN_BEFORE = re.compile(_NAME_GIVEN + r"\Z", re.IGNORECASE)
# After "Name, ": a question put to that person.
_QUESTION_TO = re.compile(r"(?:can|could|would|will|do|did|are|have|please)[ \t]+(?:i|you|we)\b", re.IGNORECASE)
LIST_GAPS = frozenset({", ", " and ", ", and ", " & ", " or ", ",", " , "})
NOT_NAME, WEAK, STRONG = 0, 1, 2


@dataclass(slots=True)
class Token:
    start: int
    end: int  # end of the name part (a possessive "'s" is left outside)
    word: str
    lower: str
    cap: bool
    initial: bool
    sentence_start: bool
    care: bool
    possessive: bool


def tokenize(text: str, care_mask: bytearray) -> list[Token]:
    """Words that can matter for names.

    An ordinary lower-case English word that no rule looks at by identity (most words of a note) is left out:
    rules about neighbours check the text between two tokens, so a left-out word still separates them.
    """
    tokens: list[Token] = []
    ordinary = _ORDINARY_LOWER
    care_terms = LEXICON.care_terms
    for match in _WORD.finditer(text):
        word = match.group()
        first = word[0]
        if first.islower() and word in ordinary:
            continue
        start, end = match.span()
        possessive = len(word) > 3 and word[-2] in "'’" and word[-1] in "sS"
        if possessive:
            word, end = word[:-2], end - 2
        lower = word.lower()
        capital = first.isupper()
        initial = capital and len(word) == 1
        sentence_start = False
        if capital:  # only capitalised words need it
            back = start - 1
            while back >= 0 and text[back] in _SKIP_BACK:
                back -= 1
            sentence_start = back < 0 or text[back] in _SENTENCE_END
        care = lower in care_terms or bool(care_mask[start])
        tokens.append(Token(start, end, word, lower, capital, initial, sentence_start, care, possessive))
    return tokens


def care_mask(text: str, lowered: str) -> bytearray:
    mask = bytearray(len(text) + 1)
    for start, end, _term in _CARE_PHRASES.find(text, lowered):
        mask[start:end] = b"\x01" * (end - start)
    return mask


_CARE_PHRASES = TermMatcher(Term(p, "CARE") for p in LEXICON.care_phrases)


def _gap(text: str, left: Token, right: Token) -> str:
    return text[left.end : right.start]


def adjacent(text: str, left: Token, right: Token) -> bool:
    """Two words belong to one name: separated by a space, a hyphen or an initial's full stop only."""
    gap = _gap(text, left, right)
    return gap in (" ", "-", "  ") or (left.initial and gap in (". ", "."))


def classify(text: str, tokens: list[Token], i: int) -> int:
    tok = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    prev_lower = prev.lower if prev is not None and tok.start - prev.end <= 3 else ""
    lex = LEXICON
    gaz = in_gazetteer(tok.lower)
    common = tok.lower in lex.english_common or tok.lower in WORD_NAMES or tok.lower in OPENERS
    if prev_lower in NOT_AFTER or tok.lower in TITLES or _not_a_name_shape(tok.lower, gaz):
        return NOT_NAME
    titled = prev is not None and prev_lower in TITLES and (prev.cap or tok.cap)
    if titled and (tok.cap or gaz) and (gaz or not tok.care):
        return STRONG
    if tok.initial:
        return WEAK
    if not tok.cap:
        return _classify_lower(text, tokens, i, gaz, common)
    if tok.word.isupper():
        # headings like "CASIAN WOOD - DOB ...": all-caps words are names only in pairs (see _chain)
        care_only = tok.care and tok.lower not in lex.surnames
        return NOT_NAME if len(tok.word) < 3 or care_only or (common and not gaz) else WEAK
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    place = nxt is not None and nxt.lower in PLACE_SUFFIX and nxt.cap and adjacent(text, tok, nxt)
    # "Hilltop Primary", "Acacia Avenue" - but "Mehmet Wood" is a first name and a surname
    if place and nxt is not None and not _surname_not_place(tok, nxt):
        if _person_after_pair(text, tokens, i, gaz or not common):
            return STRONG  # "Alfie Hall (SW)", "Precious Hall (date of birth ...)", "Burak Hall <b@x.uk>"
        return NOT_NAME
    if tok.lower in SURNAME_PLACE_WORDS and _place_pair_before(text, tokens, i, lex.english_common):
        return NOT_NAME  # the "Hall" of "Parkside Hall", "Town Hall"
    if tok.care:
        # "Ward", "Hall": care or place words that are also surnames join a name next to them
        if gaz and tok.lower in lex.first_names and not common:
            return WEAK
        return WEAK if tok.lower in lex.surnames and not tok.sentence_start else NOT_NAME
    if gaz and not common:
        return STRONG
    if not gaz and not common and not tok.sentence_start and len(tok.word) >= 2:
        return STRONG
    if gaz or (not common and tok.sentence_start):
        # word-names (Grace, Will) and unknown words at a sentence start: names only with support
        if _cue_before(text, tokens, i) or _support_after(text, tokens, i):
            return STRONG
        return WEAK
    return NOT_NAME


def unknown_word(tok: Token) -> bool:
    lower = tok.lower
    return (
        len(lower) >= 3
        and not tok.care
        and lower not in LEXICON.english_common
        and lower not in WORD_NAMES
        and not not_a_name_shape(lower)
    )


def _surname_not_place(tok: Token, nxt: Token) -> bool:
    """ "Mehmet Wood", "Casian Ward": the next word is a surname-like place word after a name-like word."""
    lex = LEXICON
    if nxt.lower not in lex.surnames:
        return False
    if tok.lower in lex.first_names:
        return True
    return nxt.lower in SURNAME_PLACE_WORDS and tok.lower not in lex.english_common and not tok.sentence_start


def _person_after_pair(text: str, tokens: list[Token], i: int, name_like: bool) -> bool:
    """A name-like word and a place word that is also a surname ("Alfie Hall", "Poppy Ward") followed by what
    only follows a person: a role or birth date in brackets, a verb, an email address in angle brackets."""
    if not name_like or tokens[i].care:
        return False
    surname = tokens[i + 1]
    if surname.lower not in SURNAME_PLACE_WORDS:
        return False
    after = text[surname.end : surname.end + 2]
    if after == " <":
        close = text.find(">", surname.end, surname.end + 120)
        return close > 0 and "@" in text[surname.end : close]
    nxt = tokens[i + 2] if i + 2 < len(tokens) else None
    if nxt is None:
        return False
    gap = text[surname.end : nxt.start]
    if gap in (" (", ", (", ", ") and (nxt.lower in ROLES or nxt.lower in BIRTH_WORDS):
        return True
    if gap == " " and nxt.lower in VERBS_AFTER_NAME:
        return True
    return gap == " " and nxt.lower == "from" and _next_is_agency(text, tokens, i + 2)


def _place_pair_before(text: str, tokens: list[Token], i: int, common: frozenset[str]) -> bool:
    """Word ``i`` is a place word after a capitalised word that the place rule judged no name ("Parkside")."""
    if i == 0 or tokens[i].lower not in PLACE_SUFFIX:
        return False
    prev = tokens[i - 1]
    if not prev.cap or prev.word.isupper() or not adjacent(text, prev, tokens[i]):
        return False
    if _surname_not_place(prev, tokens[i]):
        return False
    name_like = in_gazetteer(prev.lower) or prev.lower not in common
    return not _person_after_pair(text, tokens, i - 1, name_like)


def _next_is_agency(text: str, tokens: list[Token], i: int) -> bool:
    """ "from Women's Aid", "from the Police": a capitalised care or agency term right after word ``i``."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is not None and nxt.cap and nxt.care and text[tokens[i].end : nxt.start] in (" ", " the ")


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
    if tok.care or len(tok.word) < 3:
        return NOT_NAME
    if common or not gaz:
        # "mum (will)", "nan (saima)": ordinary or unknown words are names only right after a strong cue
        if common and not gaz:
            return NOT_NAME
        return STRONG if _cue_before(text, tokens, i, strict=True) else NOT_NAME
    if _cue_before(text, tokens, i) or _support_after(text, tokens, i):
        return STRONG  # "my name is janice", "chloe is very reliable", "dr. hurst"
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and prev.lower in TITLES and text[prev.end : tok.start] in (". ", " "):
        return STRONG
    if (tok.start == 0 or text[tok.start - 1] == "\n") and text.startswith(":", tok.end):
        return STRONG  # a speaker in a lower-case transcript: 'carol: "who are you?"'
    if (
        prev is not None
        and prev.lower in RELATION_CUES
        and text[prev.end : tok.start] == " "
        and tok.lower in LEXICON.first_names
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
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None:
        return False
    gap = text[tok.end : nxt.start]
    if tok.possessive and nxt.lower in RELATIONS and gap.strip(" 'sS’") == "":
        return True
    if nxt.lower in VERBS_AFTER_NAME and gap.strip() == "":
        return True
    if nxt.lower in BE_VERBS and gap == " ":
        if tok.lower not in LEXICON.english_common:
            return True
        if tok.lower in WORD_NAMES and tok.lower not in _MONTH_NAMES and nxt.lower != "and":
            return True  # "Grace has been ...", "Summer was ..." (a season would rarely start this way)
    if gap in (" (", ", (") and nxt.lower in BIRTH_WORDS:
        return True  # "Mark (date of birth ...", "Mark (DOB ..."
    if gap.startswith(":") and tok.sentence_start and (tok.start == 0 or text[tok.start - 1] == "\n"):
        after = text[nxt.start - 1 : nxt.start]
        if in_gazetteer(tok.lower):
            return True  # a speaker in a transcript: 'Ella: ...', 'Vsevolod: "Who are you?"', 'Ubul: What a ...'
        if tok.lower not in LEXICON.english_common and (
            after == '"' or (gap == ": " and nxt.cap and len(tok.word) > 3)
        ):
            return True
    if gap == ", " and _QUESTION_TO.match(text, nxt.start):
        return True  # spoken to: "Vittore, can I please speak to your boss?"

    apposition = gap.strip() == "," and nxt.possessive and i + 2 < len(tokens)
    return apposition and tokens[i + 2].lower in RELATIONS


def _cue_before(text: str, tokens: list[Token], i: int, strict: bool = False) -> bool:
    """A relationship cue or title in the two words before (e.g. "mum (sarah)", "my name is john").

    ``strict``: only the forms that make even an ordinary word a name ("mum (will)", "named grace").
    """
    tok = tokens[i]
    if tok.start and _NAME_GIVEN_BEFORE.search(text, max(0, tok.start - 40), tok.start):
        return True  # "everyone calls me borna", "What's your name? Jildau S Bouts"
    if strict:
        if i == 0:
            return False
        prev = tokens[i - 1]
        between = text[prev.end : tok.start]
        return (prev.lower in STRONG_CUES and between.strip() in ("(", ",", ":", "-")) or (
            prev.lower in ("named", "called") and between == " "
        )
    for back in (1, 2):
        if i - back < 0:
            return False
        prev = tokens[i - back]
        between = text[prev.end : tok.start]
        if len(between) > 6 or "\n" in between or "." in between.replace("(", ""):
            return False
        if back == 1 and (prev.lower in STRONG_CUES or (prev.lower in RELATION_CUES and tok.cap)):
            return True
        if back == 1 and prev.lower in OBJECT_CUES and tok.cap and tok.lower not in _MONTH_NAMES:
            return True
        if back == 2 and prev.lower in ("name", "named", "called") and tokens[i - 1].lower in ("is", "was"):
            return True
        if back == 2 and prev.lower in STRONG_CUES and tokens[i - 1].lower in ("called", "named", "is"):
            return True
        if prev.lower in TITLES and prev.cap:
            return True
    return False

"""Person names without a model: titles, relationship cues, capitalisation with an English-word filter,
a licensed name gazetteer, initials, lower-case names in name context and chaining of adjacent name words.

Propagation (a name found once is redacted everywhere in the request) lives in ``name_propagation``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cosigner.detectors import Finding
from cosigner.detectors.kinds import PERSON
from cosigner.detectors.lexicon import (
    LEXICON,
    NAME_PARTICLES,
    RELATION_CUES,
    STRONG_CUES,
    TITLES,
    VERBS_AFTER_NAME,
    WORD_NAMES,
)
from cosigner.detectors.term_matcher import Term, TermMatcher, lower_same_length

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENTENCE_END = frozenset(".!?:;\n•*")
_SKIP_BACK = frozenset(" \t\"'“‘([-–")
# A capitalised word followed by one of these names a place or an organisation, not a person.
_PLACE_SUFFIX = frozenset(
    {
        "school",
        "primary",
        "academy",
        "college",
        "university",
        "council",
        "hospital",
        "surgery",
        "practice",
        "centre",
        "center",
        "trust",
        "police",
        "court",
        "road",
        "street",
        "avenue",
        "lane",
        "close",
        "drive",
        "way",
        "house",
        "park",
        "ltd",
        "limited",
        "plc",
        "team",
        "service",
        "services",
        "unit",
        "ward",
        "clinic",
        "church",
        "mosque",
        "nursery",
        "city",
        "county",
        "borough",
        "station",
        "hall",
        "group",
        "foundation",
        "partnership",
        "health",
        "medical",
        "estate",
        "place",
        "square",
        "gardens",
        "terrace",
        "crescent",
        "grove",
        "row",
        "village",
        "town",
        "bridge",
        "airport",
        "library",
        "campus",
        "infirmary",
        "prison",
        "hmp",
        "yoi",
        "cathedral",
        "mews",
        "walk",
        "rise",
        "view",
        "parade",
        "croft",
        "fields",
        "wood",
        "farm",
        "court's",
        "care",
        "homes",
        "home",
    }
)
_NOT_AFTER = frozenset({"st", "saint"})
_NAME_SUFFIXES = frozenset({"md", "dds", "phd", "jr", "sr", "ii", "iii", "iv", "esq", "dvm"})
_SURNAME_PLACE_WORDS = frozenset({"ward", "hall", "wood", "hill", "green", "park", "bridge", "fields", "farm", "king"})
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
_BIRTH_WORDS = frozenset({"dob", "d", "date", "born", "b", "age", "aged"})
_BE_VERBS = frozenset({"is", "was", "has", "had", "will", "would", "can", "could", "did", "does", "and"})
_LIST_GAPS = frozenset({", ", " and ", ", and ", " & ", " or ", ",", " , "})
_RELATIONS = frozenset(
    {
        "brother",
        "sister",
        "mum",
        "mother",
        "dad",
        "father",
        "son",
        "daughter",
        "partner",
        "boyfriend",
        "girlfriend",
        "husband",
        "wife",
        "friend",
        "carer",
        "nan",
        "grandmother",
        "grandfather",
        "aunt",
        "auntie",
        "uncle",
        "cousin",
        "baby",
        "children",
        "child",
        "sibling",
        "siblings",
        "stepdad",
        "stepmum",
        "niece",
        "nephew",
        "ex",
        "family",
        "bedroom",
        "school",
        "teacher",
        "worker",
        "behaviour",
        "needs",
        "views",
        "wishes",
        "father's",
        "mother's",
    }
)

_NOT_NAME, _WEAK, _STRONG = 0, 1, 2


@dataclass(slots=True)
class _Token:
    start: int
    end: int  # end of the name part (a possessive "'s" is left outside)
    word: str
    lower: str
    cap: bool
    initial: bool
    sentence_start: bool
    care: bool
    possessive: bool


def _tokens(text: str, care_mask: bytearray) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        possessive = len(word) > 3 and word[-2] in "'’" and word[-1] in "sS"
        if possessive:
            word, end = word[:-2], end - 2
        lower = word.lower()
        first = word[0]
        initial = len(word) == 1 and first.isupper()
        sentence_start = False
        if first.isupper():  # only capitalised words need it; most words are not
            back = start - 1
            while back >= 0 and text[back] in _SKIP_BACK:
                back -= 1
            sentence_start = back < 0 or text[back] in _SENTENCE_END
        care = lower in LEXICON.care_terms or bool(care_mask[start])
        tokens.append(_Token(start, end, word, lower, first.isupper(), initial, sentence_start, care, possessive))
    return tokens


def _care_mask(text: str, lowered: str) -> bytearray:
    mask = bytearray(len(text) + 1)
    for start, end, _term in _CARE_PHRASES.find(text, lowered):
        mask[start:end] = b"\x01" * (end - start)
    return mask


_CARE_PHRASES = TermMatcher(Term(p, "CARE") for p in LEXICON.care_phrases)


def _gap(text: str, left: _Token, right: _Token) -> str:
    return text[left.end : right.start]


def _adjacent(text: str, left: _Token, right: _Token) -> bool:
    """Two words belong to one name: separated by a space, a hyphen or an initial's full stop only."""
    gap = _gap(text, left, right)
    return gap in (" ", "-", "  ") or (left.initial and gap in (". ", "."))


def _classify(text: str, tokens: list[_Token], i: int) -> int:
    tok = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    prev_lower = prev.lower if prev is not None and tok.start - prev.end <= 3 else ""
    lex = LEXICON
    gaz = _in_gazetteer(tok.lower)
    common = tok.lower in lex.english_common or tok.lower in WORD_NAMES
    if prev_lower in _NOT_AFTER or tok.lower in TITLES or _not_a_name_shape(tok.lower):
        return _NOT_NAME
    titled = prev is not None and prev_lower in TITLES and (prev.cap or tok.cap)
    if titled and (tok.cap or gaz) and (gaz or not tok.care):
        return _STRONG
    if tok.initial:
        return _WEAK
    if not tok.cap:
        return _classify_lower(text, tokens, i, gaz, common)
    if tok.word.isupper():
        # headings like "CASIAN WOOD - DOB ...": all-caps words are names only in pairs (see _chain)
        care_only = tok.care and tok.lower not in lex.surnames
        return _NOT_NAME if len(tok.word) < 3 or care_only or (common and not gaz) else _WEAK
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    place = nxt is not None and nxt.lower in _PLACE_SUFFIX and nxt.cap and _adjacent(text, tok, nxt)
    # "Hilltop Primary", "Acacia Avenue" - but "Mehmet Wood" is a first name and a surname
    if place and nxt is not None and not _surname_not_place(tok, nxt):
        return _NOT_NAME
    if tok.care:
        # "Ward", "Hall": care or place words that are also surnames join a name next to them
        if gaz and tok.lower in lex.first_names and not common:
            return _WEAK
        return _WEAK if tok.lower in lex.surnames and not tok.sentence_start else _NOT_NAME
    if gaz and not common:
        return _STRONG
    if not gaz and not common and not tok.sentence_start and len(tok.word) >= 2:
        return _STRONG
    if gaz or (not common and tok.sentence_start):
        # word-names (Grace, Will) and unknown words at a sentence start: names only with support
        if _cue_before(text, tokens, i) or _support_after(text, tokens, i):
            return _STRONG
        return _WEAK
    return _NOT_NAME


def _unknown_word(tok: _Token) -> bool:
    lower = tok.lower
    return (
        len(lower) >= 3
        and not tok.care
        and lower not in LEXICON.english_common
        and lower not in WORD_NAMES
        and not _not_a_name_shape(lower)
    )


def _surname_not_place(tok: _Token, nxt: _Token) -> bool:
    """ "Mehmet Wood", "Casian Ward": the next word is a surname-like place word after a name-like word."""
    lex = LEXICON
    if nxt.lower not in lex.surnames:
        return False
    if tok.lower in lex.first_names:
        return True
    return nxt.lower in _SURNAME_PLACE_WORDS and tok.lower not in lex.english_common and not tok.sentence_start


def _not_a_name_shape(lower: str) -> bool:
    """Contractions ("I'm", "you're") and plain English derivations ("salesperson"s, "pleasures")."""
    if "'" in lower or "’" in lower:
        tail = lower.replace("’", "'").rsplit("'", 1)[1]
        return tail in _CONTRACTIONS
    if _in_gazetteer(lower):
        return False
    if lower.endswith("s") and lower[:-1] in LEXICON.english_common:
        return True
    return lower.endswith(_ENGLISH_SUFFIXES)


def _classify_lower(text: str, tokens: list[_Token], i: int, gaz: bool, common: bool) -> int:
    tok = tokens[i]
    if tok.care or len(tok.word) < 3:
        return _NOT_NAME
    if common or not gaz:
        # "mum (will)", "nan (saima)": ordinary or unknown words are names only right after a strong cue
        if common and not gaz:
            return _NOT_NAME
        return _STRONG if _cue_before(text, tokens, i, strict=True) else _NOT_NAME
    if _cue_before(text, tokens, i) or _support_after(text, tokens, i):
        return _STRONG  # "my name is janice", "chloe is very reliable", "dr. hurst"
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and prev.lower in TITLES and text[prev.end : tok.start] in (". ", " "):
        return _STRONG
    return _WEAK


def _in_gazetteer(lower: str) -> bool:
    lex = LEXICON
    if lower in lex.first_names or lower in lex.surnames or lower in WORD_NAMES:
        return True
    if "-" in lower:
        parts = [p for p in lower.split("-") if p]
        return all(p in lex.first_names or p in lex.surnames or p in WORD_NAMES for p in parts)
    return False


def _support_after(text: str, tokens: list[_Token], i: int) -> bool:
    """What follows shows a person: "Hope said", "Hope's brother", "Hope, Ewelina's brother"."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None:
        return False
    gap = text[tok.end : nxt.start]
    if tok.possessive and nxt.lower in _RELATIONS and gap.strip(" 'sS’") == "":
        return True
    if nxt.lower in VERBS_AFTER_NAME and gap.strip() == "":
        return True
    if nxt.lower in _BE_VERBS and gap == " " and tok.lower not in LEXICON.english_common:
        return True
    if gap in (" (", ", (") and nxt.lower in _BIRTH_WORDS:
        return True  # "Mark (date of birth ...", "Mark (DOB ..."
    if gap.startswith(":") and tok.sentence_start and (tok.start == 0 or text[tok.start - 1] == "\n"):
        after = text[nxt.start - 1 : nxt.start]
        if _in_gazetteer(tok.lower) or (after == '"' and tok.lower not in LEXICON.english_common):
            return True  # a speaker in a transcript: 'Ella: ...', 'Vsevolod: "Who are you?"'

    apposition = gap.strip() == "," and nxt.possessive and i + 2 < len(tokens)
    return apposition and tokens[i + 2].lower in _RELATIONS


def _cue_before(text: str, tokens: list[_Token], i: int, strict: bool = False) -> bool:
    """A relationship cue or title in the two words before (e.g. "mum (sarah)", "my name is john").

    ``strict``: only the forms that make even an ordinary word a name ("mum (will)", "named grace").
    """
    tok = tokens[i]
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
        if back == 2 and prev.lower in ("name", "named", "called") and tokens[i - 1].lower in ("is", "was"):
            return True
        if back == 2 and prev.lower in STRONG_CUES and tokens[i - 1].lower in ("called", "named", "is"):
            return True
        if prev.lower in TITLES and prev.cap:
            return True
    return False


class NameDetector:
    name = "person_names"

    def detect(self, text: str) -> Sequence[Finding]:
        lowered = lower_same_length(text)
        tokens = _tokens(text, _care_mask(text, lowered))
        if not tokens:
            return []
        labels = _labels(text, tokens)
        _chain(text, tokens, labels)
        return self._spans(text, tokens, labels)

    def _spans(self, text: str, tokens: list[_Token], labels: list[int]) -> list[Finding]:
        findings: list[Finding] = []
        i = 0
        while i < len(tokens):
            if labels[i] != _STRONG:
                i += 1
                continue
            j = i
            while j + 1 < len(tokens) and labels[j + 1] == _STRONG and _adjacent(text, tokens[j], tokens[j + 1]):
                j += 1
            findings.append(Finding(PERSON, tokens[i].start, tokens[j].end, 0.7, self.name, "name_heuristic"))
            i = j + 1
        return findings


def _labels(text: str, tokens: list[_Token]) -> list[int]:
    """Classify every word; most lower-case words are settled by two set lookups without a full check."""
    lex = LEXICON
    first_names, surnames = lex.first_names, lex.surnames
    labels = [_NOT_NAME] * len(tokens)
    previous_lower = ""
    for i, tok in enumerate(tokens):
        lower = tok.lower
        if tok.cap or lower in first_names or lower in surnames or lower in WORD_NAMES or previous_lower in STRONG_CUES:
            labels[i] = _classify(text, tokens, i)
        previous_lower = lower
    return labels


def _weak(labels: list[int]) -> list[int]:
    return [i for i, label in enumerate(labels) if label == _WEAK]


def _lists(text: str, tokens: list[_Token], labels: list[int]) -> None:
    """In a list of names ("Kónya, Becker and Vasquez"; "leonti, terrence, pamela") weak items are names."""
    for i in _weak(labels):
        if i + 2 >= len(tokens):
            break
        # three gazetteer names in a row of a list seed it: "silvana, adam, christopher"
        trio = tokens[i : i + 3]
        if all(labels[i + k] == _WEAK and _in_gazetteer(t.lower) and not t.initial for k, t in enumerate(trio)):
            gaps = (text[trio[0].end : trio[1].start], text[trio[1].end : trio[2].start])
            if all(g in _LIST_GAPS for g in gaps):
                labels[i] = labels[i + 1] = labels[i + 2] = _STRONG
    changed = True
    while changed:
        changed = False
        for i in _weak(labels):
            tok = tokens[i]
            if tok.initial:
                continue
            for j in (i - 1, i + 1):
                if not 0 <= j < len(tokens) or labels[j] != _STRONG or tokens[j].cap != tok.cap:
                    continue
                left, right = (tokens[j], tok) if j < i else (tok, tokens[j])
                if text[left.end : right.start] in _LIST_GAPS:
                    labels[i] = _STRONG
                    changed = True
                    break


def _chain(text: str, tokens: list[_Token], labels: list[int]) -> None:
    """Weak words (initials, word-names, particles) next to a strong name word become part of the name;
    two adjacent capitalised weak words with a gazetteer name among them ("Kayden Tran") are a name."""
    lex = LEXICON
    for i in _weak(labels):
        if i + 1 >= len(tokens):
            break
        a, b = tokens[i], tokens[i + 1]
        if labels[i] != _WEAK or labels[i + 1] != _WEAK or a.initial or b.initial or not _adjacent(text, a, b):
            continue
        if a.cap and b.cap and (_in_gazetteer(a.lower) or _in_gazetteer(b.lower)):
            labels[i] = labels[i + 1] = _STRONG
        elif not a.cap and not b.cap and a.lower in lex.first_names and b.lower in lex.surnames:
            labels[i] = labels[i + 1] = _STRONG  # "codey ross": a lower-case first name and surname
    for i in _weak(labels):
        if i + 2 >= len(tokens):
            break
        a, mid, b = tokens[i], tokens[i + 1], tokens[i + 2]
        if (
            not a.cap
            and len(mid.word) == 1
            and mid.word.isalpha()
            and a.lower in lex.first_names
            and b.lower in lex.surnames
            and text[a.end : mid.start] == " "
            and text[mid.end : b.start] in (" ", ". ")
        ):
            labels[i] = labels[i + 1] = labels[i + 2] = _STRONG  # "emidio p lombardo"
        elif (
            labels[i] == _WEAK
            and a.cap
            and mid.lower in NAME_PARTICLES
            and not mid.cap
            and b.cap
            and labels[i + 2] != _NOT_NAME
        ):
            labels[i] = labels[i + 2] = _STRONG  # "Dyan van Gijn", "Willemine ten Pas"
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if labels[i] == _NOT_NAME or tok.cap or nxt.cap or labels[i + 1] != _NOT_NAME:
            continue
        if tok.lower in lex.first_names and text[tok.end : nxt.start] == " " and _unknown_word(nxt):
            labels[i] = labels[i + 1] = _STRONG  # "janice beneventi": a first name and an unknown word
    _lists(text, tokens, labels)
    for i, tok in enumerate(tokens):
        if tok.lower in _NAME_SUFFIXES and i > 0 and labels[i - 1] == _STRONG and tok.start - tokens[i - 1].end == 1:
            labels[i] = _STRONG  # "Andrew Turcotte MD", "Kevin Veitonen II"
    particles = [i for i, t in enumerate(tokens) if not t.cap and t.lower in NAME_PARTICLES]
    changed = True
    while changed:
        changed = False
        for i in sorted({*_weak(labels), *particles}):
            tok = tokens[i]
            if labels[i] == _STRONG:
                continue
            joinable = labels[i] == _WEAK or (tok.lower in NAME_PARTICLES and not tok.cap)
            if not joinable:
                continue
            left = i > 0 and labels[i - 1] == _STRONG and _adjacent(text, tokens[i - 1], tok)
            right = i + 1 < len(tokens) and labels[i + 1] == _STRONG and _adjacent(text, tok, tokens[i + 1])
            if tok.lower in NAME_PARTICLES and not tok.cap:
                # "Donald van der Voet", and a name that starts with its particle: "the van Gijn novel"
                after = tokens[i + 1] if i + 1 < len(tokens) else None
                ok = after is not None and _adjacent(text, tok, after) and after.cap and (left or right)
            else:
                ok = left or right
            if ok:
                labels[i] = _STRONG
                changed = True

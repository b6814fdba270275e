"""Normalisation of request sentences so that spelling games do not hide a request.

Applied only to the (few, short) sentences that address the model, never to a whole pasted note.  Steps: drop
apostrophes, undo letter/digit substitutions (``r1sk``), join spaced-out letters (``r i s k``), map text-speak
(``u``, ``pls``, ``wud``) and correct one-edit misspellings of the guard's trigger words (``likley``,
``thresold``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_INVISIBLE = dict.fromkeys(
    [
        0x00AD,
        0x034F,
        0x061C,
        0x115F,
        0x1160,
        0x17B4,
        0x17B5,
        0x180E,
        0xFEFF,
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2070),
        *range(0xE0000, 0xE0080),
    ]
)
_APOSTROPHES = {ord(c): None for c in "'’‘`´"}
_PUNCT = {ord(c): " " for c in '"“”«»()[]{}<>,.!?;:/\\|*_#~^=+&-–—…•·'}
_PUNCT[ord("%")] = " % "
_PUNCT[ord("@")] = "a"
_PUNCT[ord("$")] = "s"

LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)

TEXT_SPEAK: dict[str, str] = {
    "u": "you",
    "ya": "you",
    "yu": "you",
    "ur": "your",
    "yr": "your",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "plse": "please",
    "pleeze": "please",
    "wat": "what",
    "wot": "what",
    "wht": "what",
    "wud": "would",
    "wld": "would",
    "cud": "could",
    "cld": "could",
    "shud": "should",
    "shld": "should",
    "shd": "should",
    "cn": "can",
    "d": "the",
    "teh": "the",
    "da": "the",
    "dis": "this",
    "dat": "that",
    "b4": "before",
    "gonna": "going to",
    "wanna": "want to",
    "gimme": "give me",
    "lemme": "let me",
    "ppl": "people",
    "fam": "family",
    "fams": "families",
    "mam": "mum",
    "mom": "mum",
    "mommy": "mum",
    "mummy": "mum",
    "mama": "mum",
    "kidz": "kids",
    "bby": "baby",
    "y": "why",
    "n": "and",
    "lvl": "level",
    "lvls": "levels",
    "rsk": "risk",
    "risc": "risk",
    "rsik": "risk",
    "riks": "risk",
    "rik": "risk",
    "likelyhood": "likelihood",
    "thresh": "threshold",
    "sec": "section",
    "sect": "section",
    "s": "s",
    "hes": "he is",
    "shes": "she is",
    "theyre": "they are",
    "isnt": "is not",
    "arent": "are not",
    "whos": "who is",
    "wots": "what is",
    "wats": "what is",
    "whats": "what is",
    "gud": "good",
    "2day": "today",
    "safe guarding": "safeguarding",
    "reoffnd": "reoffend",
    "probs": "probably",
    "defo": "definitely",
    "lyin": "lying",
    "lieing": "lying",
    "cos": "because",
    "coz": "because",
    "bc": "because",
}

# Words the guard keys on; one-edit misspellings of these are corrected.
TRIGGERS: tuple[str, ...] = (
    "score",
    "rating",
    "predict",
    "prediction",
    "likely",
    "likelihood",
    "probability",
    "threshold",
    "removal",
    "removed",
    "remove",
    "capacity",
    "credible",
    "credibility",
    "honest",
    "honesty",
    "lying",
    "truth",
    "vulnerable",
    "vulnerability",
    "dangerous",
    "danger",
    "classify",
    "categorise",
    "categorize",
    "reoffend",
    "reoffending",
    "escalate",
    "conference",
    "adoption",
    "suitable",
    "suitability",
    "percentage",
    "assess",
    "evaluate",
    "believe",
    "safeguarding",
    "proceedings",
    "placement",
    "breakdown",
    "chances",
    "relapse",
    "eligible",
    "eligibility",
    "recommend",
    "recommendation",
    "decide",
    "whether",
    "should",
    "prioritise",
    "triage",
    "matrix",
    "forecast",
    "outcome",
    "missing",
    "instructions",
    "ignore",
    "telling",
    "credibly",
    "threshold",
    "would",
    "could",
    "please",
    "family",
    "families",
    "children",
    "medium",
    "amber",
    "trustworthy",
    "believable",
    "truthful",
    "section",
    "strategy",
    "enquiry",
    "closure",
    "escalation",
)
# Real words one edit away from a trigger, which must not be "corrected" into it.
PROTECTED_WORDS = frozenset(
    {
        "store",
        "scare",
        "scope",
        "scored",
        "scores",
        "scorer",
        "shore",
        "snore",
        "swore",
        "sword",
        "words",
        "world",
        "would",
        "could",
        "mould",
        "should",
        "shoulder",
        "likes",
        "liked",
        "lively",
        "lonely",
        "honey",
        "money",
        "lining",
        "lying",
        "dying",
        "tying",
        "flying",
        "trying",
        "crying",
        "prying",
        "buying",
        "lighting",
        "removes",
        "removal",
        "remote",
        "remold",
        "assets",
        "asses",
        "assist",
        "access",
        "excess",
        "assert",
        "trust",
        "truths",
        "missing",
        "kissing",
        "hissing",
        "placements",
        "chance",
        "changes",
        "change",
        "danger",
        "ranger",
        "manger",
        "anger",
        "hanger",
        "whither",
        "wither",
        "either",
        "weather",
        "outcomes",
        "suitably",
        "escalator",
        "capacities",
        "decode",
        "decade",
        "deride",
        "beside",
        "decider",
        "decided",
        "decides",
        "ignored",
        "ignores",
        "family",
        "medium",
        "amber",
        "timber",
        "number",
        "member",
        "telling",
        "selling",
        "yelling",
        "felling",
        "welling",
        "spelling",
        "falling",
        "calling",
        "filling",
        "matrix",
        "metric",
        "strategy",
        "section",
        "selection",
        "election",
        "erection",
        "closures",
        "closer",
        "closet",
        "clouse",
        "please",
        "pleased",
        "plead",
        "eligibly",
        "recommends",
        "recommended",
        "forecasts",
        "predicts",
        "triages",
        "assessed",
        "assesses",
        "evaluated",
        "evaluates",
        "believed",
        "believes",
        "scoring",
        "rated",
        "rates",
        "wording",
        "working",
        "whether",
        "honesty",
        "honestly",
        "dangers",
        "credible",
        "relapsed",
        "relapses",
        "enquire",
        "enquired",
        "inquiry",
    }
)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@lru_cache(maxsize=1)
def _fuzzy_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for word in TRIGGERS:
        if len(word) < 5:
            continue
        index.setdefault(word, word)
        for variant in _deletions(word):
            index.setdefault(variant, word)
    return index


def correct(token: str) -> str:
    """A one-edit misspelling of a trigger word becomes that word; everything else is returned unchanged."""
    if len(token) < 5 or token in PROTECTED_WORDS or not token.isalpha():
        return token
    index = _fuzzy_index()
    hit = index.get(token)
    if hit is not None:
        return _unless_inflection(token, hit)
    for variant in _deletions(token):
        hit = index.get(variant)
        if hit is not None:
            return _unless_inflection(token, hit)
    return token


def _unless_inflection(token: str, hit: str) -> str:
    for suffix in ("s", "d", "ed", "es", "ing", "ly", "er", "y"):
        if token == hit + suffix or token == hit[:-1] + suffix:
            return token
    return hit


def clean_text(text: str) -> str:
    """Lower-case once; remove invisible characters and fold compatibility forms (only when non-ASCII)."""
    low = text.lower()
    if low.isascii():
        return low
    return unicodedata.normalize("NFKC", low.translate(_INVISIBLE))


def _join_spelled_out(tokens: list[str]) -> list[str]:
    """``r i s k`` → ``risk`` (runs of three or more single letters)."""
    out: list[str] = []
    run: list[str] = []
    for tok in [*tokens, ""]:
        if len(tok) == 1 and tok.isalpha():
            run.append(tok)
            continue
        if len(run) >= 3:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if tok:
            out.append(tok)
    return out


def _unleet(token: str) -> str:
    if token.isalpha() or token.isdigit() or not any(c.isalpha() for c in token):
        return token
    candidate = token.translate(LEET)
    fixed = correct(candidate) if candidate.isalpha() else candidate
    return fixed if fixed in _fuzzy_index() or fixed in TEXT_SPEAK or fixed == "risk" else token


def normalise_sentence(sentence: str) -> str:
    """Padded, normalised form of one request sentence: `` word word word ``."""
    raw_tokens = [_unleet(t) for t in sentence.translate(_APOSTROPHES).split()]
    tokens = " ".join(raw_tokens).translate(_PUNCT).split()
    tokens = _join_spelled_out(tokens)
    out: list[str] = []
    for i, tok in enumerate(tokens):
        if tok == "s" and i + 1 < len(tokens) and tokens[i + 1] in {"47", "42", "20", "17", "31", "38"}:
            out.append("s" + tokens[i + 1])
            continue
        if i > 0 and tok in {"47", "42", "20", "17", "31", "38"} and tokens[i - 1] == "s":
            continue
        mapped = TEXT_SPEAK.get(tok)
        out.append(mapped if mapped is not None else correct(tok))
    return " " + " ".join(out) + " "


def normalise_all(sentences: Iterable[str]) -> tuple[str, ...]:
    return tuple(normalise_sentence(s) for s in sentences)

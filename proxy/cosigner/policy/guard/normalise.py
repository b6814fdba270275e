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

from cosigner.policy.guard.spelling import correct, is_correction_target, is_known
from cosigner.policy.guard.wordlists import COMMON_CAPITALISED, TEXT_SPEAK, TRIGGERS

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

LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
LEET_L = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})


_INVISIBLE_UTF8 = (
    b"\xc2\xad",
    b"\xcd\x8f",
    b"\xe2\x80\x8b",
    b"\xe2\x80\x8c",
    b"\xe2\x80\x8d",
    b"\xe2\x80\x8e",
    b"\xe2\x80\x8f",
    b"\xe2\x80\xaa",
    b"\xe2\x80\xab",
    b"\xe2\x80\xac",
    b"\xe2\x80\xad",
    b"\xe2\x80\xae",
    b"\xe2\x81",
    b"\xef\xbb\xbf",
    b"\xf3\xa0",
    b"\xe1\xa0\x8e",
    b"\xd8\x9c",
)


def clean_text(text: str) -> str:
    """Remove invisible characters and fold compatibility forms (full-width letters); ASCII costs nothing."""
    if text.isascii():
        return text
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        pass
    else:  # Latin-1 only: the no-break space and the soft hyphen are the characters that matter
        return text.replace("\xa0", " ").replace("\xad", "")
    encoded = text.encode("utf-8", "surrogatepass")
    if any(seq in encoded for seq in _INVISIBLE_UTF8):
        text = text.translate(_INVISIBLE)
    return unicodedata.normalize("NFKC", text)


def _join_spelled_out(tokens: list[str]) -> list[str]:
    """``r i s k`` → ``risk`` (runs of three or more single letters)."""
    out: list[str] = []
    run: list[str] = []
    for tok in [*tokens, ""]:
        if len(tok) == 1 and tok.isalpha() and tok != "x":  # "x" stands for a name
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


def _join_stray_letter(tokens: list[str]) -> list[str]:
    """``l ying`` → ``lying``: a letter split off a trigger word, leaving a fragment that is no word itself."""
    triggers = frozenset(TRIGGERS)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        joined = tok + nxt
        if len(tok) == 1 and tok not in "aix" and nxt and joined in triggers and not is_known(nxt):
            out.append(joined)
            i += 2
            continue
        out.append(tok)
        i += 1
    return out


# Four-letter words the guard keys on; a five-letter token that is one of them plus a stray letter is corrected.
SHORT_TRIGGERS = frozenset({"risk", "rate", "harm", "safe", "rank"})
# Imperatives whose final e is often dropped ("rat the risk", "scor each child").
FINAL_E_VERBS = frozenset({"rate", "score", "judge", "decide", "estimate", "gauge", "grade", "categorise", "assume"})


def with_final_e(token: str, allowed: frozenset[str] = FINAL_E_VERBS) -> str:
    return token + "e" if token + "e" in allowed and token + "e" in FINAL_E_VERBS else token


def _short_trigger(token: str) -> str:
    if len(token) == 5 and token.isalpha():
        for i in range(1, 4):  # a stray letter inside the word: "risck"; not "rated", "prank", "safer"
            if token[:i] + token[i + 1 :] in SHORT_TRIGGERS:
                return token[:i] + token[i + 1 :]
    return token


def unleet(token: str) -> str:
    return _unleet(token)


def _unleet(token: str) -> str:
    if token.isalpha() or token.isdigit() or not any(c.isalpha() for c in token):
        return token
    core = token.rstrip(_EDGE)
    if core != token and core:
        return _unleet(core) + token[len(core) :]  # "c4p4c1ty?"
    candidate = token.translate(LEET)
    if "1" in token and candidate not in _known_words():
        as_l = token.translate(LEET_L)  # "ru1es": a 1 can stand for an l as well as an i
        candidate = as_l if as_l in _known_words() else candidate
    fixed = correct(candidate) if candidate.isalpha() else candidate
    if is_correction_target(fixed) or fixed in TEXT_SPEAK or fixed == "risk":
        return fixed
    letters = sum(c.isalpha() for c in token)
    if fixed.isalpha() and letters >= 2 and letters >= len(token) - letters:
        return fixed  # "wh4t", "th1s", "f0r"; "s47" and case numbers keep their digits (too few letters)
    if fixed.isalpha() and len(fixed) >= 2 and fixed in _known_words():
        return fixed  # "d035 5h3 h4v3" → "does she have": mostly digits, but every word decodes to a known one
    return token


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    import re

    from cosigner.policy.guard.lexicon import ROLES
    from cosigner.policy.guard.sentences import FILLERS, OPENERS

    words: set[str] = set(COMMON_CAPITALISED) | set(TEXT_SPEAK) | set(TRIGGERS) | OPENERS | FILLERS
    for templates in ROLES.values():
        for template in templates:
            words.update(re.findall(r"[a-z]+", template))
    return frozenset(words)


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})
# Words a number really follows: "level 4", "tier 2", "section 4", "rated 2 out of 5".
_NUMBERED = frozenset({"level", "tier", "band", "category", "section", "s", "stage", "step", "grade", "score",
                       "rated", "rate", "scored", "is", "a", "of", "was", "at", "year", "age", "aged", "page",
                       "part", "paragraph", "week", "weeks", "day", "days", "to", "and", "or", "about"})
_DETERMINERS = frozenset({"the", "these", "those", "both"})
_GROUPS = frozenset({"children", "kids", "family", "household", "siblings", "twins", "boys", "girls", "parents",
                     "brothers", "sisters", "grandparents", "carers"})
_HEAD_FILLERS = frozenset({"please", "pls", "plz", "just", "now", "so", "ok", "right", "can", "you", "could"})
_OBJECT_STARTS = frozenset({"the", "this", "these", "each", "every", "all", "her", "his", "their", "them", "him",
                            "x", "my", "our", "both"})
_EDGE = "\"'“”‘’(),.:;!?[]{}<>*"


def tag_names(sentence: str) -> str:
    """Replace likely personal names (capitalised words the guard does not know) with ``x``.

    The guard runs before redaction, so a request names real people; "Is Kayleigh lying?" must read as
    "is x lying".  Unknown capitalised words and titles (Mr, Mrs …) become ``x``.
    """
    known = _known_words()
    out: list[str] = []
    after_title = False
    for word in sentence.split():
        core = word.strip(_EDGE)
        base = core[:-2] if core.endswith(("'s", "’s")) else core
        low = base.lower()
        if "'" in low or "’" in low:  # "I've", "You're", "Doesn't": a contraction of a known word is not a name
            low = low.replace("’", "'")
            low = low.replace("'", "") if low.replace("'", "") in known else low.split("'")[0]
        follows_title, after_title = after_title, low in _TITLES
        if "-" in low and (all(part in known for part in low.split("-") if part) or _spelled_with_hyphens(low)):
            out.append(word)  # "Colour-code", "Sense-check": known words joined by a hyphen are not a name
            continue
        if base and (
            low in _TITLES
            or (follows_title and base.isalpha() and low not in known)  # "mrs ray": a surname in lower case
            or (
                base[0].isupper()
                and not base.isupper()
                and base.replace("-", "").replace("'", "").isalpha()
                and low not in known
            )
        ):
            out.append(word.replace(core, "x"))
        else:
            out.append(word)
    return " ".join(out)


def _join_spaced_words(sentence: str) -> str:
    """``r a t e   t h e   f a m i l y`` → ``rate the family``: wider gaps separate the spelled-out words."""
    groups = sentence.split("  ")
    if len(groups) < 2:
        return sentence
    out: list[str] = []
    for group in groups:
        letters = group.split()
        if len(letters) >= 2 and all(len(t) == 1 for t in letters):
            out.append("".join(letters))
        elif group.strip():
            out.append(group.strip())
    return " ".join(out)


def _spelled_with_hyphens(token: str) -> bool:
    parts = token.strip(_EDGE).split("-")
    return len(parts) >= 3 and all(len(part) == 1 and part.isalpha() for part in parts)


def _join_hyphen_letters(token: str) -> str:
    """``r-i-s-k`` → ``risk`` (each spelled-out word joined on its own, so two of them stay two words)."""
    return token.strip(_EDGE).replace("-", "") if "-" in token and _spelled_with_hyphens(token) else token


_DO_YOU = frozenset({"d'u", "d'you", "d'ya", "d'yer", "d’u", "d’you", "d’ya"})


def _expand_contractions(sentence: str) -> str:
    """``he'll`` → ``he will``, ``d'you`` → ``do you``: dropping the apostrophe alone would make "hell"."""
    out: list[str] = []
    for word in sentence.split():
        core = word.rstrip(_EDGE)
        if core.lower() in _DO_YOU:
            out.append("do you" + word[len(core) :])
        elif core.lower().endswith(("'ll", "’ll")) and len(core) > 3:
            out.append(core[:-3] + " will" + word[len(core) :])
        else:
            out.append(word)
    return " ".join(out)


IDIOMS = ((" honest opinion ", " opinion "), (" to be honest ", " "), (" tbh ", " "), (" honestly ", " "))


def normalise_sentence(sentence: str) -> str:
    """Padded, normalised form of one request sentence: `` word word word ``."""
    if "  " in sentence:
        sentence = _join_spaced_words(sentence)
    sentence = tag_names(sentence).lower()
    if "y/n" in sentence:
        sentence = sentence.replace("y/n", " yes or no ")
    if "'" in sentence or "’" in sentence:
        sentence = _expand_contractions(sentence)
    raw_tokens = [_unleet(_join_hyphen_letters(t)) for t in sentence.translate(_APOSTROPHES).split()]
    tokens = " ".join(raw_tokens).translate(_PUNCT).split()
    tokens = _join_stray_letter(_join_spelled_out(tokens))
    out: list[str] = []
    for i, tok in enumerate(tokens):
        if tok == "s" and i + 1 < len(tokens) and tokens[i + 1] in {"47", "42", "20", "17", "31", "38"}:
            out.append("s" + tokens[i + 1])
            continue
        if i > 0 and tok in {"47", "42", "20", "17", "31", "38"} and tokens[i - 1] == "s":
            continue
        if tok == "x" and out and out[-1] == "x":
            continue
        if tok == "x" and out and out[-1] in _DETERMINERS and i + 1 < len(tokens) and tokens[i + 1] in _GROUPS:
            continue  # "the Price children" → "the children": a family name used as a label
        mapped = TEXT_SPEAK.get(tok)
        if (
            tok in ("2", "4")
            and 0 < i < len(tokens) - 1
            and tokens[i - 1].isalpha()
            and tokens[i + 1].isalpha()
            and tokens[i - 1] not in _NUMBERED
        ):
            mapped = "to" if tok == "2" else "for"  # "go 2 strat", "col 4 each kid": a digit used as a word
        if mapped is None and len(tok) >= 4 and tok.endswith("in") and tok + "g" in _known_words():
            mapped = tok + "g"  # a dropped g: "chattin", "talkin", "makin"
        if mapped is None and len(tok) >= 4 and tok.endswith("z") and tok[:-1] + "s" in _known_words():
            mapped = tok[:-1] + "s"  # "twinz", "kidz"
        if mapped is None and not is_known(tok):
            short = _short_trigger(tok)  # "risck", "rissk"
            if short != tok:
                mapped = short
        at_head = not out or (len(out) == 1 and out[0] in _HEAD_FILLERS)
        if mapped is None and at_head:
            with_e = with_final_e(tok)  # "rat the risk" at the start of a request
            if with_e != tok and i + 1 < len(tokens) and tokens[i + 1] in _OBJECT_STARTS:
                mapped = with_e
        out.append(mapped if mapped is not None else correct(tok))
    padded = " " + " ".join(out) + " "
    for idiom, plain in IDIOMS:
        if idiom in padded:
            padded = padded.replace(idiom, plain)  # "in your honest opinion" is about an opinion, not honesty
    if " should " in padded and " to " in padded:  # "ought we to" arrives as "should we to"
        padded = padded.replace(" should to ", " should ")
        for who in ("we", "i", "they", "you", "he", "she", "x"):
            padded = padded.replace(f" should {who} to ", f" should {who} ")
    return padded


def normalise_all(sentences: Iterable[str]) -> tuple[str, ...]:
    return tuple(normalise_sentence(s) for s in sentences)

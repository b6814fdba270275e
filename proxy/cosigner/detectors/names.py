"""Person names without a model: titles, relationship cues, capitalisation with an English-word filter,
a licensed name gazetteer, initials, lower-case names in name context and chaining of adjacent name words.

Word classification lives in ``name_classify``; propagation (a name found once is redacted everywhere in the
request) in ``name_propagation``.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence

from cosigner.detectors import Finding
from cosigner.detectors.kinds import PERSON
from cosigner.detectors.lexicon import (
    LEXICON,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    OPENERS,
    STRONG_CUES,
    TITLES,
    WORD_NAMES,
)
from cosigner.detectors.name_classify import (
    NAME_GIVEN,
    NOT_NAME,
    STRONG,
    WEAK,
    adjacent,
    classify,
    in_gazetteer,
    unknown_word,
)
from cosigner.detectors.name_groups import list_names, particle_surnames, surnames_after_first_names
from cosigner.detectors.name_tokens import (
    CAP,
    CARE,
    END,
    INITIAL,
    LOWER,
    START,
    WORD,
    Token,
    care_mask,
    tokenize,
)
from cosigner.detectors.term_matcher import lower_same_length

# After a name in a heading or list line: a birth date or health number label ("- D.O.B.", "(DOB", ", NHS no").
_BIRTH_LABEL_AFTER = re.compile(
    r"[ \t]*[-–,:(]?[ \t]*(?:d\.?[ \t]?o\.?[ \t]?b\b|date of birth|born\b|b\.[ \t]?\d|nhs\b|chi\b|aged?[ \t]\d)",
    re.IGNORECASE,
)


class NameDetector:
    name = "person_names"

    def detect(self, text: str) -> Sequence[Finding]:
        lowered = lower_same_length(text)
        tokens = tokenize(text, care_mask(text, lowered))
        if not tokens:
            return []
        labels = _labels(text, lowered, tokens)
        _chain(text, tokens, labels)
        return self._spans(text, tokens, labels)

    def _spans(self, text: str, tokens: list[Token], labels: list[int]) -> list[Finding]:
        findings: list[Finding] = []
        strong = [i for i, label in enumerate(labels) if label == STRONG]
        k, count = 0, len(strong)
        while k < count:
            i = j = strong[k]
            while k + 1 < count and strong[k + 1] == j + 1 and adjacent(text, tokens[j], tokens[j + 1]):
                k += 1
                j += 1
            findings.append(Finding(PERSON, tokens[i][START], tokens[j][END], 0.7, self.name, "name_heuristic"))
            k += 1
        return findings


_LOWER_OF = operator.itemgetter(LOWER)


def _labels(text: str, lowered: str, tokens: list[Token]) -> list[int]:
    """Classify every word; most lower-case words are settled by two set lookups without a full check."""
    lex = LEXICON
    first_names, surnames, common = lex.first_names, lex.surnames, lex.english_common
    labels = [NOT_NAME] * len(tokens)
    previous_lower = ""
    for i, tok in enumerate(tokens):
        lower = tok[LOWER]
        if tok[CAP]:
            # a capitalised care term or ordinary word that is no gazetteer name is a name only after a title
            plain = (tok[CARE] or lower in common or lower in OPENERS) and not tok[INITIAL]
            gazetteer = lower in first_names or lower in surnames or lower in WORD_NAMES
            if not plain or previous_lower in TITLES or gazetteer or ("-" in lower and in_gazetteer(lower)):
                labels[i] = classify(text, tokens, i)
        elif lower in first_names or lower in surnames or lower in WORD_NAMES or previous_lower in STRONG_CUES:
            labels[i] = classify(text, tokens, i)
        previous_lower = lower
    given = _name_given_ends(lowered)
    if given:  # "everyone calls me borna": any word after these phrases is checked
        for i, tok in enumerate(tokens):
            if tok[START] in given and labels[i] == NOT_NAME:
                labels[i] = classify(text, tokens, i)
    return labels


def _name_given_ends(lowered: str) -> set[int]:
    """Where a name someone gives may start ("calls me ", "name? "); most texts have no such phrase."""
    if "call" not in lowered and "name" not in lowered:
        return set()
    return {
        m.end()
        for pattern in NAME_GIVEN
        for m in pattern.finditer(lowered)
        if m.start() == 0 or not lowered[m.start() - 1].isalnum()
    }


def _weak(labels: list[int], among: list[int] | None = None) -> list[int]:
    """Indices labelled weak.  ``among``: an earlier result - labels only ever move from weak to strong while
    chaining, so the weak words are always a subset of it and the whole list need not be walked again."""
    if among is None:
        return [i for i, label in enumerate(labels) if label == WEAK]
    return [i for i in among if labels[i] == WEAK]


def _chain(text: str, tokens: list[Token], labels: list[int]) -> None:
    """Weak words (initials, word-names, particles) next to a strong name word become part of the name;
    two adjacent capitalised weak words with a gazetteer name among them ("Kayden Tran") are a name."""
    lex = LEXICON
    weak = _weak(labels)
    for i in weak:
        if i + 1 >= len(tokens):
            break
        a, b = tokens[i], tokens[i + 1]
        if labels[i] != WEAK or labels[i + 1] != WEAK or a[INITIAL] or b[INITIAL] or not adjacent(text, a, b):
            continue
        if a[CAP] and b[CAP] and (in_gazetteer(a[LOWER]) or in_gazetteer(b[LOWER])):
            labels[i] = labels[i + 1] = STRONG
        elif a[WORD].isupper() and b[WORD].isupper() and _BIRTH_LABEL_AFTER.match(text, b[END]):
            labels[i] = labels[i + 1] = STRONG  # a heading "SAIMA ASHWORTH - D.O.B. ...": names outside the lists
        elif not a[CAP] and not b[CAP] and a[LOWER] in lex.first_names and b[LOWER] in lex.surnames:
            labels[i] = labels[i + 1] = STRONG  # "codey ross": a lower-case first name and surname
    for i in _weak(labels, weak):
        if i + 2 >= len(tokens):
            break
        a, mid, b = tokens[i], tokens[i + 1], tokens[i + 2]
        if (
            not a[CAP]
            and len(mid[WORD]) == 1
            and mid[WORD].isalpha()
            and a[LOWER] in lex.first_names
            and b[LOWER] in lex.surnames
            and text[a[END] : mid[START]] == " "
            and text[mid[END] : b[START]] in (" ", ". ")
        ):
            labels[i] = labels[i + 1] = labels[i + 2] = STRONG  # "emidio p lombardo"
        elif (
            labels[i] == WEAK
            and a[CAP]
            and mid[LOWER] in NAME_PARTICLES
            and not mid[CAP]
            and b[CAP]
            and labels[i + 2] != NOT_NAME
        ):
            labels[i] = labels[i + 2] = STRONG  # "Dyan van Gijn", "Willemine ten Pas"
    first_names = lex.first_names
    last = len(tokens) - 1
    # the word-only conditions are tested first, so the loop below visits only lower-case first names
    lowers = list(map(_LOWER_OF, tokens))
    present = set(lowers)  # the scans below for rare words run only when one of them is in the text
    for i in _indices(lowers, present & first_names, last):
        if tokens[i][CAP]:
            continue
        tok, nxt = tokens[i], tokens[i + 1]
        if labels[i] == NOT_NAME or nxt[CAP] or labels[i + 1] != NOT_NAME:
            continue
        if text[tok[END] : nxt[START]] == " " and unknown_word(nxt):
            labels[i] = labels[i + 1] = STRONG  # "janice beneventi": a first name and an unknown word
    list_names(text, tokens, labels, weak)
    suffixes = [i for i in _indices(lowers, present & NAME_SUFFIXES, len(tokens)) if i > 0]
    _suffixes(tokens, labels, suffixes)
    particles = [i for i in _indices(lowers, present & NAME_PARTICLES, len(tokens)) if not tokens[i][CAP]]
    changed = True
    while changed:
        changed = False
        for i in sorted({*_weak(labels, weak), *particles}):
            tok = tokens[i]
            if labels[i] == STRONG:
                continue
            joinable = labels[i] == WEAK or (tok[LOWER] in NAME_PARTICLES and not tok[CAP])
            if not joinable:
                continue
            left = i > 0 and labels[i - 1] == STRONG and adjacent(text, tokens[i - 1], tok)
            right = i + 1 < len(tokens) and labels[i + 1] == STRONG and adjacent(text, tok, tokens[i + 1])
            if tok[LOWER] in NAME_PARTICLES and not tok[CAP]:
                # "Donald van der Voet", and a name that starts with its particle: "the van Gijn novel"
                after = tokens[i + 1] if i + 1 < len(tokens) else None
                ok = after is not None and adjacent(text, tok, after) and after[CAP] and (left or right)
            else:
                ok = left or right
            if ok:
                labels[i] = STRONG
                changed = True
    particle_surnames(text, tokens, labels, particles)
    surnames_after_first_names(text, tokens, labels)
    _suffixes(tokens, labels, suffixes)  # again: a name may have been completed since


def _suffixes(tokens: list[Token], labels: list[int], suffixes: list[int]) -> None:
    for i in suffixes:
        if labels[i - 1] == STRONG and tokens[i][START] - tokens[i - 1][END] == 1:
            labels[i] = STRONG  # "Andrew Turcotte MD", "Kevin Veitonen II"


def _indices(lowers: list[str], words: set[str], stop: int) -> list[int]:
    """Positions before ``stop`` of the words in ``words`` (usually none or few: no scan then)."""
    if not words:
        return []
    return [i for i, lower in enumerate(lowers) if lower in words and i < stop]

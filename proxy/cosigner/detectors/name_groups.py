"""Names recognised by the company they keep (used by ``names``): lists of names and surnames after a
particle.  Both only ever move labels towards STRONG.
"""

from __future__ import annotations

import bisect
import operator
import re

from cosigner.detectors.lexicon import LEXICON, NAME_PARTICLES, TITLES
from cosigner.detectors.name_classify import (
    LIST_GAPS,
    NOT_NAME,
    STRONG,
    WEAK,
    in_gazetteer,
)
from cosigner.detectors.name_tokens import (
    CAP,
    CARE,
    END,
    INITIAL,
    LOWER,
    POSSESSIVE,
    START,
    WORD,
    Token,
)

_COMMA = re.compile(",")
_END_OF = operator.itemgetter(END)
_CONJUNCTIONS = frozenset({"and", "or"})
_MIN_LIST_ITEMS = 3
_MIN_NAMES_IN_LIST = 2
_MAX_PARTICLES = 2
_LOWER_WORD_LETTERS = frozenset({"a", "i"})
_WORD_LETTERS = frozenset({"A", "I"})  # one-letter words rather than initials: "Grace A Level"


def list_names(text: str, tokens: list[Token], labels: list[int], weak: list[int]) -> None:
    """In a list of names ("Kónya, Becker and Vasquez"; "leonti, terrence, pamela") the items are names."""
    _name_lists(text, tokens, labels)
    for i in [i for i in weak if labels[i] == WEAK]:
        if i + 2 >= len(tokens):
            break
        # three gazetteer names in a row of a list seed it: "silvana, adam, christopher"
        trio = tokens[i : i + 3]
        if all(labels[i + k] == WEAK and in_gazetteer(t[LOWER]) and not t[INITIAL] for k, t in enumerate(trio)):
            gaps = (text[trio[0][END] : trio[1][START]], text[trio[1][END] : trio[2][START]])
            if all(g in LIST_GAPS for g in gaps):
                labels[i] = labels[i + 1] = labels[i + 2] = STRONG
    changed = True
    while changed:
        changed = False
        for i in [i for i in weak if labels[i] == WEAK]:
            tok = tokens[i]
            if tok[INITIAL] or (tok[WORD].isupper() and not in_gazetteer(tok[LOWER])):
                continue  # an acronym in a list ("Dr Rahman, LTHT") is an organisation
            for j in (i - 1, i + 1):
                if not 0 <= j < len(tokens) or labels[j] != STRONG or tokens[j][CAP] != tok[CAP]:
                    continue
                left, right = (tokens[j], tok) if j < i else (tok, tokens[j])
                if text[left[END] : right[START]] in LIST_GAPS:
                    labels[i] = STRONG
                    changed = True
                    break


def _next_item(text: str, tokens: list[Token], i: int) -> int | None:
    """The next item of a list that word ``i`` belongs to: after ", ", " and ", ", or ", ...; else None."""
    j = i + 1
    if j < len(tokens) and tokens[j][LOWER] in _CONJUNCTIONS and not tokens[j][CAP]:
        j += 1
    if j >= len(tokens) or text[tokens[i][END] : tokens[j][START]] not in LIST_GAPS:
        return None
    return j


def _name_lists(text: str, tokens: list[Token], labels: list[int]) -> None:
    """A list of three or more single words of one case, each a gazetteer name or no English word, with at
    least two names that are no English word either: every item is a name ("natalina, thomas, crystal, omar
    and brandy"; "Victor, Andrew, Evan and April")."""
    # a list of three has a comma after its first item: only words right before a comma can start one
    ends = list(map(_END_OF, tokens))
    starts = []
    for comma in _COMMA.finditer(text):
        k = bisect.bisect_left(ends, comma.start())
        if k < len(ends) and ends[k] == comma.start():
            starts.append(k)
    done = -1
    for i in starts:
        if i <= done:
            continue
        run = [i]
        while (j := _next_item(text, tokens, run[-1])) is not None and tokens[j][CAP] == tokens[i][CAP]:
            run.append(j)
        done = run[-1]
        if len(run) < _MIN_LIST_ITEMS or all(labels[k] == STRONG for k in run):
            continue
        if all(_list_item(tokens[k], labels[k]) for k in run):
            names = sum(1 for k in run if _plain_name(tokens[k]))
            if names >= _MIN_NAMES_IN_LIST:
                for k in run:
                    labels[k] = STRONG


def _list_item(tok: Token, label: int) -> bool:
    if tok[INITIAL] or tok[POSSESSIVE] or len(tok[WORD]) < 3 or (tok[WORD].isupper() and len(tok[WORD]) > 1):
        return False
    if label == STRONG:
        return True
    lower = tok[LOWER]
    if tok[CARE]:
        return lower in LEXICON.first_names  # a month that is also a name ("Evan and April") - among names only
    return in_gazetteer(lower) or lower not in LEXICON.english_common


def _plain_name(tok: Token) -> bool:
    return not tok[CARE] and in_gazetteer(tok[LOWER]) and tok[LOWER] not in LEXICON.english_common


def particle_surnames(text: str, tokens: list[Token], labels: list[int], particles: list[int]) -> None:
    """A capitalised word after a name (or a name-like word) and one or two particles is its surname, even an
    English word or one shaped like one ("William ten Pas", "Heidi van der Vlist", "Maika van de Noort").
    ``particles``: indices of particle words."""
    count = len(tokens)
    for p in particles:
        i = p - 1
        if i < 0 or labels[i] == NOT_NAME or not tokens[i][CAP] or tokens[i][POSSESSIVE]:
            continue
        if labels[i] == WEAK and tokens[i][LOWER] in LEXICON.english_common:
            continue  # "The van der Berg family": an ordinary word before the particle
        j = p
        while j < count and j - p < _MAX_PARTICLES and _particle(tokens[j]) and _space(text, tokens[j - 1], tokens[j]):
            j += 1
        if j == p or j >= count:
            continue
        last = tokens[j]
        if _space(text, tokens[j - 1], last) and last[CAP] and not last[CARE] and not last[WORD].isupper():
            for k in range(i, j + 1):
                labels[k] = STRONG


def _introduced(text: str, tokens: list[Token], i: int) -> bool:
    """Word ``i`` follows a title ("Dr. Justin Beet") or a name label ("Name:    Christopher Cadena")."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    gap = text[prev[END] : tokens[i][START]]
    return (prev[LOWER] in TITLES and gap in (" ", ". ")) or (prev[LOWER] == "name" and gap.strip(" \t") == ":")


def _surname_shape(tok: Token) -> bool:
    return tok[CAP] and not tok[CARE] and not tok[WORD].isupper() and len(tok[WORD]) > 1


def _particle(tok: Token) -> bool:
    return not tok[CAP] and tok[LOWER] in NAME_PARTICLES


def _space(text: str, left: Token, right: Token) -> bool:
    return text[left[END] : right[START]] == " "


def surnames_after_first_names(text: str, tokens: list[Token], labels: list[int]) -> None:
    """A middle initial between a name and a capitalised word makes all three a name ("Jildau S Bouts", "Ella H.
    Snider"); after a first name found as a name, or one after a title, a capitalised word is its surname even
    when it looks like an English word ("Christina Rosing", "Dr. Justin Beet", "Name: Christopher Cadena")."""
    count = len(tokens)
    first_names, common = LEXICON.first_names, LEXICON.english_common
    for i in [i for i, label in enumerate(labels) if label != NOT_NAME]:
        tok = tokens[i]
        if not tok[CAP]:
            _lower_case_full_name(text, tokens, labels, i)
            continue
        if tok[POSSESSIVE] or tok[INITIAL] or tok[WORD].isupper() or i + 1 >= count:
            continue
        nxt = tokens[i + 1]
        if not _space(text, tok, nxt):
            continue
        first = tok[LOWER] in first_names
        if nxt[INITIAL] and nxt[WORD] not in _WORD_LETTERS and i + 2 < count and (first or labels[i] == STRONG):
            last = tokens[i + 2]
            if text[nxt[END] : last[START]] in (" ", ". ") and _surname_shape(last):
                labels[i] = labels[i + 1] = labels[i + 2] = STRONG
        elif labels[i] == STRONG and first and labels[i + 1] == NOT_NAME and _surname_shape(nxt):
            labels[i + 1] = STRONG if _introduced(text, tokens, i) or nxt[LOWER] not in common else NOT_NAME


def _lower_case_full_name(text: str, tokens: list[Token], labels: list[int], i: int) -> None:
    """Lower-case first names (no English word) before a middle initial and a surname, or found as a name and
    before a word that is no common English word: "codey m ross", "eric g. samoylova", "patricia desrosiers"."""
    tok = tokens[i]
    if i + 1 >= len(tokens) or tok[POSSESSIVE] or tok[LOWER] not in LEXICON.first_names:
        return
    if tok[LOWER] in LEXICON.english_common:
        return
    nxt = tokens[i + 1]
    if nxt[CAP] or not _space(text, tok, nxt):
        return
    if len(nxt[WORD]) == 1 and nxt[LOWER] not in _LOWER_WORD_LETTERS and i + 2 < len(tokens):
        last = tokens[i + 2]
        if not last[CAP] and text[nxt[END] : last[START]] in (" ", ". ") and _lower_surname(last):
            labels[i] = labels[i + 1] = labels[i + 2] = STRONG
    elif labels[i] == STRONG and labels[i + 1] == NOT_NAME and _lower_surname(nxt):
        labels[i + 1] = STRONG


def _lower_surname(tok: Token) -> bool:
    lower = tok[LOWER]
    return len(lower) > 2 and not tok[CARE] and lower not in LEXICON.english_common

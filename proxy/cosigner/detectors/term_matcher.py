"""Whole-word, case-insensitive matching of many literal terms at once (Aho-Corasick, lower-cased)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import ahocorasick


def lower_same_length(text: str) -> str:
    """``str.lower`` (line breaks, tabs read as spaces) that never changes the length: offsets stay valid."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # str.replace runs in C at memory speed; str.translate with a table is ~50x slower on large texts
    for char in "\n\t\r\u00a0":
        if char in lowered:
            lowered = lowered.replace(char, " ")
    return lowered


class Term(NamedTuple):  # a tuple: built thousands of times per request, ~3x cheaper than a frozen dataclass
    text: str  # as the caller gave it; matched case-insensitively
    kind: str
    capitalised_only: bool = False  # common words ("Will", "Rose") match only when written with a capital
    # for a capitalised-only term: whether a lower-case mention at (text, start, end) is in a name's position
    # all the same ("hope was seen alone" once "Hope Aksoy" is known)
    lower_in_context: Callable[[str, int, int], bool] | None = None


def preferred(term: Term, existing: Term) -> bool:
    """Of two terms for the same words, the one that matches more: any case over capitalised only, then one
    that may match in lower case in context over one that never does."""
    if existing.capitalised_only != term.capitalised_only:
        return existing.capitalised_only
    return existing.capitalised_only and existing.lower_in_context is None and term.lower_in_context is not None


def _boundary(text: str, start: int, end: int) -> bool:
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return False
    return not (end < len(text) and (text[end].isalnum() or text[end] == "_"))


class TermMatcher:
    def __init__(self, terms: Iterable[Term]) -> None:
        self._automaton = ahocorasick.Automaton()
        count = 0
        for term in terms:
            key = lower_same_length(" ".join(term.text.split()))
            if len(key) < 2:
                continue
            existing = self._automaton.get(key, None)
            if existing is not None and not preferred(term, existing[1]):
                continue
            self._automaton.add_word(key, (len(key), term))
            count += 1
        self._empty = count == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, lowered: str | None = None) -> Iterator[tuple[int, int, Term]]:
        """All whole-word matches (overlapping ones included; the caller merges)."""
        if self._empty:
            return
        lowered = lower_same_length(text) if lowered is None else lowered
        for end_index, (length, term) in self._automaton.iter(lowered):
            start, end = end_index - length + 1, end_index + 1
            if not _boundary(text, start, end):
                continue
            if term.capitalised_only and not text[start].isupper():
                check = term.lower_in_context
                if check is None or not check(text, start, end):
                    continue
            yield start, end, term

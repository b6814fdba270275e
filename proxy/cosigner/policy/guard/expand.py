"""Expand compact phrase templates: ``"should (the |)(child|baby) be removed"`` → every literal variant.

A group ``(a|b|)`` offers alternatives (an empty one makes it optional).  Whitespace is collapsed afterwards
so
optional words leave no double spaces.  Expansion happens once, when the guard's automaton is built.
"""

from __future__ import annotations

from collections.abc import Iterable


def expand(template: str) -> list[str]:
    out: list[str] = []
    i = 0
    while True:
        variants, i = _sequence(template, i)
        out.extend(" ".join(v.split()) for v in variants)
        if i >= len(template):
            return out
        if template[i] == ")":
            raise ValueError("unbalanced parenthesis in phrase template")
        i += 1  # top-level "|"


def _sequence(t: str, i: int) -> tuple[list[str], int]:
    """Parse until ``|`` or ``)`` at this depth; return every variant of the sequence and the stop index."""
    variants = [""]
    while i < len(t) and t[i] not in "|)":
        if t[i] == "(":
            options: list[str] = []
            i += 1
            while True:
                alternative, i = _sequence(t, i)
                options.extend(alternative)
                if i >= len(t):
                    raise ValueError("unbalanced parenthesis in phrase template")
                if t[i] == ")":
                    i += 1
                    break
                i += 1  # skip "|"
            variants = [v + o for v in variants for o in options]
        else:
            j = i
            while j < len(t) and t[j] not in "()|":
                j += 1
            variants = [v + t[i:j] for v in variants]
            i = j
    return variants, i


def expand_all(templates: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for template in templates:
        for phrase in expand(template):
            if phrase:
                seen.setdefault(phrase, None)
    return list(seen)


def words(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated block (keeps long vocabularies readable)."""
    return frozenset(text.split())

"""Expand compact phrase templates: ``"should (the |)(child|baby) be removed"`` → every literal variant.

A group ``(a|b|)`` offers alternatives (an empty one makes it optional).  Whitespace is collapsed afterwards
so
optional words leave no double spaces.  Expansion happens once, when the guard's automaton is built.
"""

from __future__ import annotations

from collections.abc import Iterable


def expand(template: str) -> list[str]:
    start = template.find("(")
    if start < 0:
        return [" ".join(template.split())]
    end = template.find(")", start)
    if end < 0:
        raise ValueError("unbalanced parenthesis in phrase template")
    head, options, tail = template[:start], template[start + 1 : end].split("|"), template[end + 1 :]
    out: list[str] = []
    for option in options:
        out.extend(expand(head + option + tail))
    return out


def expand_all(templates: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for template in templates:
        for phrase in expand(template):
            if phrase:
                seen.setdefault(phrase, None)
    return list(seen)

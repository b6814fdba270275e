"""Spelling variants of a known person's name: parts, initials, nicknames, one-edit typos (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cosigner.detectors.lexicon import LEXICON, TITLES

_SPLIT = re.compile(r"[\s]+")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_MIN_TYPO_LEN = 5


def name_parts(name: str) -> list[str]:
    words = [w.strip(".,") for w in _SPLIT.split(name.strip())]
    return [w for w in words if w and w.lower().rstrip(".") not in TITLES]


def one_edit(word: str) -> set[str]:
    """Deletions, transpositions, substitutions and insertions after the first letter."""
    low = word.lower()
    out: set[str] = set()
    for i in range(1, len(low) + 1):
        if i < len(low):
            out.add(low[:i] + low[i + 1 :])
            if i + 1 < len(low):
                out.add(low[:i] + low[i + 1] + low[i] + low[i + 2 :])
            for c in _LETTERS:
                out.add(low[:i] + c + low[i + 1 :])
        for c in _LETTERS:
            out.add(low[:i] + c + low[i:])
    out.discard(low)
    return {v for v in out if v not in LEXICON.english_common}


def variants(name: str) -> Iterator[tuple[str, bool]]:
    """Yield (variant, capitalised_only).  capitalised_only marks variants that are also ordinary words."""
    parts = name_parts(name)
    if not parts:
        return
    yield " ".join(parts), False
    pieces: list[str] = []
    for part in parts:
        pieces.append(part)
        if "-" in part:
            pieces.extend(p for p in part.split("-") if p)
    for piece in pieces:
        low = piece.lower()
        if len(piece) >= 2:
            yield piece, low in LEXICON.english_common
        for nick in LEXICON.nicknames.get(low, ()):
            yield nick, nick in LEXICON.english_common
        if len(piece) >= _MIN_TYPO_LEN and piece.isalpha():
            for typo in one_edit(piece):
                yield typo, True
    if len(parts) >= 2:
        first, last = parts[0], parts[-1]
        yield f"{first} {last}", False
        initial = first[0].upper()
        for form in (
            f"{initial}. {last}",
            f"{initial} {last}",
            f"{initial}.{last}",
            f"{first} {last[0].upper()}.",
        ):
            yield form, True
        initials = "".join(p[0].upper() for p in parts if p[0].isalpha())
        if len(initials) >= 2:
            yield initials, True
            yield ".".join(initials) + ".", True
        for nick in LEXICON.nicknames.get(first.lower(), ()):
            yield f"{nick} {last}", False

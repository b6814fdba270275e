"""Small text helpers shared by detectors (pure)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_LABEL_SPLIT = re.compile(r"[^a-z0-9&]+")
_ASCII_DIGIT = re.compile(r"[0-9]")


def has_digit(text: str) -> bool:
    """``any(c.isdigit() for c in text)``, answered by the regex engine for ASCII text (the common case)."""
    if text.isascii():
        return _ASCII_DIGIT.search(text) is not None
    return any(c.isdigit() for c in text)


def window_before(text: str, start: int, width: int = 40) -> str:
    """Lower-cased text just before ``start`` on the same logical line (labels rarely span lines)."""
    chunk = text[max(0, start - width) : start]
    cut = chunk.rfind("\n\n")
    if cut != -1:
        chunk = chunk[cut + 2 :]
    return chunk.lower()


@functools.lru_cache(maxsize=64)
def _first_words(labels: tuple[str, ...]) -> frozenset[str]:
    # keyed by the detectors' constant label tuples, never by request text
    return frozenset(label.split(" ", 1)[0] for label in labels)


def has_label(text: str, start: int, labels: Iterable[str], width: int = 40, max_words_after: int = 4) -> bool:
    """True when one of ``labels`` (lower-case word sequences) ends within a few words before ``start``."""
    window = window_before(text, start, width)
    if not any(first in window for first in _first_words(tuple(labels))):
        return False  # the common case, decided by substring checks in C
    words = [w for w in _LABEL_SPLIT.split(window) if w]
    tail = words[-(max_words_after + 3) :]
    joined = " " + " ".join(tail) + " "
    for label in labels:
        at = joined.rfind(" " + label + " ")
        if at == -1:
            continue
        words_after = joined[at + len(label) + 2 :].split()
        if len(words_after) <= max_words_after:
            return True
    return False


def alnum(value: str) -> str:
    return "".join(c for c in value if c.isalnum())

"""Keyword-anchored scanning: find literal keywords with Aho-Corasick (one C pass over lower-cased text), then
run an expensive pattern only in small windows around them.  Python's ``re`` costs ~50 ns per byte for a
pattern that starts with a character class; anchoring on keywords keeps that cost off the bulk of the text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import ahocorasick

from cosigner.detectors.term_matcher import lower_same_length


class KeywordWindows:
    def __init__(
        self,
        keywords: Iterable[str],
        before: int,
        after: int,
        word_start: bool = True,
        word_end: bool = True,
        digit_near: bool = False,
    ) -> None:
        self._automaton = ahocorasick.Automaton()
        for keyword in keywords:
            self._automaton.add_word(keyword, len(keyword))
        self._automaton.make_automaton()
        self._before, self._after = before, after
        self._word_start, self._word_end = word_start, word_end
        # every form these keywords anchor has a number in the window: skip windows without a digit
        self._digit_near = digit_near

    def hits(self, text: str, lowered: str | None = None) -> Iterator[tuple[int, int]]:
        lowered = lower_same_length(text) if lowered is None else lowered
        size = len(text)
        for end_index, length in self._automaton.iter(lowered):
            start, end = end_index - length + 1, end_index + 1
            if self._word_start and start > 0 and lowered[start - 1].isalpha():
                continue
            if self._word_end and end < size and lowered[end].isalpha():
                continue
            yield start, end

    def windows(self, text: str, lowered: str | None = None) -> list[tuple[int, int]]:
        """Merged [start, end) windows around every keyword hit."""
        merged: list[tuple[int, int]] = []
        size = len(text)
        for start, end in self.hits(text, lowered):
            lo, hi = max(0, start - self._before), min(size, end + self._after)
            if self._digit_near and _DIGIT.search(text, lo, hi) is None:
                continue
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
            else:
                merged.append((lo, hi))
        return merged

    def finditer(self, pattern: re.Pattern[str], text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` found inside the keyword windows (offsets into ``text``)."""
        last_end = -1
        for lo, hi in self.windows(text, lowered):
            for match in pattern.finditer(text, lo, hi):
                if match.start() >= last_end:
                    last_end = match.end()
                    yield match


_DIGIT_RUN = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=16)
def digit_windows(text: str, reach: int = 24) -> tuple[tuple[int, int], ...]:
    """Merged windows around every run of digits, widened to whitespace so no word is cut at an edge.

    Every detector for a numbered identifier (NHS, NINO, UPN, postcode, phone) scans only these windows.  The
    result is cached per text (detectors of one request share it); the cache holds only offsets.
    """
    windows: list[tuple[int, int]] = []
    size = len(text)
    for match in _DIGIT_RUN.finditer(text):
        lo, hi = max(0, match.start() - reach), min(size, match.end() + reach)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    widened: list[tuple[int, int]] = []
    for lo, hi in windows:
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < size and not text[hi].isspace():
            hi += 1
        if widened and lo <= widened[-1][1]:
            widened[-1] = (widened[-1][0], max(hi, widened[-1][1]))
        else:
            widened.append((lo, hi))
    return tuple(widened)


def finditer_in_digit_windows(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    last_end = -1
    for lo, hi in digit_windows(text):
        for match in pattern.finditer(text, lo, hi):
            if match.start() >= last_end:
                last_end = match.end()
                yield match

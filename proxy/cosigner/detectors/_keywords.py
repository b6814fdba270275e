"""Keyword-anchored scanning: find literal keywords with Aho-Corasick (one C pass over lower-cased text), then
run an expensive pattern only in small windows around them.  Python's ``re`` costs ~50 ns per byte for a
pattern that starts with a character class; anchoring on keywords keeps that cost off the bulk of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import ahocorasick

from cosigner.detectors.term_matcher import lower_same_length


class KeywordWindows:
    def __init__(
        self, keywords: Iterable[str], before: int, after: int, word_start: bool = True, word_end: bool = True
    ) -> None:
        self._automaton = ahocorasick.Automaton()
        for keyword in keywords:
            self._automaton.add_word(keyword, len(keyword))
        self._automaton.make_automaton()
        self._before, self._after = before, after
        self._word_start, self._word_end = word_start, word_end

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

"""Where to look for addresses: one Aho-Corasick pass finds every street keyword of every address form.

Keywords are stored with a space either side, and the text is searched with every character that may border a
word (" road,", "(rue ") turned into a space first (one ``str.translate``, offsets unchanged), so the automaton
reports only whole words and no Python code runs for the many places where "st" or "way" sits inside a word.
Each hit opens a window of the text around it for its form's pattern; windows with no digit are dropped, as
every keyword-anchored form has a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import ahocorasick

_BEFORE = " ([{'\"‘“,.;:/>|*-"
_AFTER = " )]}'\"’”,.;:?!/-"
_DIGIT = re.compile(r"\d")
# every bordering character reads as a space: one key per keyword instead of one per pair of borders
_BORDERS_AS_SPACE = str.maketrans(dict.fromkeys(_BEFORE + _AFTER, " "))


@dataclass(frozen=True, slots=True)
class Family:
    """Keywords of one address form and how far its pattern may reach before and after them."""

    keywords: Iterable[str]
    before: int
    after: int
    word_start: bool = True
    digit_near: bool = True


class AddressAnchors:
    def __init__(self, families: Sequence[Family]) -> None:
        self._families = tuple(families)
        self._automaton = ahocorasick.Automaton()
        entries: dict[str, set[tuple[int, int]]] = {}
        for index, family in enumerate(self._families):
            for keyword in family.keywords:
                key = (" " if family.word_start else "") + keyword.translate(_BORDERS_AS_SPACE) + " "
                entries.setdefault(key, set()).add((index, len(keyword)))
        for key, values in entries.items():
            self._automaton.add_word(key, tuple(sorted(values)))
        self._automaton.make_automaton()

    def windows(self, text: str, lowered: str) -> list[list[tuple[int, int]]]:
        """Merged [start, end) windows of ``text`` per family, in family order."""
        padded = (" " + lowered + " ").translate(_BORDERS_AS_SPACE)
        size = len(text)
        raw: list[list[tuple[int, int]]] = [[] for _ in self._families]
        for end_index, values in self._automaton.iter(padded):
            for index, length in values:
                family = self._families[index]
                # the key ends with one bordering character, and padded offsets are one more than the text's
                start = end_index - 1 - length
                lo, hi = max(0, start - family.before), min(size, start + length + family.after)
                raw[index].append((lo, hi))
        merged: list[list[tuple[int, int]]] = []
        for index, spans in enumerate(raw):
            family = self._families[index]
            out: list[tuple[int, int]] = []
            for lo, hi in sorted(spans):
                if family.digit_near and _DIGIT.search(text, lo, hi) is None:
                    continue
                if out and lo <= out[-1][1]:
                    out[-1] = (out[-1][0], max(hi, out[-1][1]))
                else:
                    out.append((lo, hi))
            merged.append(out)
        return merged


def matches_in(pattern: re.Pattern[str], text: str, windows: Iterable[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` inside the windows, never two overlapping ones from neighbouring windows."""
    last_end = -1
    for lo, hi in windows:
        for match in pattern.finditer(text, lo, hi):
            if match.start() >= last_end:
                last_end = match.end()
                yield match

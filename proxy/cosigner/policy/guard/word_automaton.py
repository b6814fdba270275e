"""An Aho-Corasick automaton over words instead of characters, for the guard's several hundred thousand phrases.

Every word of the phrase vocabulary becomes one character, so a phrase of four words is a key of four characters
instead of some thirty: the trie has several times fewer nodes (about 150 MB → 30 MB for the default pack) and a
match can only start and end on whole words, which the character automaton got from padding keys with spaces.

``iter`` answers in the character automaton's terms, so callers are unchanged: for a padded sentence
`` word word word `` it yields ``(end, (length, roles))`` where ``end`` is the index of the space after the
phrase and ``length`` counts from the space before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import accumulate, chain, repeat

import ahocorasick

_UNKNOWN = "\x00"  # a word no phrase contains
_FIRST_CODE = 0x100


class WordAutomaton:
    def __init__(self, entries: Iterable[tuple[str, tuple[str, ...]]]) -> None:
        """``entries``: (phrase, roles) pairs; a phrase is words separated by single spaces."""
        self._codes: dict[str, str] = {}
        self._auto = ahocorasick.Automaton()
        shared: dict[tuple[int, tuple[str, ...]], tuple[int, tuple[str, ...]]] = {}
        count = 0
        for phrase, roles in entries:
            words = phrase.split()
            if not words:
                continue
            key = "".join(self._code(word) for word in words)
            value = (len(words), roles)
            self._auto.add_word(key, shared.setdefault(value, value))
            count += 1
        self.phrases = count
        self._auto.make_automaton()

    def _code(self, word: str) -> str:
        code = self._codes.get(word)
        if code is None:
            code = chr(_FIRST_CODE + len(self._codes))
            self._codes[word] = code
        return code

    def iter(self, padded: str) -> Iterator[tuple[int, tuple[int, tuple[str, ...]]]]:
        if len(padded) < 3 or padded[0] != " " or padded[-1] != " " or "  " in padded:
            yield from self._iter_spaced(padded)
            return
        words = padded[1:-1].split(" ")  # the normaliser's form: words between single spaces
        encoded = "".join(map(self._codes.get, words, repeat(_UNKNOWN)))
        hits = self._auto.iter(encoded)
        first = next(hits, None)
        if first is None:
            return
        # the space before word i sits at (letters in the words before it) + i
        before = list(accumulate(map(len, words), initial=0))
        for last, (count, roles) in chain((first,), hits):
            start, end = last - count + 1, last + 1
            space_before, space_after = before[start] + start, before[end] + end
            yield space_after, (space_after - space_before + 1, roles)

    def _iter_spaced(self, padded: str) -> Iterator[tuple[int, tuple[int, tuple[str, ...]]]]:
        """Any spacing: the offsets are found word by word."""
        pieces = padded.split(" ")
        encoded = "".join(self._codes.get(word, _UNKNOWN) for word in pieces if word)
        spaces: list[int] = []  # the space before each word, then the one after the last
        position = 0
        for word in pieces:
            if word:
                spaces.append(position - 1)
            position += len(word) + 1
        spaces.append(len(padded.rstrip(" ")))
        for last, (count, roles) in self._auto.iter(encoded):
            space_before, space_after = spaces[last - count + 1], spaces[last + 1]
            yield space_after, (space_after - space_before + 1, roles)

    def __len__(self) -> int:
        return self.phrases

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
        words = padded.split(" ")
        codes = self._codes
        encoded = "".join(codes.get(word, _UNKNOWN) for word in words if word)
        if not encoded.strip(_UNKNOWN):
            return
        # the character offset of the space before each word, and of the space after the last
        bounds: list[int] = []
        position = 0
        for word in words:
            if word:
                bounds.append(position - 1)
            position += len(word) + 1
        bounds.append(len(padded.rstrip(" ")))  # the space after the last word
        for last, (count, roles) in self._auto.iter(encoded):
            space_before, space_after = bounds[last - count + 1], bounds[last + 1]
            yield space_after, (space_after - space_before + 1, roles)

    def __len__(self) -> int:
        return self.phrases

"""Misspellings of the guard's vocabulary corrected: one edit (two for long words), dropped vowels.

``correct("likley")`` → ``likely``; ``correct("mssng")`` → ``missing``.  Real words one edit away from a trigger
(``PROTECTED_WORDS``) are left alone, and so are inflections (``rated`` is not a misspelling of ``rate``).
"""

from __future__ import annotations

from functools import lru_cache

from cosigner.policy.guard.wordlists import COMMON_CAPITALISED, PROTECTED_WORDS, TEXT_SPEAK, TRIGGERS


def _deletions(word: str) -> tuple[str, ...]:
    # in a fixed order (not a set), so a misspelling near two words is corrected the same way in every process
    return tuple(dict.fromkeys(word[:i] + word[i + 1 :] for i in range(len(word))))


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[str, ...]:
    """Trigger words first (they win ties), then every other word of five or more letters the guard uses."""
    import re

    from cosigner.policy.guard.lexicon import ROLES

    words: dict[str, None] = dict.fromkeys(w for w in TRIGGERS if len(w) >= 5)
    for templates in ROLES.values():
        for template in templates:
            for w in re.findall(r"[a-z]+", template):
                if len(w) >= 5:
                    words.setdefault(w, None)
    return tuple(words)


def _targets() -> tuple[str, ...]:
    """Words a misspelling may be corrected into: the curated triggers, and long words (fewer look-alikes)."""
    triggers = frozenset(TRIGGERS)
    return tuple(w for w in _vocabulary() if w in triggers or len(w) >= 8)


@lru_cache(maxsize=1)
def _fuzzy_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for word in _targets():
        index.setdefault(word, word)
        for variant in _deletions(word):
            index.setdefault(variant, word)
    return index


@lru_cache(maxsize=1)
def _fuzzy_index2() -> dict[str, str]:
    """Two-deletion variants of long words (eight letters or more), for two-edit misspellings."""
    index: dict[str, str] = {}
    for word in _targets():
        if len(word) >= 9:
            for once in _deletions(word):
                for twice in _deletions(once):
                    index.setdefault(twice, word)
    return index


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(_vocabulary()) | PROTECTED_WORDS | COMMON_CAPITALISED | frozenset(TEXT_SPEAK)


@lru_cache(maxsize=8192)
def correct(token: str) -> str:
    """A misspelling of a word the guard uses (one edit; two for long words) becomes that word."""
    if len(token) < 5 or not token.isalpha() or token in _known():
        return token
    index = _fuzzy_index()
    hit = index.get(token)
    if hit is not None:
        return _unless_inflection(token, hit)
    once = _deletions(token)
    for variant in once:
        hit = index.get(variant)
        if hit is not None:
            return _unless_inflection(token, hit)
    if len(token) >= 6:
        index2 = _fuzzy_index2()
        hit = index2.get(token)
        if hit is not None and hit[0] == token[0]:
            return _unless_inflection(token, hit)
        for variant in once:
            hit = index2.get(variant)
            if hit is not None and hit[0] == token[0]:
                return _unless_inflection(token, hit)
            for twice in _deletions(variant):
                hit = index2.get(twice)
                if hit is not None and abs(len(hit) - len(token)) <= 2 and hit[0] == token[0]:
                    return _unless_inflection(token, hit)
    return _devowelled(token)


_VOWELS = str.maketrans("", "", "aeiou")


@lru_cache(maxsize=1)
def _skeletons() -> dict[str, str]:
    """Vowel-less forms of the guard's words ("mssng" → "missing"); a skeleton shared by two words is dropped."""
    index: dict[str, str] = {}
    clashes: set[str] = set()
    for word in _vocabulary():
        skeleton = word.translate(_VOWELS)
        if len(skeleton) < 4:
            continue
        if index.get(skeleton, word) != word:
            clashes.add(skeleton)
        index[skeleton] = word
    return {k: v for k, v in index.items() if k not in clashes}


def _devowelled(token: str) -> str:
    """Text-speak drops vowels: "mssng", "husbnd".  The token must be the word with only vowels removed."""
    hit = _skeletons().get(token.translate(_VOWELS))
    if hit is None or len(token) >= len(hit) or not _is_subsequence(token, hit):
        return token
    return hit


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


def _unless_inflection(token: str, hit: str) -> str:
    for suffix in ("s", "d", "ed", "es", "ing", "ly", "er", "y"):
        if hit.endswith(suffix):
            continue  # "likelly" is a misspelling of "likely", not an inflection of it
        if token in (hit + suffix, hit[:-1] + suffix) or hit == token + suffix:
            return token
    return hit


def is_correction_target(word: str) -> bool:
    """A word a misspelling may be corrected into (or one of its one-deletion forms)."""
    return word in _fuzzy_index()


def is_known(word: str) -> bool:
    return word in _known()

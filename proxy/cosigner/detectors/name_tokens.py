"""The words of a text as the name rules see them: plain tuples of offsets, forms and flags, read through the
index names below.  Ordinary lower-case English words that no rule looks at are left out.
"""

from __future__ import annotations

import re
from typing import Final

from cosigner.detectors.lexicon import (
    BE_VERBS,
    BIRTH_WORDS,
    LEXICON,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOT_AFTER,
    OBJECT_CUES,
    PLACE_SUFFIX,
    RELATION_CUES,
    RELATIONS,
    ROLES,
    STRONG_CUES,
    TITLES,
    VERBS_AFTER_NAME,
    WORD_NAMES,
)
from cosigner.detectors.term_matcher import Term, TermMatcher

_SENTENCE_END = frozenset(".!?:;\n•*")
_SKIP_BACK = frozenset(" \t\"'“‘([-–")
# Lower-case words no rule needs: common English words that are not names, cues, particles or other markers.
_ORDINARY_LOWER = frozenset(
    LEXICON.english_common
    - LEXICON.first_names
    - LEXICON.surnames
    - WORD_NAMES
    - TITLES
    - RELATION_CUES
    - OBJECT_CUES
    - STRONG_CUES
    - VERBS_AFTER_NAME
    - BE_VERBS
    - BIRTH_WORDS
    - PLACE_SUFFIX
    - RELATIONS
    - ROLES
    - NOT_AFTER
    - NAME_PARTICLES
    - NAME_SUFFIXES
    - {"is", "was", "name", "named", "called", "my", "his", "her"}
)
# One word of the text: a plain tuple, read through the index names below.  A request of a few thousand words
# builds a few thousand of them, and a tuple costs a third of what a dataclass instance does to make.
Token = tuple[int, int, str, str, bool, bool, bool, bool, bool]
START: Final = 0  # offset of the word
END: Final = 1  # end of the name part (a possessive "'s" is left outside)
WORD: Final = 2  # the word as written, without a possessive "'s"
LOWER: Final = 3
CAP: Final = 4  # starts with a capital letter
INITIAL: Final = 5  # one capital letter
SENTENCE_START: Final = 6  # capitalised and first in its sentence or line (only capitalised words are judged)
CARE: Final = 7  # a social-care term, or inside a multi-word one
POSSESSIVE: Final = 8

# Split on words (kept by the group): the list alternates the non-letters before a word and the word, so
# positions are running sums and the text just before a word (for "first in its sentence") is the gap itself;
# no match object or backward scan is needed per word.
_WORDS_SPLIT = re.compile(r"([^\W\d_]+(?:['’\-][^\W\d_]+)*)")
_SKIP_BACK_CHARS = "".join(sorted(_SKIP_BACK))
_POSSESSIVE_ENDS = ("'s", "'S", "’s", "’S")


def tokenize(text: str, care_mask: bytearray) -> list[Token]:
    """Words that can matter for names.

    An ordinary lower-case English word that no rule looks at by identity (most words of a note) is left out:
    rules about neighbours check the text between two tokens, so a left-out word still separates them.
    """
    tokens: list[Token] = []
    append = tokens.append
    ordinary = _ORDINARY_LOWER
    care_terms = LEXICON.care_terms
    end = 0
    pieces = iter(_WORDS_SPLIT.split(text))  # gap, word, gap, word, ..., the tail after the last word
    for gap, word in zip(pieces, pieces, strict=False):
        start = end + len(gap)
        end = start + len(word)
        if word in ordinary:  # every ordinary word starts with a lower-case letter
            continue
        if word.endswith(_POSSESSIVE_ENDS) and len(word) > 3:
            word, stop, possessive = word[:-2], end - 2, True
        else:
            stop, possessive = end, False
        lower = word.lower()
        care = lower in care_terms or care_mask[start] != 0
        if word[0].isupper():
            before = gap.rstrip(_SKIP_BACK_CHARS)
            # nothing before but skippable characters: the first word of the text, or glued to the last word
            sentence_start = before[-1:] in _SENTENCE_END if before else start == len(gap)
            append((start, stop, word, lower, True, len(word) == 1, sentence_start, care, possessive))
        else:
            append((start, stop, word, lower, False, False, False, care, possessive))
    return tokens


def care_mask(text: str, lowered: str) -> bytearray:
    mask = bytearray(len(text) + 1)
    for start, end, _term in _CARE_PHRASES.find(text, lowered):
        mask[start:end] = b"\x01" * (end - start)
    return mask


_CARE_PHRASES = TermMatcher(Term(p, "CARE") for p in LEXICON.care_phrases)

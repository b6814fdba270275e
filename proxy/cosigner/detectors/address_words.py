"""Word lists and pattern pieces shared by the address modules (data: data/names/address_words.txt)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from cosigner.detectors.lexicon import load_sections

WORDS = load_sections("address_words.txt")
NOT_STREET_WORDS = WORDS["not_street_words"]
# words that end an address: prose, labels, care terms, months, weekdays
STOP = WORDS["tail_stop"] | NOT_STREET_WORDS
PARTICLES = WORDS["place_particles"]

UPPER = r"[A-ZÀ-ÖØ-ÞĀ-ſΑ-ΩА-Я]"
# a word of letters in any script; Greek is sometimes typed with the increment sign for Delta
WORD = r"[^\W\d_](?:[^\W\d_]|['’\-∆])*"


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

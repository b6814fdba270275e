"""Distinct copies of one benchmark text, so Cosigner's per-text scan cache never answers a benchmark request.

Real requests repeat earlier messages (a chat resends its history) and those are served from the cache; the
benchmarks measure the cold path, in which every text is screened in full.
"""

from __future__ import annotations

# Adjectives that are not also verbs: a prefix opening with "tidy" or "clean" ran on into the note as an instruction
# ("tidy the visit took place at …"), which the judgement guard's wording model may refuse.
_WORDS = (
    "green", "quiet", "bright", "small", "short", "brief", "neat", "soft",
    "pale", "early", "round", "wide", "deep", "late", "bold", "full",
)  # fmt: skip


def distinct(text: str, index: int) -> str:
    """``text`` prefixed with a short run of ordinary words that spells ``index`` (unique up to 16**5)."""
    words = []
    for _ in range(5):
        index, digit = divmod(index, 16)
        words.append(_WORDS[digit])
    return "(" + " ".join(words) + ") " + text

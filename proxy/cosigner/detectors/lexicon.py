"""Word lists for name detection, loaded once from the shipped data (see data/names/LICENSES.md)."""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Lexicon:
    first_names: frozenset[str]
    surnames: frozenset[str]
    english_common: frozenset[str]
    care_terms: frozenset[str]  # single lower-case words that are never names on their own
    care_phrases: tuple[str, ...]  # multi-word terms, lower-case
    nicknames: dict[str, frozenset[str]]

    def is_gazetteer_name(self, lower: str) -> bool:
        return lower in self.first_names or lower in self.surnames


def _read(name: str) -> list[str]:
    text = importlib.resources.files("cosigner.data.names").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _nicknames(lines: list[str]) -> dict[str, frozenset[str]]:
    links: dict[str, set[str]] = {}
    for line in lines:
        formal, _, shorts = line.partition("\t")
        group = {formal.strip().lower(), *(s.strip().lower() for s in shorts.split(",") if s.strip())}
        for member in group:
            links.setdefault(member, set()).update(group - {member})
    return {k: frozenset(v) for k, v in links.items()}


def _sections(lines: list[str]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in lines:
        if line.startswith("[") and line.endswith("]"):
            current = found.setdefault(line[1:-1], set())
        elif current is not None:
            current.update(line.split())
    return {name: frozenset(words) for name, words in found.items()}


def load_lexicon() -> Lexicon:
    terms = [t.lower() for t in _read("care_terms.txt")]
    return Lexicon(
        first_names=frozenset(_read("first_names.txt")),
        surnames=frozenset(_read("surnames.txt")),
        english_common=frozenset(_read("english_common.txt")),
        care_terms=frozenset(t for t in terms if " " not in t),
        care_phrases=tuple(t for t in terms if " " in t),
        nicknames=_nicknames(_read("nicknames.tsv")),
    )


LEXICON = load_lexicon()


def load_sections(name: str) -> dict[str, frozenset[str]]:
    """A shipped word-list file of "[section]" blocks (see data/names/*.txt)."""
    return _sections(_read(name))


_CUES = load_sections("name_cues.txt")
TITLES = _CUES["titles"]
RELATION_CUES = _CUES["relation_cues"]
OBJECT_CUES = _CUES["object_cues"]
STRONG_CUES = _CUES["strong_cues"]
WORD_NAMES = _CUES["word_names"]
OPENERS = _CUES["openers"]
NAME_PARTICLES = _CUES["name_particles"]
VERBS_AFTER_NAME = _CUES["verbs_after_name"]
PLACE_SUFFIX = _CUES["place_suffix"]
RELATIONS = _CUES["relations"]
ROLES = _CUES["roles"]
SURNAME_PLACE_WORDS = _CUES["surname_place_words"]
BE_VERBS = _CUES["be_verbs"]
BIRTH_WORDS = _CUES["birth_words"]
NAME_SUFFIXES = _CUES["name_suffixes"]
NOT_AFTER = _CUES["not_after"]

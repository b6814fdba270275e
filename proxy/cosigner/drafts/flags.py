"""Deterministic review flags for changed hunks: what a reviewer must look at one by one.

A flag marks material in the draft that the practitioner did not write: names, numbers, dates, times, money,
addresses and quoted speech absent from their original text, risk terms present only in the draft, and
negations added or removed.  Pure and deterministic: same inputs, same flags, in the same order.

Name detection uses a registered ``PERSON`` detector when the caller passes one (the redaction package's), and
otherwise the capitalisation heuristic here, which is deliberately biased towards flagging: a false flag costs
one extra confirmation, a missed invented name can end up in a statutory record.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from cosigner.drafts.diff import Hunk
from cosigner.drafts.flag_vocab import (
    CAPITALISED,
    CLOSERS,
    DEFAULT_RISK_TERMS,
    NEGATIONS,
    NOT_NAMES,
    NUMBER,
    NUMBER_WORDS,
    PLACEHOLDER,
    PLACEHOLDER_KINDS,
    QUOTE,
    SPAN_KINDS,
    TERMINALS,
    TITLES,
    WORD,
    FlagKind,
)

# A name finder returns (start, end) spans of person names in the text it is given.
NameFinder = Callable[[str], Iterable[tuple[int, int]]]


@dataclass(frozen=True, slots=True)
class Flag:
    kind: FlagKind
    detail: str


@dataclass(frozen=True, slots=True)
class OriginalIndex:
    """What flagging needs to know about the practitioner's original text, computed once per draft."""

    normalised: str
    normalised_raw: str  # original text, case kept (for exact tokens like placeholders)
    numbers: frozenset[str]
    words: frozenset[str]
    risk_pattern: re.Pattern[str]
    risk_terms_present: frozenset[str]
    find_names: NameFinder | None

    def contains(self, phrase: str) -> bool:
        key = _normalise(phrase)
        if key not in self.normalised:  # cheap test first; most flagged material is absent
            return False
        return re.search(r"(?<!\w)" + re.escape(key) + r"(?!\w)", self.normalised) is not None


def index_original(
    original_text: str,
    *,
    risk_terms: Sequence[str] = DEFAULT_RISK_TERMS,
    find_names: NameFinder | None = None,
) -> OriginalIndex:
    normalised = _normalise(original_text)
    pattern = _risk_pattern(risk_terms)
    return OriginalIndex(
        normalised=normalised,
        normalised_raw=original_text,
        numbers=frozenset(_number_key(m.group()) for m in NUMBER.finditer(original_text)),
        words=frozenset(w.lower() for w in WORD.findall(original_text)),
        risk_pattern=pattern,
        risk_terms_present=frozenset(_term_key(m.group()) for m in pattern.finditer(normalised)),
        find_names=find_names,
    )


def flag_hunks(
    hunks: Sequence[Hunk],
    original_text: str,
    *,
    risk_terms: Sequence[str] = DEFAULT_RISK_TERMS,
    find_names: NameFinder | None = None,
) -> list[tuple[Flag, ...]]:
    index = index_original(original_text, risk_terms=risk_terms, find_names=find_names)
    return [flags_for(hunk, index) for hunk in hunks]


def flag_hunk(
    hunk: Hunk,
    original_text: str,
    *,
    risk_terms: Sequence[str] = DEFAULT_RISK_TERMS,
    find_names: NameFinder | None = None,
) -> tuple[Flag, ...]:
    """Flags for one hunk, judged against the practitioner's whole original text."""
    if not hunk.changed:
        return ()
    return flags_for(hunk, index_original(original_text, risk_terms=risk_terms, find_names=find_names))


def flags_for(hunk: Hunk, original: OriginalIndex) -> tuple[Flag, ...]:
    if not hunk.changed:
        return ()
    draft = hunk.proposed
    flags: list[Flag] = []
    taken = _Spans(len(draft))
    for kind, pattern in SPAN_KINDS:
        for match in pattern.finditer(draft):
            if taken.overlaps(match.span()):
                continue
            taken.add(match.span())
            if not original.contains(match.group()):
                flags.append(Flag(kind, match.group().strip()))
    for match in NUMBER.finditer(draft):
        if not taken.overlaps(match.span()) and _number_key(match.group()) not in original.numbers:
            flags.append(Flag("new_number", match.group()))
    for word in WORD.findall(draft):
        if word.lower() in NUMBER_WORDS and word.lower() not in original.words:
            flags.append(Flag("new_number", word))
    for match in PLACEHOLDER.finditer(draft):
        # A placeholder the restore step could not map back: the model referred to someone or something
        # the practitioner never mentioned.
        if not taken.overlaps(match.span()) and match.group() not in original.normalised_raw:
            taken.add(match.span())
            flags.append(Flag(PLACEHOLDER_KINDS.get(match.group(1), "new_name"), match.group()))
    for start, end in _new_names(draft, original.words, original.find_names):
        if not taken.overlaps((start, end)):
            flags.append(Flag("new_name", draft[start:end]))
    for match in QUOTE.finditer(draft):
        quoted = next(g for g in match.groups() if g is not None)
        if not original.contains(quoted):
            flags.append(Flag("new_quote", match.group()))
    for match in original.risk_pattern.finditer(_normalise(draft)):
        term = _term_key(match.group())
        if term not in original.risk_terms_present:
            flags.append(Flag("new_risk_term", term))
    flags.extend(_negation_flags(hunk.original, draft))
    return tuple(_dedupe(flags))


def min_dwell_ms(hunk: Hunk, *, base_ms: int, per_word_ms: int) -> int:
    """Minimum time a changed hunk must be in view: base plus per word of what the reviewer has to read."""
    if not hunk.changed:
        return 0
    words = len(WORD.findall(hunk.proposed))
    words += sum(len(WORD.findall(op.text)) for op in hunk.ops if op.op == "delete")
    return base_ms + per_word_ms * words


# --- helpers --------------------------------------------------------------------------------------------


def _normalise(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("“", '"').replace("”", '"').split())


def _number_key(text: str) -> str:
    return text.replace(",", "")


class _Spans:
    """Character positions already claimed by a finding (linear in the span length, not the span count)."""

    def __init__(self, size: int) -> None:
        self._mask = bytearray(size)

    def add(self, span: tuple[int, int]) -> None:
        start, end = span
        self._mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, span: tuple[int, int]) -> bool:
        return any(self._mask[span[0] : span[1]])


def _term_key(text: str) -> str:
    return " ".join(re.split(r"[\s-]+", text.lower())).strip()


def _risk_pattern(terms: Sequence[str]) -> re.Pattern[str]:
    # Longest first, so "domestic abuse" wins over "abuse" at the same position.
    keys = sorted({_term_key(t) for t in terms if t.strip()}, key=lambda k: (-len(k), k))
    if not keys:
        return re.compile(r"(?!x)x")
    alternatives = (r"[\s-]+".join(re.escape(w) for w in key.split()) for key in keys)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


@functools.cache
def default_name_finder() -> NameFinder:
    """The redaction package's person-name detector, unioned with the heuristic here (recall over precision).

    Falls back to the heuristic alone when no ``person_names`` detector is registered.
    """
    try:
        import cosigner.detectors.builtins  # noqa: F401  (registers the built-in detectors)
        from cosigner.detectors import detector_factory

        detector = detector_factory("person_names")()
    except (ImportError, KeyError, TypeError):
        return _heuristic_names

    def find(text: str) -> list[tuple[int, int]]:
        found = [(f.start, f.end) for f in detector.detect(text) if f.kind == "PERSON"]
        covered = _Spans(len(text))
        for span in found:
            covered.add(span)
        extra = [span for span in _heuristic_names(text) if not covered.overlaps(span)]
        return sorted(found + extra)

    return find


def _new_names(
    draft: str, original_words: frozenset[str], find_names: NameFinder | None
) -> list[tuple[int, int]]:
    spans = sorted(find_names(draft)) if find_names is not None else _heuristic_names(draft)
    return [
        (s, e) for s, e in spans if any(w.lower() not in original_words for w in WORD.findall(draft[s:e]))
    ]


def _heuristic_names(text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words that look like names.

    A run counts when it is mid-sentence, follows a title ("Mr Khan"), has two or more non-common words
    ("Amira Khan"), or, at the start of a sentence, repeats a name seen mid-sentence elsewhere in the text.
    """
    runs: list[list[re.Match[str]]] = []
    for match in re.finditer(r"[\w'’-]+", text):
        if not CAPITALISED.fullmatch(match.group()):
            runs.append([])
            continue
        previous = runs[-1] if runs else []
        gap = text[previous[-1].end() : match.start()].strip() if previous else None
        if gap == "" or (gap == "." and previous[-1].group().lower() in TITLES):
            previous.append(match)
        else:
            runs.append([match])
    confident: list[tuple[int, int]] = []
    sentence_initial: list[tuple[int, int]] = []
    for run in runs:
        kept = [m for m in run if m.group().lower() not in NOT_NAMES]
        if not kept:
            continue
        span = (kept[0].start(), kept[-1].end())
        if not _starts_sentence(text, run[0].start()) or len(kept) > 1 or kept[0] is not run[0]:
            confident.append(span)
        else:
            sentence_initial.append(span)
    known = {w for s, e in confident for w in text[s:e].split()}
    return sorted(confident + [(s, e) for s, e in sentence_initial if text[s:e] in known])


def _starts_sentence(text: str, position: int) -> bool:
    """True when only whitespace, or the end of a sentence or line, comes before ``position``."""
    i = position - 1
    while i >= 0 and text[i].isspace():
        if text[i] == "\n":
            return True
        i -= 1
    while i >= 0 and text[i] in CLOSERS:
        i -= 1
    return i < 0 or text[i] in TERMINALS


def _negations(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for word in WORD.findall(text.replace("’", "'")):
        lowered = word.lower()
        if lowered.endswith("n't"):
            counts["n't"] += 1
        elif lowered in NEGATIONS:
            counts[lowered] += 1
    return counts


def _negation_flags(original: str, draft: str) -> list[Flag]:
    before, after = _negations(original), _negations(draft)
    flags = [Flag("negation_added", word) for word in sorted((after - before).elements())]
    flags += [Flag("negation_removed", word) for word in sorted((before - after).elements())]
    if sum(after.values()) == sum(before.values()):
        # "did not" -> "didn't" keeps the meaning; only a change in how many negations there are counts.
        return []
    return _dedupe(flags)


def _dedupe(flags: Iterable[Flag]) -> list[Flag]:
    seen: set[Flag] = set()
    out: list[Flag] = []
    for flag in flags:
        if flag not in seen:
            seen.add(flag)
            out.append(flag)
    return out

"""The name tokenizer (one regex pass, running offsets, plain tuples) gives exactly the words, offsets and flags
of the straightforward per-match version it replaced, which is kept here as the reference."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.redaction import corpus
from bench.redaction.realistic import STRATEGY, VISIT
from cosigner.detectors.lexicon import LEXICON
from cosigner.detectors.name_tokens import _ORDINARY_LOWER, Token, care_mask, tokenize
from cosigner.detectors.term_matcher import lower_same_length

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENTENCE_END = frozenset(".!?:;\n•*")
_SKIP_BACK = frozenset(" \t\"'“‘([-–")


def reference_tokenize(text: str, mask: bytearray) -> list[Token]:
    tokens: list[Token] = []
    for match in _WORD.finditer(text):
        word = match.group()
        first = word[0]
        if first.islower() and word in _ORDINARY_LOWER:
            continue
        start, end = match.span()
        possessive = len(word) > 3 and word[-2] in "'’" and word[-1] in "sS"
        if possessive:
            word, end = word[:-2], end - 2
        lower = word.lower()
        capital = first.isupper()
        sentence_start = False
        if capital:
            back = start - 1
            while back >= 0 and text[back] in _SKIP_BACK:
                back -= 1
            sentence_start = back < 0 or text[back] in _SENTENCE_END
        care = lower in LEXICON.care_terms or bool(mask[start])
        tokens.append((start, end, word, lower, capital, capital and len(word) == 1, sentence_start, care, possessive))
    return tokens


def _same(text: str) -> None:
    mask = care_mask(text, lower_same_length(text))
    assert tokenize(text, mask) == reference_tokenize(text, mask)


def test_corpus_notes_tokenize_as_before() -> None:
    for doc in corpus.generate("dev", 60):
        _same(doc["text"])
    _same(VISIT + "\n\n" + STRATEGY)


def test_edges_tokenize_as_before() -> None:
    for text in [
        "",
        "Kerry",
        "  - Kerry's mum. (Jade) said: 'Hope' – ok",
        "O'Brien-Smith’s dog; x-Ray. Ab's A's",
        "3Kerry 12 May. «Ewa» ¿Jan? ÉLODIE żaneta Łukasz",
        "\n•Mark\n*Grace\t“Will”",
        "word'- Bob --Al",
    ]:
        _same(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Kerry",
                "kerry",
                "the",
                "The",
                "Mum",
                "mum",
                "O'Neil",
                "Jo's",
                "ab's",
                "A",
                "x",
                "Ward",
                "care",
                "Child Protection Plan",
                " ",
                "  ",
                ". ",
                "\n",
                "(",
                "'",
                "’",
                "-",
                "–",
                "3",
                "é",
                "Émile",
                "—",
                ":",
                "•",
            ]
        ),
        max_size=40,
    )
)
def test_random_texts_tokenize_as_before(parts: list[str]) -> None:
    _same("".join(parts))

"""Property: redact then restore gives back the input (less invisible characters), whatever the input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cosigner.redaction import RedactionConfig, Redactor
from cosigner.redaction.shadow import strip_invisible

REDACTOR = Redactor(RedactionConfig.default())


def _loose(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum() or c in "[]_")

FRAGMENTS = [
    "Kerry Nolan",
    "mum (sarah)",
    "943 476 5919",
    "NHS no: 9434765871",
    "LS6 2AB",
    "ls62ab",
    "AB 12 34 56 C",
    "B801200005001",
    "0121 496 3951",
    "+44 7700 900123",
    "jo@example.org",
    "DOB: 17/09/2012",
    "born 17.9.12",
    "14 Acacia Avenue",
    "Flat 3, 22 Mill Lane",
    "Mosaic ID: 1234567",
    "[PERSON_1]",
    "[EMAIL_",
    "Section 47",
    "Child Protection Plan",
    "Grace",
    "Will",
    "\u200b",
    "\u00ad",
    "\U000e0041",
    "\u202e",
    "９４３",
    "К",
    "ﬁ",
    "İ",
    "\n",
    " ",
    ", ",
    ". ",
    "'s",
    "OTk0MzQ3NjU5MTk=",
    "nine four three four seven six five nine one nine",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=25), st.integers(1, 3))
def test_restore_of_redacted_text_is_the_input(parts: list[str], messages: int) -> None:
    text = "".join(parts)
    texts = [text[i::messages] for i in range(messages)]
    result = REDACTOR.redact(texts)
    for original, outbound, spans in zip(texts, result.texts, result.spans, strict=True):
        # mentions of one value share a placeholder and come back in the first mention's form ("ls62ab" after
        # "LS6 2AB"), so compare ignoring case, spacing and punctuation
        assert _loose(result.placeholders.restore(outbound)) == _loose(strip_invisible(original))
        previous_end = 0
        for span in spans:
            assert previous_end <= span.start < span.end <= len(original)
            previous_end = span.end

"""Look-alike letters are folded where they disguise a Latin word, and left alone in real words of their script."""

from __future__ import annotations

import pytest

from cosigner.redaction import RedactionConfig, Redactor
from cosigner.redaction.shadow import make_shadow


@pytest.mark.parametrize(
    ("text", "shadow"),
    [
        ("Кеrry Nоlan", "Kerry Nolan"),  # Cyrillic е and о inside Latin words
        ("Норе said so", "Hope said so"),  # every letter has a Latin twin: it passes for "Hope"
        ("Н\u200bо\u200bр\u200bе", "Hope"),  # split by zero-width spaces
        ("ΚΑΙ", "KAI"),
    ],
)
def test_words_that_pass_for_latin_are_folded(text: str, shadow: str) -> None:
    assert make_shadow(text).text == shadow


@pytest.mark.parametrize("text", ["Λεωφόρος Συγγρού 119, ΑΘΗΝΑ", "ул. Пушкина, дом 10", "Ελένη Παπαδοπούλου"])
def test_real_words_of_other_scripts_keep_their_letters(text: str) -> None:
    assert make_shadow(text).text == text


def test_a_greek_street_is_caught_through_the_whole_pipeline() -> None:
    result = Redactor(RedactionConfig.default(), scan_cache=0).redact(["Η οικογένεια μένει στη Λεωφόρος Συγγρού 119."])
    assert "Συγγρού" not in result.texts[0] and "119" not in result.texts[0]

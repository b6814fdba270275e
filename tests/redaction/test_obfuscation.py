"""Attacks on the redaction itself: planted identifiers, obfuscated, never reach the outbound text."""

from __future__ import annotations

import base64

from hypothesis import given, settings
from hypothesis import strategies as st

from cosigner.redaction import RedactionConfig, Redactor
from cosigner.redaction.shadow import INVISIBLE_DELETE, make_shadow

REDACTOR = Redactor(RedactionConfig.default())
NHS = "9434765919"
INVISIBLES = [*sorted(INVISIBLE_DELETE)[:40], 0xE0041, 0x200B, 0x00AD, 0x202E]
FULLWIDTH = {str(d): chr(0xFF10 + d) for d in range(10)}
ARABIC_INDIC = {str(d): chr(0x0660 + d) for d in range(10)}


def _digits_leak(outbound: str) -> bool:
    digits = "".join(c for c in outbound if c.isdigit())
    return NHS in digits or NHS in "".join(make_shadow(outbound).text.split())


separators = st.sampled_from(["", " ", "-", ".", "  ", " - ", "\n", "/", "\u200b", "\u00ad", "\u2060", "\\n"])
digit_forms = st.sampled_from([{}, FULLWIDTH, ARABIC_INDIC])


@settings(max_examples=300, deadline=None)
@given(
    seps=st.lists(separators, min_size=9, max_size=9),
    forms=digit_forms,
    label=st.sampled_from(["NHS no: ", "NHS number ", "nhs ", ""]),
    before=st.text(max_size=20),
    after=st.text(max_size=20),
)
def test_obfuscated_nhs_number_never_leaves(
    seps: list[str], forms: dict[str, str], label: str, before: str, after: str
) -> None:
    # a separator inside an identifier is at most two characters in practice; slashes need a label
    if any(s == "/" for s in seps) and not label:
        seps = [s.replace("/", "-") for s in seps]
    # up to two line breaks inside one number are joined (three are not)
    breaks = [i for i, sep in enumerate(seps) if sep in ("\n", "\\n")]
    for i in breaks[2:]:
        seps[i] = " "
    body = "".join(forms.get(d, d) + (seps[i] if i < 9 else "") for i, d in enumerate(NHS))
    result = REDACTOR.redact([f"{before} {label}{body} {after}"])
    assert result.counts  # something was redacted (usually NHS_NUMBER; a longer overlapping span may win)
    assert not _digits_leak(result.texts[0].replace(before, "").replace(after, ""))


@settings(max_examples=200, deadline=None)
@given(chars=st.lists(st.sampled_from(INVISIBLES), min_size=1, max_size=6))
def test_invisible_characters_never_reach_the_outbound_text(chars: list[int]) -> None:
    hidden = "".join(chr(c) for c in chars)
    result = REDACTOR.redact([f"plain{hidden}note Kerry{hidden}Nolan"])
    assert not any(ord(c) in INVISIBLE_DELETE for c in result.texts[0])


def test_identifier_written_in_tag_characters_is_removed() -> None:
    tags = "".join(chr(0xE0000 + ord(c)) for c in "NHS 943 476 5919")
    result = REDACTOR.redact([f"hello {tags} there"])
    assert result.texts == ["hello  there"]


def test_homoglyph_letters_in_a_postcode_and_nino() -> None:
    result = REDACTOR.redact(["postcode LЅ6 2АВ and NI АВ 12 34 56 С"])  # Cyrillic look-alikes
    assert result.texts == ["postcode [POSTCODE_1] and NI [NI_NUMBER_1]"]


def test_nested_base64_is_decoded_and_rescanned() -> None:
    inner = base64.b64encode(b"email jo.bloggs@example.org").decode()
    outer = base64.b64encode(f"payload {inner}".encode()).decode()
    result = REDACTOR.redact([f"blob {outer}"])
    assert result.texts == ["blob [EMAIL_1]"]


def test_whole_conversation_is_screened() -> None:
    result = REDACTOR.redact(["system: you help Kerry Nolan", "assistant: ok", '{"tool": "call 0121 496 3951"}'])
    assert "Kerry" not in result.texts[0] and "0121" not in result.texts[2]


def test_spelled_out_digits_are_rewritten_and_rescanned() -> None:
    result = REDACTOR.redact(["Her NHS number is nine four three four seven six five nine one nine."])
    assert result.texts == ["Her NHS number is [NHS_NUMBER_1]."]


def test_spelled_out_phone_with_double() -> None:
    result = REDACTOR.redact(["call me on oh seven seven double oh nine double oh one two three"])
    assert result.texts == ["call me on [PHONE_1]"]


def test_letter_look_alikes_inside_numbers() -> None:
    result = REDACTOR.redact(["NHS no 94347659l9 and 0l2l 496 395l"])
    assert result.texts == ["NHS no [NHS_NUMBER_1] and [PHONE_1]"]


def test_counting_words_are_not_numbers() -> None:
    text = "She had one two three four five six seven apples; took three or four tablets"
    assert REDACTOR.redact([text]).texts == [text]


def test_json_escaped_line_breaks_in_tool_arguments() -> None:
    result = REDACTOR.redact(['{"q": "NHS 943\\n476\\n5919 and Kerry\\nNolan"}'])
    assert "5919" not in result.texts[0]


def test_valid_check_digit_in_the_chi_range_without_a_date_is_still_redacted() -> None:
    assert REDACTOR.redact(["ref 085/018/4614 today"]).texts == ["ref [NHS_NUMBER_1] today"]

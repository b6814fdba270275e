"""The redaction engine's contract: placeholders, offsets, restore, config actions, failure handling."""

from __future__ import annotations

import base64

import pytest

from cosigner.errors import BadRequest, RedactionFailed
from cosigner.redaction import CaseContext, OrgPattern, RedactionConfig, Redactor, Span

REDACTOR = Redactor(RedactionConfig.default())


def test_same_value_gets_same_placeholder_across_messages() -> None:
    result = REDACTOR.redact(["NHS 943 476 5919 seen.", "Again: NHS number 9434765919."])
    assert result.texts == ["NHS [NHS_NUMBER_1] seen.", "Again: NHS number [NHS_NUMBER_1]."]
    assert result.counts == {"NHS_NUMBER": 2}


def test_spans_are_offsets_into_the_original_texts() -> None:
    text = "Call 0121 496 3951 today"
    result = REDACTOR.redact([text])
    (span,) = result.spans[0]
    assert span == Span(5, 18, "PHONE")
    assert text[span.start : span.end] == "0121 496 3951"


def test_restore_puts_values_back_and_counts_invented_placeholders() -> None:
    result = REDACTOR.redact(["Email kerry.nolan@example.com please"])
    reply = "I wrote to [EMAIL_1] and [PERSON_7]."
    assert result.placeholders.restore(reply) == "I wrote to kerry.nolan@example.com and [PERSON_7]."
    assert result.placeholders.unknown_count == 1


def test_restore_json_escapes_values() -> None:
    result = REDACTOR.redact(['Mrs O"Brien is at 14 Acacia Avenue'])
    restored = result.placeholders.restore_json('{"who": "[ADDRESS_1]"}')
    assert restored == '{"who": "14 Acacia Avenue"}'


def test_keep_in_reply_types_stay_as_placeholders() -> None:
    config = RedactionConfig(actions={"NHS_NUMBER": "redact"}, keep_in_reply=frozenset({"NHS_NUMBER"}))
    result = Redactor(config).redact(["NHS 943 476 5919"])
    assert result.placeholders.restore("x [NHS_NUMBER_1]") == "x [NHS_NUMBER_1]"


def test_mask_action_is_typed_and_never_restored() -> None:
    config = RedactionConfig(actions={"EMAIL": "mask"})
    result = Redactor(config).redact(["mail jo@example.org now"])
    assert result.texts == ["mail [REDACTED EMAIL] now"]
    assert result.placeholders.restore(result.texts[0]) == "mail [REDACTED EMAIL] now"


def test_allow_action_leaves_the_type_alone() -> None:
    config = RedactionConfig(actions={"EMAIL": "allow"})
    result = Redactor(config).redact(["mail jo@example.org now"])
    assert result.texts == ["mail jo@example.org now"]


def test_allowlist_keeps_a_listed_value() -> None:
    config = RedactionConfig(actions={}, allowlist=frozenset({"duty@council.example.gov.uk"}))
    result = Redactor(config).redact(["Send to duty@council.example.gov.uk or jo@example.org"])
    assert result.texts == ["Send to duty@council.example.gov.uk or [EMAIL_1]"]


def test_placeholder_shaped_input_is_never_issued_or_restored() -> None:
    result = REDACTOR.redact(["[EMAIL_1] is literal; real one jo@example.org"])
    assert result.texts == ["[EMAIL_1] is literal; real one [EMAIL_2]"]
    assert result.placeholders.restore("[EMAIL_1]") == "[EMAIL_1]"


def test_invisible_characters_are_removed_from_outbound_text() -> None:
    tags = "".join(chr(0xE0000 + ord(c)) for c in "9434765919")
    result = REDACTOR.redact([f"note{tags} ok\u200b here"])
    assert result.texts == ["note ok here"]


def test_zero_width_inside_a_number_is_detected_on_the_shadow() -> None:
    text = "NHS 943\u200b476\u00ad5919 end"
    result = REDACTOR.redact([text])
    assert result.texts == ["NHS [NHS_NUMBER_1] end"]
    (span,) = result.spans[0]
    assert text[span.start : span.end] == "943\u200b476\u00ad5919"


def test_fullwidth_digits_are_detected() -> None:
    result = REDACTOR.redact(["ＮＨＳ ９４３ ４７６ ５９１９"])
    assert "[NHS_NUMBER_1]" in result.texts[0]


def test_base64_encoded_identifier_is_redacted() -> None:
    blob = base64.b64encode(b"her NHS number is 9434765919").decode()
    result = REDACTOR.redact([f"data {blob} end"])
    assert result.texts == ["data [NHS_NUMBER_1] end"]


def test_hex_encoded_identifier_is_redacted() -> None:
    blob = b"mail jo@example.org".hex()
    result = REDACTOR.redact([f"x {blob} y"])
    assert result.texts == ["x [EMAIL_1] y"]


def test_identifier_split_across_two_messages_is_caught() -> None:
    result = REDACTOR.redact(["her number is 943 476", "5919 as discussed"])
    assert result.texts == ["her number is [NHS_NUMBER_1]", "[NHS_NUMBER_2] as discussed"]


def test_name_found_once_is_redacted_in_every_message() -> None:
    result = REDACTOR.redact(["Visited Kerry Nolan today.", "Kerry was calm; Nolan's flat was tidy."])
    assert result.texts[1] == "[PERSON_2] was calm; [PERSON_3]'s flat was tidy."


def test_known_people_from_the_context_are_redacted_with_variants() -> None:
    context = CaseContext.from_json({"people": [{"name": "Kerry Nolan", "aliases": ["Kez"]}]})
    result = REDACTOR.redact(["kez and KERRY and Kerri and K. Nolan"], context)
    assert "kez" not in result.texts[0].lower()
    assert "kerr" not in result.texts[0].lower()
    assert "nolan" not in result.texts[0].lower()


def test_org_pattern_from_config() -> None:
    config = RedactionConfig(
        actions={}, org_patterns=(OrgPattern("mosaic_id", "MOSAIC_ID", r"\bM\d{7}\b", label_required=False),)
    )
    result = Redactor(config).redact(["Person M1234567 referred"])
    assert result.texts == ["Person [MOSAIC_ID_1] referred"]


def test_org_pattern_with_label_required_needs_a_label() -> None:
    config = RedactionConfig(actions={}, org_patterns=(OrgPattern("lcs", "LCS_ID", r"\b\d{6}\b", label_required=True),))
    result = Redactor(config).redact(["LCS 123456 and 654321 apples"])
    assert result.texts == ["LCS [LCS_ID_1] and 654321 apples"]


@pytest.mark.parametrize("bad", [[b"bytes"], [None], ["ok", 3], "a plain string", ["\ud800 broken"]])
def test_input_that_is_not_text_fails_closed(bad: object) -> None:
    with pytest.raises(RedactionFailed) as caught:
        REDACTOR.redact(bad)  # type: ignore[arg-type]
    assert "broken" not in str(caught.value)


def test_detector_exception_becomes_redaction_failed_without_text(monkeypatch: pytest.MonkeyPatch) -> None:
    class Exploding:
        name = "exploding"

        def detect(self, text: str) -> list[object]:
            raise ValueError(f"cannot handle {text}")

    redactor = Redactor(RedactionConfig.default())
    monkeypatch.setattr(redactor, "_detectors", (*redactor._detectors, Exploding()))
    with pytest.raises(RedactionFailed) as caught:
        redactor.redact(["secret Kerry Nolan"])
    assert "Kerry" not in str(caught.value)
    assert caught.value.__cause__ is None


def test_placeholder_map_repr_never_shows_values() -> None:
    result = REDACTOR.redact(["jo@example.org"])
    assert "jo@" not in repr(result.placeholders)
    assert "jo@" not in repr(result)


@pytest.mark.parametrize(
    ("payload", "key"),
    [
        ([], "context"),
        ({"people": "x"}, "context.people"),
        ({"people": [{"aliases": []}]}, "context.people[0].name"),
        ({"people": [{"name": "A B", "dob": "17/09/2012"}]}, "context.people[0].dob"),
        ({"ids": [{"type": "nhs", "value": "9434765919"}]}, "context.ids[0].type"),
        ({"ids": [{"type": "NHS_NUMBER"}]}, "context.ids[0].value"),
        ({"addresses": [5]}, "context.addresses[0]"),
        ({"people": [{"name": "A B", "nick": "x"}]}, "context.people[0]"),
    ],
)
def test_case_context_errors_name_the_dotted_key(payload: object, key: str) -> None:
    with pytest.raises(BadRequest) as caught:
        CaseContext.from_json(payload)
    assert str(caught.value).startswith(key + ":")


def test_one_redactor_is_safe_to_share_between_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"Visit to Kerry Nolan {i}, NHS 943 476 5919, call 0121 496 {1000 + i:04d}" for i in range(40)]
    expected = [REDACTOR.redact([t]).texts for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda t: REDACTOR.redact([t]).texts, texts))
    assert results == expected


def test_redaction_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    import logging

    with caplog.at_level(logging.DEBUG):
        REDACTOR.redact(["Kerry Nolan 943 476 5919"], CaseContext.from_json({"people": [{"name": "Kerry Nolan"}]}))
    assert caplog.records == []

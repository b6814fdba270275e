"""Streaming restore: a placeholder split anywhere across chunks is restored; nothing is lost or duplicated."""

from __future__ import annotations

import json

import pytest

from cosigner.redaction import RedactionConfig, Redactor, StreamRestorer

RESULT = Redactor(RedactionConfig.default()).redact(['Kerry Nolan (NHS 943 476 5919) emailed "jo"@example.org'])
REPLY = "Dear [PERSON_1], your number [NHS_NUMBER_1] and [EMAIL_1]; not [PERSON_9] or [x] or [PERSON_"
EXPECTED = RESULT.placeholders.restore(REPLY)


def _run(chunks: list[str], json_mode: bool = False) -> str:
    restorer = StreamRestorer(RESULT.placeholders, json_mode=json_mode)
    return "".join(restorer.feed(chunk) for chunk in chunks) + restorer.flush()


@pytest.mark.parametrize("cut", range(len(REPLY) + 1))
def test_every_single_split_point(cut: int) -> None:
    assert _run([REPLY[:cut], REPLY[cut:]]) == EXPECTED


@pytest.mark.parametrize("cut", range(0, len(REPLY), 3))
def test_every_two_split_points(cut: int) -> None:
    for second in range(cut, len(REPLY) + 1, 5):
        assert _run([REPLY[:cut], REPLY[cut:second], REPLY[second:]]) == EXPECTED


def test_one_character_chunks() -> None:
    assert _run(list(REPLY)) == EXPECTED


def test_held_back_tail_is_bounded_by_the_longest_placeholder() -> None:
    restorer = StreamRestorer(RESULT.placeholders)
    out = restorer.feed("[NHS_NUMBER")
    assert out == ""
    longest = RESULT.placeholders.max_placeholder_len
    out = restorer.feed("_" + "9" * longest)
    assert len(restorer._pending) < longest


def test_json_mode_escapes_restored_values() -> None:
    restored = _run(['{"to": "[EMA', 'IL_1]"}'], json_mode=True)
    assert json.loads(restored) == {"to": '"jo"@example.org'}


def test_keep_in_reply_types_stay_placeholders_when_streaming() -> None:
    config = RedactionConfig(actions={}, keep_in_reply=frozenset({"NHS_NUMBER"}))
    result = Redactor(config).redact(["NHS 943 476 5919 for Kerry Nolan"])
    restorer = StreamRestorer(result.placeholders)
    out = restorer.feed("[NHS_NUM") + restorer.feed("BER_1] [PERSON_1]") + restorer.flush()
    assert out == "[NHS_NUMBER_1] Kerry Nolan"


def test_invented_placeholders_are_counted_not_restored() -> None:
    result = Redactor(RedactionConfig.default()).redact(["Kerry Nolan"])
    restorer = StreamRestorer(result.placeholders)
    out = restorer.feed("[PERSON_2] and [PERSON_1]") + restorer.flush()
    assert out == "[PERSON_2] and Kerry Nolan"
    assert result.placeholders.unknown_count == 1

"""The speed-ups must not change what is found: each fast path against the plain form it replaced."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cosigner.detectors import addresses, email, health_numbers, names
from cosigner.detectors.name_classify import NOT_NAME, STRONG, WEAK

# The patterns as they were written before the lookbehind moved after the first digit.
_TEN_DIGITS_PLAIN = re.compile(r"(?<![\w.])\d(?:[ \t\-./\n]{0,3}\d){9}(?!\w)")
_NUMBER_NAME_NUMBER_PLAIN = re.compile(
    addresses._NUMBER_NAME_NUMBER.pattern.replace(r"\d(?<![\w.,/:-]\d)\d{1,4}", r"(?<![\w.,/:-])\d{2,5}", 1)
)

digit_text = st.text(alphabet="0123456789 .-/\n\tab_", max_size=80)
street_text = st.text(alphabet="0123456789 .,/:-abHK\tu", max_size=60)
email_text = st.text(alphabet="ab.@ -_+x1\n", max_size=120)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_the_plain_street_pattern_was_rebuilt() -> None:
    assert _NUMBER_NAME_NUMBER_PLAIN.pattern != addresses._NUMBER_NAME_NUMBER.pattern
    assert _spans(_NUMBER_NAME_NUMBER_PLAIN, "5049 Harjukuja 54") == [(0, 17)]


@settings(max_examples=400, deadline=None)
@given(digit_text, st.integers(min_value=0, max_value=10))
def test_digit_led_ten_digit_pattern_finds_the_same_spans(text: str, pos: int) -> None:
    assert _spans(health_numbers._TEN_DIGITS, text) == _spans(_TEN_DIGITS_PLAIN, text)
    fast, plain = health_numbers._TEN_DIGITS.search(text, pos), _TEN_DIGITS_PLAIN.search(text, pos)
    assert (fast and fast.span()) == (plain and plain.span())


@settings(max_examples=400, deadline=None)
@given(street_text)
def test_digit_led_number_name_number_pattern_finds_the_same_spans(text: str) -> None:
    text = text.replace("H", " Harju").replace("K", "Katu ")
    assert _spans(addresses._NUMBER_NAME_NUMBER, text) == _spans(_NUMBER_NAME_NUMBER_PLAIN, text)


@settings(max_examples=400, deadline=None)
@given(email_text)
def test_email_search_that_jumps_to_each_at_sign_finds_what_a_full_scan_finds(text: str) -> None:
    text = text.replace("x", "example.co.uk ")
    assert list(email._addresses(text)) == _spans(email._EMAIL, text)


def test_email_local_part_at_the_length_limit_is_still_found() -> None:
    text = "noise " * 30 + "a" * 64 + "@example.org and " + "b" * 65 + "@example.org"
    assert list(email._addresses(text)) == _spans(email._EMAIL, text)
    assert len(list(email._addresses(text))) == 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([NOT_NAME, WEAK, STRONG]), max_size=30), st.data())
def test_weak_indices_narrowed_from_an_earlier_list_match_a_full_walk(labels: list[int], data: st.DataObject) -> None:
    before = names._weak(labels)
    # chaining only ever turns weak words strong
    for i in before:
        if data.draw(st.booleans()):
            labels[i] = STRONG
    assert names._weak(labels, before) == names._weak(labels)

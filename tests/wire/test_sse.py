from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cosigner.errors import UpstreamBadResponse
from cosigner.wire.sse import SSEDecoder, SSEEvent, encode_sse

STREAM_LF = (
    b": keep-alive comment\n"
    b"event: message_start\n"
    b'data: {"type":"message_start"}\n'
    b"\n"
    b"data: first line\n"
    b"data: second line\n"
    b"\n"
    b"event: ping\n"
    b"data:\n"
    b"\n"
    b"data:no-space\n"
    b"\n"
    b"id: 7\n"
    b"data: caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\n"
    b"\n"
    b"data: [DONE]\n"
    b"\n"
)

EXPECTED = [
    SSEEvent("message_start", '{"type":"message_start"}'),
    SSEEvent(None, "first line\nsecond line"),
    SSEEvent("ping", ""),
    SSEEvent(None, "no-space"),
    SSEEvent(None, "café € 😀", id="7"),
    SSEEvent(None, "[DONE]", id="7"),
]


def decode_all(chunks: list[bytes]) -> list[SSEEvent]:
    decoder = SSEDecoder()
    events: list[SSEEvent] = []
    for chunk in chunks:
        events.extend(decoder.feed(chunk))
    events.extend(decoder.close())
    assert not decoder.has_pending
    return events


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"], ids=["LF", "CRLF", "CR"])
def test_decodes_every_line_ending_style(newline: bytes) -> None:
    stream = STREAM_LF.replace(b"\n", newline)
    assert decode_all([stream]) == EXPECTED


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"], ids=["LF", "CRLF", "CR"])
def test_every_single_split_point_decodes_identically(newline: bytes) -> None:
    stream = STREAM_LF.replace(b"\n", newline)
    for cut in range(len(stream) + 1):
        assert decode_all([stream[:cut], stream[cut:]]) == EXPECTED, cut


def test_byte_at_a_time_feed_decodes_identically() -> None:
    for newline in (b"\n", b"\r\n", b"\r"):
        stream = STREAM_LF.replace(b"\n", newline)
        assert decode_all([stream[i : i + 1] for i in range(len(stream))]) == EXPECTED


def test_leading_bom_is_stripped_and_bom_split_across_feeds_too() -> None:
    stream = b"\xef\xbb\xbfdata: x\n\n"
    assert decode_all([stream]) == [SSEEvent(None, "x")]
    assert decode_all([stream[:1], stream[1:2], stream[2:]]) == [SSEEvent(None, "x")]


def test_field_without_colon_and_unknown_fields() -> None:
    assert decode_all([b"data\nretry: 10\nfoo: bar\n\n"]) == [SSEEvent(None, "")]


def test_event_without_data_is_not_dispatched_and_type_resets() -> None:
    assert decode_all([b"event: ping\n\ndata: x\n\n"]) == [SSEEvent(None, "x")]


def test_only_one_leading_space_is_removed() -> None:
    assert decode_all([b"data:  two\n\n"]) == [SSEEvent(None, " two")]


def test_unterminated_event_is_reported_pending_and_never_dispatched() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: partial") == []
    assert decoder.has_pending
    assert decoder.close() == []
    decoder = SSEDecoder()
    assert decoder.feed(b"data: complete line\n") == []
    assert decoder.has_pending


def test_invalid_utf8_is_replaced_not_raised() -> None:
    assert decode_all([b"data: a\xffb\n\n"]) == [SSEEvent(None, "a\ufffdb")]


def test_oversized_line_fails_closed() -> None:
    decoder = SSEDecoder(max_pending_chars=64)
    with pytest.raises(UpstreamBadResponse):
        decoder.feed(b"data: " + b"x" * 100)


def test_oversized_multi_line_event_fails_closed() -> None:
    decoder = SSEDecoder(max_pending_chars=64)
    with pytest.raises(UpstreamBadResponse):
        decoder.feed(b"data: 0123456789\n" * 10)


@pytest.mark.parametrize(
    ("data", "event", "expected"),
    [
        ('{"a":1}', None, b'data: {"a":1}\n\n'),
        ("x", "message_stop", b"event: message_stop\ndata: x\n\n"),
        ("one\ntwo", None, b"data: one\ndata: two\n\n"),
        ("", "ping", b"event: ping\ndata: \n\n"),
        ("é", None, "data: é\n\n".encode()),
    ],
)
def test_encode_sse(data: str, event: str | None, expected: bytes) -> None:
    assert encode_sse(data, event) == expected
    assert decode_all([expected]) == [SSEEvent(event, data)]


def test_encode_rejects_line_break_in_event_name() -> None:
    with pytest.raises(ValueError):
        encode_sse("x", "bad\nname")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.sampled_from(["message_start", "ping", "content_block_delta"])),
            st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=20),
        ),
        max_size=8,
    ),
    st.lists(st.integers(min_value=0, max_value=400), max_size=6),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_any_events_split_anywhere_round_trip(
    events: list[tuple[str | None, str]], cuts: list[int], newline: str
) -> None:
    raw = b"".join(encode_sse(data, event) for event, data in events).replace(b"\n", newline.encode())
    points = sorted({min(c, len(raw)) for c in cuts})
    pieces = [raw[a:b] for a, b in zip([0, *points], [*points, len(raw)], strict=True)]
    assert decode_all(pieces) == [SSEEvent(event, data) for event, data in events]

"""The golden files themselves: real provider shapes, decodable at any split, all documented."""

from __future__ import annotations

import re

import pytest

from cosigner.wire import anthropic_messages, openai_chat
from cosigner.wire.errors import parse_upstream_error
from cosigner.wire.sse import SSEDecoder, SSEEvent

from .golden import (
    GOLDEN_DIR,
    anthropic_events,
    golden_names,
    load_events,
    load_json,
    load_stream,
    openai_chunks,
)
from .sdk_shapes import (
    check_anthropic_event,
    check_anthropic_message,
    check_openai_chunk,
    check_openai_completion,
)

STREAMS = golden_names(".sse")


def test_every_golden_file_is_documented_and_every_documented_file_exists() -> None:
    readme = (GOLDEN_DIR / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z0-9_]+\.(?:json|sse))` \|", readme, flags=re.MULTILINE))
    assert documented == set(golden_names(".json")) | set(STREAMS)


@pytest.mark.parametrize(
    "name", ["openai_response_text.json", "openai_response_tool_calls.json", "ollama_response_text.json"]
)
def test_openai_golden_responses_match_the_sdk_types(name: str) -> None:
    check_openai_completion(load_json(name))


@pytest.mark.parametrize("name", ["anthropic_response_text.json", "anthropic_response_tool_use.json"])
def test_anthropic_golden_responses_match_the_sdk_types(name: str) -> None:
    check_anthropic_message(load_json(name))


@pytest.mark.parametrize("name", [n for n in STREAMS if n.startswith(("openai_", "ollama_", "azure_"))])
def test_openai_golden_streams_match_the_sdk_types_and_end_with_done(name: str) -> None:
    for chunk in openai_chunks(name):
        check_openai_chunk(chunk, strict=not name.startswith("azure_"))
    assert load_events(name)[-1] == SSEEvent(None, "[DONE]")
    assert load_stream(name).endswith(b"data: [DONE]\n\n")


@pytest.mark.parametrize("name", [n for n in STREAMS if n.startswith("anthropic_")])
def test_anthropic_golden_streams_match_the_sdk_types(name: str) -> None:
    events = anthropic_events(name)
    assert events[0][0] == "message_start"
    for event, data in events:
        if event != "error":
            check_anthropic_event(event, data)


@pytest.mark.parametrize("name", ["openai_request_tools.json", "openai_request_multipart.json"])
def test_openai_golden_requests_validate(name: str) -> None:
    openai_chat.validate_request(load_json(name))


def test_azure_golden_response_parses_with_the_sdk() -> None:
    check_openai_completion(load_json("azure_response_text.json"), strict=False)


def test_anthropic_golden_request_validates() -> None:
    anthropic_messages.validate_request(load_json("anthropic_request_tools.json"))


@pytest.mark.parametrize("name", STREAMS)
def test_every_split_point_of_a_golden_stream_decodes_identically(name: str) -> None:
    raw = load_stream(name)
    expected = load_events(name)
    assert expected
    for cut in range(len(raw) + 1):
        decoder = SSEDecoder()
        events = decoder.feed(raw[:cut]) + decoder.feed(raw[cut:]) + decoder.close()
        assert events == expected, cut


@pytest.mark.parametrize("name", STREAMS)
def test_golden_streams_decode_identically_with_crlf(name: str) -> None:
    raw = load_stream(name).replace(b"\n", b"\r\n")
    decoder = SSEDecoder()
    assert decoder.feed(raw) == load_events(name)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("openai_error_rate_limit.json", "Rate limit reached"),
        ("anthropic_error_overloaded.json", "Overloaded"),
    ],
)
def test_golden_error_bodies_parse(name: str, message: str) -> None:
    parsed = parse_upstream_error(load_stream(name))
    assert parsed is not None and parsed.startswith(message)


def test_load_json_returns_a_fresh_copy_and_unknown_names_fail() -> None:
    first = load_json("openai_response_text.json")
    first["id"] = "changed"
    assert load_json("openai_response_text.json")["id"] != "changed"
    with pytest.raises(FileNotFoundError):
        load_stream("no_such_file.sse")

from __future__ import annotations

import json
from typing import Any

import pytest
from openai.lib.streaming.chat import ChatCompletionStreamState
from openai.types.chat import ChatCompletionChunk

from cosigner.errors import UpstreamBadResponse, UpstreamStatus
from cosigner.wire import translate

from .golden import anthropic_events, openai_chunks
from .stream_checks import accumulate_anthropic, accumulate_openai


def anthropic_to_openai(events: list[tuple[str, dict[str, Any]]], include_usage: bool) -> list[dict[str, Any]]:
    converter = translate.AnthropicStreamToOpenAI("gpt-4o-mini", include_usage, created=1700000000)
    return [chunk for name, data in events for chunk in converter.feed(name, data)]


def openai_to_anthropic(chunks: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    converter = translate.OpenAIStreamToAnthropic("claude-sonnet-4-5")
    out = [event for chunk in chunks for event in converter.feed(chunk)]
    return out + converter.finish()


def golden_anthropic_message(name: str) -> dict[str, Any]:
    return accumulate_anthropic(anthropic_events(name))


@pytest.mark.parametrize("include_usage", [True, False])
def test_anthropic_text_stream_to_openai(include_usage: bool) -> None:
    chunks = anthropic_to_openai(anthropic_events("anthropic_stream_text.sse"), include_usage)
    result = accumulate_openai(chunks, include_usage=include_usage)
    original = golden_anthropic_message("anthropic_stream_text.sse")
    assert result["text"] == original["content"][0]["text"]
    assert result["finish_reason"] == "stop" and result["tool_calls"] == []
    assert chunks[0]["choices"][0]["delta"] == {"role": "assistant", "content": "", "refusal": None}
    assert chunks[0]["id"] == "chatcmpl-msg_01XFDUDYJgAACzvnptvVoYEL"
    if include_usage:
        assert result["usage"] == {
            "prompt_tokens": 61,
            "completion_tokens": 19,
            "total_tokens": 80,
            "prompt_tokens_details": {"cached_tokens": 0},
        }


def test_anthropic_tool_stream_to_openai_is_accepted_by_the_openai_sdk() -> None:
    chunks = anthropic_to_openai(anthropic_events("anthropic_stream_tool_use.sse"), True)
    result = accumulate_openai(chunks, include_usage=True)
    original = golden_anthropic_message("anthropic_stream_tool_use.sse")
    assert result["text"] == "Let me look that up."
    assert result["finish_reason"] == "tool_calls"
    [call] = result["tool_calls"]
    assert call["id"] == original["content"][1]["id"] and call["name"] == "lookup_visit"
    assert json.loads(call["arguments"]) == original["content"][1]["input"]
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    for chunk in chunks:
        list(state.handle_chunk(ChatCompletionChunk.model_validate(chunk)))
    final = state.get_final_completion()
    assert final.choices[0].message.content == "Let me look that up."
    tool_calls = final.choices[0].message.tool_calls or []
    assert [c.function.name for c in tool_calls if c.type == "function"] == ["lookup_visit"]


def test_openai_text_stream_to_anthropic() -> None:
    chunks = openai_chunks("openai_stream_text.sse")
    events = openai_to_anthropic(chunks)
    message = accumulate_anthropic(events)
    expected = accumulate_openai(chunks, include_usage=True)
    assert [name for name, _ in events[:3]] == ["message_start", "ping", "content_block_start"]
    assert message["content"] == [{"type": "text", "text": expected["text"]}]
    assert message["stop_reason"] == "end_turn"
    assert message["usage"]["output_tokens"] == 17 and message["usage"]["input_tokens"] == 58
    assert message["model"] == "claude-sonnet-4-5"
    assert message["id"] == "msg_chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG"


def test_openai_tool_stream_to_anthropic_gives_one_block_per_call() -> None:
    events = openai_to_anthropic(openai_chunks("openai_stream_tool_calls.sse"))
    message = accumulate_anthropic(events)
    assert message["content"] == [
        {
            "type": "tool_use",
            "id": "call_abc123",
            "name": "lookup_visit",
            "input": {"person": "[PERSON_1]", "date": "2024-03-01"},
        },
        {
            "type": "tool_use",
            "id": "call_def456",
            "name": "lookup_address",
            "input": {"postcode": "[POSTCODE_1]"},
        },
    ]
    assert message["stop_reason"] == "tool_use"


def test_openai_stream_without_usage_to_anthropic() -> None:
    events = openai_to_anthropic(openai_chunks("openai_stream_text_no_usage.sse"))
    message = accumulate_anthropic(events)
    assert message["content"] == [{"type": "text", "text": "Noted: [PERSON_1] agreed."}]
    assert message["usage"]["output_tokens"] == 0


@pytest.mark.parametrize("name", ["anthropic_stream_text.sse", "anthropic_stream_tool_use.sse"])
def test_anthropic_stream_survives_a_round_trip_through_openai(name: str) -> None:
    original = golden_anthropic_message(name)
    again = accumulate_anthropic(openai_to_anthropic(anthropic_to_openai(anthropic_events(name), True)))
    assert again["content"] == original["content"]
    assert again["stop_reason"] == original["stop_reason"]
    assert again["usage"]["output_tokens"] == original["usage"]["output_tokens"]


@pytest.mark.parametrize("name", ["openai_stream_text.sse", "openai_stream_tool_calls.sse"])
def test_openai_stream_survives_a_round_trip_through_anthropic(name: str) -> None:
    chunks = openai_chunks(name)
    original = accumulate_openai(chunks, include_usage=True)
    again = accumulate_openai(anthropic_to_openai(openai_to_anthropic(chunks), True), include_usage=True)
    assert again["text"] == original["text"]
    assert again["tool_calls"] == original["tool_calls"]
    assert again["finish_reason"] == original["finish_reason"]
    assert again["usage"]["completion_tokens"] == original["usage"]["completion_tokens"]


def test_text_after_tool_call_opens_a_new_block() -> None:
    base = {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "m"}

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        return {**base, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}

    call = {"index": 0, "id": "t", "type": "function", "function": {"name": "f", "arguments": "{}"}}
    events = openai_to_anthropic(
        [
            chunk({"role": "assistant", "content": "a"}),
            chunk({"tool_calls": [call]}),
            chunk({"content": "b"}),
            chunk({}, "stop"),
        ]
    )
    message = accumulate_anthropic(events)
    assert [b["type"] for b in message["content"]] == ["text", "tool_use", "text"]


def test_anthropic_error_event_mid_stream_raises_upstream_status() -> None:
    converter = translate.AnthropicStreamToOpenAI("m", True)
    events = anthropic_events("anthropic_stream_error_midway.sse")
    for name, data in events[:-1]:
        converter.feed(name, data)
    with pytest.raises(UpstreamStatus) as info:
        converter.feed(*events[-1])
    assert info.value.status == 529 and info.value.message == "Overloaded"


def test_openai_error_chunk_mid_stream_raises() -> None:
    converter = translate.OpenAIStreamToAnthropic("m")
    converter.feed(openai_chunks("openai_stream_text.sse")[0])
    with pytest.raises(UpstreamStatus):
        converter.feed({"error": {"message": "boom", "type": "server_error"}})


BAD_ANTHROPIC_EVENTS: list[tuple[str, list[tuple[str, Any]]]] = [
    (
        "delta before start",
        [
            (
                "content_block_delta",
                {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "x"}},
            )
        ],
    ),
    ("message without id", [("message_start", {"type": "message_start", "message": {}})]),
    (
        "text not string",
        [
            (
                "content_block_delta",
                {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": 5}},
            )
        ],
    ),
    (
        "json outside tool block",
        [
            (
                "content_block_delta",
                {
                    "type": "content_block_delta",
                    "index": 0,
                    "delta": {"type": "input_json_delta", "partial_json": "{"},
                },
            )
        ],
    ),
    (
        "index not int",
        [
            (
                "content_block_start",
                {"type": "content_block_start", "index": "0", "content_block": {"type": "text", "text": ""}},
            )
        ],
    ),
]


@pytest.mark.parametrize(("case", "tail"), BAD_ANTHROPIC_EVENTS, ids=[c[0] for c in BAD_ANTHROPIC_EVENTS])
def test_invalid_anthropic_events_raise_upstream_bad_response(case: str, tail: list[tuple[str, Any]]) -> None:
    converter = translate.AnthropicStreamToOpenAI("m", True)
    events = anthropic_events("anthropic_stream_text.sse")
    if case != "delta before start" and case != "message without id":
        converter.feed(*events[0])
    with pytest.raises(UpstreamBadResponse):
        for name, data in tail:
            converter.feed(name, data)


def test_openai_stream_with_no_chunks_is_upstream_bad_response() -> None:
    with pytest.raises(UpstreamBadResponse):
        translate.OpenAIStreamToAnthropic("m").finish()


@pytest.mark.parametrize(
    "bad_chunk",
    [
        "not a dict",
        {"id": "c", "choices": "x"},
        {"id": "c", "choices": [{"index": 0, "delta": {"content": 3}}]},
        {
            "id": "c",
            "choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"name": "f"}}]}}],
        },
    ],
)
def test_invalid_openai_chunks_raise_upstream_bad_response(bad_chunk: Any) -> None:
    with pytest.raises(UpstreamBadResponse):
        translate.OpenAIStreamToAnthropic("m").feed(bad_chunk)


def test_interleaved_tool_call_arguments_are_refused() -> None:
    converter = translate.OpenAIStreamToAnthropic("m")
    first = {"index": 0, "id": "a", "type": "function", "function": {"name": "f", "arguments": ""}}
    second = {"index": 1, "id": "b", "type": "function", "function": {"name": "g", "arguments": ""}}
    converter.feed({"id": "c", "choices": [{"index": 0, "delta": {"tool_calls": [first]}}]})
    converter.feed({"id": "c", "choices": [{"index": 0, "delta": {"tool_calls": [second]}}]})
    late = {"index": 0, "function": {"arguments": "{}"}}
    with pytest.raises(UpstreamBadResponse):
        converter.feed({"id": "c", "choices": [{"index": 0, "delta": {"tool_calls": [late]}}]})


def test_ollama_text_stream_to_anthropic_keeps_text_from_the_finishing_chunk() -> None:
    message = accumulate_anthropic(openai_to_anthropic(openai_chunks("ollama_stream_text.sse")))
    assert message["content"] == [{"type": "text", "text": "Noted that [PERSON_1] attended the review on time."}]
    assert message["stop_reason"] == "end_turn"
    assert message["usage"]["input_tokens"] == 31 and message["usage"]["output_tokens"] == 12


def test_ollama_whole_tool_call_chunk_to_anthropic() -> None:
    message = accumulate_anthropic(openai_to_anthropic(openai_chunks("ollama_stream_tool_calls.sse")))
    assert message["content"] == [
        {"type": "tool_use", "id": "call_hk81qg8b", "name": "lookup_visit", "input": {"person": "[PERSON_1]"}}
    ]
    assert message["stop_reason"] == "tool_use"


def test_message_stop_without_message_delta_still_finishes_the_choice() -> None:
    events = [e for e in anthropic_events("anthropic_stream_text.sse") if e[0] != "message_delta"]
    chunks = anthropic_to_openai(events, True)
    result = accumulate_openai(chunks, include_usage=True)
    assert result["finish_reason"] == "stop"


def test_azure_stream_with_filter_prelude_to_anthropic() -> None:
    chunks = openai_chunks("azure_stream_text.sse")
    events = openai_to_anthropic(chunks)
    message = accumulate_anthropic(events)
    assert message["id"] == "msg_chatcmpl-AzX1b2C3d4E5f6G7h8"
    assert message["content"] == [{"type": "text", "text": "Case note: [PERSON_1] declined the offer."}]
    assert accumulate_openai(chunks, include_usage=False, strict=False)["finish_reason"] == "stop"


def test_azure_response_to_anthropic_ignores_filter_annotations() -> None:
    from cosigner.wire.translate import openai_response_to_anthropic

    from .golden import load_json

    out = openai_response_to_anthropic(load_json("azure_response_text.json"), model="c")
    assert out["content"] == [{"type": "text", "text": "Case note: [PERSON_1] declined the offer."}]
    assert out["usage"]["input_tokens"] == 40


def test_tool_input_sent_whole_in_block_start_reaches_openai_arguments() -> None:
    events = anthropic_events("anthropic_stream_tool_use.sse")
    events = [(n, d) for n, d in events if not (n == "content_block_delta" and d["index"] == 1)]
    start = next(d for n, d in events if n == "content_block_start" and d["index"] == 1)
    start["content_block"]["input"] = {"person": "[PERSON_1]"}
    result = accumulate_openai(anthropic_to_openai(events, True), include_usage=True)
    assert json.loads(result["tool_calls"][0]["arguments"]) == {"person": "[PERSON_1]"}

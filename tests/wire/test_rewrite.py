from __future__ import annotations

import copy
import json
from typing import Any, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cosigner.wire.rewrite import (
    AnthropicStreamRewriter,
    OpenAIStreamRewriter,
    StreamTransformer,
    rewrite_anthropic_response,
    rewrite_openai_response,
)

from .golden import anthropic_events, load_json, openai_chunks
from .stream_checks import accumulate_anthropic, accumulate_openai

Kind = Literal["text", "json"]


class UpperHoldLast3:
    """Upper-cases prose (JSON passes unchanged) and always holds back the last 3 characters until flush."""

    def __init__(self, kind: Kind) -> None:
        self.kind = kind
        self.held = ""
        self.flushed = False

    def _apply(self, text: str) -> str:
        return text.upper() if self.kind == "text" else text

    def feed(self, text: str) -> str:
        assert not self.flushed, "fed after flush"
        self.held += text
        out, self.held = self.held[:-3], self.held[-3:]
        return self._apply(out)

    def flush(self) -> str:
        assert not self.flushed, "flushed twice"
        self.flushed = True
        out, self.held = self.held, ""
        return self._apply(out)


class RestorePlaceholders:
    """Replaces known placeholders, holding back any tail that could be the start of one."""

    def __init__(self, kind: Kind) -> None:
        self.pending = ""
        self.mapping = {"[PERSON_1]": "Jane Doe", "[POSTCODE_1]": "LS1 4AP"}

    def _replace(self, text: str) -> str:
        for placeholder, original in self.mapping.items():
            text = text.replace(placeholder, original)
        return text

    def feed(self, text: str) -> str:
        self.pending += text
        cut = self.pending.rfind("[")
        if cut != -1 and "]" not in self.pending[cut:]:
            out, self.pending = self.pending[:cut], self.pending[cut:]
        else:
            out, self.pending = self.pending, ""
        return self._replace(out)

    def flush(self) -> str:
        out, self.pending = self.pending, ""
        return self._replace(out)


def upper_factory(kind: Kind) -> StreamTransformer:
    return UpperHoldLast3(kind)


def restore_factory(kind: Kind) -> StreamTransformer:
    return RestorePlaceholders(kind)


def run_openai(chunks: list[dict[str, Any]], make: Any = upper_factory) -> list[dict[str, Any]]:
    rewriter = OpenAIStreamRewriter(make)
    out = [c for chunk in chunks for c in rewriter.feed(chunk)]
    return out + rewriter.finish()


def run_anthropic(events: list[tuple[str, dict[str, Any]]], make: Any = upper_factory) -> list[tuple[str, Any]]:
    rewriter = AnthropicStreamRewriter(make)
    return [e for name, data in events for e in rewriter.feed(name, data)]


# -- OpenAI streams


@pytest.mark.parametrize("name", ["openai_stream_text.sse", "openai_stream_tool_calls.sse"])
def test_openai_golden_stream_loses_and_duplicates_nothing(name: str) -> None:
    chunks = openai_chunks(name)
    before = copy.deepcopy(chunks)
    out = run_openai(chunks)
    assert chunks == before, "input chunks are not mutated"
    original = accumulate_openai(chunks, include_usage=True)
    rewritten = accumulate_openai(out, include_usage=True)
    assert rewritten["text"] == original["text"].upper()
    assert rewritten["tool_calls"] == original["tool_calls"]
    assert rewritten["finish_reason"] == original["finish_reason"]
    assert rewritten["usage"] == original["usage"]


def test_openai_flush_chunk_sits_just_before_the_finishing_chunk() -> None:
    chunks = openai_chunks("openai_stream_text.sse")
    out = run_openai(chunks)
    assert len(out) == len(chunks) + 1
    finish_at = next(i for i, c in enumerate(out) if c["choices"] and c["choices"][0]["finish_reason"])
    extra = out[finish_at - 1]
    assert extra["choices"] == [{"index": 0, "delta": {"content": "AN."}, "logprobs": None, "finish_reason": None}]
    assert extra["usage"] is None and extra["id"] == chunks[0]["id"]
    # every other chunk corresponds one-to-one, in order, with the same envelope
    others = out[: finish_at - 1] + out[finish_at:]
    for got, sent in zip(others, chunks, strict=True):
        assert {k: v for k, v in got.items() if k != "choices"} == {k: v for k, v in sent.items() if k != "choices"}
        assert [c.get("finish_reason") for c in got["choices"]] == [c.get("finish_reason") for c in sent["choices"]]


def test_openai_tool_arguments_flush_before_the_next_call_and_before_finish() -> None:
    chunks = openai_chunks("openai_stream_tool_calls.sse")
    out = run_openai(chunks)
    assert len(out) == len(chunks) + 2
    second_starts = next(
        i
        for i, c in enumerate(out)
        if c["choices"]
        and "id" in str(c["choices"][0]["delta"])
        and c["choices"][0]["delta"].get("tool_calls", [{}])[0].get("id") == "call_def456"
    )
    assert out[second_starts - 1]["choices"][0]["delta"] == {
        "tool_calls": [{"index": 0, "function": {"arguments": '1"}'}}]
    }
    finish_at = next(i for i, c in enumerate(out) if c["choices"] and c["choices"][0]["finish_reason"])
    assert out[finish_at - 1]["choices"][0]["delta"] == {"tool_calls": [{"index": 1, "function": {"arguments": ']"}'}}]}


def make_openai_stream(pieces: list[str], *, finish_delta: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    base = {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m"}
    chunks = [
        {
            **base,
            "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}],
        }
    ]
    chunks += [{**base, "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}]} for p in pieces]
    chunks.append({**base, "choices": [{"index": 0, "delta": finish_delta or {}, "finish_reason": "stop"}]})
    return chunks


TEXT = "Visit to [PERSON_1] at [POSTCODE_1]: all well, café ☕."


def test_openai_every_split_point_restores_identically() -> None:
    expected = TEXT.replace("[PERSON_1]", "Jane Doe").replace("[POSTCODE_1]", "LS1 4AP")
    for cut in range(len(TEXT) + 1):
        for second_cut in range(cut, len(TEXT) + 1, 7):
            pieces = [TEXT[:cut], TEXT[cut:second_cut], TEXT[second_cut:]]
            result = accumulate_openai(run_openai(make_openai_stream(pieces), restore_factory), include_usage=False)
            assert result["text"] == expected, (cut, second_cut)


def test_openai_text_in_the_finishing_chunk_comes_before_the_flush() -> None:
    chunks = make_openai_stream(["abc"], finish_delta={"content": "defgh"})
    out = run_openai(chunks)
    texts = [c["choices"][0]["delta"].get("content") for c in out]
    finishes = [c["choices"][0]["finish_reason"] for c in out]
    assert "".join(t or "" for t in texts) == "ABCDEFGH"
    assert finishes[-1] == "stop" and not any(finishes[:-1])
    assert out[-1]["choices"][0]["delta"] == {}
    assert texts[-3:] == ["ABCDE", "FGH", None]


def test_openai_finish_flushes_a_stream_that_never_finished() -> None:
    chunks = make_openai_stream(["hello world"])[:-1]
    out = run_openai(chunks)
    assert "".join(c["choices"][0]["delta"].get("content") or "" for c in out) == "HELLO WORLD"


def test_openai_multiple_choices_keep_separate_transformers() -> None:
    base = {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m"}

    def chunk(index: int, text: str | None, finish: str | None = None) -> dict[str, Any]:
        delta = {} if text is None else {"content": text}
        return {**base, "choices": [{"index": index, "delta": delta, "finish_reason": finish}]}

    out = run_openai(
        [
            chunk(0, "aaaa"),
            chunk(1, "bbbb"),
            chunk(0, "cc"),
            chunk(0, None, "stop"),
            chunk(1, "dd"),
            chunk(1, None, "length"),
        ]
    )
    per_choice: dict[int, str] = {0: "", 1: ""}
    for c in out:
        for choice in c["choices"]:
            per_choice[choice["index"]] += choice["delta"].get("content") or ""
    assert per_choice == {0: "AAAACC", 1: "BBBBDD"}


def test_openai_usage_chunk_and_empty_choices_pass_through() -> None:
    chunk = {
        "id": "c",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [],
        "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
    }
    assert run_openai([chunk]) == [chunk]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="ab[]PERSON_1 é😀", max_size=8), max_size=12))
def test_openai_any_chunking_restores_like_the_whole_text(pieces: list[str]) -> None:
    whole = "".join(pieces)
    once = RestorePlaceholders("text")
    expected = once.feed(whole) + once.flush()
    result = accumulate_openai(run_openai(make_openai_stream(pieces), restore_factory), include_usage=False)
    assert result["text"] == expected


# -- Anthropic streams


@pytest.mark.parametrize("name", ["anthropic_stream_text.sse", "anthropic_stream_tool_use.sse"])
def test_anthropic_golden_stream_loses_and_duplicates_nothing(name: str) -> None:
    events = anthropic_events(name)
    before = copy.deepcopy(events)
    out = run_anthropic(events)
    assert events == before
    original = accumulate_anthropic(events)
    rewritten = accumulate_anthropic(out)
    for got, sent in zip(rewritten["content"], original["content"], strict=True):
        if sent["type"] == "text":
            assert got["text"] == sent["text"].upper()
        else:
            assert got == sent
    assert rewritten["stop_reason"] == original["stop_reason"]
    # apart from inserted deltas, every event is the same event in the same order
    non_delta = [(n, d) for n, d in out if n != "content_block_delta"]
    assert non_delta == [(n, d) for n, d in events if n != "content_block_delta"]


def test_anthropic_flush_delta_sits_just_before_its_block_stop() -> None:
    out = run_anthropic(anthropic_events("anthropic_stream_tool_use.sse"))
    stops = [i for i, (n, _) in enumerate(out) if n == "content_block_stop"]
    assert [out[i - 1][1]["delta"] for i in stops] == [
        {"type": "text_delta", "text": "UP."},
        {"type": "input_json_delta", "partial_json": "3}}"},
    ]
    assert [out[i - 1][1]["index"] for i in stops] == [0, 1]


def test_anthropic_stream_restores_placeholders_split_across_deltas() -> None:
    out = run_anthropic(anthropic_events("anthropic_stream_tool_use.sse"), restore_factory)
    message = accumulate_anthropic(out)
    assert message["content"][1]["input"] == {
        "person": "Jane Doe",
        "filters": {"dates": ["2024-03-01"], "limit": 3},
    }
    text = accumulate_anthropic(run_anthropic(anthropic_events("anthropic_stream_text.sse"), restore_factory))
    assert text["content"][0]["text"] == (
        "Home visit summary: Jane Doe was seen at home in Léeds 😀; the kitchen was clean."
    )


def test_anthropic_every_split_point_restores_identically() -> None:
    expected = TEXT.replace("[PERSON_1]", "Jane Doe").replace("[POSTCODE_1]", "LS1 4AP")
    start = anthropic_events("anthropic_stream_text.sse")[:3]
    end = anthropic_events("anthropic_stream_text.sse")[-3:]
    for cut in range(len(TEXT) + 1):
        deltas = [
            (
                "content_block_delta",
                {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": piece}},
            )
            for piece in (TEXT[:cut], TEXT[cut:])
        ]
        message = accumulate_anthropic(run_anthropic(start + deltas + end, restore_factory))
        assert message["content"][0]["text"] == expected, cut


def test_anthropic_mismatched_delta_is_refused() -> None:
    from cosigner.errors import UpstreamBadResponse

    rewriter = AnthropicStreamRewriter(upper_factory)
    rewriter.feed(
        "content_block_start",
        {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
    )
    with pytest.raises(UpstreamBadResponse):
        rewriter.feed(
            "content_block_delta",
            {
                "type": "content_block_delta",
                "index": 0,
                "delta": {"type": "input_json_delta", "partial_json": "{"},
            },
        )


# -- complete responses


def recording(calls: list[tuple[str, str]]) -> Any:
    def fn(text: str, kind: Literal["text", "json"]) -> str:
        calls.append((text, kind))
        return text.replace("[PERSON_1]", "Jane Doe").replace("[POSTCODE_1]", "LS1 4AP")

    return fn


def test_rewrite_openai_response_text_and_tool_arguments() -> None:
    resp = load_json("openai_response_tool_calls.json")
    before = copy.deepcopy(resp)
    calls: list[tuple[str, str]] = []
    out = rewrite_openai_response(resp, recording(calls))
    assert resp == before
    assert calls == [
        ("Let me look that up.", "text"),
        ('{"person":"[PERSON_1]","date":"2024-03-01"}', "json"),
        ('{"postcode":"[POSTCODE_1]"}', "json"),
    ]
    message = out["choices"][0]["message"]
    assert json.loads(message["tool_calls"][0]["function"]["arguments"])["person"] == "Jane Doe"
    assert json.loads(message["tool_calls"][1]["function"]["arguments"]) == {"postcode": "LS1 4AP"}
    assert message["tool_calls"][0]["function"]["name"] == "lookup_visit"
    text = rewrite_openai_response(load_json("openai_response_text.json"), recording([]))
    assert text["choices"][0]["message"]["content"].startswith("Home visit summary: Jane Doe was seen")


def test_rewrite_anthropic_response_text_and_tool_input_leaves() -> None:
    resp = load_json("anthropic_response_tool_use.json")
    before = copy.deepcopy(resp)
    calls: list[tuple[str, str]] = []
    out = rewrite_anthropic_response(resp, recording(calls))
    assert resp == before
    assert calls == [("Let me look that up.", "text"), ("[PERSON_1]", "text"), ("2024-03-01", "text")]
    assert out["content"][1]["input"] == {
        "person": "Jane Doe",
        "filters": {"dates": ["2024-03-01"], "limit": 3},
    }


def test_rewrite_leaves_thinking_blocks_alone() -> None:
    resp = load_json("anthropic_response_text.json")
    resp["content"].insert(0, {"type": "thinking", "thinking": "[PERSON_1]", "signature": "sig"})
    out = rewrite_anthropic_response(resp, recording([]))
    assert out["content"][0]["thinking"] == "[PERSON_1]"


def test_ollama_stream_with_text_in_the_finishing_chunk_is_restored_in_order() -> None:
    chunks = openai_chunks("ollama_stream_text.sse")
    out = run_openai(chunks, restore_factory)
    result = accumulate_openai(out, include_usage=True)
    assert result["text"] == "Noted that Jane Doe attended the review on time."
    assert "usage" not in out[0], "no usage key is invented for servers that leave it out"
    rewritten = accumulate_openai(run_openai(chunks), include_usage=True)
    assert rewritten["text"] == "NOTED THAT [PERSON_1] ATTENDED THE REVIEW ON TIME."


def test_ollama_whole_tool_call_is_restored() -> None:
    out = run_openai(openai_chunks("ollama_stream_tool_calls.sse"), restore_factory)
    [call] = accumulate_openai(out, include_usage=False)["tool_calls"]
    assert json.loads(call["arguments"]) == {"person": "Jane Doe"}


def test_anthropic_tool_input_sent_whole_in_block_start_is_restored() -> None:
    events = anthropic_events("anthropic_stream_tool_use.sse")
    start = next(d for n, d in events if n == "content_block_start" and d["content_block"]["type"] == "tool_use")
    start["content_block"]["input"] = {"person": "[PERSON_1]", "tags": ["[POSTCODE_1]", 2]}
    out = run_anthropic([("content_block_start", start)], restore_factory)
    assert out[0][1]["content_block"]["input"] == {"person": "Jane Doe", "tags": ["LS1 4AP", 2]}


def test_azure_stream_annotations_and_prelude_pass_through_while_text_is_restored() -> None:
    chunks = openai_chunks("azure_stream_text.sse")
    out = run_openai(chunks, restore_factory)
    assert out[0] == chunks[0]
    assert out[2]["choices"][0]["content_filter_results"] == chunks[2]["choices"][0]["content_filter_results"]
    result = accumulate_openai(out, include_usage=False, strict=False)
    assert result["text"] == "Case note: Jane Doe declined the offer."


def test_rewrite_azure_response_keeps_annotations() -> None:
    resp = load_json("azure_response_text.json")
    out = rewrite_openai_response(resp, recording([]))
    assert out["prompt_filter_results"] == resp["prompt_filter_results"]
    assert out["choices"][0]["message"]["content"] == "Case note: Jane Doe declined the offer."


def test_usage_on_a_finishing_chunk_with_text_is_not_duplicated() -> None:
    usage = {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}
    chunks = make_openai_stream(["abc"], finish_delta={"content": "defg"})
    chunks[-1]["usage"] = usage
    out = run_openai(chunks)
    assert [c.get("usage") for c in out if c.get("usage")] == [usage]
    assert out[-1]["usage"] == usage and out[-1]["choices"][0]["finish_reason"] == "stop"

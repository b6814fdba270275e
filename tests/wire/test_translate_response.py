from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from cosigner.errors import UpstreamBadResponse
from cosigner.wire import translate

from .golden import load_json
from .sdk_shapes import check_anthropic_message, check_openai_completion


def test_anthropic_text_response_to_openai() -> None:
    resp = load_json("anthropic_response_text.json")
    before = copy.deepcopy(resp)
    out = translate.anthropic_response_to_openai(resp, model="gpt-4o-mini", created=1700000000)
    assert resp == before
    check_openai_completion(out)
    assert out == {
        "id": "chatcmpl-msg_01XFDUDYJgAACzvnptvVoYEL",
        "object": "chat.completion",
        "created": 1700000000,
        "model": "gpt-4o-mini",
        "choices": [
            {
                "index": 0,
                "message": {
                    "role": "assistant",
                    "content": "Home visit summary: [PERSON_1] was seen at home; the kitchen was clean.",
                    "refusal": None,
                    "annotations": [],
                },
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": 61,
            "completion_tokens": 19,
            "total_tokens": 80,
            "prompt_tokens_details": {"cached_tokens": 0},
        },
    }


def test_anthropic_tool_use_response_to_openai() -> None:
    out = translate.anthropic_response_to_openai(load_json("anthropic_response_tool_use.json"), model="m")
    check_openai_completion(out)
    choice = out["choices"][0]
    assert choice["finish_reason"] == "tool_calls"
    assert choice["message"]["content"] == "Let me look that up."
    [call] = choice["message"]["tool_calls"]
    assert call["id"] == "toolu_01A09q90qw90lq917835lq9" and call["type"] == "function"
    assert call["function"]["name"] == "lookup_visit"
    assert json.loads(call["function"]["arguments"]) == {
        "person": "[PERSON_1]",
        "filters": {"dates": ["2024-03-01"], "limit": 3},
    }
    assert out["usage"] == {
        "prompt_tokens": 90,
        "completion_tokens": 48,
        "total_tokens": 138,
        "prompt_tokens_details": {"cached_tokens": 0},
    }


def test_openai_text_response_to_anthropic() -> None:
    resp = load_json("openai_response_text.json")
    out = translate.openai_response_to_anthropic(resp, model="claude-sonnet-4-5")
    check_anthropic_message(out)
    assert out == {
        "id": "msg_chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-5",
        "content": [
            {
                "type": "text",
                "text": "Home visit summary: [PERSON_1] was seen at home; the kitchen was clean.",
            }
        ],
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": {"input_tokens": 58, "cache_read_input_tokens": 0, "output_tokens": 17},
    }


def test_openai_tool_calls_response_to_anthropic() -> None:
    out = translate.openai_response_to_anthropic(load_json("openai_response_tool_calls.json"), model="c")
    check_anthropic_message(out)
    assert out["stop_reason"] == "tool_use"
    assert out["content"] == [
        {"type": "text", "text": "Let me look that up."},
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


@pytest.mark.parametrize(
    ("stop_reason", "finish_reason"),
    [
        ("end_turn", "stop"),
        ("stop_sequence", "stop"),
        ("max_tokens", "length"),
        ("tool_use", "tool_calls"),
        ("refusal", "content_filter"),
        ("pause_turn", "stop"),
        ("model_context_window_exceeded", "length"),
        (None, "stop"),
    ],
)
def test_stop_reason_maps_to_finish_reason(stop_reason: str | None, finish_reason: str) -> None:
    resp = load_json("anthropic_response_text.json")
    resp["stop_reason"] = stop_reason
    out = translate.anthropic_response_to_openai(resp, model="m")
    assert out["choices"][0]["finish_reason"] == finish_reason


@pytest.mark.parametrize(
    ("finish_reason", "stop_reason"),
    [
        ("stop", "end_turn"),
        ("length", "max_tokens"),
        ("tool_calls", "tool_use"),
        ("content_filter", "refusal"),
    ],
)
def test_finish_reason_maps_to_stop_reason(finish_reason: str, stop_reason: str) -> None:
    resp = load_json("openai_response_text.json")
    resp["choices"][0]["finish_reason"] = finish_reason
    assert translate.openai_response_to_anthropic(resp, model="m")["stop_reason"] == stop_reason


def test_cached_tokens_are_counted_both_ways() -> None:
    resp = load_json("anthropic_response_text.json")
    resp["usage"].update(cache_creation_input_tokens=5, cache_read_input_tokens=100)
    usage = translate.anthropic_response_to_openai(resp, model="m")["usage"]
    assert usage["prompt_tokens"] == 166 and usage["prompt_tokens_details"] == {"cached_tokens": 100}
    oresp = load_json("openai_response_text.json")
    oresp["usage"]["prompt_tokens_details"]["cached_tokens"] = 50
    assert translate.openai_response_to_anthropic(oresp, model="m")["usage"] == {
        "input_tokens": 8,
        "cache_read_input_tokens": 50,
        "output_tokens": 17,
    }


def test_openai_refusal_becomes_text_with_refusal_stop_reason() -> None:
    resp = load_json("openai_response_text.json")
    resp["choices"][0]["message"].update(content=None, refusal="I can't help with that.")
    out = translate.openai_response_to_anthropic(resp, model="m")
    assert out["content"] == [{"type": "text", "text": "I can't help with that."}]
    assert out["stop_reason"] == "refusal"


def test_thinking_blocks_are_not_shown_to_openai_clients() -> None:
    resp = load_json("anthropic_response_text.json")
    resp["content"].insert(0, {"type": "thinking", "thinking": "private", "signature": "sig"})
    out = translate.anthropic_response_to_openai(resp, model="m")
    assert "private" not in json.dumps(out)


def mutate(name: str, change: Any) -> dict[str, Any]:
    body = load_json(name)
    change(body)
    return body


BAD_ANTHROPIC = [
    ("not an object", ["x"]),
    ("no id", mutate("anthropic_response_text.json", lambda b: b.pop("id"))),
    ("content not list", mutate("anthropic_response_text.json", lambda b: b.update(content="x"))),
    ("text not string", mutate("anthropic_response_text.json", lambda b: b["content"][0].update(text=1))),
    (
        "tool input not object",
        mutate("anthropic_response_tool_use.json", lambda b: b["content"][1].update(input=1)),
    ),
    ("no usage", mutate("anthropic_response_text.json", lambda b: b.pop("usage"))),
    ("stop_reason number", mutate("anthropic_response_text.json", lambda b: b.update(stop_reason=3))),
]


@pytest.mark.parametrize(("case", "resp"), BAD_ANTHROPIC, ids=[c[0] for c in BAD_ANTHROPIC])
def test_invalid_anthropic_response_is_upstream_bad_response(case: str, resp: Any) -> None:
    with pytest.raises(UpstreamBadResponse) as info:
        translate.anthropic_response_to_openai(resp, model="m")
    assert "[PERSON_1]" not in info.value.message


def _set_arguments(body: dict[str, Any], value: Any) -> None:
    body["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"] = value


BAD_OPENAI = [
    ("not an object", "x"),
    ("no choices", mutate("openai_response_text.json", lambda b: b.update(choices=[]))),
    ("message missing", mutate("openai_response_text.json", lambda b: b["choices"][0].pop("message"))),
    (
        "content number",
        mutate("openai_response_text.json", lambda b: b["choices"][0]["message"].update(content=2)),
    ),
    ("arguments not json", mutate("openai_response_tool_calls.json", lambda b: _set_arguments(b, "{bad"))),
    ("arguments array", mutate("openai_response_tool_calls.json", lambda b: _set_arguments(b, "[1]"))),
    ("arguments not string", mutate("openai_response_tool_calls.json", lambda b: _set_arguments(b, {}))),
    ("usage not object", mutate("openai_response_text.json", lambda b: b.update(usage=[]))),
]


@pytest.mark.parametrize(("case", "resp"), BAD_OPENAI, ids=[c[0] for c in BAD_OPENAI])
def test_invalid_openai_response_is_upstream_bad_response(case: str, resp: Any) -> None:
    with pytest.raises(UpstreamBadResponse) as info:
        translate.openai_response_to_anthropic(resp, model="m")
    assert "[PERSON_1]" not in info.value.message and "PERSON" not in info.value.message

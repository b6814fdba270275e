from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from cosigner.errors import BadRequest
from cosigner.wire import anthropic_messages, openai_chat, translate

from .golden import load_json


def openai_body(messages: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return openai_chat.validate_request({"model": "m", "messages": messages, **extra})


def anthropic_body(messages: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return anthropic_messages.validate_request({"model": "m", "max_tokens": 50, "messages": messages, **extra})


def test_openai_golden_to_anthropic() -> None:
    body = load_json("openai_request_tools.json")
    before = copy.deepcopy(body)
    out = translate.openai_request_to_anthropic(body)
    assert body == before, "translation must not mutate its input"
    anthropic_messages.validate_request(out)
    assert out["max_tokens"] == 512
    assert out["system"] == [
        {"type": "text", "text": "You help social workers draft case notes. Keep a neutral tone."},
        {"type": "text", "text": "Use British English."},
    ]
    assert [m["role"] for m in out["messages"]] == ["user", "assistant", "user", "assistant", "user"]
    assert out["messages"][1]["content"] == [
        {
            "type": "tool_use",
            "id": "call_Qm1vTJ3cH7yX2sKp",
            "name": "lookup_visit",
            "input": {"person": "Jane Doe", "date": "2024-03-01"},
        }
    ]
    assert out["messages"][2]["content"] == [
        {
            "type": "tool_result",
            "tool_use_id": "call_Qm1vTJ3cH7yX2sKp",
            "content": "Visit logged by Sam Patel; kitchen clean.",
        }
    ]
    assert out["tools"] == [
        {
            "name": "lookup_visit",
            "description": "Find a recorded home visit.",
            "input_schema": body["tools"][0]["function"]["parameters"],
        }
    ]
    assert out["tool_choice"] == {"type": "auto"}
    assert out["stop_sequences"] == ["END"]
    assert (out["temperature"], out["top_p"], out["stream"]) == (0.2, 0.9, True)
    assert "stream_options" not in out and "seed" not in out


def test_anthropic_golden_to_openai() -> None:
    body = load_json("anthropic_request_tools.json")
    before = copy.deepcopy(body)
    out = translate.anthropic_request_to_openai(body)
    assert body == before
    openai_chat.validate_request(out)
    roles = [m["role"] for m in out["messages"]]
    assert roles == ["system", "user", "assistant", "tool", "tool", "user"]
    assert out["messages"][1]["content"][1] == {
        "type": "image_url",
        "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="},
    }
    call = out["messages"][2]["tool_calls"][0]
    assert call["id"] == "toolu_01A09q90qw90lq917835lq9"
    assert json.loads(call["function"]["arguments"]) == body["messages"][1]["content"][1]["input"]
    assert out["messages"][2]["content"] == "I will look up the visit."
    assert out["messages"][3] == {
        "role": "tool",
        "tool_call_id": "toolu_01A09q90qw90lq917835lq9",
        "content": [{"type": "text", "text": "Visit logged by Sam Patel; kitchen clean."}],
    }
    assert out["messages"][4] == {"role": "tool", "tool_call_id": "toolu_01B", "content": "No other visits."}
    assert out["max_tokens"] == 1024 and out["stop"] == ["END"] and out["tool_choice"] == "auto"
    assert out["stream"] is True and out["stream_options"] == {"include_usage": True}
    assert out["user"] == "pseudonymous-42"
    assert out["tools"][0] == {
        "type": "function",
        "function": {
            "name": "lookup_visit",
            "description": "Find a recorded home visit.",
            "parameters": body["tools"][0]["input_schema"],
        },
    }


def test_anthropic_to_openai_can_use_max_completion_tokens() -> None:
    out = translate.anthropic_request_to_openai(
        anthropic_body([{"role": "user", "content": "x"}]), max_tokens_field="max_completion_tokens"
    )
    assert out["max_completion_tokens"] == 50 and "max_tokens" not in out


ROUND_TRIP_OPENAI = [
    [{"role": "user", "content": "Plain text"}],
    [
        {"role": "system", "content": "Rules"},
        {"role": "user", "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]},
        {
            "role": "assistant",
            "content": "Checking.",
            "tool_calls": [
                {
                    "id": "c1",
                    "type": "function",
                    "function": {"name": "f", "arguments": '{"q":"x","n":[1,2]}'},
                },
                {"id": "c2", "type": "function", "function": {"name": "g", "arguments": "{}"}},
            ],
        },
        {"role": "tool", "tool_call_id": "c1", "content": "r1"},
        {"role": "tool", "tool_call_id": "c2", "content": "r2"},
        {"role": "user", "content": "thanks"},
    ],
]


def normalise_openai(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Compare meaning, not spelling: string vs text-part content, argument JSON formatting."""
    out = []
    for m in messages:
        m = dict(m)
        if isinstance(m.get("content"), list):
            m["content"] = [p["text"] for p in m["content"]]
        elif isinstance(m.get("content"), str):
            m["content"] = [m["content"]]
        for call in m.get("tool_calls", []):
            call["function"]["arguments"] = json.loads(call["function"]["arguments"])
        out.append(m)
    return out


@pytest.mark.parametrize("messages", ROUND_TRIP_OPENAI)
def test_openai_round_trip_through_anthropic(messages: list[dict[str, Any]]) -> None:
    body = openai_body(copy.deepcopy(messages), max_tokens=77, temperature=0.5, stop="X")
    there = translate.openai_request_to_anthropic(body)
    anthropic_messages.validate_request(there)
    back = translate.anthropic_request_to_openai(there)
    openai_chat.validate_request(back)
    assert normalise_openai(back["messages"]) == normalise_openai(copy.deepcopy(messages))
    assert (back["max_tokens"], back["temperature"], back["stop"]) == (77, 0.5, ["X"])


def test_anthropic_round_trip_through_openai() -> None:
    body = load_json("anthropic_request_tools.json")
    body["stream"] = False
    back = translate.openai_request_to_anthropic(translate.anthropic_request_to_openai(body))
    anthropic_messages.validate_request(back)
    assert back["system"] == body["system"]
    assert back["tools"] == body["tools"]
    assert back["tool_choice"] == body["tool_choice"]
    assert back["stop_sequences"] == body["stop_sequences"]
    assert back["metadata"] == body["metadata"]
    # OpenAI has no is_error flag, so a false one is not carried back
    original = copy.deepcopy(body["messages"])
    del original[2]["content"][1]["is_error"]
    assert back["messages"][0] == original[0]
    assert back["messages"][1] == original[1]
    assert back["messages"][2]["content"] == original[2]["content"]


TOOL_CHOICES = [
    ("auto", None, {"type": "auto"}),
    ("none", None, {"type": "none"}),
    ("required", None, {"type": "any"}),
    ({"type": "function", "function": {"name": "f"}}, None, {"type": "tool", "name": "f"}),
    ("required", False, {"type": "any", "disable_parallel_tool_use": True}),
    (None, False, {"type": "auto", "disable_parallel_tool_use": True}),
    ("none", False, {"type": "none"}),
]


@pytest.mark.parametrize(("choice", "parallel", "expected"), TOOL_CHOICES)
def test_tool_choice_to_anthropic(choice: Any, parallel: Any, expected: dict[str, Any]) -> None:
    extra: dict[str, Any] = {"tools": [{"type": "function", "function": {"name": "f"}}]}
    if choice is not None:
        extra["tool_choice"] = choice
    if parallel is not None:
        extra["parallel_tool_calls"] = parallel
    out = translate.openai_request_to_anthropic(openai_body([{"role": "user", "content": "x"}], **extra))
    assert out["tool_choice"] == expected
    assert out["tools"][0]["input_schema"] == {"type": "object", "properties": {}}
    back = translate.anthropic_request_to_openai(anthropic_messages.validate_request(out))
    assert back.get("parallel_tool_calls", True) is (parallel is not False or expected["type"] == "none")


@pytest.mark.parametrize(
    ("fields", "expected"),
    [({}, 4096), ({"max_tokens": 10}, 10), ({"max_completion_tokens": 20, "max_tokens": 10}, 20)],
)
def test_max_tokens_to_anthropic(fields: dict[str, Any], expected: int) -> None:
    out = translate.openai_request_to_anthropic(openai_body([{"role": "user", "content": "x"}], **fields))
    assert out["max_tokens"] == expected


def test_temperature_is_clamped_to_anthropic_range() -> None:
    out = translate.openai_request_to_anthropic(openai_body([{"role": "user", "content": "x"}], temperature=1.7))
    assert out["temperature"] == 1.0


def test_images_and_pdfs_translate_both_ways() -> None:
    body = openai_body(
        [
            {
                "role": "user",
                "content": [
                    {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/4A=="}},
                    {"type": "image_url", "image_url": {"url": "https://example.org/a.png"}},
                    {
                        "type": "file",
                        "file": {"filename": "f.pdf", "file_data": "data:application/pdf;base64,JVB="},
                    },
                ],
            }
        ]
    )
    out = translate.openai_request_to_anthropic(body)
    assert out["messages"][0]["content"] == [
        {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "/9j/4A=="}},
        {"type": "image", "source": {"type": "url", "url": "https://example.org/a.png"}},
        {
            "type": "document",
            "source": {"type": "base64", "media_type": "application/pdf", "data": "JVB="},
            "title": "f.pdf",
        },
    ]
    back = translate.anthropic_request_to_openai(anthropic_messages.validate_request(out))
    assert back["messages"][0]["content"] == body["messages"][0]["content"]


def test_tool_result_turns_merge_and_precede_text() -> None:
    body = openai_body(
        [
            {"role": "user", "content": "q"},
            {
                "role": "assistant",
                "tool_calls": [{"id": "a", "type": "function", "function": {"name": "f", "arguments": ""}}],
            },
            {"role": "tool", "tool_call_id": "a", "content": [{"type": "text", "text": "r"}]},
            {"role": "user", "content": "more"},
        ]
    )
    out = translate.openai_request_to_anthropic(body)
    assert out["messages"][1]["content"][0]["input"] == {}
    assert out["messages"][2] == {
        "role": "user",
        "content": [
            {"type": "tool_result", "tool_use_id": "a", "content": [{"type": "text", "text": "r"}]},
            {"type": "text", "text": "more"},
        ],
    }


def test_thinking_blocks_are_not_sent_to_openai() -> None:
    body = anthropic_body(
        [
            {"role": "user", "content": "q"},
            {
                "role": "assistant",
                "content": [
                    {"type": "thinking", "thinking": "t", "signature": "s"},
                    {"type": "text", "text": "answer"},
                ],
            },
            {"role": "user", "content": "next"},
        ]
    )
    out = translate.anthropic_request_to_openai(body)
    assert out["messages"][1] == {"role": "assistant", "content": "answer"}


UNTRANSLATABLE_OPENAI: list[tuple[list[dict[str, Any]], dict[str, Any], str]] = [
    (
        [
            {
                "role": "user",
                "content": [{"type": "input_audio", "input_audio": {"data": "x", "format": "wav"}}],
            }
        ],
        {},
        "messages[0].content[0].type: input_audio parts cannot be sent to this model",
    ),
    (
        [{"role": "user", "content": [{"type": "file", "file": {"file_id": "file-1"}}]}],
        {},
        "messages[0].content[0].file: only inline file_data",
    ),
    (
        [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "ftp://x"}}]}],
        {},
        "messages[0].content[0].image_url.url: must be an http(s) or data: URL",
    ),
    (
        [
            {
                "role": "assistant",
                "tool_calls": [{"id": "a", "type": "function", "function": {"name": "f", "arguments": "[1]"}}],
            }
        ],
        {},
        "messages[0].tool_calls[0].function.arguments: must be a JSON object",
    ),
    (
        [
            {
                "role": "assistant",
                "tool_calls": [{"id": "a", "type": "function", "function": {"name": "f", "arguments": "{oops"}}],
            }
        ],
        {},
        "messages[0].tool_calls[0].function.arguments: must be a JSON object",
    ),
    ([{"role": "function", "name": "f", "content": "x"}], {}, "messages[0].role: legacy function messages"),
    ([{"role": "user", "content": "x"}], {"n": 2}, "n: must be 1"),
    (
        [{"role": "user", "content": "x"}],
        {"tools": [{"type": "custom", "custom": {"name": "g"}}]},
        "tools[0].type: custom tools cannot be sent",
    ),
]


@pytest.mark.parametrize(("messages", "extra", "message"), UNTRANSLATABLE_OPENAI)
def test_untranslatable_openai_requests_are_refused(
    messages: list[dict[str, Any]], extra: dict[str, Any], message: str
) -> None:
    with pytest.raises(BadRequest) as info:
        translate.openai_request_to_anthropic(openai_body(messages, **extra))
    assert info.value.message.startswith(message)


UNTRANSLATABLE_ANTHROPIC: list[tuple[list[dict[str, Any]], dict[str, Any], str]] = [
    (
        [{"role": "user", "content": [{"type": "server_tool_use", "id": "s", "name": "w", "input": {}}]}],
        {},
        "messages[0].content[0].type: server_tool_use blocks cannot be sent",
    ),
    (
        [
            {
                "role": "user",
                "content": [
                    {
                        "type": "tool_result",
                        "tool_use_id": "t",
                        "content": [{"type": "image", "source": {"type": "base64", "media_type": "i", "data": "d"}}],
                    }
                ],
            }
        ],
        {},
        "messages[0].content[0].content[0].type: only text tool results",
    ),
    (
        [{"role": "user", "content": "x"}],
        {"tools": [{"type": "web_search_20250305", "name": "web_search"}]},
        "tools[0].type: server tools cannot be sent",
    ),
    (
        [{"role": "user", "content": [{"type": "document", "source": {"type": "text", "data": "d"}}]}],
        {},
        "messages[0].content[0].source: only base64 PDF documents",
    ),
]


@pytest.mark.parametrize(("messages", "extra", "message"), UNTRANSLATABLE_ANTHROPIC)
def test_untranslatable_anthropic_requests_are_refused(
    messages: list[dict[str, Any]], extra: dict[str, Any], message: str
) -> None:
    with pytest.raises(BadRequest) as info:
        translate.anthropic_request_to_openai(anthropic_body(messages, **extra))
    assert info.value.message.startswith(message)


def test_empty_openai_texts_are_left_out_for_anthropic() -> None:
    body = openai_body(
        [
            {"role": "system", "content": ""},
            {"role": "user", "content": [{"type": "text", "text": ""}, {"type": "text", "text": "hi"}]},
            {"role": "assistant", "content": ""},
            {"role": "user", "content": "again"},
        ]
    )
    out = translate.openai_request_to_anthropic(body)
    assert "system" not in out
    assert out["messages"] == [
        {"role": "user", "content": [{"type": "text", "text": "hi"}, {"type": "text", "text": "again"}]}
    ]

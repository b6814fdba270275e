from __future__ import annotations

import copy
from typing import Any

import pytest

from cosigner.errors import BadRequest
from cosigner.wire import openai_chat
from cosigner.wire.paths import TextSlot, get_path

from .golden import load_json


def minimal(**extra: Any) -> dict[str, Any]:
    return {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hello"}], **extra}


def test_golden_request_validates_and_is_returned_unchanged() -> None:
    body = load_json("openai_request_tools.json")
    original = copy.deepcopy(body)
    assert openai_chat.validate_request(body) is body
    assert body == original
    assert openai_chat.requested_model(body) == "gpt-4o-mini"
    assert openai_chat.is_stream(body) is True


def test_unknown_top_level_params_pass_through() -> None:
    body = minimal(seed=3, logit_bias={"50256": -100}, some_future_param={"x": 1})
    assert openai_chat.validate_request(body)["some_future_param"] == {"x": 1}


def test_is_stream_false_unless_true() -> None:
    assert openai_chat.is_stream(minimal()) is False
    assert openai_chat.is_stream(minimal(stream=False)) is False
    assert openai_chat.is_stream(minimal(stream=None)) is False


BAD_REQUESTS: list[tuple[str, Any, str]] = [
    ("not an object", ["x"], "body: must be an object"),
    ("missing model", {"messages": [{"role": "user", "content": "x"}]}, "model: must be a string"),
    ("empty model", minimal(model=""), "model: must not be empty"),
    ("model not string", minimal(model=4), "model: must be a string"),
    ("missing messages", {"model": "m"}, "messages: must be an array"),
    ("empty messages", minimal(messages=[]), "messages: must not be empty"),
    ("message not object", minimal(messages=["hi"]), "messages[0]: must be an object"),
    (
        "unknown role",
        minimal(messages=[{"role": "robot", "content": "x"}]),
        "messages[0].role: must be one of",
    ),
    (
        "content wrong type",
        minimal(
            messages=[
                {"role": "user", "content": "a"},
                {"role": "user", "content": "b"},
                {"role": "user", "content": 5},
            ]
        ),
        "messages[2].content: must be a string or an array of content parts",
    ),
    ("content missing", minimal(messages=[{"role": "user"}]), "messages[0].content: is required"),
    (
        "system content parts must be text",
        minimal(messages=[{"role": "system", "content": [{"type": "image_url", "image_url": {"url": "x"}}]}]),
        "messages[0].content[0].type: must be one of text",
    ),
    (
        "system content not array",
        minimal(messages=[{"role": "system", "content": {"text": "x"}}]),
        "messages[0].content: must be a string or an array of text parts",
    ),
    (
        "unknown part type",
        minimal(messages=[{"role": "user", "content": [{"type": "video", "video": {}}]}]),
        "messages[0].content[0].type: must be one of",
    ),
    (
        "text part without text",
        minimal(messages=[{"role": "user", "content": [{"type": "text"}]}]),
        "messages[0].content[0].text: must be a string",
    ),
    (
        "image part without url",
        minimal(messages=[{"role": "user", "content": [{"type": "image_url", "image_url": {}}]}]),
        "messages[0].content[0].image_url.url: must be a string",
    ),
    (
        "tool message without id",
        minimal(messages=[{"role": "tool", "content": "x"}]),
        "messages[0].tool_call_id: must be a string",
    ),
    (
        "assistant with neither content nor calls",
        minimal(messages=[{"role": "assistant"}]),
        "messages[0].content: is required unless the message has tool_calls",
    ),
    (
        "tool call arguments not string",
        minimal(
            messages=[
                {
                    "role": "assistant",
                    "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": {"a": 1}}}],
                }
            ]
        ),
        "messages[0].tool_calls[0].function.arguments: must be a string",
    ),
    (
        "tool call bad type",
        minimal(messages=[{"role": "assistant", "tool_calls": [{"id": "c", "type": "x"}]}]),
        "messages[0].tool_calls[0].type: must be one of custom, function",
    ),
    ("stream not bool", minimal(stream="yes"), "stream: must be a boolean"),
    ("stream_options not object", minimal(stream_options=True), "stream_options: must be an object"),
    ("include_usage not bool", minimal(stream_options={"include_usage": 1}), "stream_options.include_usage"),
    ("max_tokens string", minimal(max_tokens="10"), "max_tokens: must be an integer"),
    ("max_tokens bool", minimal(max_tokens=True), "max_tokens: must be an integer"),
    (
        "max_completion_tokens zero",
        minimal(max_completion_tokens=0),
        "max_completion_tokens: must be at least 1",
    ),
    ("temperature string", minimal(temperature="hot"), "temperature: must be a number"),
    ("stop wrong", minimal(stop=[1]), "stop[0]: must be a string"),
    ("tools not array", minimal(tools={}), "tools: must be an array"),
    ("tool without name", minimal(tools=[{"type": "function", "function": {}}]), "tools[0].function.name"),
    (
        "tool_choice bad string",
        minimal(tool_choice="always"),
        "tool_choice: must be one of auto, none, required",
    ),
    (
        "tool_choice bad type",
        minimal(tool_choice=3),
        "tool_choice: must be none, auto, required or an object",
    ),
    (
        "tool_choice function without name",
        minimal(tool_choice={"type": "function", "function": {}}),
        "tool_choice.function.name: must be a string",
    ),
]


@pytest.mark.parametrize(("case", "body", "message"), BAD_REQUESTS, ids=[c[0] for c in BAD_REQUESTS])
def test_bad_requests_name_the_dotted_path(case: str, body: Any, message: str) -> None:
    with pytest.raises(BadRequest) as info:
        openai_chat.validate_request(body)
    assert info.value.message.startswith(message)


def test_error_messages_never_echo_user_text() -> None:
    secret = "Jane Doe 943 476 5919"
    bodies = [
        minimal(messages=[{"role": secret, "content": "x"}]),
        minimal(model=7, messages=[{"role": "user", "content": [{"type": secret, "text": secret}]}]),
        minimal(tool_choice=secret),
        minimal(messages=[{"role": "user", "content": [{"type": "text", "text": 5, secret: secret}]}]),
    ]
    for body in bodies:
        with pytest.raises(BadRequest) as info:
            openai_chat.validate_request(body)
        assert "Jane" not in info.value.message and "943" not in info.value.message


def slot_table(body: dict[str, Any]) -> list[tuple[TextSlot, str]]:
    return [(slot, get_path(body, slot.path)) for slot in openai_chat.request_text_slots(body)]


def test_slots_of_golden_request() -> None:
    body = load_json("openai_request_tools.json")
    assert slot_table(body) == [
        (
            TextSlot(("messages", 0, "content"), "system", "system"),
            "You help social workers draft case notes. Keep a neutral tone.",
        ),
        (TextSlot(("messages", 1, "content", 0, "text"), "system", "system"), "Use British English."),
        (
            TextSlot(("messages", 2, "content", 0, "text"), "user", "text"),
            "Summarise the home visit to Jane Doe at 12 Acacia Road, LS1 4AP.",
        ),
        (TextSlot(("messages", 2, "content", 1, "text"), "user", "text"), "Her NHS number is 943 476 5919."),
        (
            TextSlot(("messages", 3, "tool_calls", 0, "function", "arguments"), "assistant", "tool_arguments"),
            '{"person":"Jane Doe","date":"2024-03-01"}',
        ),
        (
            TextSlot(("messages", 4, "content"), "tool", "tool_result"),
            "Visit logged by Sam Patel; kitchen clean.",
        ),
        (TextSlot(("messages", 5, "content"), "assistant", "text"), "I have the visit record."),
        (TextSlot(("messages", 6, "content"), "user", "text"), "Write the summary now."),
    ]


def test_slots_skip_tool_definitions_and_function_names() -> None:
    body = load_json("openai_request_tools.json")
    paths = {slot.path for slot in openai_chat.request_text_slots(body)}
    assert not any(path[0] == "tools" for path in paths)
    assert not any("name" in path for path in paths)


def test_slots_cover_refusals_legacy_calls_tool_parts_and_prediction() -> None:
    body = openai_chat.validate_request(
        minimal(
            messages=[
                {"role": "assistant", "content": [{"type": "refusal", "refusal": "r1"}], "refusal": "r2"},
                {"role": "assistant", "content": None, "function_call": {"name": "f", "arguments": "{}"}},
                {"role": "function", "name": "f", "content": "fn result"},
                {"role": "tool", "tool_call_id": "c", "content": [{"type": "text", "text": "part"}]},
                {
                    "role": "assistant",
                    "tool_calls": [{"id": "c2", "type": "custom", "custom": {"name": "g", "input": "free text"}}],
                },
            ],
            prediction={"type": "content", "content": [{"type": "text", "text": "guess"}]},
        )
    )
    assert [(s.path, s.role, s.kind) for s in openai_chat.request_text_slots(body)] == [
        (("messages", 0, "content", 0, "refusal"), "assistant", "text"),
        (("messages", 0, "refusal"), "assistant", "text"),
        (("messages", 1, "function_call", "arguments"), "assistant", "tool_arguments"),
        (("messages", 2, "content"), "tool", "tool_result"),
        (("messages", 3, "content", 0, "text"), "tool", "tool_result"),
        (("messages", 4, "tool_calls", 0, "custom", "input"), "assistant", "tool_arguments"),
        (("prediction", "content", 0, "text"), "assistant", "text"),
    ]


def test_every_slot_is_a_string() -> None:
    for name in ("openai_request_tools.json", "openai_request_multipart.json"):
        body = load_json(name)
        for slot in openai_chat.request_text_slots(body):
            assert isinstance(get_path(body, slot.path), str)


def test_non_text_parts() -> None:
    assert openai_chat.non_text_parts(load_json("openai_request_tools.json")) == []
    multipart = openai_chat.validate_request(load_json("openai_request_multipart.json"))
    assert openai_chat.non_text_parts(multipart) == ["image_url", "input_audio", "file"]
    assert [s.path for s in openai_chat.request_text_slots(multipart)] == [
        ("messages", 0, "content"),
        ("messages", 1, "content", 0, "text"),
    ]

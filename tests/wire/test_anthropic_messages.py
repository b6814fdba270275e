from __future__ import annotations

import copy
from typing import Any

import pytest

from cosigner.errors import BadRequest
from cosigner.wire import anthropic_messages
from cosigner.wire.paths import TextSlot, get_path

from .golden import load_json


def minimal(**extra: Any) -> dict[str, Any]:
    return {
        "model": "claude-sonnet-4-5",
        "max_tokens": 100,
        "messages": [{"role": "user", "content": "Hello"}],
        **extra,
    }


def test_golden_request_validates_unchanged() -> None:
    body = load_json("anthropic_request_tools.json")
    original = copy.deepcopy(body)
    assert anthropic_messages.validate_request(body) is body
    assert body == original
    assert anthropic_messages.requested_model(body) == "claude-sonnet-4-5"
    assert anthropic_messages.is_stream(body) is True
    assert anthropic_messages.is_stream(minimal()) is False


def test_unknown_params_and_unknown_block_types_pass() -> None:
    body = minimal(
        thinking={"type": "enabled", "budget_tokens": 1024},
        messages=[
            {
                "role": "assistant",
                "content": [{"type": "server_tool_use", "id": "s", "name": "web_search", "input": {"query": "q"}}],
            }
        ],
    )
    assert anthropic_messages.validate_request(body)["thinking"]["budget_tokens"] == 1024


BAD: list[tuple[str, Any, str]] = [
    ("not object", "x", "body: must be an object"),
    (
        "missing max_tokens",
        {"model": "m", "messages": [{"role": "user", "content": "x"}]},
        "max_tokens: must be an integer",
    ),
    ("max_tokens zero", minimal(max_tokens=0), "max_tokens: must be at least 1"),
    ("missing model", {"max_tokens": 1, "messages": []}, "model: must be a string"),
    ("empty messages", minimal(messages=[]), "messages: must not be empty"),
    ("bad role", minimal(messages=[{"role": "tool", "content": "x"}]), "messages[0].role: must be one of"),
    (
        "content number",
        minimal(messages=[{"role": "user", "content": "a"}, {"role": "user", "content": 1}]),
        "messages[1].content: must be a string or an array of content blocks",
    ),
    (
        "block without type",
        minimal(messages=[{"role": "user", "content": [{"text": "x"}]}]),
        "messages[0].content[0].type: must be a string",
    ),
    (
        "text block without text",
        minimal(messages=[{"role": "user", "content": [{"type": "text"}]}]),
        "messages[0].content[0].text: must be a string",
    ),
    (
        "tool_use input not object",
        minimal(
            messages=[{"role": "assistant", "content": [{"type": "tool_use", "id": "t", "name": "f", "input": "x"}]}]
        ),
        "messages[0].content[0].input: must be an object",
    ),
    (
        "tool_result without id",
        minimal(messages=[{"role": "user", "content": [{"type": "tool_result"}]}]),
        "messages[0].content[0].tool_use_id: must be a string",
    ),
    (
        "tool_result bad content",
        minimal(messages=[{"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t", "content": 5}]}]),
        "messages[0].content[0].content: must be a string or an array of content blocks",
    ),
    (
        "nested tool_use",
        minimal(
            messages=[
                {
                    "role": "user",
                    "content": [
                        {
                            "type": "tool_result",
                            "tool_use_id": "t",
                            "content": [{"type": "tool_use", "id": "x", "name": "f", "input": {}}],
                        }
                    ],
                }
            ]
        ),
        "messages[0].content[0].content[0].type: cannot be nested in a tool_result",
    ),
    (
        "image without source",
        minimal(messages=[{"role": "user", "content": [{"type": "image"}]}]),
        "messages[0].content[0].source: must be an object",
    ),
    ("system number", minimal(system=3), "system: must be an array"),
    ("system block not text", minimal(system=[{"type": "image"}]), "system[0].type: must be one of text"),
    ("stop_sequences not list", minimal(stop_sequences="END"), "stop_sequences: must be an array"),
    ("stream not bool", minimal(stream=1), "stream: must be a boolean"),
    ("tool without schema", minimal(tools=[{"name": "f"}]), "tools[0].input_schema: must be an object"),
    ("tool_choice bad", minimal(tool_choice={"type": "required"}), "tool_choice.type: must be one of"),
    (
        "tool_choice tool without name",
        minimal(tool_choice={"type": "tool"}),
        "tool_choice.name: must be a string",
    ),
    ("temperature string", minimal(temperature="0.5"), "temperature: must be a number"),
]


@pytest.mark.parametrize(("case", "body", "message"), BAD, ids=[c[0] for c in BAD])
def test_bad_requests_name_the_dotted_path(case: str, body: Any, message: str) -> None:
    with pytest.raises(BadRequest) as info:
        anthropic_messages.validate_request(body)
    assert info.value.message.startswith(message)


def test_slots_of_golden_request() -> None:
    body = load_json("anthropic_request_tools.json")
    table = [(s, get_path(body, s.path)) for s in anthropic_messages.request_text_slots(body)]
    assert table == [
        (TextSlot(("system", 0, "text"), "system", "system"), "You help social workers draft case notes."),
        (TextSlot(("system", 1, "text"), "system", "system"), "Use British English."),
        (
            TextSlot(("messages", 0, "content", 0, "text"), "user", "text"),
            "Summarise the home visit to Jane Doe at 12 Acacia Road, LS1 4AP.",
        ),
        (TextSlot(("messages", 1, "content", 0, "text"), "assistant", "text"), "I will look up the visit."),
        (
            TextSlot(("messages", 1, "content", 1, "input", "person"), "assistant", "tool_input_string"),
            "Jane Doe",
        ),
        (
            TextSlot(
                ("messages", 1, "content", 1, "input", "filters", "dates", 0),
                "assistant",
                "tool_input_string",
            ),
            "2024-03-01",
        ),
        (
            TextSlot(("messages", 2, "content", 0, "content", 0, "text"), "tool", "tool_result"),
            "Visit logged by Sam Patel; kitchen clean.",
        ),
        (TextSlot(("messages", 2, "content", 1, "content"), "tool", "tool_result"), "No other visits."),
        (TextSlot(("messages", 2, "content", 2, "text"), "user", "text"), "Write the summary now."),
    ]
    assert anthropic_messages.non_text_parts(body) == ["image"]


def test_slots_string_system_and_string_content_and_system_role() -> None:
    body = minimal(
        system="Be kind.",
        messages=[{"role": "system", "content": "Extra rule."}, {"role": "user", "content": "Hi"}],
    )
    assert [(s.path, s.role, s.kind) for s in anthropic_messages.request_text_slots(body)] == [
        (("system",), "system", "system"),
        (("messages", 0, "content"), "system", "system"),
        (("messages", 1, "content"), "user", "text"),
    ]


def test_slots_thinking_search_results_and_documents() -> None:
    body = anthropic_messages.validate_request(
        minimal(
            messages=[
                {
                    "role": "assistant",
                    "content": [
                        {"type": "thinking", "thinking": "hmm", "signature": "sig"},
                        {"type": "redacted_thinking", "data": "opaque"},
                    ],
                },
                {
                    "role": "user",
                    "content": [
                        {
                            "type": "search_result",
                            "source": "https://x",
                            "title": "T",
                            "content": [{"type": "text", "text": "found"}],
                        },
                        {
                            "type": "document",
                            "title": "Letter",
                            "context": "ctx",
                            "source": {"type": "text", "media_type": "text/plain", "data": "doc text"},
                        },
                        {
                            "type": "document",
                            "source": {"type": "content", "content": [{"type": "text", "text": "inner"}]},
                        },
                        {
                            "type": "document",
                            "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBE"},
                        },
                        {
                            "type": "tool_result",
                            "tool_use_id": "t",
                            "content": [
                                {
                                    "type": "image",
                                    "source": {"type": "base64", "media_type": "image/png", "data": "x"},
                                }
                            ],
                        },
                    ],
                },
            ]
        )
    )
    assert [s.path for s in anthropic_messages.request_text_slots(body)] == [
        ("messages", 0, "content", 0, "thinking"),
        ("messages", 1, "content", 0, "title"),
        ("messages", 1, "content", 0, "content", 0, "text"),
        ("messages", 1, "content", 1, "title"),
        ("messages", 1, "content", 1, "context"),
        ("messages", 1, "content", 1, "source", "data"),
        ("messages", 1, "content", 2, "source", "content", 0, "text"),
    ]
    assert anthropic_messages.non_text_parts(body) == ["document", "document", "document", "image"]


def test_tool_use_input_leaves_nested_lists_and_non_strings_skipped() -> None:
    body = minimal(
        messages=[
            {
                "role": "assistant",
                "content": [
                    {
                        "type": "tool_use",
                        "id": "t",
                        "name": "f",
                        "input": {"a": ["x", {"b": "y", "n": 3, "t": True, "z": None}], "c": {"d": [["w"]]}},
                    }
                ],
            }
        ]
    )
    leaves = [s.path[5:] for s in anthropic_messages.request_text_slots(body)]
    assert leaves == [("a", 0), ("a", 1, "b"), ("c", "d", 0, 0)]
    assert all(s.kind == "tool_input_string" for s in anthropic_messages.request_text_slots(body))


def test_deeply_nested_tool_input_is_refused_before_any_recursive_walk() -> None:
    deep: Any = "leaf"
    for _ in range(5000):
        deep = {"k": deep}
    body = minimal(
        messages=[{"role": "assistant", "content": [{"type": "tool_use", "id": "t", "name": "f", "input": deep}]}]
    )
    with pytest.raises(BadRequest) as info:
        anthropic_messages.validate_request(body)
    assert info.value.message == "messages[0].content[0].input: is nested more than 64 levels deep"
    shallow: Any = "leaf"
    for _ in range(60):
        shallow = [shallow]
    anthropic_messages.validate_request(
        minimal(
            messages=[
                {
                    "role": "assistant",
                    "content": [{"type": "tool_use", "id": "t", "name": "f", "input": {"k": shallow}}],
                }
            ]
        )
    )


@pytest.mark.parametrize("block_type", ["Jane Doe", "x" * 65, "image\n", "Image", "9lives", "a-b"])
def test_block_types_must_be_plain_names_so_they_never_echo_text(block_type: str) -> None:
    body = minimal(messages=[{"role": "user", "content": [{"type": block_type}]}])
    with pytest.raises(BadRequest) as info:
        anthropic_messages.validate_request(body)
    assert info.value.message == "messages[0].content[0].type: must be a content block type name"


def test_error_messages_never_echo_user_text() -> None:
    secret = "Jane Doe 943 476 5919"
    bodies = [
        minimal(messages=[{"role": secret, "content": "x"}]),
        minimal(messages=[{"role": "user", "content": [{"type": secret}]}]),
        minimal(tool_choice={"type": secret}),
        minimal(system=[{"type": "text", "text": 5, secret: secret}]),
        minimal(messages=[{"role": "user", "content": [{"type": "tool_result", "tool_use_id": secret, "content": 1}]}]),
    ]
    for body in bodies:
        with pytest.raises(BadRequest) as info:
            anthropic_messages.validate_request(body)
        assert "Jane" not in info.value.message and "943" not in info.value.message

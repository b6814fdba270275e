"""Golden files with one subtree replaced by arbitrary JSON: every outcome is a clean error or a sound body.

Fail closed means no request may crash validation (a 500) or slip past it into a body whose text slots are not
strings, a translated body must satisfy the target format's own validator, and a broken upstream response or
stream event may only raise our upstream errors.
"""

from __future__ import annotations

import contextlib
import copy
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cosigner.errors import BadRequest, UpstreamBadResponse, UpstreamStatus
from cosigner.wire import anthropic_messages, openai_chat, translate
from cosigner.wire.paths import get_path
from cosigner.wire.rewrite import (
    AnthropicStreamRewriter,
    OpenAIStreamRewriter,
    rewrite_anthropic_response,
    rewrite_openai_response,
)

from .golden import anthropic_events, load_json, openai_chunks

KEYS = [
    "type",
    "text",
    "content",
    "role",
    "tool_calls",
    "function",
    "arguments",
    "name",
    "id",
    "input",
    "image_url",
    "url",
    "source",
    "tool_use_id",
    "tool_call_id",
    "file",
    "file_data",
    "data",
    "x",
]
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 5000) | st.floats(allow_nan=False) | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=3),
    max_leaves=8,
)


def all_paths(node: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    paths = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            paths += all_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            paths += all_paths(value, (*path, index))
    return paths


def mutated(name: str, data: st.DataObject) -> Any:
    body = load_json(name)
    path = data.draw(st.sampled_from(all_paths(body)[1:]))
    replacement = data.draw(JSON)
    parent = get_path(body, path[:-1])
    if data.draw(st.booleans()) and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    return body


def check_openai(body: Any) -> None:
    try:
        valid = openai_chat.validate_request(body)
    except BadRequest:
        return
    for slot in openai_chat.request_text_slots(valid):
        assert isinstance(get_path(valid, slot.path), str)
    assert all(isinstance(kind, str) for kind in openai_chat.non_text_parts(valid))
    try:
        out = translate.openai_request_to_anthropic(copy.deepcopy(valid))
    except BadRequest:
        return
    if out["messages"]:
        anthropic_messages.validate_request(out)


def check_anthropic(body: Any) -> None:
    try:
        valid = anthropic_messages.validate_request(body)
    except BadRequest:
        return
    for slot in anthropic_messages.request_text_slots(valid):
        assert isinstance(get_path(valid, slot.path), str)
    assert all(isinstance(kind, str) for kind in anthropic_messages.non_text_parts(valid))
    try:
        out = translate.anthropic_request_to_openai(copy.deepcopy(valid))
    except BadRequest:
        return
    if out["messages"]:
        openai_chat.validate_request(out)


# WIRE_FUZZ_EXAMPLES=3000 for a deeper local run; the default keeps the suite quick on a shared machine.
FUZZ_EXAMPLES = int(os.environ.get("WIRE_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.data())
def test_mutated_openai_tools_request(data: st.DataObject) -> None:
    check_openai(mutated("openai_request_tools.json", data))


@FUZZ
@given(st.data())
def test_mutated_openai_multipart_request(data: st.DataObject) -> None:
    check_openai(mutated("openai_request_multipart.json", data))


@FUZZ
@given(st.data())
def test_mutated_anthropic_request(data: st.DataObject) -> None:
    check_anthropic(mutated("anthropic_request_tools.json", data))


@settings(max_examples=200, deadline=None)
@given(JSON)
def test_arbitrary_json_is_refused_cleanly(value: Any) -> None:
    check_openai(value)
    check_anthropic(value)


def upstream_outcome(fn: Any, *args: Any) -> None:
    """A broken upstream shape may only ever surface as one of our upstream errors."""
    with contextlib.suppress(UpstreamBadResponse, UpstreamStatus):
        fn(*args)


def identity(text: str, kind: str) -> str:
    return text


class Passthrough:
    def __init__(self, kind: str) -> None:
        pass

    def feed(self, text: str) -> str:
        return text

    def flush(self) -> str:
        return ""


@FUZZ
@given(st.data(), st.sampled_from(["openai_response_text.json", "openai_response_tool_calls.json"]))
def test_mutated_openai_responses_fail_only_as_upstream_errors(data: st.DataObject, name: str) -> None:
    resp = mutated(name, data)
    upstream_outcome(lambda: translate.openai_response_to_anthropic(resp, model="m"))
    upstream_outcome(lambda: rewrite_openai_response(resp, identity))


@FUZZ
@given(st.data(), st.sampled_from(["anthropic_response_text.json", "anthropic_response_tool_use.json"]))
def test_mutated_anthropic_responses_fail_only_as_upstream_errors(data: st.DataObject, name: str) -> None:
    resp = mutated(name, data)
    upstream_outcome(lambda: translate.anthropic_response_to_openai(resp, model="m"))
    upstream_outcome(lambda: rewrite_anthropic_response(resp, identity))


@FUZZ
@given(st.data(), st.sampled_from(["openai_stream_tool_calls.sse", "openai_stream_text.sse"]))
def test_mutated_openai_stream_fails_only_as_upstream_errors(data: st.DataObject, name: str) -> None:
    chunks = openai_chunks(name)
    position = data.draw(st.integers(0, len(chunks) - 1))
    doc = {"chunk": chunks[position]}
    path = data.draw(st.sampled_from(all_paths(doc)[1:]))
    get_path(doc, path[:-1])[path[-1]] = data.draw(JSON)
    chunks[position] = doc["chunk"]

    def run_translation() -> None:
        converter = translate.OpenAIStreamToAnthropic("m")
        for chunk in chunks:
            converter.feed(chunk)
        converter.finish()

    def run_rewrite() -> None:
        rewriter = OpenAIStreamRewriter(Passthrough)
        for chunk in chunks:
            rewriter.feed(chunk)
        rewriter.finish()

    upstream_outcome(run_translation)
    upstream_outcome(run_rewrite)


@FUZZ
@given(st.data(), st.sampled_from(["anthropic_stream_tool_use.sse", "anthropic_stream_text.sse"]))
def test_mutated_anthropic_stream_fails_only_as_upstream_errors(data: st.DataObject, name: str) -> None:
    events = anthropic_events(name)
    position = data.draw(st.integers(0, len(events) - 1))
    doc = {"event": events[position][1]}
    path = data.draw(st.sampled_from(all_paths(doc)[1:]))
    get_path(doc, path[:-1])[path[-1]] = data.draw(JSON)
    events[position] = (events[position][0], doc["event"])

    def run_translation() -> None:
        converter = translate.AnthropicStreamToOpenAI("m", True)
        for event, payload in events:
            converter.feed(event, payload)

    def run_rewrite() -> None:
        rewriter = AnthropicStreamRewriter(Passthrough)
        for event, payload in events:
            rewriter.feed(event, payload)

    upstream_outcome(run_translation)
    upstream_outcome(run_rewrite)

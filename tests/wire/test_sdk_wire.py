"""The official SDKs read our golden files, translated streams and error bodies as real provider traffic.

A bare aiohttp server on port 0 plays the provider; no proxy is involved, so a failure here points at the wire
format itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import anthropic
import openai
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from cosigner.wire import translate
from cosigner.wire.errors import (
    anthropic_error_body,
    anthropic_stream_error,
    openai_error_body,
    openai_stream_error,
)
from cosigner.wire.sse import encode_sse

from .golden import anthropic_events, load_json, load_stream, openai_chunks

Reply = tuple[int, str, bytes]
ServerFactory = Callable[[Reply], Any]


@pytest.fixture
def serve(aiohttp_server: Any) -> ServerFactory:
    async def start(reply: Reply) -> TestServer:
        status, content_type, body = reply

        async def handler(request: web.Request) -> web.Response:
            await request.read()
            return web.Response(status=status, body=body, headers={"Content-Type": content_type})

        app = web.Application()
        app.router.add_post("/v1/chat/completions", handler)
        app.router.add_post("/v1/messages", handler)
        server: TestServer = await aiohttp_server(app)
        return server

    return start


def sse_reply(body: bytes) -> Reply:
    return (200, "text/event-stream", body)


def json_reply(body: dict[str, Any], status: int = 200) -> Reply:
    return (status, "application/json", json.dumps(body).encode())


def openai_client(server: TestServer) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(base_url=str(server.make_url("/v1")), api_key="test", max_retries=0)


def anthropic_client(server: TestServer) -> anthropic.AsyncAnthropic:
    return anthropic.AsyncAnthropic(base_url=str(server.make_url("")), api_key="test", max_retries=0)


def encode_openai(chunks: list[dict[str, Any]]) -> bytes:
    return b"".join(encode_sse(json.dumps(c)) for c in chunks) + encode_sse("[DONE]")


def encode_anthropic(events: list[tuple[str, dict[str, Any]]]) -> bytes:
    return b"".join(encode_sse(json.dumps(data), event=name) for name, data in events)


ASK: list[Any] = [{"role": "user", "content": "hi"}]


async def openai_stream_text(server: TestServer) -> tuple[str, list[Any], Any]:
    client = openai_client(server)
    text, calls, usage = "", [], None
    async with client:
        stream = await client.chat.completions.create(
            model="m", messages=ASK, stream=True, stream_options={"include_usage": True}
        )
        async for chunk in stream:
            usage = chunk.usage or usage
            for choice in chunk.choices:
                text += choice.delta.content or ""
                calls.extend(choice.delta.tool_calls or [])
    return text, calls, usage


async def test_openai_sdk_reads_golden_text_stream(serve: ServerFactory) -> None:
    server = await serve(sse_reply(load_stream("openai_stream_text.sse")))
    text, _, usage = await openai_stream_text(server)
    assert text == "Home visit summary: [PERSON_1] was seen at home in Léeds 😀; the kitchen was clean."
    assert usage.total_tokens == 75


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("azure_stream_text.sse", "Case note: [PERSON_1] declined the offer."),
        ("ollama_stream_text.sse", "Noted that [PERSON_1] attended the review on time."),
    ],
)
async def test_openai_sdk_reads_azure_and_ollama_streams(serve: ServerFactory, name: str, expected: str) -> None:
    server = await serve(sse_reply(load_stream(name)))
    text, _, _ = await openai_stream_text(server)
    assert text == expected


async def test_openai_sdk_reads_golden_tool_call_stream(serve: ServerFactory) -> None:
    server = await serve(sse_reply(load_stream("openai_stream_tool_calls.sse")))
    client = openai_client(server)
    async with (
        client,
        client.chat.completions.stream(model="m", messages=ASK, stream_options={"include_usage": True}) as stream,
    ):
        final = await stream.get_final_completion()
    calls = final.choices[0].message.tool_calls or []
    assert [(c.id, json.loads(c.function.arguments)) for c in calls if c.type == "function"] == [
        ("call_abc123", {"person": "[PERSON_1]", "date": "2024-03-01"}),
        ("call_def456", {"postcode": "[POSTCODE_1]"}),
    ]


async def test_anthropic_sdk_reads_golden_tool_use_stream(serve: ServerFactory) -> None:
    server = await serve(sse_reply(load_stream("anthropic_stream_tool_use.sse")))
    client = anthropic_client(server)
    async with client, client.messages.stream(model="m", max_tokens=10, messages=ASK) as stream:
        message = await stream.get_final_message()
    assert message.stop_reason == "tool_use"
    assert message.content[1].type == "tool_use"
    assert message.content[1].input == {
        "person": "[PERSON_1]",
        "filters": {"dates": ["2024-03-01"], "limit": 3},
    }


async def test_openai_sdk_reads_a_translated_anthropic_stream(serve: ServerFactory) -> None:
    converter = translate.AnthropicStreamToOpenAI("gpt-4o-mini", include_usage=True)
    chunks = [c for name, data in anthropic_events("anthropic_stream_tool_use.sse") for c in converter.feed(name, data)]
    server = await serve(sse_reply(encode_openai(chunks)))
    text, calls, usage = await openai_stream_text(server)
    assert text == "Let me look that up."
    assert calls[0].id == "toolu_01T1x1fJ34qAmk2tNTrN7Up6" and calls[0].function.name == "lookup_visit"
    assert usage.prompt_tokens == 90 and usage.completion_tokens == 48


@pytest.mark.parametrize("name", ["openai_stream_tool_calls.sse", "ollama_stream_text.sse"])
async def test_anthropic_sdk_reads_a_translated_openai_stream(serve: ServerFactory, name: str) -> None:
    converter = translate.OpenAIStreamToAnthropic("claude-sonnet-4-5")
    events = [e for chunk in openai_chunks(name) for e in converter.feed(chunk)] + converter.finish()
    server = await serve(sse_reply(encode_anthropic(events)))
    client = anthropic_client(server)
    async with client, client.messages.stream(model="m", max_tokens=10, messages=ASK) as stream:
        message = await stream.get_final_message()
    if name.startswith("openai"):
        assert [b.input for b in message.content if b.type == "tool_use"] == [
            {"person": "[PERSON_1]", "date": "2024-03-01"},
            {"postcode": "[POSTCODE_1]"},
        ]
        assert message.stop_reason == "tool_use"
    else:
        assert [b.text for b in message.content if b.type == "text"] == [
            "Noted that [PERSON_1] attended the review on time."
        ]


async def test_sdks_read_translated_complete_responses(serve: ServerFactory) -> None:
    as_openai = translate.anthropic_response_to_openai(load_json("anthropic_response_tool_use.json"), model="g")
    server = await serve(json_reply(as_openai))
    async with openai_client(server) as client:
        completion = await client.chat.completions.create(model="g", messages=ASK)
    assert completion.choices[0].finish_reason == "tool_calls"
    as_anthropic = translate.openai_response_to_anthropic(load_json("openai_response_tool_calls.json"), model="c")
    server = await serve(json_reply(as_anthropic))
    async with anthropic_client(server) as aclient:
        message = await aclient.messages.create(model="c", max_tokens=5, messages=ASK)
    assert message.stop_reason == "tool_use" and len(message.content) == 3


@pytest.mark.parametrize(
    ("status", "exception"),
    [
        (400, openai.BadRequestError),
        (401, openai.AuthenticationError),
        (403, openai.PermissionDeniedError),
        (404, openai.NotFoundError),
        (429, openai.RateLimitError),
        (502, openai.InternalServerError),
    ],
)
async def test_openai_sdk_raises_the_right_error_for_our_bodies(
    serve: ServerFactory, status: int, exception: type[Exception]
) -> None:
    server = await serve(json_reply(openai_error_body(status, "some_code", "Do this instead."), status))
    async with openai_client(server) as client:
        with pytest.raises(exception) as info:
            await client.chat.completions.create(model="m", messages=ASK)
    assert getattr(info.value, "code", None) == "some_code"
    assert "Do this instead." in str(info.value)


@pytest.mark.parametrize(
    ("status", "exception"),
    [
        (400, anthropic.BadRequestError),
        (401, anthropic.AuthenticationError),
        (403, anthropic.PermissionDeniedError),
        (404, anthropic.NotFoundError),
        (413, anthropic.APIStatusError),
        (429, anthropic.RateLimitError),
        (502, anthropic.InternalServerError),
    ],
)
async def test_anthropic_sdk_raises_the_right_error_for_our_bodies(
    serve: ServerFactory, status: int, exception: type[Exception]
) -> None:
    server = await serve(json_reply(anthropic_error_body(status, "some_code", "Do this instead."), status))
    async with anthropic_client(server) as client:
        with pytest.raises(exception) as info:
            await client.messages.create(model="m", max_tokens=5, messages=ASK)
    assert "Do this instead." in str(info.value)


async def test_openai_sdk_raises_on_our_mid_stream_error(serve: ServerFactory) -> None:
    golden = load_stream("openai_stream_text.sse")
    first_two = b"".join(part + b"\n\n" for part in golden.split(b"\n\n")[:2])
    server = await serve(sse_reply(first_two + openai_stream_error("restore_failed", "Could not restore.")))
    with pytest.raises(openai.APIError) as info:
        await openai_stream_text(server)
    assert "Could not restore." in str(info.value)


async def test_anthropic_sdk_raises_on_our_mid_stream_error(serve: ServerFactory) -> None:
    golden = load_stream("anthropic_stream_text.sse")
    first_three = b"".join(part + b"\n\n" for part in golden.split(b"\n\n")[:3])
    server = await serve(sse_reply(first_three + anthropic_stream_error("upstream_timeout", "Too slow.", status=504)))
    client = anthropic_client(server)
    with pytest.raises(anthropic.APIError) as info:
        async with client, client.messages.stream(model="m", max_tokens=5, messages=ASK) as stream:
            await stream.get_final_message()
    assert "Too slow." in str(info.value)

"""The official SDKs, pointed at Cosigner, complete and stream against fake upstreams — both formats, and
routed across formats both ways.  Identifiers are replaced before the upstream sees them and restored after."""

from __future__ import annotations

import json

import anthropic
import openai
import pytest

from cosigner.drafts.tags import parse_marker
from cosigner.testing import FakeUpstream, RunningProxy

NOTE = "Visited Kerry Nolan (NHS 943 476 5919) at 14 Acacia Avenue, Leeds LS6 2AB. Kerry was calm."
SECRETS = ("Kerry", "Nolan", "943 476 5919", "9434765919", "Acacia", "LS6 2AB")


def _openai(proxy: RunningProxy) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(base_url=proxy.url + "/v1", api_key=proxy.token, max_retries=0, timeout=10)


def _anthropic(proxy: RunningProxy) -> anthropic.AsyncAnthropic:
    return anthropic.AsyncAnthropic(base_url=proxy.url, api_key=proxy.token, max_retries=0, timeout=10)


def _assert_screened(fake: FakeUpstream) -> None:
    sent = json.dumps(fake.received)
    for secret in SECRETS:
        assert secret not in sent, f"an identifier reached the upstream ({len(secret)} chars)"
    assert "[PERSON_1]" in sent


@pytest.mark.parametrize("model", ["gpt-4o-mini", "claude-3-5-haiku"])
async def test_openai_sdk_completes_and_restores(
    proxy: RunningProxy, openai_upstream: FakeUpstream, anthropic_upstream: FakeUpstream, model: str
) -> None:
    async with _openai(proxy) as client:
        reply = await client.chat.completions.create(
            model=model, messages=[{"role": "user", "content": NOTE}]
        )
    content = reply.choices[0].message.content or ""
    body, _, marker = content.rpartition("\n\n")
    assert body == NOTE
    assert parse_marker(marker) and parse_marker(marker)[0].ref == reply.model_extra["cosigner"]["ref"]  # type: ignore[index]
    _assert_screened(openai_upstream if model.startswith("gpt") else anthropic_upstream)
    tag = reply.model_extra["cosigner"] if reply.model_extra else None
    assert tag and tag["draft_id"]


@pytest.mark.parametrize("model", ["gpt-4o-mini", "claude-3-5-haiku"])
async def test_openai_sdk_streams_with_usage(
    proxy: RunningProxy, openai_upstream: FakeUpstream, anthropic_upstream: FakeUpstream, model: str
) -> None:
    async with _openai(proxy) as client:
        stream = await client.chat.completions.create(
            model=model,
            messages=[{"role": "user", "content": NOTE}],
            stream=True,
            stream_options={"include_usage": True},
        )
        text, usage, tags = "", None, []
        async for chunk in stream:
            for choice in chunk.choices:
                text += choice.delta.content or ""
            usage = chunk.usage or usage
            if chunk.model_extra and "cosigner" in chunk.model_extra:
                tags.append(chunk.model_extra["cosigner"])
    assert text == NOTE
    assert usage is not None
    assert len(tags) == 1
    _assert_screened(openai_upstream if model.startswith("gpt") else anthropic_upstream)


@pytest.mark.parametrize("model", ["claude-3-5-haiku", "gpt-4o-mini"])
async def test_anthropic_sdk_completes_and_restores(
    proxy: RunningProxy, openai_upstream: FakeUpstream, anthropic_upstream: FakeUpstream, model: str
) -> None:
    async with _anthropic(proxy) as client:
        reply = await client.messages.create(
            model=model,
            max_tokens=256,
            system="You tidy case notes.",
            messages=[{"role": "user", "content": NOTE}],
        )
    assert reply.content[0].type == "text"
    assert reply.content[0].text.rpartition("\n\n")[0] == NOTE
    assert parse_marker(reply.content[0].text)
    _assert_screened(anthropic_upstream if model.startswith("claude") else openai_upstream)


@pytest.mark.parametrize("model", ["claude-3-5-haiku", "gpt-4o-mini"])
async def test_anthropic_sdk_streams_full_event_sequence(
    proxy: RunningProxy, openai_upstream: FakeUpstream, anthropic_upstream: FakeUpstream, model: str
) -> None:
    async with _anthropic(proxy) as client:
        events: list[str] = []
        text = ""
        async with client.messages.stream(
            model=model, max_tokens=256, messages=[{"role": "user", "content": NOTE}]
        ) as stream:
            async for event in stream:
                events.append(event.type)
                if event.type == "content_block_delta" and event.delta.type == "text_delta":
                    text += event.delta.text
            final = await stream.get_final_message()
    assert text == NOTE
    assert final.content[0].text == NOTE  # type: ignore[union-attr]
    for expected in (
        "message_start",
        "content_block_start",
        "content_block_delta",
        "content_block_stop",
        "message_delta",
        "message_stop",
    ):
        assert expected in events
    assert events.index("message_start") < events.index("content_block_start") < events.index("message_stop")
    _assert_screened(anthropic_upstream if model.startswith("claude") else openai_upstream)


async def test_tool_call_arguments_are_restored(proxy: RunningProxy, openai_upstream: FakeUpstream) -> None:
    openai_upstream.behaviour.mode = "tool"
    tools = [
        {
            "type": "function",
            "function": {
                "name": "save_note",
                "parameters": {"type": "object", "properties": {"text": {"type": "string"}}},
            },
        }
    ]
    async with _openai(proxy) as client:
        reply = await client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": NOTE}],
            tools=tools,  # type: ignore[arg-type]
        )
    call = reply.choices[0].message.tool_calls[0]  # type: ignore[index]
    assert json.loads(call.function.arguments)["text"] == NOTE  # type: ignore[union-attr]
    _assert_screened(openai_upstream)


async def test_models_endpoint_lists_configured_models(proxy: RunningProxy) -> None:
    async with _openai(proxy) as client:
        page = await client.models.list()
    assert page.object == "list"


async def test_draft_tag_is_signed_over_the_returned_text(proxy: RunningProxy) -> None:
    from cosigner.drafts.tags import parse_header, verify_tag
    from cosigner.routes import SERVICES

    async with _openai(proxy) as client:
        raw = await client.chat.completions.with_raw_response.create(
            model="gpt-4o-mini", messages=[{"role": "user", "content": NOTE}]
        )
    reply = raw.parse()
    text = (reply.choices[0].message.content or "").rpartition("\n\n")[0]
    tag = parse_header(raw.headers["x-cosigner-draft"])
    keys = proxy.app[SERVICES].keys.public_keys()
    assert tag == reply.model_extra["cosigner"]  # type: ignore[index]
    assert verify_tag(tag, text, keys)
    assert not verify_tag(tag, text + " altered", keys)
    assert tag["redaction_counts"]["PERSON"] >= 1

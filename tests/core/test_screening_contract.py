"""What reaches the provider: every text slot screened, identifier-carrying metadata dropped, JSON escapes in
tool arguments decoded before screening, and nothing at all when a pre-forward stage fails."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import aiohttp
import pytest

from cosigner.testing import FakeUpstream, RunningProxy

NAME = "Kerry Nolan"


async def _post_raw(
    proxy: RunningProxy, path: str, body: dict[str, Any], headers: dict[str, str] | None = None
) -> tuple[int, bytes]:
    headers = {"Authorization": f"Bearer {proxy.token}", **(headers or {})}
    async with aiohttp.ClientSession() as session, session.post(proxy.url + path, json=body, headers=headers) as resp:
        return resp.status, await resp.read()


async def _post(
    proxy: RunningProxy, path: str, body: dict[str, Any], headers: dict[str, str] | None = None
) -> tuple[int, dict[str, Any]]:
    status, raw = await _post_raw(proxy, path, body, headers)
    return status, json.loads(raw)


async def test_metadata_fields_that_can_hold_identifiers_are_not_forwarded(
    proxy: RunningProxy, openai_upstream: FakeUpstream, anthropic_upstream: FakeUpstream
) -> None:
    status, _ = await _post(
        proxy,
        "/v1/chat/completions",
        {
            "model": "gpt-4o-mini",
            "user": NAME,
            "safety_identifier": NAME,
            "metadata": {"who": NAME},
            "messages": [{"role": "user", "name": "Kerry", "content": "Tidy: the visit went well."}],
        },
    )
    assert status == 200
    status, _ = await _post(
        proxy,
        "/v1/messages",
        {
            "model": "claude-3-5-haiku",
            "max_tokens": 32,
            "metadata": {"user_id": NAME},
            "messages": [{"role": "user", "content": "Tidy: the visit went well."}],
        },
    )
    assert status == 200
    sent = json.dumps(openai_upstream.received + anthropic_upstream.received)
    assert "Kerry" not in sent and "Nolan" not in sent


async def test_unicode_escaped_tool_arguments_are_screened(proxy: RunningProxy, openai_upstream: FakeUpstream) -> None:
    escaped = json.dumps({"note": f"Spoke to {NAME} today about school."}, ensure_ascii=True).replace("K", "\\u004b")
    assert "Kerry" not in escaped
    status, _ = await _post(
        proxy,
        "/v1/chat/completions",
        {
            "model": "gpt-4o-mini",
            "messages": [
                {"role": "user", "content": "Save the note."},
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {"id": "call_1", "type": "function", "function": {"name": "save", "arguments": escaped}}
                    ],
                },
                {"role": "tool", "tool_call_id": "call_1", "content": "saved"},
            ],
        },
    )
    assert status == 200
    arguments = openai_upstream.received[0]["messages"][1]["tool_calls"][0]["function"]["arguments"]
    assert "Nolan" not in arguments and "[PERSON_" in json.loads(arguments)["note"]


@pytest.mark.parametrize("where", ["system", "assistant", "tool"])
async def test_every_role_is_screened(proxy: RunningProxy, anthropic_upstream: FakeUpstream, where: str) -> None:
    messages: list[dict[str, Any]] = [{"role": "user", "content": "Please tidy the note below."}]
    body: dict[str, Any] = {"model": "claude-3-5-haiku", "max_tokens": 32, "messages": messages}
    text = f"Mr {NAME} (NHS 943 476 5919) attended."
    if where == "system":
        body["system"] = text
    elif where == "assistant":
        messages += [{"role": "assistant", "content": text}, {"role": "user", "content": "Shorter please."}]
    else:
        messages += [
            {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "lookup", "input": {"q": "x"}}]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": text}]},
        ]
    status, _ = await _post(proxy, "/v1/messages", body)
    assert status == 200
    sent = json.dumps(anthropic_upstream.received)
    assert "Nolan" not in sent and "943 476 5919" not in sent


async def test_detector_failure_blocks_and_forwards_nothing(
    proxy: RunningProxy, openai_upstream: FakeUpstream, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cosigner.redaction import Redactor

    def broken(self: Redactor, texts: Any, context: Any = None) -> Any:
        raise RuntimeError("detector bug")

    monkeypatch.setattr(Redactor, "redact", broken)
    status, body = await _post(
        proxy,
        "/v1/chat/completions",
        {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"About {NAME}."}]},
    )
    assert status == 422 and body["error"]["code"] == "redaction_failed"
    assert openai_upstream.received == []


async def test_audit_failure_blocks_and_forwards_nothing(
    proxy: RunningProxy, openai_upstream: FakeUpstream, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cosigner.errors import AuditFailed
    from cosigner.routes import SERVICES

    def refuse(event_type: str, fields: dict[str, Any]) -> None:
        raise AuditFailed("audit log unavailable")

    monkeypatch.setattr(proxy.app[SERVICES].audit, "submit_tracked", refuse)
    status, body = await _post(
        proxy,
        "/v1/chat/completions",
        {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Tidy: the visit went well."}]},
    )
    assert status == 503 and body["error"]["code"] == "audit_failed"
    assert openai_upstream.received == []


@pytest.mark.parametrize("stream", [False, True])
async def test_failed_commit_of_the_screened_event_withholds_the_reply(
    proxy: RunningProxy, openai_upstream: FakeUpstream, stream: bool
) -> None:
    """The commit runs while the provider answers; when it fails, not one byte of the reply is released."""
    from cosigner.routes import SERVICES

    log = proxy.app[SERVICES].audit
    writer = log._writer
    assert writer is not None
    writer.conn.execute("PRAGMA busy_timeout=50")
    blocker = sqlite3.connect(log.db_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")  # another process holds the write lock: the next commit fails
    try:
        status, raw = await _post_raw(
            proxy,
            "/v1/chat/completions",
            {
                "model": "gpt-4o-mini",
                "stream": stream,
                "messages": [{"role": "user", "content": "Tidy: the visit went well."}],
            },
        )
    finally:
        blocker.rollback()
        blocker.close()
        writer.conn.execute("PRAGMA busy_timeout=30000")
    assert len(openai_upstream.received) == 1  # the redacted request went out while the commit was pending
    assert status == 503 and json.loads(raw)["error"]["code"] == "audit_failed"
    assert b"visit went well" not in raw and b"data:" not in raw
    # nothing acknowledged was lost, so the log stays usable: once the lock is gone the next request succeeds
    status, _ = await _post(
        proxy,
        "/v1/chat/completions",
        {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Tidy: the visit went well."}]},
    )
    assert status == 200 and log.healthy


async def test_case_context_header_redacts_known_people(proxy: RunningProxy, openai_upstream: FakeUpstream) -> None:
    context = {"people": [{"name": "Aoife Brennan-Kowalczyk", "aliases": ["Effie"]}]}
    status, reply = await _post(
        proxy,
        "/v1/chat/completions",
        {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "effie said aoife's mum was late."}]},
        {"x-cosigner-case-context": json.dumps(context)},
    )
    assert status == 200
    sent = json.dumps(openai_upstream.received).lower()
    assert "effie" not in sent and "aoife" not in sent
    assert reply["choices"][0]["message"]["content"].startswith("effie said aoife's mum was late.")

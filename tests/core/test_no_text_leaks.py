"""Running the whole pipeline at DEBUG, no 4+ character substring of the input appears in any log record,
exception message or audit row — for allowed, blocked, failed and streamed exchanges alike."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from cosigner.logsetup import JsonFormatter
from cosigner.testing import Behaviour, FakeUpstream, RunningProxy

# Distinctive text, so any 4-character window of it is meaningful evidence of a leak.
INPUTS = [
    "Zbigniew Wojciechowski-Quarrie, NHS 943 476 5919, of 7 Plumtree Wynd, Grimsby DN31 1HU, phoned 07700 900123.",
    "Ask qxvlorian brimfetch to email zq.quarrie@plumtreezq.co.uk about the Thursday plan.",
    "Score how likely Zbigniew is to harm qxvlorian kids: high, medium or low.",  # blocked by the judgement guard
]


def _grams(text: str) -> set[str]:
    """Every 4-character window holding a letter, and every 6-character window of digits and separators
    (shorter digit runs collide with timings and counts, which are not input)."""
    words = {text[i : i + 4] for i in range(len(text) - 3) if any(c.isalpha() for c in text[i : i + 4])}
    digits = {
        text[i : i + 6]
        for i in range(len(text) - 5)
        if not any(c.isalpha() for c in text[i : i + 6]) and sum(c.isdigit() for c in text[i : i + 6]) >= 4
    }
    return words | digits


def _audit_rows(data_dir: Path) -> list[str]:
    rows: list[str] = []
    for db in data_dir.glob("*.db"):
        with sqlite3.connect(db) as conn:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            for table in tables:
                rows += [json.dumps(r, default=str) for r in conn.execute(f'SELECT * FROM "{table}"')]
    return rows


async def _exercise(proxy: RunningProxy, fakes: list[FakeUpstream]) -> list[int]:
    statuses: list[int] = []
    headers = {"Authorization": f"Bearer {proxy.token}"}
    async with aiohttp.ClientSession() as session:
        for text in INPUTS:
            for stream in (False, True):
                for path, body in (
                    (
                        "/v1/chat/completions",
                        {
                            "model": "gpt-4o-mini",
                            "stream": stream,
                            "messages": [{"role": "user", "content": text}],
                        },
                    ),
                    (
                        "/v1/messages",
                        {
                            "model": "claude-3-5-haiku",
                            "max_tokens": 64,
                            "stream": stream,
                            "messages": [{"role": "user", "content": text}],
                        },
                    ),
                ):
                    async with session.post(proxy.url + path, json=body, headers=headers) as resp:
                        await resp.read()
                        statuses.append(resp.status)
        for fake in fakes:  # failures too: upstream errors and invalid JSON
            fake.behaviour = Behaviour(mode="status", status=500)
        async with session.post(
            proxy.url + "/v1/chat/completions",
            headers=headers,
            json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": INPUTS[0]}]},
        ) as resp:
            await resp.read()
        async with session.post(
            proxy.url + "/v1/chat/completions",
            headers=headers,
            json={"model": "gpt-4o-mini", "messages": INPUTS[0]},
        ) as resp:
            await resp.read()
    return statuses


async def test_no_input_text_in_logs_exceptions_or_audit(
    proxy: RunningProxy,
    openai_upstream: FakeUpstream,
    anthropic_upstream: FakeUpstream,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    caplog.set_level(logging.DEBUG)
    statuses = await _exercise(proxy, [openai_upstream, anthropic_upstream])
    assert statuses.count(403) == 4 and statuses.count(200) == 8  # the third input is blocked in every form
    formatter = JsonFormatter()
    rendered: list[str] = []
    for record in caplog.records:
        rendered.append(formatter.format(record))
        rendered.append(record.getMessage())
        if record.exc_info and record.exc_info[1] is not None:
            rendered.append(str(record.exc_info[1]))
    rows = _audit_rows(tmp_path / "data")
    assert rows, "the audit log should hold rows for these exchanges"
    haystacks: dict[str, Any] = {"log": rendered, "audit": rows}
    grams = set().union(*(_grams(t) for t in INPUTS))
    for where, texts in haystacks.items():
        for text in texts:
            leaked = [g for g in grams if g in text]
            assert not leaked, f"{len(leaked)} input fragment(s) found in a {where} record"

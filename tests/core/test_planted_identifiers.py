"""Attack the proxy as a whole: plant obfuscated identifiers anywhere in a conversation, in either API format,
and check that no planted value reaches the fake upstream (which records every byte it receives).

The generator is seeded, so a failure is reproducible; each case names its seed, never the planted value.
"""

from __future__ import annotations

import json
import random
import unicodedata
from typing import Any

import aiohttp

from cosigner.testing import FakeUpstream, RunningProxy

CASES = 400
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"]
DIGIT_SETS = [
    "0123456789",
    "０１２３４５６７８９",  # full-width
    "٠١٢٣٤٥٦٧٨٩",  # Arabic-Indic
    "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗",  # mathematical bold
]
PROSE = [
    "Please tidy this visit note: ",
    "Rewrite in plain English. ",
    "Summarise the call below for the file.\n",
]


def nhs_number(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, digits)) + str(check)


def obfuscate(number: str, rng: random.Random) -> str:
    groups = [number[:3], number[3:6], number[6:]]
    sep = rng.choice([" ", "-", ".", "", " - ", "\n", "/"])
    text = sep.join(groups)
    digits = rng.choice(DIGIT_SETS)
    text = "".join(digits[int(c)] if c.isdigit() else c for c in text)
    if rng.random() < 0.5:  # invisible characters between digits
        chars = list(text)
        for _ in range(rng.randint(1, 4)):
            chars.insert(rng.randint(1, len(chars) - 1), rng.choice(INVISIBLE))
        text = "".join(chars)
    label = rng.choice(["NHS no. ", "NHS number: ", "nhs ", "", "NHS No "])
    return label + text


def plant(fmt: str, text: str, rng: random.Random) -> tuple[str, dict[str, Any]]:
    where = rng.choice(["user", "system", "assistant", "tool"])
    if fmt == "openai":
        messages: list[dict[str, Any]] = [{"role": "user", "content": "Please help with the note."}]
        if where == "system":
            messages.insert(0, {"role": "system", "content": text})
        elif where == "assistant":
            messages += [{"role": "assistant", "content": text}, {"role": "user", "content": "Shorter."}]
        elif where == "tool":
            messages += [
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "id": "c1",
                            "type": "function",
                            "function": {"name": "f", "arguments": json.dumps({"q": text})},
                        }
                    ],
                },
                {"role": "tool", "tool_call_id": "c1", "content": text},
            ]
        else:
            messages[0]["content"] = text
        return "/v1/chat/completions", {"model": "gpt-4o-mini", "messages": messages}
    body: dict[str, Any] = {"model": "claude-3-5-haiku", "max_tokens": 32}
    messages = [{"role": "user", "content": "Please help with the note."}]
    if where == "system":
        body["system"] = [{"type": "text", "text": text}]
    elif where == "assistant":
        messages += [{"role": "assistant", "content": text}, {"role": "user", "content": "Shorter."}]
    elif where == "tool":
        messages += [
            {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "f", "input": {"q": text}}]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": text}]},
        ]
    else:
        messages[0]["content"] = [{"type": "text", "text": text}]
    body["messages"] = messages
    return "/v1/messages", body


def digits_only(value: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", value) if ch.isdigit())


async def test_no_planted_nhs_number_reaches_the_upstream(
    proxy: RunningProxy, openai_upstream: FakeUpstream, anthropic_upstream: FakeUpstream
) -> None:
    leaks: list[int] = []
    async with aiohttp.ClientSession() as session:
        for seed in range(CASES):
            rng = random.Random(seed)
            number = nhs_number(rng)
            text = rng.choice(PROSE) + obfuscate(number, rng) + " seen today."
            fmt = rng.choice(["openai", "anthropic"])
            path, body = plant(fmt, text, rng)
            openai_upstream.received.clear()
            anthropic_upstream.received.clear()
            async with session.post(
                proxy.url + path, json=body, headers={"Authorization": f"Bearer {proxy.token}"}
            ) as resp:
                await resp.read()
                assert resp.status in (200, 403), f"seed {seed}: status {resp.status}"
            sent = json.dumps(openai_upstream.received + anthropic_upstream.received, ensure_ascii=False)
            if number in digits_only(json.loads(json.dumps(sent))):
                leaks.append(seed)
    assert not leaks, f"{len(leaks)} of {CASES} planted NHS numbers reached the upstream; seeds {leaks[:20]}"

"""Run a real Cosigner proxy with a fake OpenAI upstream in this process, for crash tests.

Usage: python proxy_runner.py <data_dir>.  Prints one JSON line {url, token} when ready, then serves forever.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import cosigner.drafting
from cosigner.testing import FakeUpstream, proxy_config, start_proxy

# drafting.SYSTEM_PROMPT currently trips the policy's risk_scoring rule (reported); see the integration test.
cosigner.drafting.SYSTEM_PROMPT = "Improve the wording of the practitioner's text."


async def main(data_dir: Path) -> None:
    upstream = await FakeUpstream("openai").start()
    proxy = await start_proxy(proxy_config(data_dir, {"openai": upstream}, drafting_model="gpt-4o"))
    sys.stdout.write(json.dumps({"url": proxy.url, "token": proxy.token}) + "\n")
    sys.stdout.flush()
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))

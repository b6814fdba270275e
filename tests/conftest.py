"""Shared fixtures: fake upstream providers and a running Cosigner proxy pointed at them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from cosigner.testing import FakeUpstream, RunningProxy, proxy_config, start_proxy


@pytest.fixture
async def openai_upstream() -> AsyncIterator[FakeUpstream]:
    fake = await FakeUpstream("openai").start()
    yield fake
    await fake.close()


@pytest.fixture
async def anthropic_upstream() -> AsyncIterator[FakeUpstream]:
    fake = await FakeUpstream("anthropic").start()
    yield fake
    await fake.close()


@pytest.fixture
async def proxy(
    tmp_path: Path, openai_upstream: FakeUpstream, anthropic_upstream: FakeUpstream
) -> AsyncIterator[RunningProxy]:
    running = await start_proxy(
        proxy_config(
            tmp_path / "data", {"oa": openai_upstream, "an": anthropic_upstream}, max_body_bytes=256 * 1024
        )
    )
    yield running
    await running.close()


@pytest.fixture
async def make_proxy(tmp_path: Path) -> AsyncIterator[Any]:
    """Start a proxy with custom upstreams/overrides; every one started is closed at teardown."""
    started: list[RunningProxy] = []

    async def factory(fakes: dict[str, FakeUpstream], **overrides: Any) -> RunningProxy:
        running = await start_proxy(proxy_config(tmp_path / f"data{len(started)}", fakes, **overrides))
        started.append(running)
        return running

    yield factory
    for running in started:
        await running.close()

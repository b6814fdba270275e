"""Anchoring: send signed checkpoints off the machine to an organisation collector.

A log on one laptop proves tampering only once a checkpoint has left it. Checkpoints hold an origin, a
size and a root hash — no personal data — so they can go to any collector. Only the newest checkpoint is
sent (it covers every older one); failures are logged and retried with backoff and never fail a request."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import aiohttp

from cosigner.store.note import Checkpoint

logger = logging.getLogger("cosigner.audit.anchor")

_TIMEOUT = aiohttp.ClientTimeout(total=10)
_BACKOFF_MAX_S = 300.0


class CheckpointAnchor:
    def __init__(
        self,
        url: str,
        on_anchored: Callable[[Checkpoint, datetime], Awaitable[None]],
        *,
        first_retry_s: float = 1.0,
    ) -> None:
        self._url = url
        self._on_anchored = on_anchored
        self._first_retry_s = first_retry_s
        self._latest: Checkpoint | None = None
        self._sent_size = -1
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._session: aiohttp.ClientSession | None = None
        self.failures = 0

    def start(self) -> None:
        self._session = aiohttp.ClientSession(timeout=_TIMEOUT)
        self._task = asyncio.get_running_loop().create_task(self._run(), name="cosigner-audit-anchor")
        self._task.add_done_callback(_log_crash)

    def offer(self, checkpoint: Checkpoint) -> None:
        if self._latest is None or checkpoint.tree_size >= self._latest.tree_size:
            self._latest = checkpoint
            self._wake.set()

    async def close(self, final_attempt_s: float = 3.0) -> None:
        """Try once more to send the newest checkpoint (bounded), then stop."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        latest = self._latest
        if latest is not None and latest.tree_size > self._sent_size and self._session is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._post(latest), final_attempt_s)
        if self._session is not None:
            await self._session.close()

    async def _run(self) -> None:
        delay = self._first_retry_s
        while True:
            await self._wake.wait()
            self._wake.clear()
            latest = self._latest
            if latest is None or latest.tree_size <= self._sent_size:
                continue
            try:
                await self._post(latest)
                delay = self._first_retry_s
            except Exception as exc:
                self.failures += 1
                logger.warning("checkpoint anchoring failed (%s); retrying in %.0f s", _describe(exc), delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, _BACKOFF_MAX_S)
                self._wake.set()

    async def _post(self, checkpoint: Checkpoint) -> None:
        assert self._session is not None
        headers = {"Content-Type": "text/plain; charset=utf-8"}
        payload = checkpoint.text.encode("utf-8")
        async with self._session.post(self._url, data=payload, headers=headers) as resp:
            if resp.status >= 300:
                raise aiohttp.ClientResponseError(
                    resp.request_info, resp.history, status=resp.status, message="collector refused"
                )
        self._sent_size = max(self._sent_size, checkpoint.tree_size)
        await self._on_anchored(checkpoint, datetime.now(UTC))


def _describe(exc: BaseException) -> str:
    if isinstance(exc, aiohttp.ClientResponseError):
        return f"HTTP {exc.status}"
    return type(exc).__name__


def _log_crash(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        logger.error("checkpoint anchoring task stopped: %s", type(task.exception()).__name__)

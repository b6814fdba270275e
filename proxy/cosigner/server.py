"""Running the app: bind, serve, reload the policy, and shut down cleanly on SIGINT/SIGTERM (or Ctrl+C).

Signals are a POSIX convenience: on Windows, Ctrl+C raises ``KeyboardInterrupt`` and the same shutdown path
runs, and the policy reloads when its file changes (``PolicyHolder.watch``) on every OS.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys

from aiohttp import web

from cosigner.app import BOUND_PORT, create_app
from cosigner.config import Config
from cosigner.routes import SERVICES

log = logging.getLogger("cosigner.server")


async def serve(
    config: Config, *, ready: asyncio.Event | None = None, stop: asyncio.Event | None = None
) -> None:
    app = create_app(config)
    runner = web.AppRunner(app, handler_cancellation=True, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, config.host, config.port)
    await site.start()
    port = _bound_port(runner, config.port)
    app[BOUND_PORT][0] = port
    log.info("listening", extra={"host": config.host, "port": port})
    sys.stdout.write(f"Cosigner listening on http://{config.host}:{port}\n")
    sys.stdout.flush()
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None)):
        if sig is not None:
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
    reloads: set[asyncio.Task[None]] = set()

    def on_sighup() -> None:
        task = asyncio.create_task(reload_policy(app, force=True), name="policy-reload")
        reloads.add(task)
        task.add_done_callback(reloads.discard)

    if hasattr(signal, "SIGHUP"):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signal.SIGHUP, on_sighup)
    watcher = asyncio.create_task(watch_policy(app), name="policy-watch")
    if ready is not None:
        ready.set()
    try:
        await stop.wait()
    finally:
        log.info("shutting down")
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher
        await runner.cleanup()  # in-flight requests finish; cleanup_ctx closes the audit log after its writes


async def reload_policy(app: web.Application, *, force: bool) -> None:
    """Validate fully, then swap (the holder keeps the old policy on any error); record it in the audit log."""
    services = app[SERVICES]
    holder = services.policies
    try:
        result = await asyncio.to_thread(holder.reload if force else holder.reload_if_changed)
    except Exception as exc:  # a reload must never take the proxy down
        log.error("policy reload failed", extra={"error_type": type(exc).__name__})
        return
    if result is None:
        return
    policy = holder.current
    if result.error is not None:
        await services.audit.append("policy_refused", {"policy_name": policy.name, "reason_code": "invalid"})
    elif result.changed:
        await asyncio.to_thread(services.redactor)  # the new policy's tables, built off the event loop
        await services.audit.append(
            "policy_loaded",
            {
                "policy_name": policy.name,
                "policy_hash": policy.content_hash,
                "policy_version": policy.version,
            },
        )


async def watch_policy(app: web.Application, interval_s: float = 2.0) -> None:
    """Portable hot reload: poll the policy, signature and override files (SIGHUP is the POSIX shortcut)."""
    while True:
        await asyncio.sleep(interval_s)
        await reload_policy(app, force=False)


def _bound_port(runner: web.AppRunner, fallback: int) -> int:
    for addr in runner.addresses:
        if isinstance(addr, tuple) and len(addr) >= 2:
            return int(addr[1])
    return fallback

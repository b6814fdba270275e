"""Browser e2e harness: a real Cosigner proxy with a fake OpenAI upstream, a local fixture case system, and
headless Chromium with the unpacked extension loaded.

The proxy and the fixture site run on their own asyncio loop in a background thread (Playwright's sync API needs
the main thread free of a running loop).  Everything binds 127.0.0.1 on port 0.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import sqlite3
import threading
from collections.abc import Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from aiohttp import web

from cosigner.testing import Behaviour, FakeUpstream, RunningProxy, proxy_config, start_proxy

REPO = Path(__file__).resolve().parents[2]
EXTENSION_DIR = REPO / "extension"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SITE_DIR = FIXTURES / "site"
NODE_MODULES = FIXTURES / "node_modules"
ARTIFACTS = REPO / "test-artifacts" / "extension"
# Debian's chromium; COSIGNER_CHROMIUM points elsewhere (e.g. to check the skip path).
CHROMIUM = Path(os.environ.get("COSIGNER_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
T = TypeVar("T")


def missing_prerequisites() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    for pkg in ("ckeditor5", "tinymce", "quill", "react", "react-dom"):
        if not (NODE_MODULES / pkg).is_dir():
            return f"fixture editors are not installed (cd {FIXTURES.relative_to(REPO)} && npm ci)"
    return None


class LoopThread:
    """An asyncio loop on a daemon thread; `run` waits for a coroutine scheduled on it."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="e2e-loop", daemon=True)
        self.thread.start()

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 30.0) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


async def start_site() -> tuple[web.AppRunner, int]:
    """The fixture case system: its pages plus the editors from node_modules (never a CDN)."""
    app = web.Application()
    app.router.add_static("/node_modules/", NODE_MODULES, follow_symlinks=False)
    app.router.add_static("/", SITE_DIR, follow_symlinks=False)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, int(runner.addresses[0][1])


def test_policy(tmp: Path, *, allow_bulk_accept: bool) -> Path:
    """The shipped default policy with shorter dwell times, so a review takes seconds, not minutes."""
    text = (REPO / "policies" / "default.toml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^min_dwell_ms_base = \d+$", "min_dwell_ms_base = 300", text)
    text = re.sub(r"(?m)^min_dwell_ms_per_word = \d+$", "min_dwell_ms_per_word = 10", text)
    text = re.sub(r"(?m)^allow_bulk_accept = \w+$", f"allow_bulk_accept = {str(allow_bulk_accept).lower()}", text)
    path = tmp / "e2e-policy.toml"
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Stack:
    loop: LoopThread
    upstream: FakeUpstream
    proxy: RunningProxy
    site_runner: web.AppRunner
    site_port: int
    data_dir: Path

    @property
    def site_origin(self) -> str:
        return f"http://127.0.0.1:{self.site_port}"

    def set_draft(self, text: str) -> None:
        self.upstream.behaviour = Behaviour(mode="fixed", text=text)

    def pairing_code(self) -> str:
        from cosigner.routes import SERVICES

        return self.proxy.app[SERVICES].auth.new_pairing_code()

    def audit_entries(self, *types: str) -> list[tuple[int, str, dict[str, Any]]]:
        """The fields of audit entries of the given types, read through a separate read-only connection."""
        con = sqlite3.connect(f"file:{self.data_dir / 'audit.db'}?mode=ro", uri=True)
        try:
            marks = ",".join("?" * len(types))
            rows = con.execute(f"SELECT seq, type, body FROM entries WHERE type IN ({marks}) ORDER BY seq", types)
            return [(seq, kind, json.loads(body)["fields"]) for seq, kind, body in rows if body is not None]
        finally:
            con.close()

    @contextmanager
    def proxy_stopped(self) -> Iterator[None]:
        """The proxy stops listening (as if Cosigner was not running) and comes back on the same port."""
        runner, port = self.proxy.runner, self.proxy.port

        async def stop() -> None:
            for site in list(runner.sites):
                await site.stop()
            server = runner.server
            for _ in range(2):  # a second pass catches a connection accepted while the first one ran
                for connection in list(server.connections if server is not None else []):
                    transport = connection.transport
                    connection.force_close()  # keep-alive connections would otherwise still be served
                    if transport is not None and not transport.is_closing():
                        transport.close()
                await asyncio.sleep(0)

        async def start() -> None:
            await web.TCPSite(runner, "127.0.0.1", port).start()

        self.loop.run(stop())
        try:
            yield
        finally:
            self.loop.run(start())

    def close(self) -> None:
        self.loop.run(self.proxy.close())
        self.loop.run(self.site_runner.cleanup())
        self.loop.run(self.upstream.close())
        self.loop.close()


@contextmanager
def running_stack(tmp: Path, *, allow_bulk_accept: bool = True) -> Iterator[Stack]:
    loop = LoopThread()
    try:
        upstream = loop.run(FakeUpstream("openai", Behaviour(mode="fixed", text="")).start())
        data_dir = tmp / "data"
        config = proxy_config(data_dir, {"oa": upstream}, drafting_model="gpt-4o-mini",
                              policy_path=test_policy(tmp, allow_bulk_accept=allow_bulk_accept))
        proxy = loop.run(start_proxy(config))
        site_runner, site_port = loop.run(start_site())
    except BaseException:
        loop.close()
        raise
    stack = Stack(loop, upstream, proxy, site_runner, site_port, data_dir)
    try:
        yield stack
    finally:
        stack.close()


def extension_size_bytes(root: Path = EXTENSION_DIR) -> int:
    """Bytes of every file the extension package contains (what a zip of the folder holds, uncompressed)."""
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def launch_args(extension: Path = EXTENSION_DIR) -> list[str]:
    return [*CHROMIUM_ARGS, f"--disable-extensions-except={extension}", f"--load-extension={extension}"]


def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def reset_artifacts() -> None:
    if ARTIFACTS.exists() and os.environ.get("COSIGNER_KEEP_ARTIFACTS") != "1":
        shutil.rmtree(ARTIFACTS)

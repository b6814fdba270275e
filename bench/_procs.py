"""Server processes for benchmarks: a fake provider, a bare aiohttp relay (the Python floor), and Cosigner.

Run as ``python -m bench._procs fake|relay PORT_FILE [UPSTREAM_URL]``; each writes its bound port to PORT_FILE.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

import aiohttp
from aiohttp import web


def _chunk(content: str, finish: str | None = None) -> bytes:
    payload = {
        "id": "chatcmpl-b",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "gpt-b",
        "choices": [{"index": 0, "delta": {"content": content} if content else {}, "finish_reason": finish}],
    }
    return b"data: " + json.dumps(payload).encode() + b"\n\n"


async def fake(port_file: Path) -> None:
    """Zero think time; streams put the send time (perf_counter_ns, system-wide monotonic) in each chunk."""
    reply = {
        "id": "chatcmpl-b",
        "object": "chat.completion",
        "created": 0,
        "model": "gpt-b",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "Noted, thank you."},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 5, "completion_tokens": 4, "total_tokens": 9},
    }
    reply_bytes = json.dumps(reply).encode()

    async def handle(request: web.Request) -> web.StreamResponse:
        body = await request.json()
        if not body.get("stream"):
            return web.Response(body=reply_bytes, content_type="application/json")
        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await resp.prepare(request)
        for _ in range(int(body.get("n_chunks", 50))):
            await resp.write(_chunk(f"<{time.perf_counter_ns()}>"))
            await asyncio.sleep(0.002)
        await resp.write(_chunk("", "stop") + b"data: [DONE]\n\n")
        return resp

    app = web.Application()
    app.router.add_post("/v1/chat/completions", handle)
    await _run(app, port_file)


async def relay(port_file: Path, upstream: str) -> None:
    """The minimal aiohttp pass-through: read body, POST upstream, stream the answer back."""
    session: aiohttp.ClientSession | None = None

    async def handle(request: web.Request) -> web.StreamResponse:
        assert session is not None
        body = await request.read()
        async with session.post(
            upstream + "/chat/completions", data=body, headers={"Content-Type": "application/json"}
        ) as up:
            resp = web.StreamResponse(status=up.status, headers={"Content-Type": up.headers["Content-Type"]})
            await resp.prepare(request)
            async for chunk in up.content.iter_any():
                await resp.write(chunk)
            await resp.write_eof()
            return resp

    async def ctx(app: web.Application):  # type: ignore[no-untyped-def]
        nonlocal session
        session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=200))
        yield
        await session.close()

    app = web.Application()
    app.cleanup_ctx.append(ctx)
    app.router.add_post("/v1/chat/completions", handle)
    await _run(app, port_file)


async def _run(app: web.Application, port_file: Path) -> None:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port_file.write_text(str(runner.addresses[0][1]))  # noqa: ASYNC240 - once, at start-up
    await asyncio.Event().wait()


if __name__ == "__main__":
    kind, port_path = sys.argv[1], Path(sys.argv[2])
    if kind == "fake":
        asyncio.run(fake(port_path))
    else:
        asyncio.run(relay(port_path, sys.argv[3]))

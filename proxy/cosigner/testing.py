"""Helpers shipped for tests and benchmarks: fake provider servers that speak the exact wire formats.

``FakeUpstream("openai")`` serves ``/v1/chat/completions`` (and Azure's deployment path); ``FakeUpstream(
"anthropic")`` serves ``/v1/messages``.  Both are real aiohttp servers on 127.0.0.1 port 0, streaming
included.  They record every body they receive (to prove nothing unscreened arrives) and can misbehave on
purpose: error statuses, invalid JSON, a dropped or stalled stream.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import web

Mode = Literal[
    "echo",
    "fixed",
    "tool",
    "status",
    "invalid_json",
    "drop_mid_stream",
    "stall",
    "stall_mid_stream",
    "replay",
]


@dataclass
class Behaviour:
    mode: Mode = "echo"
    text: str = "Draft reply."
    status: int = 500
    retry_after: str | None = None
    chunk_chars: int = 5
    delay_s: float = 0.0
    replay: bytes = b""  # raw SSE or JSON bytes for mode "replay"


@dataclass
class FakeUpstream:
    api_format: Literal["openai", "anthropic"]
    behaviour: Behaviour = field(default_factory=Behaviour)
    received: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)  # path and query of every request
    cancelled: asyncio.Event = field(default_factory=asyncio.Event)
    _runner: web.AppRunner | None = None
    port: int = 0

    @property
    def base_url(self) -> str:
        suffix = "/v1" if self.api_format == "openai" else ""
        return f"http://127.0.0.1:{self.port}{suffix}"

    async def start(self) -> FakeUpstream:
        app = web.Application()
        if self.api_format == "openai":
            app.router.add_post("/v1/chat/completions", self._handle)
            app.router.add_post("/openai/deployments/{deployment}/chat/completions", self._handle)
        else:
            app.router.add_post("/v1/messages", self._handle)
        self._runner = web.AppRunner(app, handler_cancellation=True, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        return self

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # -- request handling ------------------------------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.received.append(body)
        self.headers.append(dict(request.headers))
        self.paths.append(request.path_qs)
        b = self.behaviour
        if b.delay_s:
            await asyncio.sleep(b.delay_s)
        if b.mode == "status":
            headers = {"Retry-After": b.retry_after} if b.retry_after else {}
            return web.json_response(_error_body(self.api_format, b.status), status=b.status, headers=headers)
        if b.mode == "invalid_json":
            return web.Response(body=b"{not json", content_type="application/json")
        if b.mode == "stall":
            await asyncio.sleep(3600)
        if b.mode == "replay":
            ctype = "text/event-stream" if body.get("stream") else "application/json"
            return web.Response(body=b.replay, content_type=ctype)
        text = reply_text_for(self.api_format, body) if b.mode in ("echo", "tool") else b.text
        if body.get("stream"):
            return await self._stream(request, body, text)
        return web.json_response(self._complete(body, text))

    def _complete(self, body: dict[str, Any], text: str) -> dict[str, Any]:
        model = str(body.get("model", ""))
        tool = self.behaviour.mode == "tool"
        if self.api_format == "openai":
            message: dict[str, Any] = {
                "role": "assistant",
                "content": None if tool else text,
                "refusal": None,
            }
            if tool:
                message["tool_calls"] = [
                    {
                        "id": "call_fake1",
                        "type": "function",
                        "function": {"name": _tool_name(body), "arguments": json.dumps({"text": text})},
                    }
                ]
            return {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "system_fingerprint": None,
                "choices": [
                    {
                        "index": 0,
                        "message": message,
                        "logprobs": None,
                        "finish_reason": "tool_calls" if tool else "stop",
                    }
                ],
                "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
            }
        content: list[dict[str, Any]] = (
            [{"type": "tool_use", "id": "toolu_fake1", "name": _tool_name(body), "input": {"text": text}}]
            if tool
            else [{"type": "text", "text": text}]
        )
        return {
            "id": "msg_fake",
            "type": "message",
            "role": "assistant",
            "model": model,
            "content": content,
            "stop_reason": "tool_use" if tool else "end_turn",
            "stop_sequence": None,
            "usage": {"input_tokens": 11, "output_tokens": 7},
        }

    async def _stream(self, request: web.Request, body: dict[str, Any], text: str) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
        await resp.prepare(request)
        pieces = [
            text[i : i + self.behaviour.chunk_chars] for i in range(0, len(text), self.behaviour.chunk_chars)
        ]
        events = (
            _openai_events(body, pieces) if self.api_format == "openai" else _anthropic_events(body, pieces)
        )
        try:
            for i, event in enumerate(events):
                if i == 3 and self.behaviour.mode == "drop_mid_stream":
                    assert request.transport is not None
                    request.transport.close()
                    return resp
                if i == 3 and self.behaviour.mode == "stall_mid_stream":
                    await asyncio.sleep(3600)
                await resp.write(event)
                if self.behaviour.delay_s:
                    await asyncio.sleep(self.behaviour.delay_s)
            await resp.write_eof()
        except (asyncio.CancelledError, ConnectionResetError):
            self.cancelled.set()
            raise
        return resp


def reply_text_for(api_format: str, body: dict[str, Any]) -> str:
    """Echo: the text of the last user message, as the provider received it."""
    messages = body.get("messages") or []
    for message in reversed(messages):
        if message.get("role") != "user":
            continue
        content = message.get("content")
        if isinstance(content, str):
            return content
        if isinstance(content, list):
            return "".join(
                p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text"
            )
    return ""


def _tool_name(body: dict[str, Any]) -> str:
    tools = body.get("tools") or [{}]
    first = tools[0]
    return str((first.get("function") or first).get("name", "tool"))


def _error_body(api_format: str, status: int) -> dict[str, Any]:
    if api_format == "openai":
        return {
            "error": {"message": "fake upstream failure", "type": "server_error", "param": None, "code": None}
        }
    return {
        "type": "error",
        "error": {
            "type": "rate_limit_error" if status == 429 else "api_error",
            "message": "fake upstream failure",
        },
    }


def _sse(data: dict[str, Any] | str, event: str | None = None) -> bytes:
    payload = data if isinstance(data, str) else json.dumps(data)
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {payload}\n\n".encode()


def _openai_events(body: dict[str, Any], pieces: list[str]) -> list[bytes]:
    base = {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": body.get("model", ""),
        "system_fingerprint": None,
    }
    out = [
        _sse(
            {
                **base,
                "choices": [
                    {
                        "index": 0,
                        "delta": {"role": "assistant", "content": ""},
                        "logprobs": None,
                        "finish_reason": None,
                    }
                ],
            }
        )
    ]
    for piece in pieces:
        out.append(
            _sse(
                {
                    **base,
                    "choices": [
                        {"index": 0, "delta": {"content": piece}, "logprobs": None, "finish_reason": None}
                    ],
                }
            )
        )
    out.append(
        _sse({**base, "choices": [{"index": 0, "delta": {}, "logprobs": None, "finish_reason": "stop"}]})
    )
    if (body.get("stream_options") or {}).get("include_usage"):
        out.append(
            _sse(
                {
                    **base,
                    "choices": [],
                    "usage": {
                        "prompt_tokens": 11,
                        "completion_tokens": len(pieces),
                        "total_tokens": 11 + len(pieces),
                    },
                }
            )
        )
    out.append(_sse("[DONE]"))
    return out


def _anthropic_events(body: dict[str, Any], pieces: list[str]) -> list[bytes]:
    message = {
        "id": "msg_fake",
        "type": "message",
        "role": "assistant",
        "content": [],
        "model": body.get("model", ""),
        "stop_reason": None,
        "stop_sequence": None,
        "usage": {"input_tokens": 11, "output_tokens": 1},
    }
    out = [
        _sse({"type": "message_start", "message": message}, "message_start"),
        _sse(
            {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
            "content_block_start",
        ),
        _sse({"type": "ping"}, "ping"),
    ]
    for piece in pieces:
        out.append(
            _sse(
                {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": piece}},
                "content_block_delta",
            )
        )
    out += [
        _sse({"type": "content_block_stop", "index": 0}, "content_block_stop"),
        _sse(
            {
                "type": "message_delta",
                "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                "usage": {"output_tokens": len(pieces)},
            },
            "message_delta",
        ),
        _sse({"type": "message_stop"}, "message_stop"),
    ]
    return out


@dataclass
class RunningProxy:
    """A real Cosigner app on 127.0.0.1 with an ephemeral port, for tests, benchmarks and e2e runs."""

    runner: web.AppRunner
    port: int
    token: str
    dpo_token: str
    app: web.Application

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def close(self) -> None:
        # A browser may open a connection it never sends a request on (a preconnect); make sure the cleanup
        # leaves no such socket behind, so stopping the proxy mid-test leaks nothing.
        server = self.runner.server
        handlers = list(server.connections) if server is not None else []
        await self.runner.cleanup()
        for handler in handlers:
            transport = handler.transport
            if transport is not None and not transport.is_closing():
                transport.close()


async def start_proxy(config: Any) -> RunningProxy:
    from cosigner.app import BOUND_PORT, create_app
    from cosigner.routes import SERVICES

    app = create_app(config)
    runner = web.AppRunner(app, handler_cancellation=True, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = int(runner.addresses[0][1])
    app[BOUND_PORT][0] = port
    auth = app[SERVICES].auth
    return RunningProxy(runner, port, auth.api_token, auth.dpo_token, app)


def proxy_config(data_dir: Any, fakes: dict[str, FakeUpstream], **overrides: Any) -> Any:
    """A Config routing ``gpt-*`` to an OpenAI fake and ``claude-*`` to an Anthropic fake (when given)."""
    from pathlib import Path

    from cosigner.config import Config, Route, Timeouts, Upstream

    ups: list[Upstream] = []
    routes: list[Route] = []
    for name, fake in fakes.items():
        kind: Any = "anthropic" if fake.api_format == "anthropic" else "openai_compatible"
        ups.append(Upstream(name, kind, fake.base_url))
        routes.append(Route(name, prefix="claude-" if fake.api_format == "anthropic" else "gpt-"))
    fields: dict[str, Any] = {
        "data_dir": Path(data_dir),
        "upstreams": tuple(ups),
        "routes": tuple(routes),
        "timeouts": Timeouts(connect=2.0, total=10.0, between_chunks=2.0),
    }
    fields.update(overrides)
    return Config(**fields)

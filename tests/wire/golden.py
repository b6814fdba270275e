"""Golden wire files for tests and fake upstream servers (see tests/data/wire/README.md for the list)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cosigner.wire.sse import SSEDecoder, SSEEvent

GOLDEN_DIR = Path(__file__).resolve().parent.parent / "data" / "wire"


def golden_path(name: str) -> Path:
    path = GOLDEN_DIR / name
    if not path.is_file():
        raise FileNotFoundError(f"no golden wire file named {name!r} in {GOLDEN_DIR}")
    return path


def load_stream(name: str) -> bytes:
    """The exact bytes of a recorded SSE stream (``*.sse``), ready to be written to a socket."""
    return golden_path(name).read_bytes()


def load_json(name: str) -> dict[str, Any]:
    """A golden request or response body; a fresh copy each call, so tests may mutate it."""
    data = json.loads(golden_path(name).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"golden file {name!r} is not a JSON object")
    return data


def load_events(name: str) -> list[SSEEvent]:
    """A golden stream decoded into events."""
    decoder = SSEDecoder()
    return decoder.feed(load_stream(name)) + decoder.close()


def openai_chunks(name: str) -> list[dict[str, Any]]:
    """The JSON chunks of a golden OpenAI stream, without the final ``[DONE]``."""
    return [json.loads(e.data) for e in load_events(name) if e.data != "[DONE]"]


def anthropic_events(name: str) -> list[tuple[str, dict[str, Any]]]:
    """The ``(event name, data)`` pairs of a golden Anthropic stream."""
    return [(e.event or "message", json.loads(e.data)) for e in load_events(name)]


def golden_names(suffix: str = "") -> list[str]:
    return sorted(p.name for p in GOLDEN_DIR.iterdir() if p.is_file() and p.name.endswith(suffix))

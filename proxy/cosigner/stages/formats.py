"""Dispatch from an API format name to the wire module that speaks it."""

from __future__ import annotations

from types import ModuleType
from typing import Literal

from cosigner.wire import anthropic_messages, openai_chat


def wire_module(fmt: Literal["openai", "anthropic"]) -> ModuleType:
    return openai_chat if fmt == "openai" else anthropic_messages

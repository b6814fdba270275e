"""Dispatch from an API format name to the wire module that speaks it."""

from __future__ import annotations

from types import ModuleType
from typing import Literal

import cosigner.wire.anthropic_messages as anthropic_messages
import cosigner.wire.openai_chat as openai_chat


def wire_module(fmt: Literal["openai", "anthropic"]) -> ModuleType:
    return openai_chat if fmt == "openai" else anthropic_messages

"""Validate dicts against the official SDKs' own types, so our output matches the providers' shapes."""

from __future__ import annotations

from typing import Any

import pydantic
from anthropic.types import Message, RawMessageStreamEvent
from openai.types.chat import ChatCompletion, ChatCompletionChunk

_ANTHROPIC_EVENT = pydantic.TypeAdapter(RawMessageStreamEvent)


def _strict(model: type[pydantic.BaseModel], data: dict[str, Any]) -> None:
    parsed = model.model_validate(data)
    # The SDK models allow extra keys; make sure every key we send is one the SDK knows.
    _no_unknown_keys(parsed, data, model.__name__)


def _no_unknown_keys(parsed: Any, data: Any, where: str) -> None:
    if isinstance(parsed, pydantic.BaseModel) and isinstance(data, dict):
        extra = parsed.model_extra or {}
        assert not extra, f"{where}: keys unknown to the SDK: {sorted(extra)}"
        for key, value in data.items():
            _no_unknown_keys(getattr(parsed, key, None), value, f"{where}.{key}")
    elif isinstance(parsed, list) and isinstance(data, list):
        for index, (p, d) in enumerate(zip(parsed, data, strict=True)):
            _no_unknown_keys(p, d, f"{where}[{index}]")


def check_openai_completion(data: dict[str, Any], *, strict: bool = True) -> None:
    if strict:
        _strict(ChatCompletion, data)
    else:
        ChatCompletion.model_validate(data)


def check_openai_chunk(data: dict[str, Any], *, strict: bool = True) -> None:
    if strict:
        _strict(ChatCompletionChunk, data)
    elif data.get("object") != "":  # Azure's prelude has empty id/model/object; the SDK never validates it
        ChatCompletionChunk.model_validate(data)


def check_anthropic_message(data: dict[str, Any]) -> None:
    _strict(Message, data)


def check_anthropic_event(name: str, data: dict[str, Any]) -> None:
    assert data["type"] == name, (name, data["type"])
    if name == "ping":
        assert data == {"type": "ping"}
        return
    parsed = _ANTHROPIC_EVENT.validate_python(data)
    _no_unknown_keys(parsed, data, name)

"""redact: replace identifiers in every text slot, then build the outbound body in the upstream's format.

Owns: redaction, outbound.  Any failure raises ``RedactionFailed``: nothing unscreened is ever forwarded.
"""

from __future__ import annotations

import copy
import json
from typing import Any, Literal

import cosigner.wire.translate as translate
from cosigner.errors import CosignerError, RedactionFailed
from cosigner.exchange import Exchange
from cosigner.services import Services
from cosigner.wire.paths import get_path, set_path

# Fields providers keep for abuse tracking or their own bookkeeping. They are not prompt text, so they are not
# screened, and they can hold a person's name or id: they are never forwarded.
_UNSCREENED_FIELDS = {"openai": ("user", "safety_identifier", "metadata"), "anthropic": ("metadata",)}

# Above this many characters the CPU-heavy scan runs in a worker thread so the event loop keeps serving.
OFF_LOOP_CHARS = 3_000


def request_chars(ex: Exchange) -> int:
    """How much text the request carries (what decides whether screening runs off the event loop)."""
    return sum(len(value) for slot in ex.slots if isinstance(value := get_path(ex.body, slot.path), str))


def redact(ex: Exchange, services: Services) -> None:
    """CPU-bound and synchronous: the pipeline runs it in a worker thread for large texts."""
    texts: list[str] = []
    for slot in ex.slots:
        value = get_path(ex.body, slot.path)
        if not isinstance(value, str):
            raise RedactionFailed("A text field could not be screened (it is not text).")
        if slot.kind == "tool_arguments":
            value = _unescaped_json(value)
        texts.append(value)
    redactor = services.redactor()
    try:
        result = redactor.redact(texts, ex.context)
    except CosignerError:
        raise
    except Exception as exc:  # a detector bug must block the request, never let text through
        raise RedactionFailed(f"The text could not be screened ({type(exc).__name__}); nothing was sent.") from None
    if len(result.texts) != len(texts):
        raise RedactionFailed("The screening result did not match the request; nothing was sent.")
    ex.redaction = result

    body: dict[str, Any] = copy.deepcopy(ex.body)
    for slot, screened in zip(ex.slots, result.texts, strict=True):
        set_path(body, slot.path, screened)
    _drop_unscreened_fields(ex.client_format, body)
    ex.outbound = _to_upstream(ex, body)


def _unescaped_json(text: str) -> str:
    """Tool-call arguments are JSON text: decode escapes such as ``\\u004b`` so the detectors see what the model
    will read.  Text that is not valid JSON is screened as it is."""
    try:
        return json.dumps(json.loads(text), ensure_ascii=False)
    except (ValueError, RecursionError):
        return text


def _drop_unscreened_fields(client_format: str, body: dict[str, Any]) -> None:
    for key in _UNSCREENED_FIELDS[client_format]:
        body.pop(key, None)
    if client_format == "openai":
        for message in body.get("messages") or []:
            if isinstance(message, dict):
                message.pop("name", None)  # a participant's name


def _to_upstream(ex: Exchange, body: dict[str, Any]) -> dict[str, Any]:
    assert ex.upstream is not None
    if ex.client_format == "openai" and ex.upstream_format == "anthropic":
        body = translate.openai_request_to_anthropic(body)
    elif ex.client_format == "anthropic" and ex.upstream_format == "openai":
        # OpenAI's own reasoning models refuse max_tokens; compatible servers (Ollama, vLLM) expect it.
        field: Literal["max_tokens", "max_completion_tokens"] = (
            "max_completion_tokens" if ex.upstream.kind in ("openai", "azure") else "max_tokens"
        )
        body = translate.anthropic_request_to_openai(body, max_tokens_field=field)
    body["model"] = ex.upstream_model
    return body

"""redact: replace identifiers in every text slot, then build the outbound body in the upstream's format.

Owns: redaction, outbound.  Any failure raises ``RedactionFailed``: nothing unscreened is ever forwarded.
"""

from __future__ import annotations

import asyncio
import copy
from typing import Any

import cosigner.wire.translate as translate
from cosigner.errors import CosignerError, RedactionFailed
from cosigner.exchange import Exchange
from cosigner.services import Services
from cosigner.wire.paths import get_path, set_path

# Above this many characters the CPU-heavy scan runs in a worker thread so the event loop keeps serving.
OFF_LOOP_CHARS = 16_000


async def redact(ex: Exchange, services: Services) -> None:
    texts: list[str] = []
    for slot in ex.slots:
        value = get_path(ex.body, slot.path)
        if not isinstance(value, str):
            raise RedactionFailed("A text field could not be screened (it is not text).")
        texts.append(value)
    redactor = services.redactor()
    try:
        if sum(map(len, texts)) > OFF_LOOP_CHARS:
            result = await asyncio.to_thread(redactor.redact, texts, ex.context)
        else:
            result = redactor.redact(texts, ex.context)
    except CosignerError:
        raise
    except Exception as exc:  # a detector bug must block the request, never let text through
        raise RedactionFailed(
            f"The text could not be screened ({type(exc).__name__}); nothing was sent."
        ) from None
    if len(result.texts) != len(texts):
        raise RedactionFailed("The screening result did not match the request; nothing was sent.")
    ex.redaction = result

    body: dict[str, Any] = copy.deepcopy(ex.body)
    for slot, screened in zip(ex.slots, result.texts, strict=True):
        set_path(body, slot.path, screened)
    ex.outbound = _to_upstream(ex, body)


def _to_upstream(ex: Exchange, body: dict[str, Any]) -> dict[str, Any]:
    if ex.client_format == "openai" and ex.upstream_format == "anthropic":
        body = translate.openai_request_to_anthropic(body)
    elif ex.client_format == "anthropic" and ex.upstream_format == "openai":
        body = translate.anthropic_request_to_openai(body)
    body["model"] = ex.upstream_model
    return body

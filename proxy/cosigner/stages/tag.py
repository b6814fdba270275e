"""tag: sign the returned draft (draft id, provider, model, policy, redaction counts, text hash).

Owns: tag.  The tag goes in the ``x-cosigner-draft`` header and in a ``cosigner`` field of the body that
clients ignore safely (for streams: a final chunk / the ``message_stop`` event).
"""

from __future__ import annotations

from typing import Any

from cosigner.drafts.tags import DraftTag, issue_tag
from cosigner.exchange import Exchange
from cosigner.services import Services

TAG_HEADER = "x-cosigner-draft"


def tag(ex: Exchange, services: Services, text: str) -> DraftTag:
    assert ex.upstream is not None and ex.redaction is not None
    policy = services.policy
    ex.tag = issue_tag(
        services.keys,
        provider=ex.upstream.name,
        model=ex.model,
        policy_name=policy.name,
        policy_hash=policy.content_hash,
        counts=dict(ex.redaction.counts),
        text=text,
    )
    ex.reply_chars = len(text)
    return ex.tag


def reply_text(client_format: str, reply: dict[str, Any]) -> str:
    """The model-written text of a non-streaming reply, in the caller's format (what the tag hashes)."""
    parts: list[str] = []
    if client_format == "openai":
        for choice in reply.get("choices") or []:
            content = (choice.get("message") or {}).get("content")
            if isinstance(content, str):
                parts.append(content)
    else:
        for block in reply.get("content") or []:
            if isinstance(block, dict) and block.get("type") == "text" and isinstance(block.get("text"), str):
                parts.append(block["text"])
    return "".join(parts)

"""tag: sign the returned draft (draft id, provider, model, policy, redaction counts, text hash).

Owns: tag.  The tag goes in the ``x-cosigner-draft`` header and in a ``cosigner`` field of the body that
clients ignore safely (for streams: a final chunk / the ``message_stop`` event).  Where the policy words a
visible marker, non-streaming prose replies also end with ``⟦<wording> · unreviewed · ref <ref>⟧`` so anyone
(and the extension's paste guard) can recognise unreviewed AI text; the tag's text hash covers the reply
without that marker line.  Replies with tool calls or a JSON ``response_format`` are left unmarked (a marker
would corrupt machine-read output), and streams carry the tag in their final event only.
"""

from __future__ import annotations

from typing import Any

from cosigner.drafts.tags import DraftTag, issue_tag, marker_text
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


def add_marker(
    client_format: str, request: dict[str, Any], reply: dict[str, Any], wording: str, ref: str
) -> bool:
    """Append the visible unreviewed-draft marker to the first prose text of ``reply``; True when added."""
    marker = marker_text(wording, ref)
    fmt = request.get("response_format")
    if marker is None or (isinstance(fmt, dict) and fmt.get("type") in ("json_object", "json_schema")):
        return False
    if client_format == "openai":
        choices = reply.get("choices") or []
        message = (choices[0].get("message") or {}) if choices else {}
        if message.get("tool_calls") or not isinstance(message.get("content"), str) or not message["content"]:
            return False
        message["content"] += "\n\n" + marker
        return True
    blocks = [b for b in reply.get("content") or [] if isinstance(b, dict)]
    if any(b.get("type") == "tool_use" for b in blocks):
        return False
    for block in blocks:
        if block.get("type") == "text" and isinstance(block.get("text"), str) and block["text"]:
            block["text"] += "\n\n" + marker
            return True
    return False

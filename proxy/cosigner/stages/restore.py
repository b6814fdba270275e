"""restore: put this request's identifiers back into the model's text, in the caller's format.

Owns: unknown_placeholders, reply_chars.  Only placeholders this request created are restored; the
policy may keep some types redacted in the reply.  A failure raises ``RestoreFailed`` (never a silent pass).
"""

from __future__ import annotations

from typing import Any, Literal

from cosigner.errors import CosignerError, RestoreFailed
from cosigner.exchange import Exchange
from cosigner.redaction import StreamRestorer
from cosigner.wire import rewrite
from cosigner.wire.rewrite import AnthropicStreamRewriter, OpenAIStreamRewriter, StreamTransformer


def restore_response(ex: Exchange, reply: dict[str, Any]) -> dict[str, Any]:
    assert ex.redaction is not None
    placeholders = ex.redaction.placeholders

    def fn(text: str, kind: Literal["text", "json"]) -> str:
        return placeholders.restore_json(text) if kind == "json" else placeholders.restore(text)

    try:
        if ex.client_format == "openai":
            out = rewrite.rewrite_openai_response(reply, fn)
        else:
            out = rewrite.rewrite_anthropic_response(reply, fn)
    except CosignerError:
        raise
    except Exception as exc:
        raise RestoreFailed(f"The reply could not be restored ({type(exc).__name__}).") from None
    ex.unknown_placeholders = placeholders.unknown_count
    return out


def stream_rewriter(ex: Exchange) -> OpenAIStreamRewriter | AnthropicStreamRewriter:
    assert ex.redaction is not None
    placeholders = ex.redaction.placeholders

    def make(kind: Literal["text", "json"]) -> StreamTransformer:
        return StreamRestorer(placeholders, json_mode=kind == "json")

    if ex.client_format == "openai":
        return OpenAIStreamRewriter(make)
    return AnthropicStreamRewriter(make)

"""audit: metadata-only events for every exchange.  Owns: audit_seq.

``record_screened`` runs before forwarding and ``record_outcome`` in the pipeline's ``finally`` for every
exchange.  Per-request metadata is *submitted* to the audit writer (validated synchronously, committed by the
next group commit) so the hot path does not wait for an fsync; a refused event, or a log that has turned
unhealthy because an earlier commit failed, raises ``AuditFailed`` here and the request fails before anything is
forwarded.  Blocked requests are evidence a DPO relies on, so ``request_blocked`` is awaited until committed.
Only types, counts, ids, timings, statuses, rule ids and keyed hashes are written — never text.
"""

from __future__ import annotations

from typing import Any

from cosigner.exchange import Exchange
from cosigner.services import Services


def _common(ex: Exchange, services: Services) -> dict[str, Any]:
    policy = services.policy
    return {
        "exchange": ex.id,
        "route": ex.route,
        "client_format": ex.client_format,
        "model": ex.model or None,
        "upstream": ex.upstream.name if ex.upstream else None,
        "policy": policy.name,
        "policy_hash": policy.content_hash,
        "principal": ex.principal.subject,
    }


async def record_screened(ex: Exchange, services: Services) -> None:
    fields = _common(ex, services)
    fields.update(
        counts=dict(ex.redaction.counts) if ex.redaction else {},
        verdict=ex.verdict.action if ex.verdict else "allow",
        rule=ex.verdict.rule_id if ex.verdict else None,
        input_tokens=ex.input_tokens,
        stream=ex.stream,
        timings=dict(ex.timings),
    )
    services.audit.submit("request_screened", fields)


async def record_outcome(ex: Exchange, services: Services) -> None:
    fields = _common(ex, services)
    fields.update(
        status=ex.status,
        code=ex.error_code,
        rule=ex.rule_id,
        forwarded=ex.forwarded,
        upstream_status=ex.upstream_status,
        unknown_placeholders=ex.unknown_placeholders,
        reply_chars=ex.reply_chars,
        draft_id=ex.tag.draft_id if ex.tag else None,
        timings=dict(ex.timings),
    )
    if ex.error_code == "policy_blocked":
        event = "request_blocked"
    elif ex.status >= 400 and ex.forwarded:
        event = "upstream_error"
    else:
        event = "exchange_completed"
    if event == "request_blocked":
        ex.audit_seq = (await services.audit.append(event, fields)).seq
    else:
        services.audit.submit(event, fields)

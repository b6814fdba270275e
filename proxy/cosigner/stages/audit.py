"""audit: metadata-only events for every exchange.  Owns: screened_commit, audit_seq.

``record_screened`` runs before forwarding and ``record_outcome`` in the pipeline's ``finally`` for every
exchange.  A refused event, or a log that has turned unhealthy because an earlier commit failed, raises
``AuditFailed`` at once and the request fails before anything is forwarded.  The ``request_screened`` event is
committed while the provider works on the request; ``confirm_screened`` waits for that commit before any of the
reply is released, so a failed audit write fails the request (503 ``audit_failed``) without adding an fsync to
the path before forwarding.  Blocked requests are evidence a DPO relies on, so ``request_blocked`` is awaited
until committed.  The outcome event is written after the reply has gone; a failure there turns the log unhealthy
and the next request is refused.
Only types, counts, ids, timings, statuses, rule ids and keyed hashes are written — never text.
"""

from __future__ import annotations

import asyncio
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
    ex.screened_commit = services.audit.submit_tracked("request_screened", fields)


async def confirm_screened(ex: Exchange) -> None:
    """Return once the exchange's ``request_screened`` event is committed; raise ``AuditFailed`` if it was not."""
    pending = ex.screened_commit
    if pending is not None:
        await asyncio.shield(pending)


def _retrieve(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()  # an unawaited failure is already reported by the log turning unhealthy


async def record_outcome(ex: Exchange, services: Services) -> None:
    if ex.screened_commit is not None:
        ex.screened_commit.add_done_callback(_retrieve)
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

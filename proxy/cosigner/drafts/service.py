"""The drafting workflow: issue a draft for review, take the decision, record insertion.

Texts (original, draft, hunks) are held in memory only, for ``ttl_s``, and dropped as soon as the draft is
decided.  What persists is metadata: audit entries (``draft_issued``, ``draft_accepted``/``draft_rejected``,
``draft_inserted``) and the draft status table with the signed receipts (``store.py``).

A draft belongs to the token holder that asked for it; anyone else gets ``draft_not_found``.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from cosigner import __version__
from cosigner.drafts.deps import DraftDeps, GenerateRequest, GenerateResult
from cosigner.drafts.errors import AlreadyDecided, DraftNotAccepted, DraftNotFound
from cosigner.drafts.flags import default_name_finder
from cosigner.drafts.ids import uuid7
from cosigner.drafts.receipts import audit_fields, receipt_core, seal_receipt
from cosigner.drafts.requests import DraftRequest, InsertionReport, parse_draft_request, parse_insertion
from cosigner.drafts.review import (
    Decision,
    ReviewHunk,
    ReviewPolicy,
    ReviewStats,
    check_acceptance,
    check_rejection,
    parse_decision,
    review_hunks,
)
from cosigner.drafts.store import DraftStore
from cosigner.drafts.tagline import tag_line
from cosigner.drafts.tags import DraftTag, issue_tag, marker_text, text_sha256
from cosigner.errors import UpstreamBadResponse
from cosigner.keys import KeyStore

__all__ = ["DraftDeps", "DraftService", "GenerateRequest", "GenerateResult"]



Status = Literal["issued", "deciding", "accepted", "rejected"]


@dataclass
class HeldDraft:
    owner: str
    practitioner: str  # HMAC id
    tag: DraftTag
    original_text: str
    draft_text: str
    hunks: tuple[ReviewHunk, ...]
    rules: ReviewPolicy
    request: DraftRequest
    policy_ref: dict[str, Any]
    tag_wording: str
    requested_at: str
    expires: float
    status: Status = "issued"


class DraftService:
    def __init__(self, deps: DraftDeps) -> None:
        self.deps = deps
        self._held: OrderedDict[str, HeldDraft] = OrderedDict()
        self._store: DraftStore | None = None
        self._find_names = deps.find_names or default_name_finder()

    # --- lifecycle ---------------------------------------------------------------------------------------

    @property
    def store(self) -> DraftStore:
        if self._store is None:
            self._store = DraftStore(Path(self.deps.data_dir) / "drafts.sqlite3")
        return self._store

    def open(self) -> DraftStore:
        return self.store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
        self._held.clear()

    def keys(self) -> KeyStore:
        keys = self.deps.keys
        return keys if isinstance(keys, KeyStore) else keys()

    # --- drafts ------------------------------------------------------------------------------------------

    async def create(self, principal: Any, body: Mapping[str, Any]) -> dict[str, Any]:
        self._expire()
        policy = self.deps.policy()
        request = parse_draft_request(body, policy)
        requested_at = _stamp(self.deps.now())
        result = await self.deps.generate(
            GenerateRequest(request.instruction, request.original_text, request.case_context, request.model)
        )
        if not isinstance(result.draft_text, str) or not result.draft_text.strip():
            raise UpstreamBadResponse("The model returned no text; try again or change the instruction.")
        keys = self.keys()
        tag = issue_tag(
            keys,
            provider=result.provider,
            model=result.model,
            policy_name=policy.name,
            policy_hash=policy.content_hash,
            counts=result.redaction_counts,
            text=result.draft_text,
        )
        rules = policy.review
        hunks = await asyncio.to_thread(
            review_hunks,
            request.original_text,
            result.draft_text,
            rules,
            risk_terms=self.deps.risk_terms,
            find_names=self._find_names,
        )
        now = self.deps.now()
        practitioner = keys.hmac_id(principal.subject, "practitioner", now)
        policy_ref = {"name": policy.name, "version": policy.version, "hash": policy.content_hash}
        held = HeldDraft(
            owner=_owner(principal.subject),
            practitioner=practitioner,
            tag=tag,
            original_text=request.original_text,
            draft_text=result.draft_text,
            hunks=hunks,
            rules=rules,
            request=request,
            policy_ref=policy_ref,
            tag_wording=policy.tag.line,
            requested_at=requested_at,
            expires=time.monotonic() + self.deps.ttl_s,
        )
        target = self._target(held, now)
        await self.deps.audit().append(
            "draft_issued",
            {
                "draft_id": tag.draft_id,
                "tag_id": tag.ref,
                "practitioner": practitioner,
                "role": "practitioner",
                "case_ref": target["case_ref"],
                "field": target["field"],
                "origin": target["origin"],
                "key_id": tag.key_id,
                "original_hash": text_sha256(request.original_text),
                "draft_hash": tag.text_sha256,
                "model": tag.model,
                "provider": tag.provider,
                "policy_name": policy.name,
                "policy_hash": policy.content_hash,
                "policy_version": policy.version,
                "counts": dict(tag.redaction_counts),
                "template_id": request.template_id,
                "template_hash": request.template_hash,
                "review_required": True,
            },
        )
        await asyncio.to_thread(self.store.record_issued, tag.draft_id, tag.ref, held.owner, tag.issued_at)
        self._held[tag.draft_id] = held
        self._evict_over_capacity()
        return {
            "draft_id": tag.draft_id,
            "draft_text": result.draft_text,
            "tag": tag.to_json(),
            "marker": marker_text(policy.tag.visible_marker, tag.ref),
            "hunks": [h.to_json() for h in hunks],
        }

    async def decide(self, principal: Any, draft_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
        self._expire()
        held = await self._held_for(principal, draft_id)
        decision = parse_decision(body)
        final_text: str | None = None
        if decision.outcome == "accept":
            final_text, stats = check_acceptance(held.hunks, decision, held.rules)
        else:
            stats = check_rejection(held.hunks, decision)
        outcome = "accepted" if decision.outcome == "accept" else "rejected"
        held.status = "deciding"  # set before any await: a concurrent second decision sees it
        try:
            keys = self.keys()
            now = self.deps.now()
            core = self._receipt_core(held, outcome, decision, final_text, stats, now, keys.key_id)
            fields = audit_fields(core)
            log = self.deps.audit()
            if outcome == "accepted":
                entry, checkpoint = await log.append_with_checkpoint("draft_accepted", fields, "acceptance")
                checkpoint_ref: dict[str, Any] | None = dict(checkpoint.reference())
            else:
                entry = await log.append("draft_rejected", {**fields, "reason_code": "practitioner_rejected"})
                checkpoint_ref = None
        except BaseException:
            held.status = "issued"  # nothing was recorded: the practitioner may decide again
            raise
        receipt = seal_receipt(
            core, seq=entry.seq, entry_hash=entry.hash, checkpoint=checkpoint_ref, keys=keys
        )
        held.status = "accepted" if outcome == "accepted" else "rejected"
        self._held.pop(draft_id, None)  # the texts go as soon as the decision is recorded
        await asyncio.to_thread(self.store.record_decision, draft_id, outcome, _stamp(now), receipt)
        line = None
        if outcome == "accepted":
            line = tag_line(
                held.tag_wording,
                practitioner=_display(principal, held.practitioner),
                when=now,
                ref=held.tag.ref,
            )
        return {"receipt": receipt, "tag_line": line}

    async def status(self, principal: Any, draft_id: str) -> dict[str, Any]:
        self._expire()
        held = self._held.get(draft_id)
        if held is not None and held.owner == _owner(principal.subject):
            return {"draft_id": draft_id, "status": "issued", "receipt": None, "insertion": None}
        row = await asyncio.to_thread(self.store.get, draft_id)
        if row is None or row.owner != _owner(principal.subject) or row.status == "issued":
            # An issued draft no longer in memory has expired: its text is gone, nothing can be decided.
            raise DraftNotFound("No draft with that id is waiting for you (it may have expired).")
        return {
            "draft_id": draft_id,
            "status": row.status,
            "receipt": row.receipt,
            "insertion": row.insertion,
        }

    async def insertion(self, principal: Any, draft_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
        report: InsertionReport = parse_insertion(body)
        row = await asyncio.to_thread(self.store.get, draft_id)
        if row is None or row.owner != _owner(principal.subject):
            raise DraftNotFound("No draft with that id belongs to you.")
        if row.status != "accepted" or row.receipt is None:
            raise DraftNotAccepted("Only an accepted draft can be inserted; finish the review first.")
        now = self.deps.now()
        receipt = row.receipt
        await self.deps.audit().append(
            "draft_inserted",
            {
                "draft_id": draft_id,
                "tag_id": row.ref,
                "receipt_id": receipt.get("receipt_id"),
                "practitioner": receipt.get("actor", {}).get("practitioner"),
                "strategy": report.strategy,
                "verified": report.verified,
            },
        )
        insertion = {"strategy": report.strategy, "verified": report.verified, "at": _stamp(now)}
        await asyncio.to_thread(self.store.record_insertion, draft_id, insertion)
        return {"ok": True}

    # --- internals ---------------------------------------------------------------------------------------

    def _receipt_core(
        self,
        held: HeldDraft,
        outcome: str,
        decision: Decision,
        final_text: str | None,
        stats: ReviewStats,
        now: datetime,
        key_id: str,
    ) -> dict[str, Any]:
        # Only the policy's own attestation version is recorded: the client's string never reaches the log.
        attested = decision.attestation_accepted and decision.attestation_version == str(
            held.rules.attestation_version
        )
        return receipt_core(
            receipt_id=uuid7(),
            outcome=outcome,
            draft_tag=held.tag.to_json(),
            times={"requested": held.requested_at, "issued": held.tag.issued_at, "decided": _stamp(now)},
            actor={
                "practitioner": held.practitioner,
                "role": "practitioner",
                "attestation_version": str(held.rules.attestation_version) if attested else None,
                "attestation_accepted": attested,
            },
            target=self._target(held, now),
            generator={
                "provider": held.tag.provider,
                "model": held.tag.model,
                "template_id": held.request.template_id,
                "template_hash": held.request.template_hash,
            },
            policy=held.policy_ref,
            hashes={
                "original": text_sha256(held.original_text),
                "draft": held.tag.text_sha256,
                "final": None if final_text is None else text_sha256(final_text),
            },
            review=stats.to_json(),
            software={"proxy": __version__},
            key_id=key_id,
        )

    async def _held_for(self, principal: Any, draft_id: str) -> HeldDraft:
        owner = _owner(principal.subject)
        held = self._held.get(draft_id)
        if held is not None and held.owner == owner:
            if held.status != "issued":
                raise AlreadyDecided("This draft has already been decided.")
            return held
        row = await asyncio.to_thread(self.store.get, draft_id)
        if row is not None and row.owner == owner and row.status in ("accepted", "rejected"):
            raise AlreadyDecided("This draft has already been decided.")
        raise DraftNotFound("No draft with that id is waiting for you (it may have expired); ask again.")

    def _target(self, held: HeldDraft, now: datetime) -> dict[str, str | None]:
        keys = self.keys()
        req = held.request
        return {
            "origin": req.origin,
            "case_ref": None if req.case_ref is None else keys.hmac_id(req.case_ref, "case_ref", now),
            "field": keys.hmac_id(req.field_descriptor, "field", now),
        }

    def _expire(self) -> None:
        now = time.monotonic()
        for draft_id in [d for d, h in self._held.items() if h.expires <= now and h.status != "deciding"]:
            del self._held[draft_id]

    def _evict_over_capacity(self) -> None:
        while len(self._held) > self.deps.max_held:
            oldest = next((d for d, h in self._held.items() if h.status != "deciding"), None)
            if oldest is None:
                return
            del self._held[oldest]


def _owner(subject: str) -> str:
    return hashlib.sha256(b"cosigner-draft-owner\x00" + subject.encode("utf-8")).hexdigest()[:32]


def _stamp(moment: datetime) -> str:
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


_HMAC_TAIL = re.compile(r"[0-9a-f]{8}$")


def _display(principal: Any, practitioner_hmac: str) -> str:
    """How the tag line names the practitioner: a display name if the token carries one, else a short code."""
    name = getattr(principal, "display_name", None)
    if isinstance(name, str) and name.strip():
        return name.strip()
    tail = _HMAC_TAIL.search(practitioner_hmac)
    return f"practitioner {tail.group() if tail else 'unknown'}"

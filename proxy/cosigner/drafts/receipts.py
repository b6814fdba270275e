"""Acceptance (and rejection) receipts: canonical JSON, Ed25519-signed, pinned to the audit log.

A receipt is built in two steps because it must name the audit entry that records it:

1. ``receipt_core(...)``: every fact about the review (ids, times, pseudonymous actor, keyed-hash target,
   generator, policy, redaction counts, text hashes, review statistics).  Its SHA-256 over the canonical JSON
   (``core_hash``) is what the audit entry stores as ``receipt_hash``.
2. ``seal_receipt(core, entry, checkpoint, keys)``: adds the entry's ``seq`` and hash and the reference of the
   signed checkpoint that covers it, then signs everything.  A rewritten log then contradicts every receipt
   already handed out, and the receipt contradicts a rewritten case record.

Receipts hold no text and no identifier values: texts appear as SHA-256 hashes, people and case references as
HMAC ids from the key store.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from typing import Any

from cosigner.canonical import canonical_json
from cosigner.drafts.tags import ALG, Signer, signature_ok

RECEIPT_SCHEMA = "cosigner.review-receipt/1"
# IPTC digital source types: reviewed-and-edited AI text vs AI text nobody accepted.
SOURCE_TYPE_ACCEPTED = "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia"
SOURCE_TYPE_REJECTED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
_SEAL_FIELDS = ("audit", "checkpoint", "signature")


def receipt_core(
    *,
    receipt_id: str,
    outcome: str,
    draft_tag: Mapping[str, Any],
    times: Mapping[str, str | None],
    actor: Mapping[str, Any],
    target: Mapping[str, str | None],
    generator: Mapping[str, Any],
    policy: Mapping[str, Any],
    hashes: Mapping[str, str | None],
    review: Mapping[str, Any],
    software: Mapping[str, str],
    key_id: str,
) -> dict[str, Any]:
    return {
        "schema": RECEIPT_SCHEMA,
        "receipt_id": receipt_id,
        "outcome": outcome,
        "draft_id": draft_tag["draft_id"],
        "ref": draft_tag["ref"],
        "draft_tag_sha256": hashlib.sha256(canonical_json(dict(draft_tag))).hexdigest(),
        "times": dict(times),
        "actor": dict(actor),
        "target": dict(target),
        "generator": dict(generator),
        "policy": dict(policy),
        "redaction_counts": dict(draft_tag.get("redaction_counts", {})),
        "hashes": dict(hashes),
        "review": dict(review),
        "software": dict(software),
        "digital_source_type": SOURCE_TYPE_ACCEPTED if outcome == "accepted" else SOURCE_TYPE_REJECTED,
        "alg": ALG,
        "key_id": key_id,
    }


def core_hash(receipt: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the receipt's canonical JSON without its seal (audit ref, checkpoint, signature)."""
    core = {k: v for k, v in receipt.items() if k not in _SEAL_FIELDS}
    return hashlib.sha256(canonical_json(core)).hexdigest()


def seal_receipt(
    core: Mapping[str, Any],
    *,
    seq: int,
    entry_hash: str,
    checkpoint: Mapping[str, Any] | None,
    keys: Signer,
) -> dict[str, Any]:
    if core.get("key_id") != keys.key_id:
        core = {**core, "key_id": keys.key_id}  # the key rotated between building and sealing
    sealed: dict[str, Any] = {
        **core,
        "audit": {"seq": seq, "entry_hash": entry_hash},
        "checkpoint": None if checkpoint is None else dict(checkpoint),
    }
    signature = keys.sign(canonical_json(sealed))
    sealed["signature"] = base64.urlsafe_b64encode(signature).rstrip(b"=").decode("ascii")
    return sealed


def receipt_problem(receipt: Mapping[str, Any], public_keys: Mapping[str, bytes]) -> str | None:
    """Why the receipt is not authentic (None when it is)."""
    if not isinstance(receipt, Mapping) or receipt.get("schema") != RECEIPT_SCHEMA:
        return "not a Cosigner review receipt"
    if receipt.get("alg") != ALG:
        return "unsupported signature algorithm"
    key_id = receipt.get("key_id")
    if not isinstance(key_id, str) or key_id not in public_keys:
        return "signed by an unknown key"
    payload = {k: v for k, v in receipt.items() if k != "signature"}
    if not signature_ok(public_keys[key_id], receipt.get("signature"), payload):
        return "signature does not verify"
    return None


def audit_fields(receipt_core_json: Mapping[str, Any]) -> dict[str, Any]:
    """The metadata the audit entry for this receipt carries (all allowlisted, no text)."""
    review = receipt_core_json["review"]
    target = receipt_core_json["target"]
    policy = receipt_core_json["policy"]
    generator = receipt_core_json["generator"]
    hashes = receipt_core_json["hashes"]
    actor = receipt_core_json["actor"]
    fields: dict[str, Any] = {
        "schema": RECEIPT_SCHEMA,
        "receipt_id": receipt_core_json["receipt_id"],
        "draft_id": receipt_core_json["draft_id"],
        "tag_id": receipt_core_json["ref"],
        "practitioner": actor["practitioner"],
        "role": actor["role"],
        "case_ref": target.get("case_ref"),
        "field": target["field"],
        "origin": target["origin"],
        "key_id": receipt_core_json["key_id"],
        "original_hash": hashes["original"],
        "draft_hash": hashes["draft"],
        "final_hash": hashes.get("final"),
        "receipt_hash": core_hash(receipt_core_json),
        "model": generator["model"],
        "provider": generator["provider"],
        "policy_name": policy["name"],
        "policy_hash": policy["hash"],
        "policy_version": policy["version"],
        "hunks_total": review["hunks_total"],
        "hunks_kept": review["kept"],
        "hunks_rejected": review["rejected"],
        "hunks_edited": review["edited"],
        "flagged_total": review["flagged_total"],
        "flagged_confirmed": review["flagged_confirmed"],
        "bulk_accept": review["bulk_accept"],
        "review_ms": review["review_ms"],
        "hunk_review_ms": list(review.get("hunk_review_ms", [])),
        "dwell_violations": review["dwell_violations"],
        "ai_share": review["ai_share"],
        "attestation": actor.get("attestation_version"),
    }
    return {k: v for k, v in fields.items() if v is not None}

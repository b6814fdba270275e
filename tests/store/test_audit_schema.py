"""Field allowlist and value shapes: metadata passes, anything that looks like text is refused."""

from __future__ import annotations

from typing import Any

import pytest

from cosigner.errors import AuditFailed
from cosigner.store.schema import EVENT_FIELDS, AuditFieldRejected, validate_event

HMAC = "h1:2026-11:" + "ab" * 16
HEX = "cd" * 32

REQUIRED_TYPES = {
    "request_screened", "request_blocked", "redacted", "forwarded", "upstream_error", "exchange_completed",
    "draft_issued", "draft_accepted", "draft_rejected", "draft_inserted", "policy_loaded", "policy_refused",
    "key_rotated", "checkpoint", "purge",
}


def test_every_required_event_type_exists() -> None:
    assert set(EVENT_FIELDS) >= REQUIRED_TYPES


@pytest.mark.parametrize(
    "event_type, fields",
    [
        ("redacted", {"counts": {"NHS_NUMBER": 2, "PERSON": 1}, "total": 3, "spans": [["PERSON", 0, 5]]}),
        ("request_blocked", {"rule_id": "judgement.risk_score", "policy_hash": HEX, "status": 403}),
        ("draft_accepted", {"practitioner": HMAC, "case_ref": HMAC, "hunks_total": 4, "bulk_accept": False,
                            "hunk_review_ms": [1200, 800.5], "final_hash": "sha256:" + HEX, "ai_share": 0.4}),
        ("forwarded", {"model": "gpt-4o-mini", "route": "/v1/chat/completions", "provider": None}),
        ("exchange_completed", {"timings": {"redact": 0.3, "forward": 120.0}, "status": 200}),
    ],
)
def test_metadata_is_accepted(event_type: str, fields: dict[str, Any]) -> None:
    validate_event(event_type, fields)


@pytest.mark.parametrize(
    "event_type, fields, message",
    [
        ("no_such_event", {}, "unknown event type"),
        ("forwarded", {"prompt": "x"}, "outside its allowlist"),
        ("forwarded", {"model": "please summarise this note"}, "'model' is not a short token"),
        ("forwarded", {"model": "x" * 161}, "'model' is not a short token"),
        ("forwarded", {"model": ""}, "'model' is not a short token"),
        ("redacted", {"counts": {"Jane Smith": 1}}, "'counts' has a key"),
        ("redacted", {"spans": [["a b", 1, 2]]}, "'spans' is not a short token"),
        ("redacted", {"spans": [[[1]]]}, "nested too deeply"),
        ("draft_accepted", {"practitioner": "jane.smith"}, "'practitioner' is not an HMAC id"),
        ("draft_accepted", {"case_ref": "h1:2026-11:short"}, "'case_ref' is not an HMAC id"),
        ("draft_accepted", {"final_hash": "Jane Smith"}, "'final_hash' is not a hex or base64 hash"),
        ("draft_accepted", {"ai_share": float("nan")}, "'ai_share' is not a finite number"),
        ("draft_accepted", {"hunks_total": 2**60}, "integer out of range"),
        ("draft_accepted", {"hunks_total": b"bytes"}, "unsupported type"),
        ("draft_issued", {"signature": "not a signature"}, "'signature' is not a base64 signature"),
    ],
)
def test_text_and_unknown_fields_are_refused(event_type: str, fields: dict[str, Any], message: str) -> None:
    with pytest.raises(AuditFieldRejected, match=message) as caught:
        validate_event(event_type, fields)
    assert isinstance(caught.value, AuditFailed)


def test_refusal_messages_never_echo_the_value() -> None:
    secret = "Jane Smith lives at 1 High Street"
    for fields in ({"model": secret}, {"prompt": secret}, {"counts": {secret: 1}}):
        with pytest.raises(AuditFieldRejected) as caught:
            validate_event("forwarded" if "counts" not in fields else "redacted", fields)
        assert "Jane" not in str(caught.value) and "High" not in str(caught.value)

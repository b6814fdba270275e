"""Signed draft tags and the visible "unreviewed AI draft" marker.

A tag says: this exact text (by SHA-256) came from this provider and model, under this policy (name + content
hash), with these redaction counts (per type, never values), at this time; signed with the proxy's Ed25519 key
over the RFC 8785 canonical JSON of every other field.  It travels in the ``x-cosigner-draft`` header
(``header_value``) and in a ``cosigner`` body field that clients ignore safely (``to_json``).

The marker is one visible line a person or the extension can recognise when unreviewed AI text is pasted:

    ⟦AI-assisted draft · unreviewed · ref AIP-7Q2K-9F3M⟧

The first part is the policy's wording; `` · unreviewed · ref `` and the reference format are fixed so that
``MARKER_RE`` finds it whatever the wording.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from cosigner.canonical import canonical_json
from cosigner.drafts.ids import REF_RE, short_ref, uuid7

TAG_SCHEMA = "cosigner.draft-tag/1"
HEADER_PREFIX = "v1."
ALG = "Ed25519"
# IPTC digital source type for model output nobody has reviewed yet.
SOURCE_TYPE_UNREVIEWED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"

MARKER_RE = re.compile(r"⟦([^⟦⟧\n]{1,80}) · unreviewed · ref (" + REF_RE.pattern + r")⟧")
_MARKER_WORDING_MAX = 80


class Signer(Protocol):
    @property
    def key_id(self) -> str: ...

    def sign(self, data: bytes) -> bytes: ...


@dataclass(frozen=True, slots=True)
class DraftTag:
    draft_id: str
    ref: str
    issued_at: str
    provider: str
    model: str
    policy_name: str
    policy_hash: str
    redaction_counts: Mapping[str, int]
    text_sha256: str
    key_id: str
    signature: str = field(default="")

    def payload(self) -> dict[str, Any]:
        """Every signed field, as JSON (the signature is over its canonical form)."""
        return {
            "schema": TAG_SCHEMA,
            "draft_id": self.draft_id,
            "ref": self.ref,
            "issued_at": self.issued_at,
            "provider": self.provider,
            "model": self.model,
            "policy": {"name": self.policy_name, "hash": self.policy_hash},
            "redaction_counts": dict(sorted(self.redaction_counts.items())),
            "text_sha256": self.text_sha256,
            "digital_source_type": SOURCE_TYPE_UNREVIEWED,
            "alg": ALG,
            "key_id": self.key_id,
        }

    def to_json(self) -> dict[str, Any]:
        return {**self.payload(), "signature": self.signature}

    def header_value(self) -> str:
        """Compact form for the ``x-cosigner-draft`` header: ``v1.`` + base64url (unpadded) canonical JSON."""
        return encode_header(self.to_json())


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def issue_tag(
    keys: Signer,
    *,
    provider: str,
    model: str,
    policy_name: str,
    policy_hash: str,
    counts: Mapping[str, int],
    text: str,
    now: datetime | None = None,
) -> DraftTag:
    """Mint and sign the tag for one returned draft."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    draft_id = uuid7(int(moment.timestamp() * 1000))
    unsigned = DraftTag(
        draft_id=draft_id,
        ref=short_ref(draft_id),
        issued_at=moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z",
        provider=provider,
        model=model,
        policy_name=policy_name,
        policy_hash=policy_hash,
        redaction_counts={str(k): int(v) for k, v in counts.items()},
        text_sha256=text_sha256(text),
        key_id=keys.key_id,
    )
    signature = keys.sign(canonical_json(unsigned.payload()))
    return DraftTag(**{**_fields(unsigned), "signature": _b64url(signature)})


def encode_header(tag_json: Mapping[str, Any]) -> str:
    return HEADER_PREFIX + _b64url(canonical_json(dict(tag_json)))


def parse_header(value: str) -> dict[str, Any]:
    """The tag JSON carried by an ``x-cosigner-draft`` header value; raises ValueError when malformed."""
    if not value.startswith(HEADER_PREFIX):
        raise ValueError("draft header has an unknown version")
    try:
        decoded = json.loads(_unb64url(value[len(HEADER_PREFIX) :]))
    except (binascii.Error, UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError("draft header is not base64url JSON") from None
    if not isinstance(decoded, dict):
        raise ValueError("draft header is not a JSON object")
    return decoded


def tag_problem(
    tag_json: Mapping[str, Any], text: str | None, public_keys: Mapping[str, bytes]
) -> str | None:
    """Why ``tag_json`` does not vouch for ``text`` (None if it does); ``text=None``: signature only."""
    if not isinstance(tag_json, Mapping) or tag_json.get("schema") != TAG_SCHEMA:
        return "not a Cosigner draft tag"
    if tag_json.get("alg") != ALG:
        return "unsupported signature algorithm"
    key_id = tag_json.get("key_id")
    if not isinstance(key_id, str) or key_id not in public_keys:
        return "signed by an unknown key"
    signature = tag_json.get("signature")
    payload = {k: v for k, v in tag_json.items() if k != "signature"}
    if not _signature_ok(public_keys[key_id], signature, payload):
        return "signature does not verify"
    if text is not None and tag_json.get("text_sha256") != text_sha256(text):
        return "text differs from the tagged draft"
    return None


def verify_tag(tag_json: Mapping[str, Any], text: str, public_keys: Mapping[str, bytes]) -> bool:
    return tag_problem(tag_json, text, public_keys) is None


# --- marker ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Marker:
    wording: str
    ref: str
    start: int
    end: int


def marker_text(policy_wording: str, ref: str) -> str | None:
    """The visible marker for an unreviewed draft, or None when the policy's wording is empty."""
    wording = " ".join(policy_wording.strip().strip("[]⟦⟧").split())
    wording = wording.replace("⟦", "").replace("⟧", "")[:_MARKER_WORDING_MAX].strip()
    if not wording or not REF_RE.fullmatch(ref):
        return None
    return f"⟦{wording} · unreviewed · ref {ref}⟧"


def parse_marker(text: str) -> list[Marker]:
    """Every unreviewed-draft marker in ``text``, in order."""
    return [Marker(m.group(1), m.group(2), m.start(), m.end()) for m in MARKER_RE.finditer(text)]


# --- helpers --------------------------------------------------------------------------------------------


def signature_ok(public_key: bytes, signature: object, payload: Mapping[str, Any]) -> bool:
    return _signature_ok(public_key, signature, payload)


def _signature_ok(public_key: bytes, signature: object, payload: Mapping[str, Any]) -> bool:
    if not isinstance(signature, str):
        return False
    try:
        raw = _unb64url(signature)
        message = canonical_json(dict(payload))
        Ed25519PublicKey.from_public_bytes(public_key).verify(raw, message)
    except (InvalidSignature, ValueError, binascii.Error):
        return False
    return True


def _fields(tag: DraftTag) -> dict[str, Any]:
    return {name: getattr(tag, name) for name in DraftTag.__dataclass_fields__}


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))

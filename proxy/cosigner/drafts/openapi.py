"""The OpenAPI 3.1 document for ``/cosigner/v1/``, served at ``/cosigner/v1/openapi.json``.

A test checks it against the OpenAPI 3.1 schema and against the routes the app registers, both ways.
"""

from __future__ import annotations

import copy
from typing import Any

from cosigner import __version__
from cosigner.drafts.errors import ALL_CODES

_STR: dict[str, Any] = {"type": "string"}
_INT: dict[str, Any] = {"type": "integer"}
_BOOL: dict[str, Any] = {"type": "boolean"}
_HEX64: dict[str, Any] = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
_HMAC: dict[str, Any] = {"type": "string", "pattern": "^h1:[0-9]{4}-[0-9]{2}:[0-9a-f]{32}$"}
_FLAG_KINDS = [
    "new_name", "new_number", "new_date", "new_time", "new_money", "new_address", "new_quote",
    "new_risk_term", "negation_added", "negation_removed",
]  # fmt: skip


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(required: list[str], props: dict[str, Any], *, extra: bool = False) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "required": required, "properties": props}
    if not extra:
        schema["additionalProperties"] = False
    return schema


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"oneOf": [schema, {"type": "null"}]}


_POLICY_SUMMARY = _obj(["name", "version", "hash"], {"name": _STR, "version": _INT, "hash": _STR})

_SCHEMAS: dict[str, Any] = {
    "Error": _obj(
        ["error"],
        {
            "error": _obj(
                ["code", "message", "rule"],
                {
                    "code": {**_STR, "description": "Stable code; drafting codes: " + ", ".join(ALL_CODES)},
                    "message": {**_STR, "description": "Plain words: what happened and what to do."},
                    "rule": _nullable(_STR),
                },
            )
        },
    ),
    "PolicySummary": _POLICY_SUMMARY,
    "PairRequest": _obj(["code"], {"code": _STR}),
    "PairResponse": _obj(
        ["token", "proxy_version", "policy"],
        {"token": _STR, "proxy_version": _STR, "policy": _ref("PolicySummary")},
    ),
    "StatusRequest": _obj([], {}),
    "StatusResponse": _obj(
        ["ok", "proxy_version", "policy", "templates", "review", "tag"],
        {
            "ok": _BOOL,
            "proxy_version": _STR,
            "policy": _ref("PolicySummary"),
            "templates": {"type": "array", "items": _obj(["id", "label"], {"id": _STR, "label": _STR})},
            "review": _obj(
                ["min_dwell_ms_base", "min_dwell_ms_per_word", "require_individual_confirmation_for_flagged",
                 "allow_bulk_accept", "attestation_text", "attestation_version"],
                {
                    "min_dwell_ms_base": _INT,
                    "min_dwell_ms_per_word": _INT,
                    "require_individual_confirmation_for_flagged": _BOOL,
                    "allow_bulk_accept": _BOOL,
                    "attestation_text": _STR,
                    "attestation_version": _STR,
                },
            ),
            "tag": {"type": "object", "properties": {"visible_marker": {"type": ["boolean", "string"]}}},
        },
        extra=True,
    ),
    "Field": _obj(
        ["origin", "descriptor"],
        {
            "origin": {**_STR, "description": "The case system's origin, https://host[:port]."},
            "descriptor": {**_STR, "maxLength": 300, "description": "Which field (kept only as an HMAC)."},
            "case_ref": {**_STR, "maxLength": 200, "description": "Case reference (kept only as an HMAC)."},
        },
    ),
    "DraftRequest": _obj(
        ["original_text", "field"],
        {
            "original_text": {**_STR, "minLength": 1, "maxLength": 100000},
            "instruction": {**_STR, "maxLength": 4000},
            "template_id": _STR,
            "case_context": {"type": "object", "description": "Known identifiers, for redaction only."},
            "field": _ref("Field"),
            "model": _STR,
        },
    ),
    "DraftTag": _obj(
        ["schema", "draft_id", "ref", "issued_at", "provider", "model", "policy", "redaction_counts",
         "text_sha256", "digital_source_type", "alg", "key_id", "signature"],
        {
            "schema": {"const": "cosigner.draft-tag/1"},
            "draft_id": {**_STR, "format": "uuid", "description": "UUIDv7 (time-ordered)."},
            "ref": {**_STR, "pattern": "^AIP-[0-9A-Z]{4}-[0-9A-Z]{4}$"},
            "issued_at": {**_STR, "format": "date-time"},
            "provider": _STR,
            "model": _STR,
            "policy": _obj(["name", "hash"], {"name": _STR, "hash": _STR}),
            "redaction_counts": {"type": "object", "additionalProperties": _INT},
            "text_sha256": _HEX64,
            "digital_source_type": _STR,
            "alg": {"const": "Ed25519"},
            "key_id": _STR,
            "signature": {**_STR, "description": "base64url Ed25519 over RFC 8785 JSON of the rest"},
        },
    ),
    "Op": _obj(["op", "text"], {"op": {"enum": ["equal", "insert", "delete"]}, "text": _STR}),
    "Flag": _obj(["kind", "detail"], {"kind": {"enum": _FLAG_KINDS}, "detail": _STR}),
    "Hunk": _obj(
        ["index", "changed", "original", "proposed", "ops", "flags", "min_dwell_ms"],
        {
            "index": _INT,
            "changed": _BOOL,
            "original": _STR,
            "proposed": _STR,
            "ops": {"type": "array", "items": _ref("Op")},
            "flags": {"type": "array", "items": _ref("Flag")},
            "min_dwell_ms": _INT,
        },
    ),
    "DraftResponse": _obj(
        ["draft_id", "draft_text", "tag", "marker", "hunks"],
        {
            "draft_id": _STR,
            "draft_text": _STR,
            "tag": _ref("DraftTag"),
            "marker": _nullable({**_STR, "description": "⟦<wording> · unreviewed · ref AIP-XXXX-XXXX⟧"}),
            "hunks": {"type": "array", "items": _ref("Hunk")},
        },
    ),
    "HunkDecision": _obj(
        ["index", "action"],
        {
            "index": _INT,
            "action": {"enum": ["keep", "reject", "edit"]},
            "text": {**_STR, "description": "The edited text (action edit only)."},
            "confirmed": {**_BOOL, "description": "A flagged hunk was confirmed on its own."},
            "seen_ms": {**_INT, "minimum": 0},
        },
    ),
    "DecisionRequest": _obj(
        ["outcome"],
        {
            "outcome": {"enum": ["accept", "reject"]},
            "decisions": {"type": "array", "items": _ref("HunkDecision")},
            "bulk_accept": _BOOL,
            "attestation": _obj(["version", "accepted"], {"version": _STR, "accepted": _BOOL}),
            "final_text": {**_STR, "description": "Required to accept; must equal the rebuilt text."},
        },
    ),
    "Receipt": _obj(
        ["schema", "receipt_id", "outcome", "draft_id", "ref", "draft_tag_sha256", "times", "actor", "target",
         "generator", "policy", "redaction_counts", "hashes", "review", "software", "digital_source_type",
         "alg", "key_id", "audit", "checkpoint", "signature"],
        {
            "schema": {"const": "cosigner.review-receipt/1"},
            "receipt_id": _STR,
            "outcome": {"enum": ["accepted", "rejected"]},
            "draft_id": _STR,
            "ref": _STR,
            "draft_tag_sha256": _HEX64,
            "times": {"type": "object", "additionalProperties": _nullable(_STR)},
            "actor": _obj(
                ["practitioner", "role", "attestation_version", "attestation_accepted"],
                {"practitioner": _HMAC, "role": _STR, "attestation_version": _nullable(_STR),
                 "attestation_accepted": _BOOL},
            ),
            "target": _obj(
                ["origin", "case_ref", "field"],
                {"origin": _STR, "case_ref": _nullable(_HMAC), "field": _HMAC},
            ),
            "generator": {"type": "object"},
            "policy": _POLICY_SUMMARY,
            "redaction_counts": {"type": "object", "additionalProperties": _INT},
            "hashes": _obj(
                ["original", "draft", "final"],
                {"original": _HEX64, "draft": _HEX64, "final": _nullable(_HEX64)},
            ),
            "review": {"type": "object", "description": "Hunk counts, flags confirmed, bulk accept, dwell."},
            "software": {"type": "object"},
            "digital_source_type": _STR,
            "alg": {"const": "Ed25519"},
            "key_id": _STR,
            "audit": _obj(["seq", "entry_hash"], {"seq": _INT, "entry_hash": _STR}),
            "checkpoint": _nullable(
                _obj(["origin", "tree_size", "root"], {"origin": _STR, "tree_size": _INT, "root": _STR})
            ),
            "signature": _STR,
        },
    ),
    "DecisionResponse": _obj(
        ["receipt", "tag_line"], {"receipt": _ref("Receipt"), "tag_line": _nullable(_STR)}
    ),
    "EmptyRequest": _obj([], {}),
    "DraftStatusResponse": _obj(
        ["draft_id", "status", "receipt", "insertion"],
        {
            "draft_id": _STR,
            "status": {"enum": ["issued", "accepted", "rejected"]},
            "receipt": _nullable(_ref("Receipt")),
            "insertion": _nullable(
                _obj(["strategy", "verified", "at"], {"strategy": _STR, "verified": _BOOL, "at": _STR})
            ),
        },
    ),
    "InsertionRequest": _obj(["strategy", "verified"], {"strategy": _STR, "verified": _BOOL}),
    "OkResponse": _obj(["ok"], {"ok": {"const": True}}),
}


def _errors(*statuses: int) -> dict[str, Any]:
    reasons = {
        400: "Malformed request.", 401: "Missing or wrong token.", 403: "Wrong role, origin or policy block.",
        404: "No such draft.", 409: "Already decided / not accepted.", 422: "A review rule refused it.",
        502: "The model provider failed.", 503: "The audit log could not record it (fail closed).",
    }  # fmt: skip
    error = {"content": {"application/json": {"schema": _ref("Error")}}}
    return {str(s): {"description": reasons[s], **error} for s in statuses}


def _post(op_id: str, summary: str, request: str, response: str, errors: tuple[int, ...]) -> dict[str, Any]:
    return {
        "post": {
            "operationId": op_id,
            "summary": summary,
            "requestBody": {"required": True, "content": {"application/json": {"schema": _ref(request)}}},
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": _ref(response)}}},
                **_errors(*errors),
            },
        }
    }


_DRAFT_ID = {"name": "draft_id", "in": "path", "required": True, "schema": _STR}


def _with_id(path_item: dict[str, Any]) -> dict[str, Any]:
    return {"parameters": [_DRAFT_ID], **path_item}


_PATHS: dict[str, Any] = {
    "/cosigner/v1/pair": {
        "post": {
            **_post("pair", "Exchange a one-time pairing code for an extension token (extension Origin).",
                    "PairRequest", "PairResponse", (400, 403))["post"],
            "security": [],
        }
    },
    "/cosigner/v1/status": _post(
        "status", "Proxy version, policy, templates and review rules.", "StatusRequest", "StatusResponse",
        (401, 403),
    ),
    "/cosigner/v1/drafts": _post(
        "createDraft", "Draft an improvement of the practitioner's text; returns the signed tag and hunks.",
        "DraftRequest", "DraftResponse", (400, 401, 403, 502, 503),
    ),
    "/cosigner/v1/drafts/{draft_id}": _with_id(_post(
        "draftStatus", "Status of a draft and its receipt.", "EmptyRequest", "DraftStatusResponse",
        (401, 403, 404),
    )),
    "/cosigner/v1/drafts/{draft_id}/decision": _with_id(_post(
        "decideDraft", "Accept (with per-hunk decisions) or reject a draft; returns the signed receipt.",
        "DecisionRequest", "DecisionResponse", (400, 401, 403, 404, 409, 422, 503),
    )),
    "/cosigner/v1/drafts/{draft_id}/insertion": _with_id(_post(
        "recordInsertion", "Record how the accepted text was inserted and whether it read back.",
        "InsertionRequest", "OkResponse", (400, 401, 403, 404, 409, 503),
    )),
    "/cosigner/v1/openapi.json": {
        "get": {
            "operationId": "openapi",
            "summary": "This document.",
            "security": [],
            "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}},
        }
    },
}  # fmt: skip


def openapi_document() -> dict[str, Any]:
    return copy.deepcopy(
        {
            "openapi": "3.1.0",
            "info": {
                "title": "Cosigner drafting API",
                "version": __version__,
                "description": "Local API of the Cosigner proxy for the browser extension: POST + JSON only; "
                "every call but pair carries Authorization: Bearer <token>.",
            },
            "servers": [{"url": "http://127.0.0.1:8750"}],
            "security": [{"bearer": []}],
            "paths": _PATHS,
            "components": {
                "schemas": _SCHEMAS,
                "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            },
        }
    )

"""parse: validate the caller's body, resolve the route, collect every text the provider would read.

Owns: body, model, stream, include_usage, upstream, upstream_model, slots, context.
"""

from __future__ import annotations

import json
from typing import Any

from cosigner.errors import BadRequest, PolicyBlocked, UnknownModel
from cosigner.exchange import Exchange
from cosigner.redaction import CaseContext
from cosigner.services import Services
from cosigner.stages.formats import wire_module

CONTEXT_HEADER = "x-cosigner-case-context"
BODY_FIELD = "cosigner"  # {"case_context": {...}}: removed before forwarding


def decode_json(raw: bytes) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("The request body is not valid UTF-8.") from None
    try:
        body = json.loads(text)
    except ValueError as exc:
        raise BadRequest(f"The request body is not valid JSON (line {exc_line(exc)}).") from None
    except RecursionError:
        raise BadRequest("The request body is nested too deeply.") from None
    if not isinstance(body, dict):
        raise BadRequest("The request body must be a JSON object.")
    return body


def exc_line(exc: ValueError) -> int:
    return int(getattr(exc, "lineno", 0))


def parse(ex: Exchange, body: dict[str, Any], context_header: str | None, services: Services) -> None:
    wire = wire_module(ex.client_format)
    extra = body.pop(BODY_FIELD, None)
    ex.body = wire.validate_request(body)
    ex.model = wire.requested_model(ex.body)
    ex.stream = wire.is_stream(ex.body)
    if ex.client_format == "openai":
        opts = ex.body.get("stream_options")
        ex.include_usage = bool(isinstance(opts, dict) and opts.get("include_usage"))
    ex.context = _case_context(extra, context_header)

    routed = services.config.route_for(ex.model)
    if routed is None:
        raise UnknownModel(
            "No upstream is configured for this model. Ask IT to add a route, or pick one from GET /v1/models."
        )
    ex.upstream, ex.upstream_model = routed
    if not services.policy.allows_model(ex.upstream.kind, ex.model):
        raise PolicyBlocked(
            "Your organisation's policy does not allow this provider or model. Choose an approved model.",
            rule_id="models.allowed",
        )
    non_text = wire.non_text_parts(ex.body)
    if non_text and not services.policy.allow_non_text_parts:
        kinds = ", ".join(sorted(set(non_text)))
        raise PolicyBlocked(
            f"Only text can be sent; this request contains {kinds} content, which the policy does not allow.",
            rule_id="content.non_text",
        )
    ex.slots = wire.request_text_slots(ex.body)


def _case_context(extra: object, header: str | None) -> CaseContext | None:
    raw: object = None
    if extra is not None:
        if not isinstance(extra, dict) or set(extra) - {"case_context"}:
            raise BadRequest(f"{BODY_FIELD}: must be an object with only the key case_context")
        raw = extra.get("case_context")
    if header:
        if raw is not None:
            raise BadRequest(
                f"Send case context either in the {CONTEXT_HEADER} header or in the body, not both."
            )
        try:
            raw = json.loads(header)
        except ValueError:
            raise BadRequest(f"The {CONTEXT_HEADER} header must be JSON.") from None
    return None if raw is None else CaseContext.from_json(raw)

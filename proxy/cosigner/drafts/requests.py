"""Shape checks for the drafting API's request bodies (``drafts`` and ``drafts/{id}/insertion``).

Errors name the field and what is wrong, never its value.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cosigner.drafts.errors import DraftRequestInvalid

MAX_TEXT_CHARS = 100_000
MAX_INSTRUCTION_CHARS = 4_000
MAX_DESCRIPTOR_CHARS = 300
MAX_CASE_REF_CHARS = 200
_ORIGIN_RE = re.compile(r"^https?://[A-Za-z0-9.-]{1,253}(:\d{1,5})?$")
_MODEL_RE = re.compile(r"^[A-Za-z0-9_.:/@+=\-]{1,120}$")
_STRATEGY_RE = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")


@dataclass(frozen=True, slots=True)
class DraftRequest:
    original_text: str
    instruction: str
    template_id: str | None
    template_hash: str | None
    case_context: object | None
    origin: str
    field_descriptor: str
    case_ref: str | None
    model: str | None


@dataclass(frozen=True, slots=True)
class InsertionReport:
    strategy: str
    verified: bool


def parse_draft_request(body: Mapping[str, Any], policy: Any) -> DraftRequest:
    original = body.get("original_text")
    if not isinstance(original, str) or not original.strip():
        raise DraftRequestInvalid(
            "original_text is required: Cosigner improves your own text; it does not write from nothing."
        )
    if len(original) > MAX_TEXT_CHARS:
        raise DraftRequestInvalid(f"original_text is over {MAX_TEXT_CHARS} characters; draft it in parts.")
    extra = body.get("instruction")
    if extra is not None and (not isinstance(extra, str) or len(extra) > MAX_INSTRUCTION_CHARS):
        raise DraftRequestInvalid(f"instruction must be text of up to {MAX_INSTRUCTION_CHARS} characters.")
    template_id = body.get("template_id")
    template_hash = None
    parts: list[str] = []
    if template_id is not None:
        if not isinstance(template_id, str):
            raise DraftRequestInvalid("template_id must be a string.")
        template = policy.template(template_id)
        if template is None:
            raise DraftRequestInvalid("template_id names no template in the current policy; see status.")
        parts.append(template.instruction)
        template_hash = hashlib.sha256(template.instruction.encode("utf-8")).hexdigest()
    if isinstance(extra, str) and extra.strip():
        parts.append(extra.strip())
    if not parts:
        raise DraftRequestInvalid("Give an instruction or a template_id.")
    context = body.get("case_context")
    if context is not None and not isinstance(context, dict):
        raise DraftRequestInvalid("case_context must be an object.")
    target = body.get("field")
    if not isinstance(target, dict):
        raise DraftRequestInvalid("field is required: {origin, descriptor, case_ref?}.")
    origin, descriptor, case_ref = target.get("origin"), target.get("descriptor"), target.get("case_ref")
    if not isinstance(origin, str) or not _ORIGIN_RE.match(origin):
        raise DraftRequestInvalid("field.origin must be the case system's origin, like https://host[:port].")
    if not isinstance(descriptor, str) or not descriptor.strip() or len(descriptor) > MAX_DESCRIPTOR_CHARS:
        raise DraftRequestInvalid(f"field.descriptor must be 1 to {MAX_DESCRIPTOR_CHARS} characters.")
    if case_ref is not None and not (isinstance(case_ref, str) and 0 < len(case_ref) <= MAX_CASE_REF_CHARS):
        raise DraftRequestInvalid(f"field.case_ref must be 1 to {MAX_CASE_REF_CHARS} characters when given.")
    model = body.get("model")
    if model is not None and (not isinstance(model, str) or not _MODEL_RE.match(model)):
        raise DraftRequestInvalid("model must be a model name without spaces.")
    return DraftRequest(
        original_text=original,
        instruction="\n\n".join(parts),
        template_id=template_id,
        template_hash=template_hash,
        case_context=context,
        origin=origin.lower(),
        field_descriptor=descriptor.strip(),
        case_ref=case_ref,
        model=model,
    )


def parse_insertion(body: Mapping[str, Any]) -> InsertionReport:
    strategy, verified = body.get("strategy"), body.get("verified")
    if not isinstance(strategy, str) or not _STRATEGY_RE.match(strategy):
        raise DraftRequestInvalid("strategy must be a short lowercase name, like exec_command or clipboard.")
    if not isinstance(verified, bool):
        raise DraftRequestInvalid("verified must be true or false.")
    return InsertionReport(strategy, verified)

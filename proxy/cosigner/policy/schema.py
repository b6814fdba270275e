"""The parts of a validated policy pack, as frozen dataclasses.

``validate.py`` builds these from TOML; ``model.Policy`` puts them together.  Every key a policy file may
contain
maps onto exactly one field here, and ``docs/policies.md`` documents each of them (a test enforces that).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

TypeAction = Literal["redact", "mask", "allow"]
RuleAction = Literal["block", "warn", "log"]

TYPE_ACTIONS: tuple[str, ...] = ("redact", "mask", "allow")
RULE_ACTIONS: tuple[str, ...] = ("block", "warn", "log")
RULE_SEVERITY: Mapping[str, int] = {"log": 0, "warn": 1, "block": 2}
PROVIDER_KINDS: tuple[str, ...] = ("openai", "azure", "anthropic", "ollama", "openai_compatible")
TAG_FIELDS: frozenset[str] = frozenset({"practitioner", "date", "ref"})

IDENTIFIER_TYPES: tuple[str, ...] = (
    "PERSON",
    "NHS_NUMBER",
    "CHI_NUMBER",
    "HC_NUMBER",
    "NI_NUMBER",
    "UPN",
    "POSTCODE",
    "PHONE",
    "EMAIL",
    "DATE_OF_BIRTH",
    "ADDRESS",
    "REFERENCE",
)


@dataclass(frozen=True, slots=True)
class OrgPatternSpec:
    name: str
    type: str
    regex: str
    label_required: bool = False


@dataclass(frozen=True, slots=True)
class RedactionSection:
    actions: Mapping[str, TypeAction]
    keep_in_reply: frozenset[str] = frozenset()
    org_patterns: tuple[OrgPatternSpec, ...] = ()
    allowlist: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One rule: a registered check, what to do when it fires, and the words shown to the practitioner."""

    rule_id: str
    check: str
    action: RuleAction
    enabled: bool = True
    message: str = ""
    phrases: tuple[str, ...] = ()
    description: str = ""
    wording_model: bool = True  # a built-in judgement check also fires on the learned wording model


@dataclass(frozen=True, slots=True)
class ModelLimit:
    max_input_tokens: int | None = None
    max_output_tokens: int | None = None


@dataclass(frozen=True, slots=True)
class Limits:
    default: ModelLimit = ModelLimit()
    per_model: Mapping[str, ModelLimit] = field(default_factory=dict)

    def _for(self, model: str) -> ModelLimit:
        if model in self.per_model:
            return self.per_model[model]
        best = ""
        for prefix in self.per_model:
            if prefix.endswith("*") and model.startswith(prefix[:-1]) and len(prefix) > len(best):
                best = prefix
        return self.per_model[best] if best else self.default

    def max_input_tokens(self, model: str) -> int | None:
        specific = self._for(model).max_input_tokens
        return _lower(specific, self.default.max_input_tokens)

    def max_output_tokens(self, model: str) -> int | None:
        specific = self._for(model).max_output_tokens
        return _lower(specific, self.default.max_output_tokens)


def _lower(a: int | None, b: int | None) -> int | None:
    """The stricter of two caps; ``None`` means unlimited."""
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


@dataclass(frozen=True, slots=True)
class ProviderRules:
    allowed_kinds: frozenset[str] = frozenset(PROVIDER_KINDS)
    allowed_models: tuple[str, ...] = ("*",)
    denied_models: tuple[str, ...] = ()
    allow_non_text_parts: bool = False


@dataclass(frozen=True, slots=True)
class TagWording:
    visible_marker: str
    line: str


@dataclass(frozen=True, slots=True)
class ReviewRules:
    min_dwell_ms_base: int
    min_dwell_ms_per_word: int
    allow_bulk_accept: bool
    attestation_text: str
    attestation_version: str


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    label: str
    instruction: str


@dataclass(frozen=True, slots=True)
class Retention:
    redaction_events_days: int
    acceptance_records_days: int


@dataclass(frozen=True, slots=True)
class PolicyDocument:
    """Everything a policy file says, validated; no signature or file information."""

    name: str
    version: int
    description: str
    redaction: RedactionSection
    rules: tuple[RuleSpec, ...]
    providers: ProviderRules
    limits: Limits
    tag: TagWording
    review: ReviewRules
    templates: tuple[Template, ...]
    retention: Retention

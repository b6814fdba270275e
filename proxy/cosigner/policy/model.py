"""A loaded policy: the validated document plus the checks built from its rules.

``Policy.evaluate`` runs every enabled rule's check on the request.  The first rule whose configured action is
``block`` wins; otherwise the most severe of warn/log is returned; otherwise allow.  Verdict messages come
from the
policy (or the check's built-in wording), never from the request text.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import TYPE_CHECKING

from cosigner.policy.contract import ALLOW, Check, CheckRequest, Verdict
from cosigner.policy.schema import (
    RULE_SEVERITY,
    Limits,
    PolicyDocument,
    ProviderRules,
    RedactionSection,
    Retention,
    ReviewRules,
    RuleSpec,
    TagWording,
    Template,
)

if TYPE_CHECKING:
    from cosigner.redaction import RedactionConfig


@dataclass(frozen=True, slots=True)
class SignatureInfo:
    key_id: str
    version: int
    expires: str  # ISO date, inclusive
    signed_at: str


@dataclass(frozen=True, slots=True)
class RuleCheck:
    spec: RuleSpec
    check: Check


@dataclass(frozen=True, slots=True)
class Policy:
    document: PolicyDocument
    source: Path
    content_hash: str  # sha256 hex of the policy file bytes
    rule_checks: tuple[RuleCheck, ...]
    signature: SignatureInfo | None = None
    override_source: Path | None = None
    override_hash: str | None = None

    @property
    def name(self) -> str:
        return self.document.name

    @property
    def version(self) -> int:
        return self.document.version

    @property
    def redaction_section(self) -> RedactionSection:
        return self.document.redaction

    @property
    def redaction(self) -> RedactionConfig:
        from cosigner.policy.redaction_config import to_redaction_config

        return to_redaction_config(self.document.redaction)

    @property
    def rules(self) -> tuple[RuleSpec, ...]:
        return self.document.rules

    @property
    def providers(self) -> ProviderRules:
        return self.document.providers

    @property
    def allow_non_text_parts(self) -> bool:
        return self.document.providers.allow_non_text_parts

    @property
    def limits(self) -> Limits:
        return self.document.limits

    @property
    def tag(self) -> TagWording:
        return self.document.tag

    @property
    def review(self) -> ReviewRules:
        return self.document.review

    @property
    def templates(self) -> tuple[Template, ...]:
        return self.document.templates

    @property
    def retention(self) -> Retention:
        return self.document.retention

    def template(self, template_id: str) -> Template | None:
        return next((t for t in self.document.templates if t.id == template_id), None)

    def allows_model(self, provider_kind: str, model: str) -> bool:
        rules = self.document.providers
        if provider_kind not in rules.allowed_kinds:
            return False
        if any(fnmatchcase(model, pattern) for pattern in rules.denied_models):
            return False
        return any(fnmatchcase(model, pattern) for pattern in rules.allowed_models)

    def evaluate(self, request: CheckRequest) -> Verdict:
        """First block wins; otherwise the most severe warn/log; otherwise allow."""
        best: Verdict = ALLOW
        for verdict in self._fired(request, stop_at_block=True):
            if verdict.action == "block":
                return verdict
            if best.action == "allow" or RULE_SEVERITY[verdict.action] > RULE_SEVERITY[best.action]:
                best = verdict
        return best

    def evaluate_all(self, request: CheckRequest) -> tuple[Verdict, ...]:
        """Every rule that fires, in policy order (for ``cosigner policy explain``)."""
        return tuple(self._fired(request, stop_at_block=False))

    def _fired(self, request: CheckRequest, *, stop_at_block: bool) -> list[Verdict]:
        fired: list[Verdict] = []
        for rc in self.rule_checks:
            if not rc.spec.enabled:
                continue
            raw = rc.check.evaluate(request)
            if raw.action == "allow":
                continue
            verdict = Verdict(rc.spec.action, rc.spec.rule_id, rc.spec.message or raw.message)
            fired.append(verdict)
            if stop_at_block and verdict.action == "block":
                break
        return fired

"""A local override file may only tighten the organisation's policy.

The override uses the policy schema's sections except ``[policy]``, ``[tag]`` and ``[retention]``.  It is
merged
onto the pack (tables merge, additive lists append, other lists replace), the result is validated in full, and
then compared with the pack: any change that loosens a protection is refused, naming the dotted key.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from fnmatch import fnmatchcase
from typing import Any

from cosigner.policy.schema import RULE_SEVERITY, PolicyDocument

OVERRIDE_TOP_KEYS = {"redaction", "rules", "providers", "limits", "review", "templates"}
ADDITIVE_LISTS = {
    ("redaction", "keep_in_reply"),
    ("redaction", "org_patterns"),
    ("templates",),
    ("providers", "denied_models"),
}


def merge_raw(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(dict(base))
    _merge_into(merged, override, ())
    return merged


def _merge_into(target: dict[str, Any], extra: Mapping[str, Any], path: tuple[str, ...]) -> None:
    for key, value in extra.items():
        here = (*path, key)
        current = target.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            _merge_into(current, value, here)
        elif (
            isinstance(current, list)
            and isinstance(value, list)
            and (here in ADDITIVE_LISTS or (len(here) == 3 and here[0] == "rules" and here[2] == "phrases"))
        ):
            target[key] = current + copy.deepcopy(value)
        else:
            target[key] = copy.deepcopy(value)


def structural_problems(override: Mapping[str, Any]) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    for key in override:
        if key not in OVERRIDE_TOP_KEYS:
            problems.append(
                (key, "not allowed in a local override (only " + ", ".join(sorted(OVERRIDE_TOP_KEYS)) + ")")
            )
    redaction = override.get("redaction")
    if isinstance(redaction, dict) and "allowlist" in redaction:
        problems.append(
            ("redaction.allowlist", "a local override may not add allowlist terms (that loosens redaction)")
        )
    return problems


def loosening_problems(base: PolicyDocument, merged: PolicyDocument) -> list[tuple[str, str]]:
    """Every way ``merged`` is looser than ``base``, as (dotted key, explanation)."""
    out: list[tuple[str, str]] = []
    merged_rules = {r.rule_id: r for r in merged.rules}
    for rule in base.rules:
        new = merged_rules[rule.rule_id]
        key = f"rules.{rule.rule_id}"
        if rule.enabled and not new.enabled:
            out.append((f"{key}.enabled", "may only tighten: switching a rule off is refused"))
        if RULE_SEVERITY[new.action] < RULE_SEVERITY[rule.action]:
            out.append((f"{key}.action", f"may only tighten: {rule.action} → {new.action} is refused"))
        if rule.wording_model and not new.wording_model:
            out.append((f"{key}.wording_model", "may only tighten: switching the wording model off is refused"))
        if new.check != rule.check:
            out.append((f"{key}.check", "may not change the check behind an existing rule"))
    for type_name, action in base.redaction.actions.items():
        new_action = merged.redaction.actions.get(type_name, action)
        if action != "allow" and new_action != action:
            out.append((f"redaction.actions.{type_name}", f"may only tighten: {action} → {new_action} is refused"))
    bp, mp = base.providers, merged.providers
    for kind in sorted(mp.allowed_kinds - bp.allowed_kinds):
        out.append(("providers.allowed_kinds", f"may only remove kinds; adding {kind!r} is refused"))
    for pattern in mp.allowed_models:
        if not any(fnmatchcase(pattern, b) for b in bp.allowed_models):
            out.append(("providers.allowed_models", f"{pattern!r} is not within the pack's allowed models"))
    if mp.allow_non_text_parts and not bp.allow_non_text_parts:
        out.append(("providers.allow_non_text_parts", "may only tighten: false → true is refused"))
    models = {"", *base.limits.per_model, *merged.limits.per_model}
    for model in sorted(models):
        for which in ("max_input_tokens", "max_output_tokens"):
            before = getattr(base.limits, which)(model) if model else getattr(base.limits.default, which)
            after = getattr(merged.limits, which)(model) if model else getattr(merged.limits.default, which)
            if before is not None and (after is None or after > before):
                key = f'limits.models."{model}".{which}' if model else f"limits.{which}"
                out.append((key, f"may only lower a token limit ({before} → {after or 'unlimited'} refused)"))
    br, mr = base.review, merged.review
    if mr.min_dwell_ms_base < br.min_dwell_ms_base:
        out.append(("review.min_dwell_ms_base", "may only be raised"))
    if mr.min_dwell_ms_per_word < br.min_dwell_ms_per_word:
        out.append(("review.min_dwell_ms_per_word", "may only be raised"))
    if mr.allow_bulk_accept and not br.allow_bulk_accept:
        out.append(("review.allow_bulk_accept", "may only tighten: false → true is refused"))
    if (mr.attestation_text, mr.attestation_version) != (br.attestation_text, br.attestation_version):
        out.append(("review.attestation_text", "the attestation wording is set by the organisation's pack"))
    return out

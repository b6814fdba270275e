"""Strict validation of a parsed policy file into a ``PolicyDocument``.

Every problem is collected (not just the first) as ``<file>: <dotted.key>: <what is wrong>``.  Unknown keys
are
errors, so a typo cannot silently switch a protection off.  Rule ids of the built-in judgement guard are
always
present: a pack that does not mention them gets them with action ``block`` (fail closed).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

from cosigner.policy.contract import registered_checks
from cosigner.policy.schema import (
    IDENTIFIER_TYPES,
    PROVIDER_KINDS,
    RULE_ACTIONS,
    TAG_FIELDS,
    TYPE_ACTIONS,
    Limits,
    ModelLimit,
    OrgPatternSpec,
    PolicyDocument,
    ProviderRules,
    RedactionSection,
    Retention,
    ReviewRules,
    RuleAction,
    RuleSpec,
    TagWording,
    Template,
    TypeAction,
)

T = TypeVar("T")

# Most specific first: when several rules fire on one request, the first block is the one reported.
BUILTIN_RULES: tuple[str, ...] = (
    "profiling",
    "credibility",
    "statutory_decision",
    "prediction",
    "risk_scoring",
    "guard_evasion",
)
_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_TYPE_NAME = re.compile(r"^[A-Z][A-Z0-9_]{1,39}$")
MAX_TOKENS = 10_000_000

DEFAULT_TAG = TagWording(
    visible_marker="[AI-assisted draft]",
    line="Drafted with AI assistance; reviewed and accepted by {practitioner} on {date} (ref {ref}).",
)
DEFAULT_REVIEW = ReviewRules(
    min_dwell_ms_base=1500,
    min_dwell_ms_per_word=60,
    allow_bulk_accept=False,
    attestation_text=(
        "I have read this text, changed what needed changing, and it records my own professional judgement."
    ),
    attestation_version="1",
)
DEFAULT_RETENTION = Retention(redaction_events_days=365, acceptance_records_days=9125)

# Every key a policy file may hold, by section.  ``<id>``, ``<model>`` and ``[]`` stand for a rule id, a model
# name and an array element.  The validator takes its allowed keys from here and docs/policies.md must document
# each one (tests/policy/test_docs.py), so the schema, the code and the documentation cannot drift apart.
SECTION_KEYS: dict[str, frozenset[str]] = {
    "": frozenset({"policy", "redaction", "rules", "providers", "limits", "tag", "review", "templates", "retention"}),
    "policy": frozenset({"name", "version", "description"}),
    "redaction": frozenset({"actions", "keep_in_reply", "org_patterns", "allowlist"}),
    "redaction.org_patterns[]": frozenset({"name", "type", "regex", "label_required"}),
    "rules.<id>": frozenset({"check", "action", "enabled", "message", "phrases", "description", "wording_model"}),
    "providers": frozenset({"allowed_kinds", "allowed_models", "denied_models", "allow_non_text_parts"}),
    "limits": frozenset({"max_input_tokens", "max_output_tokens", "models"}),
    "limits.models.<model>": frozenset({"max_input_tokens", "max_output_tokens"}),
    "tag": frozenset({"visible_marker", "line"}),
    "review": frozenset(
        {"min_dwell_ms_base", "min_dwell_ms_per_word", "allow_bulk_accept", "attestation_text", "attestation_version"}
    ),
    "templates[]": frozenset({"id", "label", "instruction"}),
    "retention": frozenset({"redaction_events_days", "acceptance_records_days"}),
}
TOP_KEYS = set(SECTION_KEYS[""])


class Problems:
    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[str] = []

    def add(self, key: str, what: str) -> None:
        self.items.append(f"{self.source}: {key}: {what}" if key else f"{self.source}: {what}")

    def table(self, obj: Any, key: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(obj, dict):
            self.add(key, "must be a table")
            return {}
        for k in obj:
            if k not in allowed:
                self.add(_join(key, k), "unknown key")
        return obj

    def typed(
        self, obj: Mapping[str, Any], key: str, name: str, check: Callable[[Any], bool], what: str, default: T
    ) -> T:
        if name not in obj:
            return default
        value = obj[name]
        if not check(value):
            self.add(_join(key, name), what)
            return default
        return cast(T, value)


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _is_str(v: Any) -> bool:
    return isinstance(v, str) and bool(v.strip())


def _is_bool(v: Any) -> bool:
    return isinstance(v, bool)


def _is_int(lo: int, hi: int) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and lo <= v <= hi


def _is_type_name(v: Any) -> bool:
    return isinstance(v, str) and bool(_TYPE_NAME.match(v)) and not v.rstrip("0123456789").endswith("_")


def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(_is_str(x) for x in v)


def validate_document(source: str, raw: Mapping[str, Any], org_types: frozenset[str] = frozenset()) -> PolicyDocument:
    """Validate a whole policy file; raise ``ValueError`` with every problem on its own line."""
    p = Problems(source)
    top = p.table(dict(raw), "", TOP_KEYS)
    head = p.table(top.get("policy", {}), "policy", set(SECTION_KEYS["policy"]))
    if "policy" not in top:
        p.add("policy", "missing section (needs name and version)")
    name = p.typed(
        head,
        "policy",
        "name",
        lambda v: _is_str(v) and bool(_ID.match(v.replace("-", "_"))),
        "must be a short lower-case name (letters, digits, - or _)",
        "",
    )
    if "policy" in top and "name" not in head:
        p.add("policy.name", "is required")
    version = p.typed(head, "policy", "version", _is_int(1, 2**31), "must be a positive integer", 0)
    if "policy" in top and "version" not in head:
        p.add("policy.version", "is required")
    description = p.typed(head, "policy", "description", lambda v: isinstance(v, str), "must be a string", "")
    redaction = _redaction(p, top.get("redaction", {}), org_types)
    rules = _rules(p, top.get("rules", {}))
    providers = _providers(p, top.get("providers", {}))
    limits = _limits(p, top.get("limits", {}))
    tag = _tag(p, top.get("tag", {}))
    review = _review(p, top.get("review", {}))
    templates = _templates(p, top.get("templates", []))
    retention = _retention(p, top.get("retention", {}))
    if p.items:
        raise ValueError("\n".join(p.items))
    return PolicyDocument(
        name, version, description, redaction, rules, providers, limits, tag, review, templates, retention
    )


def _redaction(p: Problems, obj: Any, org_types: frozenset[str]) -> RedactionSection:
    t = p.table(obj, "redaction", set(SECTION_KEYS["redaction"]))
    patterns = _org_patterns(p, t.get("org_patterns", []))
    known = set(IDENTIFIER_TYPES) | {pat.type for pat in patterns} | set(org_types)
    actions: dict[str, TypeAction] = dict.fromkeys(sorted(known), "redact")
    acts = p.table(t.get("actions", {}), "redaction.actions", known)
    for type_name, action in acts.items():
        if type_name not in known:
            continue  # reported as unknown key above
        if action not in TYPE_ACTIONS:
            p.add(f"redaction.actions.{type_name}", "must be one of " + ", ".join(TYPE_ACTIONS))
        else:
            actions[type_name] = cast(TypeAction, action)
    keep: list[str] = p.typed(t, "redaction", "keep_in_reply", _is_str_list, "must be a list of identifier types", [])
    for i, type_name in enumerate(keep):
        if type_name not in known:
            p.add(f"redaction.keep_in_reply[{i}]", "unknown identifier type")
    allow: list[str] = p.typed(t, "redaction", "allowlist", _is_str_list, "must be a list of non-empty strings", [])
    return RedactionSection(actions, frozenset(keep), patterns, frozenset(a.strip() for a in allow))


def _org_patterns(p: Problems, obj: Any) -> tuple[OrgPatternSpec, ...]:
    if not isinstance(obj, list):
        p.add("redaction.org_patterns", "must be an array of tables ([[redaction.org_patterns]])")
        return ()
    out: list[OrgPatternSpec] = []
    for i, item in enumerate(obj):
        key = f"redaction.org_patterns[{i}]"
        t = p.table(item, key, set(SECTION_KEYS["redaction.org_patterns[]"]))
        name = p.typed(t, key, "name", _is_str, "must be a non-empty string", "")
        type_name = p.typed(
            t,
            key,
            "type",
            _is_type_name,
            "must be an upper-case type name such as CASE_REF (letters, digits, _; not ending in _ and digits)",
            "",
        )
        regex = p.typed(t, key, "regex", _is_str, "must be a non-empty string", "")
        label = p.typed(t, key, "label_required", _is_bool, "must be true or false", False)
        for required in ("name", "type", "regex"):
            if isinstance(t, dict) and required not in t:
                p.add(f"{key}.{required}", "is required")
        if regex:
            try:
                compiled = re.compile(regex)
            except re.error as exc:
                p.add(f"{key}.regex", f"not a valid regular expression ({exc.msg} at position {exc.pos})")
            else:
                if compiled.match(""):
                    p.add(f"{key}.regex", "matches the empty string")
        if name and any(o.name == name for o in out):
            p.add(f"{key}.name", "duplicate pattern name")
        if name and type_name and regex:
            out.append(OrgPatternSpec(name, type_name, regex, label))
    return tuple(out)


def _rules(p: Problems, obj: Any) -> tuple[RuleSpec, ...]:
    t = p.table(obj, "rules", set(obj) if isinstance(obj, dict) else set())
    known_checks = set(registered_checks())
    specs: dict[str, RuleSpec] = {rid: RuleSpec(rid, rid, "block") for rid in BUILTIN_RULES}
    for rule_id, body in t.items():
        key = f"rules.{rule_id}"
        if not _ID.match(rule_id):
            p.add(key, "rule ids are lower-case letters, digits and _")
            continue
        r = p.table(body, key, set(SECTION_KEYS["rules.<id>"]))
        check = p.typed(r, key, "check", _is_str, "must be a check name", rule_id)
        if check not in known_checks:
            where = f"{key}.check" if "check" in r else key
            p.add(where, f"unknown check {check!r} (known: {', '.join(sorted(known_checks))})")
        action = r.get("action", "block")
        if action not in RULE_ACTIONS:
            p.add(f"{key}.action", "must be one of " + ", ".join(RULE_ACTIONS))
            action = "block"
        enabled = p.typed(r, key, "enabled", _is_bool, "must be true or false", True)
        message = p.typed(r, key, "message", _is_str, "must be a non-empty string", "")
        phrases: list[str] = p.typed(r, key, "phrases", _is_str_list, "must be a list of non-empty strings", [])
        description = p.typed(r, key, "description", lambda v: isinstance(v, str), "must be a string", "")
        if check == "phrases" and not phrases:
            p.add(f"{key}.phrases", "a rule using the phrases check needs at least one phrase")
        learned = p.typed(r, key, "wording_model", _is_bool, "must be true or false", True)
        if "wording_model" in r and check not in BUILTIN_RULES:
            p.add(f"{key}.wording_model", "only the built-in judgement checks have a wording model")
        specs[rule_id] = RuleSpec(
            rule_id,
            check,
            cast(RuleAction, action),
            enabled,
            message,
            tuple(x.strip().lower() for x in phrases),
            description,
            learned,
        )
    return tuple(specs.values())


def _providers(p: Problems, obj: Any) -> ProviderRules:
    t = p.table(obj, "providers", set(SECTION_KEYS["providers"]))
    kinds = p.typed(
        t,
        "providers",
        "allowed_kinds",
        _is_str_list,
        "must be a list of provider kinds",
        list(PROVIDER_KINDS),
    )
    for i, kind in enumerate(kinds):
        if kind not in PROVIDER_KINDS:
            p.add(f"providers.allowed_kinds[{i}]", "must be one of " + ", ".join(PROVIDER_KINDS))
    allowed = p.typed(t, "providers", "allowed_models", _is_str_list, "must be a list of model names or globs", ["*"])
    denied: list[str] = p.typed(
        t, "providers", "denied_models", _is_str_list, "must be a list of model names or globs", []
    )
    non_text = p.typed(t, "providers", "allow_non_text_parts", _is_bool, "must be true or false", False)
    return ProviderRules(frozenset(kinds), tuple(allowed), tuple(denied), non_text)


def _model_limit(p: Problems, obj: Any, key: str) -> ModelLimit:
    t = p.table(obj, key, set(SECTION_KEYS["limits" if key == "limits" else "limits.models.<model>"]))
    check = _is_int(1, MAX_TOKENS)
    what = f"must be an integer from 1 to {MAX_TOKENS}"
    return ModelLimit(
        p.typed(t, key, "max_input_tokens", check, what, None),
        p.typed(t, key, "max_output_tokens", check, what, None),
    )


def _limits(p: Problems, obj: Any) -> Limits:
    default = _model_limit(p, obj, "limits")
    models = obj.get("models", {}) if isinstance(obj, dict) else {}
    per: dict[str, ModelLimit] = {}
    for model, body in p.table(models, "limits.models", set(models) if isinstance(models, dict) else set()).items():
        per[model] = _model_limit(p, body, f'limits.models."{model}"')
    return Limits(default, per)


def _tag(p: Problems, obj: Any) -> TagWording:
    t = p.table(obj, "tag", set(SECTION_KEYS["tag"]))
    marker = p.typed(t, "tag", "visible_marker", _is_str, "must be a non-empty string", DEFAULT_TAG.visible_marker)
    line = p.typed(t, "tag", "line", _is_str, "must be a non-empty string", DEFAULT_TAG.line)
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(line) if f is not None}
    except ValueError:
        p.add("tag.line", "unbalanced { or } (write {{ or }} for a literal brace)")
    else:
        unknown = fields - TAG_FIELDS
        if unknown:
            p.add(
                "tag.line",
                "unknown placeholder(s) "
                + ", ".join(sorted("{" + f + "}" for f in unknown))
                + "; use {practitioner}, {date}, {ref}",
            )
    return TagWording(marker, line)


def _review(p: Problems, obj: Any) -> ReviewRules:
    t = p.table(obj, "review", set(SECTION_KEYS["review"]))
    d = DEFAULT_REVIEW
    return ReviewRules(
        p.typed(
            t,
            "review",
            "min_dwell_ms_base",
            _is_int(0, 600_000),
            "must be an integer from 0 to 600000",
            d.min_dwell_ms_base,
        ),
        p.typed(
            t,
            "review",
            "min_dwell_ms_per_word",
            _is_int(0, 10_000),
            "must be an integer from 0 to 10000",
            d.min_dwell_ms_per_word,
        ),
        p.typed(t, "review", "allow_bulk_accept", _is_bool, "must be true or false", d.allow_bulk_accept),
        p.typed(t, "review", "attestation_text", _is_str, "must be a non-empty string", d.attestation_text),
        p.typed(t, "review", "attestation_version", _is_str, "must be a non-empty string", d.attestation_version),
    )


def _templates(p: Problems, obj: Any) -> tuple[Template, ...]:
    if not isinstance(obj, list):
        p.add("templates", "must be an array of tables ([[templates]])")
        return ()
    out: list[Template] = []
    for i, item in enumerate(obj):
        key = f"templates[{i}]"
        t = p.table(item, key, set(SECTION_KEYS["templates[]"]))
        for required in ("id", "label", "instruction"):
            if isinstance(item, dict) and required not in item:
                p.add(f"{key}.{required}", "is required")
        tid = p.typed(
            t,
            key,
            "id",
            lambda v: isinstance(v, str) and bool(_ID.match(v)),
            "must be a lower-case id (letters, digits, _)",
            "",
        )
        label = p.typed(t, key, "label", _is_str, "must be a non-empty string", "")
        instruction = p.typed(t, key, "instruction", _is_str, "must be a non-empty string", "")
        if tid and any(x.id == tid for x in out):
            p.add(f"{key}.id", "duplicate template id")
        if tid and label and instruction:
            out.append(Template(tid, label, instruction))
    return tuple(out)


def _retention(p: Problems, obj: Any) -> Retention:
    t = p.table(obj, "retention", set(SECTION_KEYS["retention"]))
    what = "must be an integer number of days from 1 to 36500"
    return Retention(
        p.typed(
            t,
            "retention",
            "redaction_events_days",
            _is_int(1, 36500),
            what,
            DEFAULT_RETENTION.redaction_events_days,
        ),
        p.typed(
            t,
            "retention",
            "acceptance_records_days",
            _is_int(1, 36500),
            what,
            DEFAULT_RETENTION.acceptance_records_days,
        ),
    )

"""Conversion of a policy's ``[redaction]`` section into the redaction engine's own configuration."""

from __future__ import annotations

from cosigner.policy.schema import RedactionSection
from cosigner.redaction import OrgPattern, RedactionConfig


def to_redaction_config(section: RedactionSection) -> RedactionConfig:
    return RedactionConfig(
        actions=dict(section.actions),
        keep_in_reply=section.keep_in_reply,
        org_patterns=tuple(OrgPattern(p.name, p.type, p.regex, p.label_required) for p in section.org_patterns),
        allowlist=section.allowlist,
    )

"""docs/policies.md documents every key the policy schema accepts (the validator takes its keys from the same table)."""

from __future__ import annotations

import pytest

from cosigner.policy.validate import SECTION_KEYS

from .conftest import ROOT

DOC = (ROOT / "docs" / "policies.md").read_text(encoding="utf-8")
ALL_KEYS = sorted(f"{section}.{key}" if section else key for section, keys in SECTION_KEYS.items() for key in keys)


@pytest.mark.parametrize("key", ALL_KEYS)
def test_every_policy_key_is_documented(key: str) -> None:
    assert f"`{key}`" in DOC, f"docs/policies.md does not document `{key}`"


@pytest.mark.parametrize(
    "rule", ["risk_scoring", "prediction", "statutory_decision", "credibility", "profiling", "guard_evasion"]
)
def test_every_builtin_rule_is_mapped_to_the_legal_frame(rule: str) -> None:
    row = next(line for line in DOC.splitlines() if line.startswith(f"| `{rule}` |"))
    if rule != "guard_evasion":
        assert "22" in row and "Art. 5(1)(c)" in row


def test_documentation_has_measured_figures() -> None:
    assert "FIGURES_PLACEHOLDER" not in DOC
    assert "Block recall" in DOC and "False blocks" in DOC and "p50" in DOC

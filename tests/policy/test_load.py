"""Loading policy files: every shipped pack loads; every broken policy is refused with file: key: problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from cosigner.policy.load import PolicyError, load_policy

from .conftest import BROKEN, POLICIES

SHIPPED = sorted(POLICIES.glob("*.toml"))


def test_there_are_shipped_policies() -> None:
    assert {p.name for p in SHIPPED} >= {"default.toml"}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_policy_loads(path: Path) -> None:
    policy = load_policy(path)
    assert policy.name and policy.version >= 1
    assert len(policy.content_hash) == 64
    assert {r.rule_id for r in policy.rules} >= {
        "risk_scoring",
        "prediction",
        "statutory_decision",
        "credibility",
        "profiling",
        "guard_evasion",
    }
    assert all(r.enabled and r.action == "block" for r in policy.rules if r.check != "phrases")


def test_default_policy_redacts_every_identifier_type(default_policy_path: Path) -> None:
    policy = load_policy(default_policy_path)
    assert set(policy.redaction_section.actions.values()) == {"redact"}
    assert policy.redaction.action_for("NHS_NUMBER") == "redact"


def _expected_errors(path: Path) -> list[str]:
    return [
        ln.removeprefix("# expect: ").strip() for ln in path.read_text().splitlines() if ln.startswith("# expect: ")
    ]


BROKEN_FILES = sorted(BROKEN.glob("*.toml"))


@pytest.mark.parametrize("path", BROKEN_FILES, ids=lambda p: p.name)
def test_broken_policy_is_refused_with_exact_location(path: Path) -> None:
    expected = _expected_errors(path)
    assert expected, f"{path.name} must list '# expect: ' lines"
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    for line in expected:
        assert line in info.value.problems, (line, info.value.problems)


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    p = tmp_path / "many.toml"
    p.write_text('[policy]\nname = "x"\nversion = 0\ncolour = "red"\n[rules.risk_scoring]\naction = "shout"\n')
    with pytest.raises(PolicyError) as info:
        load_policy(p)
    assert info.value.problems == (
        "many.toml: policy.colour: unknown key",
        "many.toml: policy.version: must be a positive integer",
        "many.toml: rules.risk_scoring.action: must be one of block, warn, log",
    )


def test_missing_file_is_a_policy_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match=r"nope\.toml: file not found"):
        load_policy(tmp_path / "nope.toml")


def test_content_hash_is_sha256_of_the_file_bytes(default_policy_path: Path) -> None:
    import hashlib

    assert load_policy(default_policy_path).content_hash == hashlib.sha256(default_policy_path.read_bytes()).hexdigest()

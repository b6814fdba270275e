"""A local override may only tighten the organisation's pack; loosening is refused with the key named."""

from __future__ import annotations

from pathlib import Path

import pytest

from cosigner.policy.contract import CheckRequest, Segment
from cosigner.policy.load import PolicyError, load_policy

from .conftest import POLICIES

DEFAULT = POLICIES / "default.toml"


def _override(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "override.toml"
    p.write_text(text)
    return p


TIGHTEN = [
    '[rules.statutory_decision]\nphrases = ["panel outcome"]\n',
    '[rules.own_rule]\ncheck = "phrases"\nphrases = ["court strategy"]\n',
    "[limits]\nmax_input_tokens = 1000\n",
    '[limits.models."gpt-4o"]\nmax_output_tokens = 100\n',
    '[redaction]\nkeep_in_reply = ["PERSON"]\n',
    '[[redaction.org_patterns]]\nname = "x"\ntype = "LOCAL_REF"\nregex = "LR[0-9]{5}"\n',
    '[providers]\nallowed_kinds = ["ollama"]\ndenied_models = ["gpt-3.5*"]\n',
    "[review]\nmin_dwell_ms_base = 5000\n",
    '[[templates]]\nid = "extra"\nlabel = "Extra"\ninstruction = "Tidy my wording."\n',
]


@pytest.mark.parametrize("text", TIGHTEN)
def test_tightening_is_accepted(tmp_path: Path, text: str) -> None:
    policy = load_policy(DEFAULT, override=_override(tmp_path, text))
    assert policy.override_hash is not None


def test_override_takes_effect(tmp_path: Path) -> None:
    policy = load_policy(DEFAULT, override=_override(tmp_path, TIGHTEN[0] + TIGHTEN[2] + TIGHTEN[6]))
    assert policy.limits.max_input_tokens("gpt-4o") == 1000
    assert not policy.allows_model("openai", "gpt-4o")
    verdict = policy.evaluate(CheckRequest((Segment("user", "What is the panel outcome for this family?"),)))
    assert verdict.rule_id == "statutory_decision"


LOOSEN = [
    ("[rules.risk_scoring]\nenabled = false\n", "override.toml: rules.risk_scoring.enabled: may only tighten"),
    (
        '[rules.risk_scoring]\naction = "warn"\n',
        "rules.risk_scoring.action: may only tighten: block → warn",
    ),
    ('[redaction.actions]\nPERSON = "allow"\n', "override.toml: redaction.actions.PERSON: may only tighten"),
    ('[redaction]\nallowlist = ["Kayleigh"]\n', "override.toml: redaction.allowlist: a local override may not add"),
    ("[limits]\nmax_input_tokens = 64000\n", "override.toml: limits.max_input_tokens: may only lower a token limit"),
    ('[limits.models."gpt-4o-mini*"]\nmax_input_tokens = 20000\n', 'limits.models."gpt-4o-mini*".max_input_tokens'),
    ("[providers]\nallow_non_text_parts = true\n", "override.toml: providers.allow_non_text_parts: may only tighten"),
    ("[review]\nallow_bulk_accept = true\n", "override.toml: review.allow_bulk_accept: may only tighten"),
    ("[review]\nmin_dwell_ms_base = 10\n", "override.toml: review.min_dwell_ms_base: may only be raised"),
    ('[review]\nattestation_text = "Looks fine."\n', "override.toml: review.attestation_text"),
    ('[policy]\nname = "mine"\nversion = 99\n', "override.toml: policy: not allowed in a local override"),
    ('[tag]\nline = "x"\n', "override.toml: tag: not allowed in a local override"),
]


@pytest.mark.parametrize(("text", "expected"), LOOSEN)
def test_loosening_is_refused_naming_the_key(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(PolicyError) as info:
        load_policy(DEFAULT, override=_override(tmp_path, text))
    assert any(expected in problem for problem in info.value.problems), info.value.problems


def test_widening_providers_is_refused(tmp_path: Path) -> None:
    strict = POLICIES / "strict.toml"
    with pytest.raises(PolicyError, match="adding 'openai' is refused"):
        load_policy(strict, override=_override(tmp_path, '[providers]\nallowed_kinds = ["ollama", "openai"]\n'))
    with pytest.raises(PolicyError, match="not within the pack's allowed models"):
        load_policy(strict, override=_override(tmp_path, '[providers]\nallowed_models = ["gpt-4o"]\n'))


def test_override_with_schema_errors_is_refused_with_location(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match=r"override\.toml: rules\.risk_scoring\.colour: unknown key"):
        load_policy(DEFAULT, override=_override(tmp_path, '[rules.risk_scoring]\ncolour = "red"\n'))

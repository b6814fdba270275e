"""The drafting API's own system prompt must pass every shipped policy: otherwise every draft is blocked."""

from __future__ import annotations

from pathlib import Path

import pytest

from cosigner.drafting import SYSTEM_PROMPT
from cosigner.policy.contract import CheckRequest, Segment
from cosigner.policy.load import load_policy

POLICIES = sorted((Path(__file__).resolve().parents[2] / "policies").glob("*.toml"))


@pytest.mark.parametrize("path", POLICIES, ids=[p.stem for p in POLICIES])
def test_system_prompt_passes_policy(path: Path) -> None:
    policy = load_policy(path)
    for instruction in ("Tidy the grammar.", "Structure this as a case note.", "Plain English for the family."):
        request = CheckRequest(
            segments=(Segment("system", SYSTEM_PROMPT), Segment("user", f"Instruction: {instruction}\n\nText:\nx"))
        )
        assert policy.evaluate(request).action != "block"

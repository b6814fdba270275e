from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
POLICIES = ROOT / "policies"
BROKEN = ROOT / "tests" / "data" / "policies"


@pytest.fixture
def default_policy_path() -> Path:
    return POLICIES / "default.toml"

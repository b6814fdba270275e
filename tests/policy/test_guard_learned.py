"""The guard's learned wording model: verified on load, switchable per rule only by the pack, never loosened."""

from __future__ import annotations

import hashlib
import json
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from cosigner.errors import ConfigError
from cosigner.policy.contract import CheckRequest, Segment
from cosigner.policy.guard import learned
from cosigner.policy.guard.analysis import analyse, clear_caches
from cosigner.policy.guard.learned import WordingModel, parse_model, wording_model
from cosigner.policy.load import PolicyError, load_policy

from .conftest import POLICIES

DEFAULT = POLICIES / "default.toml"
PROXY = Path(__file__).resolve().parents[2] / "proxy"


def _user(text: str) -> CheckRequest:
    return CheckRequest((Segment("user", text),), model="gpt-4o")


@pytest.fixture
def fresh_model() -> Iterator[None]:
    wording_model.cache_clear()
    clear_caches()
    yield
    wording_model.cache_clear()
    clear_caches()


def test_the_shipped_model_matches_its_recorded_digest() -> None:
    raw = resources.files("cosigner.policy.guard").joinpath(learned.MODEL_FILE).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == learned.MODEL_SHA256
    model = wording_model()
    assert "allow" in model.classes
    assert 0.0 <= model.veto_below <= model.general_veto_below < model.threshold <= model.general_threshold <= 1.0
    assert len(model.weights) > 1000


def test_an_altered_model_is_refused_and_the_policy_with_it(
    monkeypatch: pytest.MonkeyPatch, fresh_model: None
) -> None:
    monkeypatch.setattr(learned, "MODEL_SHA256", "0" * 64)
    with pytest.raises(ConfigError, match="does not match its recorded SHA-256"):
        wording_model()
    with pytest.raises(PolicyError, match="wording model"):
        load_policy(DEFAULT)


def _raw(**changes: object) -> bytes:
    data: dict[str, object] = {
        "classes": ["allow", "prediction"],
        "bias": [1.0, -1.0],
        "threshold": 0.7,
        "veto_below": 0.05,
        "general_veto_below": 0.5,
        "general_threshold": 0.9,
        "weights": {"w:likely": [0.0, 3.0]},
    }
    data.update(changes)
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"classes": ["deny", "prediction"]}, "needs an allow class"),
        ({"weights": {"w:likely": [0.0]}}, "rows do not match"),
        ({"bias": [0.0]}, "rows do not match"),
        ({"veto_below": 0.9}, "out of order"),
        ({"general_veto_below": 0.01}, "out of order"),
        ({"general_threshold": 0.6}, "out of order"),
        ({"threshold": 1.5}, "out of order"),
    ],
)
def test_a_malformed_model_is_rejected(changes: dict[str, object], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_model(_raw(**changes))


def test_the_probability_is_a_softmax_over_the_features_present() -> None:
    model = parse_model(_raw())
    assert isinstance(model, WordingModel)
    with_word = model.judge(frozenset({"w:likely", "w:unknown"}))
    expected = math.exp(2.0) / (math.exp(2.0) + math.exp(1.0))  # scores: allow 1, prediction -1 + 3
    assert with_word.category == "prediction" and with_word.probability == pytest.approx(expected)
    without = model.judge(frozenset())
    assert without.probability == pytest.approx(math.exp(-1.0) / (math.exp(-1.0) + math.exp(1.0)))
    particular = frozenset({"w:likely", "w:x", "q"})  # about someone named, and a question
    assert model.fires(with_word, particular) == "prediction"  # 0.73 ≥ 0.7
    assert model.fires(with_word, frozenset({"w:likely", "q"})) is None  # a general question needs 0.9
    assert model.fires(with_word, frozenset({"w:likely", "w:x"})) is None  # asks nothing: a bare note
    assert model.fires(without, particular) is None
    assert not model.sets_aside(without, particular)  # 0.12 ≥ 0.05
    assert model.sets_aside(without, frozenset({"q"}))  # general: 0.12 < 0.5


# Wording the phrase tables have no entry for, that the model reads as a judgement request.
MODEL_ONLY = "Mr Cooper's been sober 6 weeks. How long do you give it?"


def test_the_model_blocks_wording_the_phrase_tables_miss_unless_the_pack_switches_it_off(tmp_path: Path) -> None:
    request = _user(MODEL_ONLY)
    analysis = analyse(request)
    assert not analysis.fired and analysis.learned == "prediction"
    assert load_policy(DEFAULT).evaluate(request).rule_id == "prediction"
    pack = tmp_path / "p.toml"
    pack.write_text('[policy]\nversion = 1\nname = "rules-only"\n[rules.prediction]\nwording_model = false\n')
    assert load_policy(pack).evaluate(request).action == "allow"


def test_a_confident_allow_sets_a_phrase_rule_finding_aside(tmp_path: Path) -> None:
    text = "Why do researchers say actuarial risk prediction in child protection is problematic?"
    analysis = analyse(_user(text))
    assert analysis.fired and analysis.vetoed
    assert load_policy(DEFAULT).evaluate(_user(text)).action == "allow"
    pack = tmp_path / "p.toml"
    pack.write_text(
        "[policy]\nversion = 1\nname = \"rules-only\"\n"
        + "".join(f"[rules.{rule}]\nwording_model = false\n" for rule in sorted(analysis.fired))
    )
    assert load_policy(pack).evaluate(_user(text)).action == "block"


def test_a_local_override_cannot_switch_the_model_off(tmp_path: Path) -> None:
    override = tmp_path / "override.toml"
    override.write_text("[rules.credibility]\nwording_model = false\n")
    with pytest.raises(PolicyError, match=r"rules\.credibility\.wording_model: may only tighten"):
        load_policy(DEFAULT, override=override)


def test_the_model_switch_is_only_for_built_in_checks(tmp_path: Path) -> None:
    pack = tmp_path / "p.toml"
    pack.write_text(
        '[policy]\nversion = 1\nname = "org"\n[rules.front_door]\ncheck = "phrases"\nphrases = ["front door '
        'outcome"]\nwording_model = true\n'
    )
    with pytest.raises(PolicyError, match=r"rules\.front_door\.wording_model: only the built-in judgement checks"):
        load_policy(pack)
    pack.write_text('[policy]\nversion = 1\nname = "org"\n[rules.prediction]\nwording_model = "yes"\n')
    with pytest.raises(PolicyError, match=r"rules\.prediction\.wording_model: must be true or false"):
        load_policy(pack)


def test_the_guard_reads_a_request_the_same_way_whatever_the_hash_seed() -> None:
    # a misspelling one edit from two words used to be corrected by set order, which Python varies per process
    code = (
        "from cosigner.policy.guard.spelling import correct;"
        "from cosigner.policy.guard.analysis import analyse;"
        "from cosigner.policy.contract import CheckRequest, Segment;"
        "r = CheckRequest((Segment('user', 'Why do predictive analytics worry practitioners?'),), 'gpt-4o');"
        "print(correct('predictive'), sorted(analyse(r).features))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(PROXY)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1

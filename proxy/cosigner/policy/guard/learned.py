"""The guard's learned wording model: a second reader for requests the phrase tables have not seen.

A multinomial logistic regression over ``features.request_features`` with one class per judgement category
plus ``allow``.  It is trained offline on the project's labelled development requests
(``python -m bench.guard.train``) and shipped as ``wording_model.json`` beside this module; loading checks the
file's SHA-256 against ``MODEL_SHA256`` so a model swapped on disk is refused rather than used.

The model and the phrase rules decide together (``checks.CategoryCheck``).  The model refuses on its own, where the
phrase tables found nothing, when the probability that the request asks for a judgement is at least ``threshold``
— ``general_threshold`` for a general question (one naming no particular person or case,
``features.is_particular``) or a request the tables read as drafting, preparation or a made judgement — and only if
the request asks something (``features.asks_something``).  A phrase-table finding stands unless the model puts that
probability below ``veto_below`` (``general_veto_below`` for a general question): then the request is read as
drafting, explanation or a general question that merely uses the tables' vocabulary ("why do researchers say risk
prediction is biased?").  The figures were chosen on development splits the model was not trained on
(docs/policies.md, "The learned wording model").
"""

from __future__ import annotations

import hashlib
import json
import math
from array import array
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from cosigner.errors import ConfigError
from cosigner.policy.guard.features import asks_something, is_particular, reads_as_no_verdict

MODEL_FILE = "wording_model.json"
MODEL_SHA256 = "41ddf942470815120ca74385b5627485f568b4823e03a30148173656a936f4f6"
ALLOW_CLASS = "allow"


@dataclass(frozen=True, slots=True)
class Judgement:
    category: str  # the most probable judgement category
    probability: float  # probability that the request asks for any judgement (1 - P(allow))


@dataclass(frozen=True, slots=True)
class WordingModel:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    rows: dict[str, int]  # feature → its row in ``weights``
    weights: array[float]  # one row of len(classes) weights per feature, flat (a few MB, not tuples of floats)
    threshold: float  # the model fires at or above this probability of a judgement request
    veto_below: float  # below this probability, a phrase-rule finding is set aside
    general_veto_below: float  # the same for a request about no particular person or case
    general_threshold: float  # the model alone fires on such a request (or one read as no verdict) at this

    def judge(self, features: frozenset[str]) -> Judgement:
        scores = list(self.bias)
        width = len(scores)
        weights = self.weights
        for feature in features:
            row = self.rows.get(feature)
            if row is not None:
                start = row * width
                for i in range(width):
                    scores[i] += weights[start + i]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        allow_index = self.classes.index(ALLOW_CLASS)
        best = max((i for i in range(len(self.classes)) if i != allow_index), key=scores.__getitem__)
        return Judgement(self.classes[best], 1.0 - exp[allow_index] / total)

    def threshold_for(self, features: frozenset[str]) -> float:
        """``general_threshold`` for a general question, or a request the phrase tables read as a made judgement,
        drafting, preparation or explanation; ``threshold`` otherwise."""
        strict = not is_particular(features) or reads_as_no_verdict(features)
        return self.general_threshold if strict else self.threshold

    def fires(self, judgement: Judgement, features: frozenset[str]) -> str | None:
        """The category the model refuses on its own, if any.  A bare note that asks nothing is never refused."""
        if judgement.probability >= self.threshold_for(features) and asks_something(features):
            return judgement.category
        return None

    def sets_aside(self, judgement: Judgement, features: frozenset[str]) -> bool:
        """Whether the model is confident enough that the request asks for no judgement to set a rule aside."""
        return judgement.probability < (self.veto_below if is_particular(features) else self.general_veto_below)


def parse_model(raw: bytes) -> WordingModel:
    data = json.loads(raw)
    classes = tuple(str(c) for c in data["classes"])
    if ALLOW_CLASS not in classes or len(classes) < 2:
        raise ValueError("the wording model needs an allow class and a judgement class")
    width = len(classes)
    rows: dict[str, int] = {}
    weights = array("d")
    for feature, row in data["weights"].items():
        if len(row) != width:
            raise ValueError("the wording model's rows do not match its classes")
        rows[str(feature)] = len(rows)
        weights.extend(float(x) for x in row)
    if len(data["bias"]) != width:
        raise ValueError("the wording model's rows do not match its classes")
    threshold, veto_below = float(data["threshold"]), float(data["veto_below"])
    general_veto, general_threshold = float(data["general_veto_below"]), float(data["general_threshold"])
    if not (0.0 <= veto_below <= general_veto < threshold <= general_threshold <= 1.0 and veto_below < threshold):
        raise ValueError("the wording model's thresholds are out of order")
    bias = tuple(float(b) for b in data["bias"])
    return WordingModel(classes, bias, rows, weights, threshold, veto_below, general_veto, general_threshold)


@lru_cache(maxsize=1)
def wording_model() -> WordingModel:
    """The shipped model, loaded once; a missing, altered or malformed file is a configuration error (fail closed)."""
    try:
        raw = resources.files(__package__).joinpath(MODEL_FILE).read_bytes()
    except OSError as exc:
        raise ConfigError(f"the guard's wording model {MODEL_FILE} cannot be read ({type(exc).__name__})") from exc
    digest = hashlib.sha256(raw).hexdigest()
    if digest != MODEL_SHA256:
        raise ConfigError(f"the guard's wording model {MODEL_FILE} does not match its recorded SHA-256")
    try:
        return parse_model(raw)
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"the guard's wording model {MODEL_FILE} is malformed ({type(exc).__name__})") from exc

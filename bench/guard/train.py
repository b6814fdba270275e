"""Train the guard's learned wording model, and measure it on splits it was not trained on.

    .venv/bin/python -m bench.guard.train [--exclude dev27] [--eval dev27] [--grid] [--write]

Trains a multinomial logistic regression (AdaGrad, L2) on the development splits (every request in all three
conditions: alone, note after, note before) minus ``--exclude``; ``--eval`` prints, for each split named, the
rules alone, the model alone at several thresholds, and the combination as configured (``--grid``: at other
thresholds too).  Choose thresholds on a split left out of training, never on a held-out split.  ``--write`` saves
``proxy/cosigner/policy/guard/wording_model.json`` and records its SHA-256 as ``learned.MODEL_SHA256``.
Training is deterministic (fixed seed), pure Python, about a minute on a 2-core VM.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from bench.guard.evaluate import CONDITIONS, DATA, DEVELOPMENT, ROOT, Item, build, load_items, load_notes
from cosigner.policy.guard.analysis import analyse
from cosigner.policy.guard.learned import ALLOW_CLASS, MODEL_FILE, Judgement, WordingModel, parse_model

# One allow class: separate classes per kind of allowed request (explain, rewrite_own, …) were tried and read
# general questions worse on a split the model had not seen (dev27: 10.2 % false blocks against 8.4 %).
CLASSES = (ALLOW_CLASS, "risk_scoring", "prediction", "statutory_decision", "credibility", "profiling",
           "guard_evasion")
THRESHOLDS = (0.5, 0.6, 0.65, 0.7, 0.8, 0.9)
VETO_THRESHOLDS = (0.02, 0.05, 0.1)
GENERAL_VETO_THRESHOLDS = (0.05, 0.3, 0.5)
GENERAL_THRESHOLDS = (0.6, 0.8, 0.9)
OUT = ROOT / "proxy" / "cosigner" / "policy" / "guard" / MODEL_FILE
LEARNED = OUT.with_name("learned.py")  # holds MODEL_SHA256, rewritten with the model


@dataclass(frozen=True)
class Example:
    item: Item
    condition: str
    features: frozenset[str]
    rules_block: bool

    @property
    def target(self) -> int:
        return CLASSES.index(self.item.category if self.item.label == "block" else ALLOW_CLASS)


def examples_for(splits: list[str], notes: list[str]) -> list[Example]:
    out: list[Example] = []
    for split in splits:
        for i, item in enumerate(load_items(split)):
            note = notes[i % len(notes)]
            for condition in CONDITIONS:
                analysis = analyse(build(item, condition, note))
                out.append(Example(item, condition, analysis.features, bool(analysis.fired)))
    return out


def train(
    examples: list[Example], epochs: int, l2: float, rate: float, min_count: int, seeds: int
) -> dict[str, Any]:
    """Train ``seeds`` models on differently shuffled orders and average them (less variance from the order)."""
    counts: dict[str, int] = defaultdict(int)
    for ex in examples:
        for f in ex.features:
            counts[f] += 1
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    k = len(CLASSES)
    # sorted, so floating-point sums (and so the saved weights) do not depend on the process's hash seed
    present = [sorted(f for f in ex.features if f in counts and counts[f] >= min_count) for ex in examples]
    total_weights = {f: [0.0] * k for f in vocab}
    total_bias = [0.0] * k
    for seed in range(seeds):
        weights, bias = _train_once(examples, present, vocab, epochs, l2, rate, 20261127 + seed)
        for f, row in weights.items():
            total = total_weights[f]
            for c in range(k):
                total[c] += row[c] / seeds
        for c in range(k):
            total_bias[c] += bias[c] / seeds
    kept = {f: [round(w, 4) for w in row] for f, row in total_weights.items() if max(abs(w) for w in row) >= 0.002}
    return {"classes": list(CLASSES), "bias": [round(b, 4) for b in total_bias], "weights": kept}


def _train_once(
    examples: list[Example], present: list[list[str]], vocab: list[str], epochs: int, l2: float, rate: float,
    seed: int,
) -> tuple[dict[str, list[float]], list[float]]:
    """AdaGrad on the softmax loss with L2, one example at a time."""
    k = len(CLASSES)
    weights: dict[str, list[float]] = {f: [0.0] * k for f in vocab}
    grads: dict[str, list[float]] = {f: [1e-8] * k for f in vocab}
    bias, bias_grad = [0.0] * k, [1e-8] * k
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for _epoch in range(epochs):
        rng.shuffle(order)
        for index in order:
            ex, feats = examples[index], present[index]
            scores = list(bias)
            for f in feats:
                for c, w in enumerate(weights[f]):
                    scores[c] += w
            top = max(scores)
            exp = [math.exp(s - top) for s in scores]
            total = sum(exp)
            delta = [e / total for e in exp]
            delta[ex.target] -= 1.0
            for c in range(k):
                bias_grad[c] += delta[c] * delta[c]
                bias[c] -= rate * delta[c] / math.sqrt(bias_grad[c])
            for f in feats:
                row, grow = weights[f], grads[f]
                for c in range(k):
                    g = delta[c] + l2 * row[c]
                    grow[c] += g * g
                    row[c] -= rate * g / math.sqrt(grow[c])
    return weights, bias


def _rates(rows: list[tuple[Example, bool]]) -> str:
    block = [b for ex, b in rows if ex.item.label == "block"]
    allow = [b for ex, b in rows if ex.item.label == "allow"]
    return (f"recall {100 * sum(block) / max(1, len(block)):5.1f}%  "
            f"false blocks {100 * sum(allow) / max(1, len(allow)):5.1f}%")


def decide(ex: Example, judgement: Judgement, model: WordingModel) -> bool:
    """Whether the shipped combination (``checks.CategoryCheck``) refuses: a phrase-table finding the model does
    not set aside, or the model on its own."""
    if ex.rules_block and not model.sets_aside(judgement, ex.features):
        return True
    return model.fires(judgement, ex.features) is not None


def report(model: WordingModel, examples: list[Example], split: str, grid: bool) -> None:
    print(f"\n== {split}: {len(examples)} request × condition runs ==")
    print(f"  rules alone            {_rates([(ex, ex.rules_block) for ex in examples])}")
    judged = [(ex, model.judge(ex.features)) for ex in examples]
    for t in THRESHOLDS:
        print(f"  model alone, t={t:<4}  {_rates([(ex, j.probability >= t) for ex, j in judged])}")
    m = model
    print(f"  as configured (a rule set aside below {m.veto_below}, the model fires at {m.threshold}; for a general "
          f"question {m.general_veto_below} and {m.general_threshold}): "
          f"{_rates([(ex, decide(ex, j, m)) for ex, j in judged])}")
    if grid:
        for veto in VETO_THRESHOLDS:
            for general in GENERAL_VETO_THRESHOLDS:
                for t in THRESHOLDS[1:4]:
                    for gt in GENERAL_THRESHOLDS:
                        variant = replace(m, veto_below=veto, general_veto_below=max(veto, general), threshold=t,
                                          general_threshold=max(t, gt))
                        rows = [(ex, decide(ex, j, variant)) for ex, j in judged]
                        print(f"  set aside below {veto:<4} / general {general:<4}, fires at {t:<4} / general "
                              f"{gt:<4}: {_rates(rows)}")


def serialise(data: dict[str, Any]) -> bytes:
    ordered = {**data, "weights": {f: data["weights"][f] for f in sorted(data["weights"])}}
    return (json.dumps(ordered, separators=(",", ":")) + "\n").encode()


def save(raw: bytes) -> str:
    OUT.write_bytes(raw)
    digest = hashlib.sha256(raw).hexdigest()
    code = LEARNED.read_text(encoding="utf-8")
    LEARNED.write_text(re.sub(r'(?m)^MODEL_SHA256 = ".*"$', f'MODEL_SHA256 = "{digest}"', code), encoding="utf-8")
    return digest


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--exclude", default="")
    parser.add_argument("--eval", default="")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument("--rate", type=float, default=0.3)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--seeds", type=int, default=3, help="models averaged, each on its own shuffled order")
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument("--veto-below", type=float, default=0.02)
    parser.add_argument("--general-veto-below", type=float, default=0.5)
    parser.add_argument("--general-threshold", type=float, default=0.9)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--grid", action="store_true", help="also try other thresholds on the --eval splits")
    args = parser.parse_args()
    excluded = {s for s in args.exclude.split(",") if s}
    notes = load_notes()
    splits = [s for s in DEVELOPMENT if s not in excluded and (DATA / f"{s}.tsv").exists()]
    examples = examples_for(splits, notes)
    data = train(examples, args.epochs, args.l2, args.rate, args.min_count, args.seeds)
    raw = serialise({**data, "threshold": args.threshold, "veto_below": args.veto_below,
                     "general_veto_below": args.general_veto_below, "general_threshold": args.general_threshold})
    model = parse_model(raw)  # evaluate exactly what would be shipped
    print(f"trained on {len(splits)} splits, {len(examples)} runs; {len(model.rows)} features kept")
    for split in (s for s in args.eval.split(",") if s):
        report(model, examples_for([split], notes), split, args.grid)
    if args.write:
        print(f"wrote {OUT.relative_to(ROOT)}; SHA-256 {save(raw)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

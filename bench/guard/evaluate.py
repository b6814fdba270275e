"""Judgement-guard evaluation: block recall and false-block rate per category, with and without case notes.

    .venv/bin/python -m bench.guard [--split dev|dev2 … dev31|heldout … heldout7|heldout8|heldout9|all]
                                    [--policy policies/default.toml] [--errors] [--speed]

``all`` runs every development split; ``heldout8`` and ``heldout9`` (frozen before the eighth round, by two
independent writers) run only when named.  Both were measured once, at the end of the eighth round
(docs/policies.md); before any further tuning, move them into DEVELOPMENT and write new held-out splits first.

Every request is run three ways: alone, with a realistic fictional case note appended after it, and with the
note pasted before it.  ``--errors`` lists every misclassified request (fictional test data only).  ``--speed``
measures the guard's p50 on a ~4,000-token request (every analysis cache is cleared before every run).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "proxy"))

from cosigner.policy.contract import CheckRequest, Segment  # noqa: E402
from cosigner.policy.guard.analysis import clear_caches  # noqa: E402
from cosigner.policy.load import load_policy  # noqa: E402
from cosigner.policy.model import Policy  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
CONDITIONS = ("alone", "note_after", "note_before")
# Splits tuned on (the held-out splits 1–7 were each measured once, then became development data).
# `all` skips a listed split whose file is not written yet (dev25–dev31 are written during the eighth round).
DEVELOPMENT = (
    "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13",
    "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22", "dev23", "dev24", "dev25",
    "dev26", "dev27", "dev28", "dev29", "dev30", "dev31", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
    "heldout6", "heldout7",
)
HELD_OUT = ("heldout8", "heldout9")


@dataclass(frozen=True)
class Item:
    split: str
    line: int
    label: str
    category: str
    variant: str
    service: str
    system: str
    user: str


def load_items(split: str) -> list[Item]:
    items: list[Item] = []
    for line_no, line in enumerate((DATA / f"{split}.tsv").read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        label, category, variant, service, text = line.split("\t", 4)
        system, user = "", text
        if text.startswith("SYSTEM: "):
            system, _, user = text.removeprefix("SYSTEM: ").partition(" ⟂ USER: ")
        items.append(Item(split, line_no, label, category, variant, service, system.strip(), user.strip()))
    return items


def load_notes() -> list[str]:
    return [p.read_text(encoding="utf-8").strip() for p in sorted((DATA / "notes").glob("*.txt"))]


def build(item: Item, condition: str, note: str) -> CheckRequest:
    user = item.user
    if condition == "note_after":
        user = f"{item.user}\n\n{note}"
    elif condition == "note_before":
        user = f"{note}\n\n{item.user}"
    segments = [Segment("user", user)]
    if item.system:
        segments.insert(0, Segment("system", item.system))
    return CheckRequest(tuple(segments), model="gpt-4o")


def evaluate(policy: Policy, items: list[Item], notes: list[str]) -> list[tuple[Item, str, bool]]:
    results: list[tuple[Item, str, bool]] = []
    for i, item in enumerate(items):
        note = notes[i % len(notes)]
        for condition in CONDITIONS:
            blocked = policy.evaluate(build(item, condition, note)).action == "block"
            results.append((item, condition, blocked))
    return results


def report(results: list[tuple[Item, str, bool]], show_errors: bool) -> None:
    splits = sorted({item.split for item, _, _ in results})
    for split in splits:
        rows = [r for r in results if r[0].split == split]
        print(f"\n== {split} ==")
        print(f"{'condition':<12} {'block recall':>16} {'false blocks':>16}")
        for condition in CONDITIONS:
            sub = [r for r in rows if r[1] == condition]
            b = [r for r in sub if r[0].label == "block"]
            a = [r for r in sub if r[0].label == "allow"]
            hit = sum(1 for r in b if r[2])
            fb = sum(1 for r in a if r[2])
            print(
                f"{condition:<12} {hit:>4}/{len(b):<4} {100 * hit / len(b):6.1f}% {fb:>4}/{len(a):<4} "
                f"{100 * fb / len(a):6.1f}%"
            )
        per_cat: dict[tuple[str, str], list[bool]] = defaultdict(list)
        for item, _condition, blocked in rows:
            per_cat[(item.label, item.category)].append(blocked)
        print(f"\n{'label':<6} {'category':<20} {'n':>4} {'blocked':>8} {'rate':>7}   (all conditions)")
        for (label, cat), flags in sorted(per_cat.items()):
            print(f"{label:<6} {cat:<20} {len(flags):>4} {sum(flags):>8} {100 * sum(flags) / len(flags):6.1f}%")
        per_variant: dict[str, list[bool]] = defaultdict(list)
        for item, _condition, blocked in rows:
            if item.label == "block":
                per_variant[item.variant].append(blocked)
        print(f"\n{'must-block variant':<20} {'n':>4} {'recall':>7}")
        for variant, flags in sorted(per_variant.items()):
            print(f"{variant:<20} {len(flags):>4} {100 * sum(flags) / len(flags):6.1f}%")
        errors = [r for r in rows if (r[0].label == "block") != r[2]]
        print(f"\nerrors: {len(errors)}")
        if show_errors:
            for item, condition, _blocked in errors:
                kind = "MISSED" if item.label == "block" else "FALSE BLOCK"
                text = (f"SYSTEM: {item.system} | " if item.system else "") + item.user
                print(f"  {kind:<11} {split}:{item.line:<4} {condition:<11} {item.category:<18} {text}")


def speed(policy: Policy, notes: list[str], runs: int = 300) -> None:
    from cosigner.tokens import count_tokens

    body = ""
    while count_tokens(body, "gpt-4o") < 4000:
        body += "\n\n".join(notes) + "\n\n"
    flat = " ".join(body.split())
    layouts = {
        "notes in paragraphs": "Please tidy up the wording of my notes below.\n\n" + body,
        "one unbroken block": "Please tidy up the wording of my notes below. " + flat,
    }
    for label, text in layouts.items():
        request = CheckRequest((Segment("user", text),), "gpt-4o")
        timings: list[float] = []
        for _ in range(runs):
            clear_caches()
            t0 = time.perf_counter()
            policy.evaluate(request)
            timings.append((time.perf_counter() - t0) * 1000)
        timings.sort()
        print(
            f"\nguard, {label}: {count_tokens(text, 'gpt-4o')} tokens ({len(text)} characters), {runs} runs: "
            f"p50 {statistics.median(timings):.3f} ms, p90 {timings[int(0.9 * runs)]:.3f} ms, "
            f"min {timings[0]:.3f} ms"
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=[*DEVELOPMENT, *HELD_OUT, "all"], default="all")
    parser.add_argument("--policy", type=Path, default=ROOT / "policies" / "default.toml")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--speed", action="store_true")
    args = parser.parse_args()
    policy = load_policy(args.policy)
    notes = load_notes()
    splits = [s for s in DEVELOPMENT if (DATA / f"{s}.tsv").exists()] if args.split == "all" else [args.split]
    items = [item for split in splits for item in load_items(split)]
    n_block = sum(1 for i in items if i.label == "block")
    print(
        f"policy {policy.name} v{policy.version}; {len(items)} requests ({n_block} must-block, "
        f"{len(items) - n_block} must-allow) × {len(CONDITIONS)} conditions; {len(notes)} case notes"
    )
    report(evaluate(policy, items, notes), args.errors)
    if args.speed:
        speed(policy, notes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

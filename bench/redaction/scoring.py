"""Strict scoring of redaction output against labelled spans (bench only).

- An identifier is caught only when every letter and digit in its gold span is covered by a predicted span.
- Character precision counts letters and digits of predicted spans: inside a gold span = true, inside a
  neutral span (cities, organisations, non-birth dates) = ignored, elsewhere = false.
- A document has zero leaks when every gold identifier in it is caught.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Score:
    caught: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    pred_true: Counter[str] = field(default_factory=Counter)
    pred_all: Counter[str] = field(default_factory=Counter)
    docs: int = 0
    clean_docs: int = 0
    leaks: list[tuple[str, str, str]] = field(default_factory=list)  # (doc id, type, leaked string)
    known_caught: int = 0
    known_total: int = 0
    known_full_name_leaks: int = 0
    origin_caught: Counter[str] = field(default_factory=Counter)
    origin_total: Counter[str] = field(default_factory=Counter)

    def add(self, doc: dict[str, Any], predicted: Sequence[tuple[int, int, str]]) -> None:
        text: str = doc["text"]
        covered = bytearray(len(text))
        for start, end, _kind in predicted:
            covered[start:end] = b"\x01" * (end - start)
        gold_mask = bytearray(len(text))
        neutral_mask = bytearray(len(text))
        for g in doc["gold"]:
            gold_mask[g["start"] : g["end"]] = b"\x01" * (g["end"] - g["start"])
        for n in doc.get("neutral", []):
            neutral_mask[n["start"] : n["end"]] = b"\x01" * (n["end"] - n["start"])
        leaked = False
        for g in doc["gold"]:
            kind = g["type"]
            chars = [i for i in range(g["start"], g["end"]) if text[i].isalnum()]
            if not chars:
                continue
            ok = all(covered[i] for i in chars)
            self.total[kind] += 1
            if g.get("known"):
                self.known_total += 1
                self.known_caught += ok
                if not ok and kind == "PERSON" and " " in text[g["start"] : g["end"]].strip():
                    self.known_full_name_leaks += 1
            if g.get("origin") and not g.get("known"):
                self.origin_total[g["origin"]] += 1
                self.origin_caught[g["origin"]] += ok
            if ok:
                self.caught[kind] += 1
            else:
                leaked = True
                self.leaks.append((doc["id"], kind, text[g["start"] : g["end"]]))
        for start, end, kind in predicted:
            for i in range(start, end):
                if not text[i].isalnum() or (neutral_mask[i] and not gold_mask[i]):
                    continue
                self.pred_all[kind] += 1
                self.pred_true[kind] += bool(gold_mask[i])
        self.docs += 1
        self.clean_docs += not leaked

    def recall(self, kind: str) -> float:
        return self.caught[kind] / self.total[kind] if self.total[kind] else float("nan")

    def precision(self, kind: str) -> float:
        return self.pred_true[kind] / self.pred_all[kind] if self.pred_all[kind] else float("nan")

    def report(self, title: str, show_leaks: bool = True, max_leaks: int | None = None) -> str:
        lines = [f"== {title}: {self.docs} documents =="]
        lines.append(f"{'type':<14}{'gold':>7}{'caught':>8}{'recall':>9}{'pred chars':>12}{'char prec':>11}")
        kinds = sorted(set(self.total) | set(self.pred_all))
        for kind in kinds:
            lines.append(
                f"{kind:<14}{self.total[kind]:>7}{self.caught[kind]:>8}{self.recall(kind):>9.4f}"
                f"{self.pred_all[kind]:>12}{self.precision(kind):>11.4f}"
            )
        all_total, all_caught = sum(self.total.values()), sum(self.caught.values())
        pred_all, pred_true = sum(self.pred_all.values()), sum(self.pred_true.values())
        lines.append(
            f"{'ALL':<14}{all_total:>7}{all_caught:>8}{all_caught / max(all_total, 1):>9.4f}"
            f"{pred_all:>12}{pred_true / max(pred_all, 1):>11.4f}"
        )
        if self.known_total:
            lines.append(
                f"known identifiers (case context): recall {self.known_caught / self.known_total:.4f} "
                f"({self.known_caught}/{self.known_total}); known full-name leaks: "
                f"{self.known_full_name_leaks}"
            )
        if self.origin_total:
            parts = [
                f"{origin} {self.origin_caught[origin] / self.origin_total[origin]:.4f} ({self.origin_total[origin]})"
                for origin in sorted(self.origin_total)
            ]
            lines.append("names not in the context, recall by origin: " + "; ".join(parts))
        lines.append(
            f"documents with zero leaks: {self.clean_docs / max(self.docs, 1):.4f} ({self.clean_docs}/{self.docs})"
        )
        if show_leaks:
            by_kind: dict[str, list[str]] = defaultdict(list)
            for doc_id, kind, value in self.leaks:
                by_kind[kind].append(f"{doc_id}: {value!r}")
            for kind in sorted(by_kind):
                shown = by_kind[kind] if max_leaks is None else by_kind[kind][:max_leaks]
                lines.append(f"-- leaked {kind} ({len(by_kind[kind])}):")
                lines.extend("   " + item for item in shown)
                if len(shown) < len(by_kind[kind]):
                    lines.append(f"   ... {len(by_kind[kind]) - len(shown)} more")
        return "\n".join(lines)


def score_all(docs: Iterable[dict[str, Any]], predict: Any) -> Score:
    score = Score()
    for doc in docs:
        score.add(doc, predict(doc))
    return score

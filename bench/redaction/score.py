"""Score the redaction engine: synthetic UK case notes (dev and held-out) and the presidio-research data.

.venv/bin/python -m bench.redaction.score                 # all sets, every leak printed
.venv/bin/python -m bench.redaction.score --set heldout   # one set (final2, the untouched split, only when named)
"""

from __future__ import annotations

import argparse
from typing import Any

from bench.redaction import corpus, presidio_data
from bench.redaction.scoring import Score, score_all
from cosigner.redaction import CaseContext, RedactionConfig, Redactor

REDACTOR = Redactor(RedactionConfig.default(), scan_cache=0)


def predict(doc: dict[str, Any]) -> list[tuple[int, int, str]]:
    context = CaseContext.from_json(doc["context"]) if doc.get("context") else None
    result = REDACTOR.redact([doc["text"]], context)
    return [(s.start, s.end, s.type) for s in result.spans[0]]


def run(name: str, count: int) -> Score:
    docs = list(corpus.generate(name, count)) if name in corpus.SEEDS else presidio_data.load(name)
    return score_all(docs, predict)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", choices=["dev", "heldout", "final", "final2", *presidio_data.FILES], action="append")
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--max-leaks", type=int, default=None, help="leaks printed per type (default: all)")
    parser.add_argument("--no-leaks", action="store_true")
    args = parser.parse_args()
    for name in args.set or ["dev", "heldout", "final", *presidio_data.FILES]:
        score = run(name, args.count)
        print(score.report(name, show_leaks=not args.no_leaks, max_leaks=args.max_leaks))
        print()


if __name__ == "__main__":
    main()

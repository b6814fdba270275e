"""Speed and memory of the redaction engine.

    .venv/bin/python -m bench.redaction.speed

Prints: throughput (MB/s on one core) on mixed case-note text, p50/p95 time to screen a ~4,000-token note,
the longest single redact call on a 16 KB input, and the memory the name dictionaries and automata take.
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc


def _mixed_text(size: int) -> str:
    from bench.redaction import corpus

    parts: list[str] = []
    total = 0
    for doc in corpus.generate("heldout", 400):
        parts.append(doc["text"])
        total += len(doc["text"])
        if total >= size:
            break
    text = "\n\n".join(parts)
    while len(text) < size:
        text += "\n\n" + text
    return text[:size]


def _tokens(text: str) -> int:
    from bpe_openai import get_encoding  # type: ignore[import-not-found]

    return len(get_encoding("cl100k_base").encode(text))


def main() -> None:
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    from cosigner.redaction import RedactionConfig, Redactor

    redactor = Redactor(RedactionConfig.default())
    redactor.redact(["warm up Kerry Nolan 943 476 5919"])
    dictionaries = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    gc.collect()

    big = _mixed_text(1_000_000)
    start = time.perf_counter()
    redactor.redact([big])
    elapsed = time.perf_counter() - start
    mb = len(big.encode()) / 1e6
    print(f"throughput, 1 MB mixed case notes in one call: {mb / elapsed:.2f} MB/s ({elapsed * 1000:.0f} ms)")

    chunks = [big[i : i + 16_000] for i in range(0, len(big), 16_000)]
    times = []
    for chunk in chunks:
        t0 = time.perf_counter()
        redactor.redact([chunk])
        times.append(time.perf_counter() - t0)
    print(
        f"throughput, 16 KB requests: {sum(len(c.encode()) for c in chunks) / 1e6 / sum(times):.2f} MB/s; "
        f"16 KB call p50 {statistics.median(times) * 1000:.2f} ms, max {max(times) * 1000:.2f} ms"
    )

    note = big[:16_500]
    try:
        tokens = _tokens(note)
    except Exception:
        tokens = len(note) // 4
    runs = []
    for _ in range(200):
        t0 = time.perf_counter()
        redactor.redact([note])
        runs.append(time.perf_counter() - t0)
    runs.sort()
    print(
        f"note of {len(note)} chars (~{tokens} tokens): p50 {runs[len(runs) // 2] * 1000:.2f} ms, "
        f"p95 {runs[int(len(runs) * 0.95)] * 1000:.2f} ms"
    )
    print(f"memory: detectors, gazetteers and automata loaded by the first Redactor: {dictionaries / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

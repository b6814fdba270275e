"""Speed and memory of the redaction engine.

    .venv/bin/python -m bench.redaction.speed            # the full benchmark
    .venv/bin/python -m bench.redaction.speed --quick    # CPU figures only, for interleaved before/after runs
    .venv/bin/python -m bench.redaction.speed --floor    # what single passes of CPython's re cost on one note
    .venv/bin/python -m bench.redaction.speed --conversation   # a chat resending its history, with and without
                                                               # the per-text scan cache

Prints throughput (MB/s on one core) on mixed case-note text, the p50/p95 time to screen a ~5,000-token note, and
the memory that the name dictionaries and automata take. Times are given twice. Wall-clock times are what a
caller waits. CPU times (process_time) are what the work costs; they are less disturbed when other jobs share
the 2 cores.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable


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


def _timed(call: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return time.perf_counter() - wall, time.process_time() - cpu


def quick() -> None:
    """CPU-time figures only (p50 of 120 runs), short enough to alternate an old tree and a new one."""
    from bench.redaction.realistic import STRATEGY, VISIT
    from cosigner.redaction import RedactionConfig, Redactor

    redactor = Redactor(RedactionConfig.default(), scan_cache=0)
    redactor.redact(["warm up Kerry Nolan 943 476 5919"])
    mixed = _mixed_text(300_000)
    note = mixed[:16_500]
    realistic = ((VISIT + "\n\n" + STRATEGY + "\n\n") * 20)[:16_500]
    note_cpu = sorted(_timed(lambda: redactor.redact([note]))[1] for _ in range(120))[60]
    real_cpu = sorted(_timed(lambda: redactor.redact([realistic]))[1] for _ in range(120))[60]
    chunks = [mixed[i : i + 16_000] for i in range(0, len(mixed), 16_000)]
    cpu = sum(_timed(lambda c=chunk: redactor.redact([c]))[1] for chunk in chunks)
    size = sum(len(c.encode()) for c in chunks) / 1e6
    print(
        f"mixed note 16.5 KB p50 {note_cpu * 1000:.1f} ms CPU; realistic 16.5 KB p50 {real_cpu * 1000:.1f} ms CPU; "
        f"16 KB requests {size / cpu:.2f} MB/s CPU"
    )


def floor() -> None:
    """The cost of the cheapest building blocks on the same 16.5 KB note, to show how far a pure-Python engine
    can go: at 10 MB/s the whole budget for this note is 1.65 ms."""
    import re

    note = _mixed_text(300_000)[:16_500]
    passes = {
        "one pass of a digit-led pattern (\\d\\d[ .-]?\\d\\d)": lambda: re.compile(r"\d\d[ .-]?\d\d").findall(note),
        "one pass listing digit runs (\\d+, with positions)": lambda: [m.span() for m in re.finditer(r"\d+", note)],
        "one pass of a letter-led identifier pattern (NINO shape)": lambda: re.findall(
            r"(?<!\w)[A-Za-z][A-Za-z] ?\d\d ?\d\d ?\d\d ?[A-D]?(?!\w)", note
        ),
        "words only, no per-word Python ([^\\W\\d_]+ findall)": lambda: re.findall(r"[^\W\d_]+", note),
        "words with positions and one set lookup each": lambda: [
            m.span() for m in re.finditer(r"[^\W\d_]+", note) if m.group() not in _EMPTY
        ],
    }
    budget = len(note.encode()) / 10e6 * 1000
    print(f"16.5 KB mixed note; the 10 MB/s target allows {budget:.2f} ms of CPU for it in all")
    for label, call in passes.items():
        cpu = sorted(_timed(call)[1] for _ in range(200))[100]
        print(f"  {cpu * 1000:6.3f} ms  {label}")


_EMPTY: frozenset[str] = frozenset()


def conversation(turns: int = 12) -> None:
    """A chat in which every request resends the history: each turn adds a ~1.4 KB note and a short reply."""
    from bench.distinct import distinct
    from cosigner.redaction import RedactionConfig, Redactor

    mixed = _mixed_text(turns * 1_400 + 1_000)
    notes = [mixed[i * 1_400 : (i + 1) * 1_400] for i in range(turns)]
    reply = "Here is a tidier version of the note, with the same facts in the same order. " * 8
    for label, size in (("no scan cache", 0), ("scan cache (default)", 256)):
        cpu_last: list[float] = []
        cpu_all: list[float] = []
        for run in range(5):
            redactor = Redactor(RedactionConfig.default(), scan_cache=size)
            history: list[str] = []
            total = 0.0
            for turn in range(turns):
                history.append(distinct(notes[turn], run))
                cpu = _timed(lambda r=redactor, h=tuple(history): r.redact(list(h)))[1]
                total += cpu
                history.append(distinct(reply, run * 100 + turn))
            cpu_last.append(cpu)
            cpu_all.append(total)
        chars = sum(len(distinct(n, 0)) for n in notes) + len(reply) * (turns - 1)
        print(
            f"{label:<22} last request ({chars / 1000:.1f} K chars of history) p50 "
            f"{statistics.median(cpu_last) * 1000:.1f} ms CPU; the whole {turns}-turn chat "
            f"{statistics.median(cpu_all) * 1000:.1f} ms CPU"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="CPU figures only")
    parser.add_argument("--floor", action="store_true", help="the cost of single regex passes on one note")
    parser.add_argument("--conversation", action="store_true", help="a chat resending its history")
    args = parser.parse_args()
    if args.conversation:
        conversation()
        return
    if args.floor:
        floor()
        return
    if args.quick:
        quick()
        return
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    from cosigner.redaction import RedactionConfig, Redactor

    redactor = Redactor(RedactionConfig.default(), scan_cache=0)
    redactor.redact(["warm up Kerry Nolan 943 476 5919"])
    dictionaries = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    gc.collect()

    big = _mixed_text(1_000_000)
    mb = len(big.encode()) / 1e6
    wall, cpu = _timed(lambda: redactor.redact([big]))
    print(f"1 MB of mixed case notes in one call: {mb / wall:.2f} MB/s wall, {mb / cpu:.2f} MB/s CPU")

    chunks = [big[i : i + 16_000] for i in range(0, len(big), 16_000)]
    walls, cpus = zip(*(_timed(lambda c=chunk: redactor.redact([c])) for chunk in chunks), strict=True)
    size = sum(len(c.encode()) for c in chunks) / 1e6
    print(
        f"16 KB requests: {size / sum(walls):.2f} MB/s wall, {size / sum(cpus):.2f} MB/s CPU; "
        f"per call p50 {statistics.median(walls) * 1000:.1f} ms wall, {statistics.median(cpus) * 1000:.1f} ms CPU"
    )

    note = big[:16_500]
    try:
        tokens = _tokens(note)
    except Exception:
        tokens = len(note) // 4
    runs = sorted(_timed(lambda: redactor.redact([note])) for _ in range(200))
    cpu_runs = sorted(cpu for _wall, cpu in runs)
    print(
        f"note of {len(note)} chars (~{tokens} tokens): p50 {runs[100][0] * 1000:.1f} ms wall, "
        f"p95 {runs[190][0] * 1000:.1f} ms wall; p50 {cpu_runs[100] * 1000:.1f} ms CPU"
    )
    from bench.redaction.realistic import STRATEGY, VISIT

    realistic = ((VISIT + "\n\n" + STRATEGY + "\n\n") * 20)[:16_500]
    cpu_real = sorted(_timed(lambda: redactor.redact([realistic]))[1] for _ in range(100))
    print(f"realistic notes (visit + strategy discussion) repeated to 16.5 KB: p50 {cpu_real[50] * 1000:.1f} ms CPU")
    print(f"memory: detectors, gazetteers and automata loaded by the first Redactor: {dictionaries / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

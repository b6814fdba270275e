"""``python -m bench``: the benchmark commands, one per figure family (figures are recorded in docs/benchmarks.md)."""

COMMANDS = [
    ("python -m bench.overhead", "proxy overhead vs a bare aiohttp relay: latency, throughput, stream chunks, RSS"),
    ("python -m bench.loop_steps", "longest event-loop step while screening 16 KB inputs"),
    ("python -m bench.redaction.speed", "redaction throughput (MB/s per core), 4,000-token note latency, memory"),
    ("python -m bench.redaction.score", "redaction recall/precision per type on synthetic UK notes and the public set"),
    ("python -m bench.guard --split all --errors --speed", "judgement guard recall / false blocks, guard latency"),
    ("python -m bench.guard --split heldout8 --errors", "the guard on a frozen held-out split (also heldout9)"),
    ("python -m bench.guard.train --exclude dev31 --eval dev31", "the guard's wording model on a split left out"),
    ("python bench/audit/bench_append.py", "audit write cost on the request path"),
    ("python bench/audit/bench_verify.py", "audit verify over 1,000,000 entries"),
    ("python bench/diff/bench_diff.py", "word diff + hunks for two 2,000-word texts, 30 % changed"),
    ("python bench/extension/bench_extension.py", "extension: click 'Draft' to diff on screen; package size"),
]

print("Benchmarks (run from the repository root with the project's venv, e.g. .venv/bin/python ...):")
for command, what in COMMANDS:
    print(f"  {command:55} {what}")

"""`audit verify` throughput: build a log of N entries through the real writer, then verify it.

Target: 1,000,000 entries verified in ≤ 60 s.
Usage: .venv/bin/python bench/audit/bench_verify.py [--entries 1000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from cosigner.keys import KeyStore
from cosigner.store.audit_log import AuditLog
from cosigner.store.verify import verify_log


async def build(data_dir: Path, entries: int) -> KeyStore:
    keys = KeyStore(data_dir)
    log = await AuditLog.open(data_dir / "audit.db", keys, origin="bench/verify", checkpoint_every=1000)
    chunk = 5000
    for start in range(0, entries, chunk):
        for i in range(start, min(start + chunk, entries)):
            log.submit(
                "exchange_completed",
                {"status": 200, "model": "gpt-4o-mini", "counts": {"PERSON": i % 4}, "duration_ms": i % 900},
            )
        await log.checkpoint("bench")  # waits for the chunk: keeps the queue bounded
    await log.close()
    return keys


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="build in (or reuse) this directory instead of a temp one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.keep or Path(tmp)
        data_dir.mkdir(parents=True, exist_ok=True)
        if (data_dir / "audit.db").exists():
            keys = KeyStore(data_dir)
            print("reusing existing log")
        else:
            t0 = time.perf_counter()
            keys = asyncio.run(build(data_dir, args.entries))
            print(f"built {args.entries:,} entries (+ checkpoints) in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        report = verify_log(data_dir / "audit.db", keys.public_keys())
        elapsed = time.perf_counter() - t0
    print(f"{'entries':>12} {'seconds':>9} {'entries/s':>12} {'ok':>4}")
    print(f"{report.entries:>12,} {elapsed:>9.1f} {report.entries / elapsed:>12,.0f} {report.ok!s:>4}")
    if not report.ok:
        print("verification failed:", report.reason)


if __name__ == "__main__":
    main()

"""Audit write cost on the request path.

Prints p50/p95 of:
- submit(): what a request pays for a plain metadata event (validation + queue put; written by the next
  group commit);
- submit_tracked() + awaiting its commit: the request_screened event, queued before forwarding and awaited before
  the reply is released (request metadata only: committed without an fsync of its own);
- await append(): time to an fsynced acknowledgement, alone and with 32 concurrent writers (group commit).

Usage: .venv/bin/python bench/audit/bench_append.py [--events 20000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from cosigner.keys import KeyStore
from cosigner.store.audit_log import AuditLog

FIELDS = {
    "exchange": "01JDX4Y7ZQ3M",
    "route": "/v1/chat/completions",
    "model": "gpt-4o-mini",
    "policy": "default",
    "policy_hash": "ab" * 32,
    "counts": {"PERSON": 2, "NHS_NUMBER": 1, "POSTCODE": 1},
    "timings": {"parse": 0.12, "check": 0.4, "redact": 1.9},
    "status": 200,
}


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


async def main(events: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        keys = KeyStore(Path(tmp))
        log = await AuditLog.open(Path(tmp) / "audit.db", keys, origin="bench/audit")
        submit_us: list[float] = []
        for i in range(events):
            fields = {**FIELDS, "status": 200 + i % 2}
            t0 = time.perf_counter()
            log.submit("exchange_completed", fields)
            submit_us.append((time.perf_counter() - t0) * 1e6)
            if i % 500 == 0:
                await asyncio.sleep(0)  # let the loop breathe as a server would
        await log.checkpoint("bench")

        tracked_us: list[float] = []
        tracked_commit_ms: list[float] = []
        for i in range(min(events, 2000)):
            fields = {**FIELDS, "status": 200 + i % 2}
            t0 = time.perf_counter()
            pending = log.submit_tracked("exchange_completed", fields)
            tracked_us.append((time.perf_counter() - t0) * 1e6)
            await pending
            tracked_commit_ms.append((time.perf_counter() - t0) * 1e3)

        single_ms: list[float] = []
        for _ in range(300):
            t0 = time.perf_counter()
            await log.append("draft_rejected", {"hunks_total": 3, "review_ms": 1200})
            single_ms.append((time.perf_counter() - t0) * 1e3)

        async def timed() -> float:
            t0 = time.perf_counter()
            await log.append("draft_accepted", {"hunks_total": 3, "bulk_accept": False})
            return (time.perf_counter() - t0) * 1e3

        concurrent_ms: list[float] = []
        writer = log._writer
        assert writer is not None
        commits_before = writer.commits
        t_start = time.perf_counter()
        for _ in range(60):
            concurrent_ms.extend(await asyncio.gather(*(timed() for _ in range(32))))
        elapsed = time.perf_counter() - t_start
        commits = writer.commits - commits_before
        await log.close()

    print(f"{'measure':<44} {'p50':>9} {'p95':>9}")
    print(f"{'submit() on the request path (µs)':<44} {pct(submit_us, 50):>9.1f} {pct(submit_us, 95):>9.1f}")
    print(f"{'submit_tracked() on the request path (µs)':<44} {pct(tracked_us, 50):>9.1f} {pct(tracked_us, 95):>9.1f}")
    print(
        f"{'  its commit awaited, 1 writer (ms)':<44} {pct(tracked_commit_ms, 50):>9.2f} "
        f"{pct(tracked_commit_ms, 95):>9.2f}"
    )
    print(f"{'await append(), 1 writer (ms)':<44} {pct(single_ms, 50):>9.2f} {pct(single_ms, 95):>9.2f}")
    print(
        f"{'await append(), 32 concurrent (ms)':<44} {pct(concurrent_ms, 50):>9.2f} "
        f"{pct(concurrent_ms, 95):>9.2f}"
    )
    print(
        f"group commit: {len(concurrent_ms)} awaited appends in {commits} commits, "
        f"{len(concurrent_ms) / elapsed:,.0f} acknowledged appends/s"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=20000)
    asyncio.run(main(parser.parse_args().events))

"""Helper process for the crash-safety test: appends awaited decisions in bursts and prints each acknowledged
seq on its own line (flushed) the moment ``append`` returns. The test SIGKILLs it mid-burst.

Run as: python tests/store/crash_writer.py <data_dir> <count>
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from cosigner.keys import KeyStore
from cosigner.store.audit_log import AuditLog

HMAC = "h1:2026-11:" + "0123456789abcdef" * 2


async def main(data_dir: Path, count: int) -> None:
    keys = KeyStore(data_dir)
    log = await AuditLog.open(data_dir / "audit.db", keys, origin="cosigner.test/crash", checkpoint_every=25)
    sys.stdout.write("ready\n")
    sys.stdout.flush()

    async def decide(i: int) -> None:
        fields = {"practitioner": HMAC, "hunks_total": i % 7, "bulk_accept": False, "review_ms": i}
        if i % 5 == 0:
            ref, _ = await log.append_with_checkpoint("draft_accepted", fields)
        else:
            ref = await log.append("draft_rejected", fields)
        sys.stdout.write(f"ack {ref.seq} {ref.hash}\n")
        sys.stdout.flush()

    for start in range(0, count, 8):
        await asyncio.gather(*(decide(i) for i in range(start, min(start + 8, count))))
    sys.stdout.write("done\n")
    sys.stdout.flush()
    await asyncio.sleep(3600)  # wait to be killed


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2])))

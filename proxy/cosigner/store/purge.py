"""Retention on an append-only log: turn old rows into tombstones, record that in the chain, sign it.

A tombstone keeps a row's ``seq`` and ``hash`` and clears its body, time and type, so the hash chain and
the Merkle tree over the remaining rows still verify (both need only the hashes of purged rows). A
``purge`` entry records the cut-off, how many rows are tombstones and a digest of exactly which seqs they
are; a checkpoint signed in the same transaction covers it. The verifier accepts a tombstone only when the
last purge entry accounts for it, so "deleting" a row by blanking it is still detected. Event types in
``keep_types`` (acceptance records follow the case record, which can be kept for decades) are never
purged."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from cosigner.keys import period_of
from cosigner.store.entries import EntryRef, utc_timestamp
from cosigner.store.note import Checkpoint
from cosigner.store.writer import ChainWriter

DEFAULT_KEEP_TYPES = frozenset(
    {
        "draft_issued", "draft_accepted", "draft_rejected", "draft_inserted", "policy_loaded",
        "policy_refused", "key_rotated", "checkpoint", "purge",
    }
)
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class PurgeResult:
    tombstoned: int
    tombstoned_total: int
    entry: EntryRef
    checkpoint: Checkpoint
    hmac_destroy_before: str


def tombstone_digest(seqs: Iterable[int]) -> str:
    """SHA-256 over the tombstoned seqs in ascending order, each as 8 bytes big-endian."""
    digest = hashlib.sha256()
    for seq in seqs:
        digest.update(seq.to_bytes(8, "big"))
    return digest.hexdigest()


def run_purge(
    writer: ChainWriter, cutoff: datetime, retention_days: int, keep_types: frozenset[str]
) -> PurgeResult:
    """Runs inside the writer's transaction (a CallJob)."""
    conn = writer.conn
    before_time = utc_timestamp(cutoff)
    kept = sorted(keep_types | {"checkpoint", "purge"})
    marks = ",".join("?" for _ in kept)
    doomed = [
        seq
        for (seq,) in conn.execute(
            f"SELECT seq FROM entries WHERE body IS NOT NULL AND time < ? AND type NOT IN ({marks}) "
            "ORDER BY seq",
            (before_time, *kept),
        )
    ]
    for start in range(0, len(doomed), _CHUNK):
        chunk = doomed[start : start + _CHUNK]
        conn.execute(
            f"UPDATE entries SET body = NULL, time = NULL, type = NULL "
            f"WHERE seq IN ({','.join('?' for _ in chunk)})",
            chunk,
        )
    rows = conn.execute("SELECT seq FROM entries WHERE body IS NULL ORDER BY seq")
    all_tombstones = [seq for (seq,) in rows]
    hmac_before = period_of(cutoff)
    entry = writer.write_entry(
        "purge",
        {
            "before_time": before_time,
            "before_seq": (all_tombstones[-1] + 1) if all_tombstones else 0,
            "retention_days": retention_days,
            "kept_types": kept,
            "tombstoned": len(doomed),
            "tombstoned_total": len(all_tombstones),
            "tombstone_digest": tombstone_digest(all_tombstones),
            "hmac_destroyed_before": hmac_before,
        },
    )
    checkpoint = writer.write_checkpoint("purge")
    return PurgeResult(len(doomed), len(all_tombstones), entry, checkpoint, hmac_before)

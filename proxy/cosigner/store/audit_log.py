"""The audit log's public face: append events, sign checkpoints, prove inclusion, purge, rotate keys.

Which events are awaited (acknowledged only after their commit) and which are submitted (queued, written by
the next group commit, not awaited):
- ``await log.append(...)`` for anything that is evidence a caller relies on: draft_issued,
  draft_accepted, draft_rejected, draft_inserted (receipts), request_blocked, policy_loaded,
  policy_refused, key_rotated, purge;
  ``await log.append_with_checkpoint(...)`` for acceptances (the receipt needs the checkpoint reference).
- ``log.submit(...)`` for plain per-request metadata on the hot path: request_screened, redacted, forwarded,
  upstream_error, exchange_completed. Submitting costs microseconds (validation + a queue put). If the commit
  that carries a submitted event fails, the log turns unhealthy and every later ``submit``/``append`` raises
  ``AuditFailed``: requests fail closed from then on, because the chain can no longer vouch for what happened.
Both paths validate fields synchronously against the allowlist (``schema.py``), so a bad event always fails
the request that tried to log it.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cosigner.errors import AuditFailed, ConfigError
from cosigner.keys import KeyStore
from cosigner.store import db
from cosigner.store.collector import CheckpointAnchor
from cosigner.store.entries import EntryRef, utc_timestamp
from cosigner.store.lock import DirectoryLock
from cosigner.store.merkle import inclusion_proof as merkle_inclusion_proof
from cosigner.store.netfs import network_filesystem
from cosigner.store.note import Checkpoint
from cosigner.store.purge import DEFAULT_KEEP_TYPES, PurgeResult, run_purge
from cosigner.store.schema import AuditFieldRejected, validate_event
from cosigner.store.writer import AppendJob, CallJob, ChainWriter, CheckpointJob, Job, StopJob

__all__ = ["AuditLog", "Checkpoint", "EntryRef", "PurgeResult", "stored_origin"]

logger = logging.getLogger("cosigner.audit")


class AuditLog:
    """Open with ``await AuditLog.open(...)``; one instance (one process) per database."""

    def __init__(self, db_path: Path, keys: KeyStore, origin: str, lock: DirectoryLock) -> None:
        self.db_path = db_path
        self.keys = keys
        self.origin = origin
        self._lock = lock
        self._writer: ChainWriter | None = None
        self._anchor: CheckpointAnchor | None = None
        self._failure: str | None = None
        self._closed = False
        self._closing = False
        self.last_anchored_at: datetime | None = None
        self.last_anchored_size: int | None = None

    @classmethod
    async def open(
        cls,
        db_path: Path,
        keys: KeyStore,
        *,
        origin: str,
        checkpoint_every: int = 100,
        checkpoint_interval_s: float = 900,
        collector_url: str | None = None,
    ) -> AuditLog:
        if checkpoint_every < 1 or checkpoint_interval_s <= 0:
            raise ConfigError("checkpoint_every and checkpoint_interval_s must be positive")
        db_path, lock = await asyncio.to_thread(_prepare_directory, Path(db_path))
        log = cls(db_path, keys, origin, lock)
        loop = asyncio.get_running_loop()
        writer = ChainWriter(
            db_path, keys, origin, loop,
            checkpoint_every=checkpoint_every,
            checkpoint_interval_s=checkpoint_interval_s,
            on_checkpoint=lambda cp: loop.call_soon_threadsafe(log._checkpoint_committed, cp),
            on_failure=log._writer_failed,
        )
        writer.start()
        try:
            await writer.ready
        except BaseException:
            lock.release()
            raise
        log._writer = writer
        log.last_anchored_at, log.last_anchored_size = await asyncio.to_thread(_read_anchor_state, db_path)
        if collector_url:
            log._anchor = CheckpointAnchor(collector_url, log._mark_anchored)
            log._anchor.start()
        last = writer.last_checkpoint
        try:
            if writer.head.size and (last is None or last.tree_size < writer.head.size):
                await log.checkpoint("recovery")  # entries from before a crash get signed now
            elif last is not None and log._anchor is not None:
                log._anchor.offer(last)
        except BaseException:
            await log.close()
            raise
        return log

    # writing

    def submit(self, event_type: str, fields: dict[str, Any]) -> None:
        """Queue an event for the next group commit without waiting for it (hot-path metadata only)."""
        self._enqueue(AppendJob(event_type, self._checked(event_type, fields), utc_timestamp(), durable=False))

    def submit_tracked(self, event_type: str, fields: dict[str, Any]) -> asyncio.Future[EntryRef]:
        """Queue an event for the next group commit and return a future that settles when it is committed.

        The caller goes on (forwarding a request, say) while the commit happens, and awaits the future before it
        releases anything that depends on the event being on record.
        """
        future: asyncio.Future[EntryRef] = asyncio.get_running_loop().create_future()
        checked = self._checked(event_type, fields)
        self._enqueue(AppendJob(event_type, checked, utc_timestamp(), future, durable=False))
        return future

    async def append(self, event_type: str, fields: dict[str, Any]) -> EntryRef:
        """Write an event and return once it is committed (fsynced)."""
        future: asyncio.Future[EntryRef] = asyncio.get_running_loop().create_future()
        self._enqueue(AppendJob(event_type, self._checked(event_type, fields), utc_timestamp(), future))
        return await future

    async def append_with_checkpoint(
        self, event_type: str, fields: dict[str, Any], reason: str = "acceptance"
    ) -> tuple[EntryRef, Checkpoint]:
        """Write an event and a signed checkpoint covering it in one commit (used for acceptances)."""
        future: asyncio.Future[tuple[EntryRef, Checkpoint]] = asyncio.get_running_loop().create_future()
        checked = self._checked(event_type, fields)
        validate_event("checkpoint", {"reason": reason})
        self._enqueue(AppendJob(event_type, checked, utc_timestamp(), future, then_checkpoint=reason))
        return await future

    async def checkpoint(self, reason: str) -> Checkpoint:
        validate_event("checkpoint", {"reason": reason})
        future: asyncio.Future[Checkpoint] = asyncio.get_running_loop().create_future()
        self._enqueue(CheckpointJob(reason, future))
        return await future

    async def rotate_key(self) -> str:
        """Rotate the signing key: checkpoint with the old key, record it, checkpoint with the new one."""

        def rotate(writer: ChainWriter) -> str:
            writer.write_checkpoint("pre_rotation")
            old = self.keys.key_id
            new = self.keys.rotate()
            writer.write_entry("key_rotated", {"key_kind": "signing", "old_key_id": old, "new_key_id": new})
            writer.write_checkpoint("key_rotated")
            return new

        new_id: str = await self._call(rotate)
        return new_id

    async def purge(
        self,
        retention_days: int,
        *,
        keep_types: frozenset[str] = DEFAULT_KEEP_TYPES,
        destroy_hmac_keys: bool = True,
        now: datetime | None = None,
    ) -> PurgeResult:
        """Tombstone entries older than ``retention_days`` (except ``keep_types``), record and sign that, then
        destroy HMAC keys of the calendar months that ended before the cut-off."""
        if retention_days < 0:
            raise ConfigError("retention_days must not be negative")
        cutoff = (now or datetime.now(UTC)) - timedelta(days=retention_days)
        result: PurgeResult = await self._call(
            lambda writer: run_purge(writer, cutoff, retention_days, keep_types)
        )
        if destroy_hmac_keys:
            await asyncio.to_thread(self.keys.destroy_hmac_keys_before, result.hmac_destroy_before)
        return result

    # reading

    @property
    def size(self) -> int:
        return 0 if self._writer is None else self._writer.head.size

    @property
    def last_checkpoint(self) -> Checkpoint | None:
        return None if self._writer is None else self._writer.last_checkpoint

    @property
    def healthy(self) -> bool:
        return self._failure is None and not self._closed and not self._closing

    async def inclusion_proof(self, seq: int, tree_size: int) -> list[bytes]:
        """RFC 6962 audit path for entry ``seq`` in the tree of the first ``tree_size`` entries."""
        if not 0 <= seq < tree_size <= self.size:
            raise AuditFailed("inclusion proof requested outside the committed tree")
        leaves = await asyncio.to_thread(_read_leaf_hashes, self.db_path, tree_size)
        return merkle_inclusion_proof(leaves, seq)

    # lifecycle

    async def close(self) -> None:
        """Finish queued writes, sign a final checkpoint, stop the writer, release the directory lock."""
        if self._closed or self._closing:
            return
        self._closing = True  # from here on new writes are refused; queued ones still complete
        writer = self._writer
        try:
            if writer is not None and writer.is_alive():
                future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
                writer.jobs.put(StopJob(future))
                try:
                    await future
                finally:
                    await asyncio.to_thread(writer.join)
            if self._anchor is not None:
                await self._anchor.close()
        finally:
            self._closed = True
            self._lock.release()

    # internals

    def _checked(self, event_type: str, fields: dict[str, Any]) -> dict[str, Any]:
        if event_type == "checkpoint":
            raise AuditFieldRejected("checkpoint entries are written by the log itself")
        validate_event(event_type, fields)
        return {k: copy.deepcopy(v) if isinstance(v, dict | list) else v for k, v in fields.items()}

    def _enqueue(self, job: Job) -> None:
        if self._closed or self._closing or self._writer is None:
            raise AuditFailed("the audit log is closed")
        if self._failure is not None:
            raise AuditFailed(f"the audit log is unhealthy: {self._failure}")
        if not self._writer.is_alive():
            raise AuditFailed("the audit writer has stopped")
        self._writer.jobs.put(job)

    async def _call(self, fn: Any) -> Any:
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._enqueue(CallJob(fn, future))
        return await future

    def _writer_failed(self, message: str) -> None:
        self._failure = message

    def _checkpoint_committed(self, checkpoint: Checkpoint) -> None:
        if self._anchor is not None:
            self._anchor.offer(checkpoint)

    async def _mark_anchored(self, checkpoint: Checkpoint, when: datetime) -> None:
        self.last_anchored_at, self.last_anchored_size = when, checkpoint.tree_size
        stamp = utc_timestamp(when)

        def mark(writer: ChainWriter) -> None:
            writer.conn.execute(
                "UPDATE checkpoints SET anchored_at = ? WHERE tree_size = ?", (stamp, checkpoint.tree_size)
            )

        if self.healthy:
            try:
                await self._call(mark)
            except AuditFailed as exc:
                logger.warning("could not record anchoring time: %s", exc.message)


def stored_origin(db_path: Path) -> str | None:
    """The origin an existing log was created with (None when there is no log yet).

    The origin names the log for its whole life and is signed into every checkpoint, so it must not change
    (e.g. must not embed the current signing key id, which changes on rotation):
    ``origin = stored_origin(path) or f"cosigner.local/{install_id}"``.
    """
    if not Path(db_path).exists():
        return None
    conn = sqlite3.connect(f"file:{Path(db_path).absolute()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'origin'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return None if row is None else str(row[0])


def _prepare_directory(db_path: Path) -> tuple[Path, DirectoryLock]:
    """Refuse network filesystems, create the directory, take the one-writer lock."""
    db_path = db_path.absolute()
    remote = network_filesystem(db_path.parent)
    if remote is not None:
        raise ConfigError(
            f"the audit log cannot live on a network filesystem ({remote}); choose a local data directory"
        )
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = DirectoryLock(db_path.with_name(db_path.name + ".lock"))
    lock.acquire()
    return db_path, lock


def _read_leaf_hashes(db_path: Path, tree_size: int) -> list[bytes]:
    conn = db.connect(db_path, readonly=True)
    try:
        rows = conn.execute("SELECT hash FROM entries WHERE seq < ? ORDER BY seq", (tree_size,)).fetchall()
    finally:
        conn.close()
    if len(rows) != tree_size:
        raise AuditFailed("audit log has missing entries; run 'cosigner audit verify'")
    return [bytes(row[0]) for row in rows]


def _read_anchor_state(db_path: Path) -> tuple[datetime | None, int | None]:
    conn = db.connect(db_path, readonly=True)
    try:
        row = conn.execute(
            "SELECT anchored_at, tree_size FROM checkpoints WHERE anchored_at IS NOT NULL "
            "ORDER BY tree_size DESC LIMIT 1"
        ).fetchone()
    except sqlite3.Error:
        return None, None
    finally:
        conn.close()
    if row is None:
        return None, None
    return datetime.strptime(row[0], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC), int(row[1])

"""The audit log's single writer thread: group commit of queued jobs, chain head and checkpoints.

Jobs queue up while a commit is in flight; the thread takes every queued job, writes them all in one
transaction (BEGIN IMMEDIATE ... COMMIT with synchronous=FULL: one fsync for the whole group; a group of
per-request metadata only is committed with synchronous=NORMAL, see ``_needs_fsync``) and only then resolves their
futures. A failed transaction resolves every future in it with AuditFailed and restores the in-memory chain head,
so nothing is acknowledged that is not on disk.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cosigner.errors import AuditFailed
from cosigner.keys import KeyStore
from cosigner.store import db
from cosigner.store.entries import GENESIS_PREV_HASH, EntryRef, encode_entry, entry_hash, utc_timestamp
from cosigner.store.merkle import Frontier
from cosigner.store.note import Checkpoint, note_body, sign_note

logger = logging.getLogger("cosigner.audit")

_MAX_BATCH = 2000


@dataclass(slots=True)
class AppendJob:
    event_type: str
    fields: dict[str, Any]
    time: str
    future: asyncio.Future[Any] | None = None
    then_checkpoint: str | None = None  # reason: sign a checkpoint right after this entry, same commit
    # False for per-request metadata: a batch of nothing else commits without an fsync of its own (see _run_batch)
    durable: bool = True


@dataclass(slots=True)
class CheckpointJob:
    reason: str
    future: asyncio.Future[Any] | None = None


@dataclass(slots=True)
class CallJob:
    """Run ``fn(writer)`` inside the writer's transaction (purge, key rotation, anchoring marks)."""

    fn: Callable[[ChainWriter], Any]
    future: asyncio.Future[Any] | None = None


@dataclass(slots=True)
class StopJob:
    future: asyncio.Future[Any] | None = None


Job = AppendJob | CheckpointJob | CallJob | StopJob


@dataclass(slots=True)
class ChainHead:
    size: int = 0
    prev_hash: str = GENESIS_PREV_HASH
    frontier: Frontier = field(default_factory=Frontier)
    since_checkpoint: int = 0
    last_checkpoint_monotonic: float = field(default_factory=time.monotonic)

    def snapshot(self) -> ChainHead:
        return ChainHead(
            self.size, self.prev_hash, self.frontier.copy(), self.since_checkpoint,
            self.last_checkpoint_monotonic,
        )


class ChainWriter(threading.Thread):
    def __init__(
        self,
        db_path: Path,
        keys: KeyStore,
        origin: str,
        loop: asyncio.AbstractEventLoop,
        *,
        checkpoint_every: int,
        checkpoint_interval_s: float,
        on_checkpoint: Callable[[Checkpoint], object],
        on_failure: Callable[[str], None],
    ) -> None:
        super().__init__(name="cosigner-audit-writer", daemon=True)
        self.db_path, self.keys, self.origin, self.loop = db_path, keys, origin, loop
        self.checkpoint_every = checkpoint_every
        self.checkpoint_interval_s = checkpoint_interval_s
        self.jobs: queue.SimpleQueue[Job] = queue.SimpleQueue()
        self.head = ChainHead()
        self.last_checkpoint: Checkpoint | None = None
        self.ready: asyncio.Future[None] = loop.create_future()
        self._on_checkpoint = on_checkpoint
        self._on_failure = on_failure
        self._conn: sqlite3.Connection | None = None
        self._pending_checkpoints: list[Checkpoint] = []
        self._synchronous_full = True  # db.connect opens with synchronous=FULL
        self.commits = 0  # group commits so far (tests and bench read it)

    @property
    def conn(self) -> sqlite3.Connection:
        assert self._conn is not None, "writer connection used outside the writer thread"
        return self._conn

    # thread body

    def run(self) -> None:
        try:
            self._conn = db.connect(self.db_path)
            db.ensure_schema(self._conn, self.origin)
            self._load_head()
        except Exception as exc:  # reported to open(); the thread ends
            self._resolve(self.ready, exc if isinstance(exc, AuditFailed) else AuditFailed(_describe(exc)))
            return
        self._resolve(self.ready, None)
        try:
            self._loop_jobs()
        finally:
            self.conn.close()

    def _loop_jobs(self) -> None:
        while True:
            try:
                first = self.jobs.get(timeout=self._seconds_to_interval_checkpoint())
            except queue.Empty:
                if self.head.since_checkpoint:
                    self._run_batch([CheckpointJob("interval")])
                else:
                    self.head.last_checkpoint_monotonic = time.monotonic()
                continue
            batch: list[Job] = [first]
            while len(batch) < _MAX_BATCH:
                try:
                    batch.append(self.jobs.get_nowait())
                except queue.Empty:
                    break
            stop = next((job for job in batch if isinstance(job, StopJob)), None)
            work = [job for job in batch if not isinstance(job, StopJob)]
            if stop is not None and (self.head.since_checkpoint or self.last_checkpoint is None or work):
                work.append(CheckpointJob("shutdown"))
            if work:
                self._run_batch(work)
            if stop is not None:
                self._refuse_remaining()
                self._resolve(stop.future, None)
                return

    def _refuse_remaining(self) -> None:
        """Jobs queued after the stop request get an answer instead of waiting forever."""
        closed = AuditFailed("the audit log is closed")
        while True:
            try:
                job = self.jobs.get_nowait()
            except queue.Empty:
                return
            self._resolve(job.future, closed)

    def _seconds_to_interval_checkpoint(self) -> float:
        elapsed = time.monotonic() - self.head.last_checkpoint_monotonic
        return max(0.05, self.checkpoint_interval_s - elapsed)

    def _run_batch(self, batch: Sequence[Job]) -> None:
        saved = self.head.snapshot()
        results: list[tuple[asyncio.Future[Any] | None, Any]] = []
        self._pending_checkpoints = []
        try:
            self._set_synchronous(self._needs_fsync(batch))
            self.conn.execute("BEGIN IMMEDIATE")
            for job in batch:
                results.append((job.future, self._apply(job)))
            if self.head.since_checkpoint >= self.checkpoint_every:
                self._write_checkpoint("every_n")
            self.conn.execute("COMMIT")
            self.commits += 1
        except Exception as exc:
            self._rollback()
            self.head = saved
            failure = exc if isinstance(exc, AuditFailed) else AuditFailed(_describe(exc))
            unawaited = sum(1 for job in batch if job.future is None and isinstance(job, AppendJob))
            logger.error("audit batch of %d job(s) failed: %s", len(batch), failure.message)
            if unawaited:
                self._on_failure(f"{unawaited} submitted audit event(s) were lost: {failure.message}")
            for job in batch:
                self._resolve(job.future, failure)
            return
        for checkpoint in self._pending_checkpoints:
            self.last_checkpoint = checkpoint
            self._on_checkpoint(checkpoint)
        for future, value in results:
            self._resolve(future, value)

    def _needs_fsync(self, batch: Sequence[Job]) -> bool:
        """Evidence (anything awaited for its durability, and every checkpoint) is fsynced before it is
        acknowledged.  A batch of per-request metadata only is committed to the WAL without an fsync of its own:
        it is consistent after a power cut and made durable by the next fsynced commit, and its commit still
        fails loudly, which is what the request path waits for."""
        appends = 0
        for job in batch:
            if not isinstance(job, AppendJob) or job.durable or job.then_checkpoint is not None:
                return True
            appends += 1
        return self.head.since_checkpoint + appends >= self.checkpoint_every

    def _set_synchronous(self, full: bool) -> None:
        if full != self._synchronous_full:
            self.conn.execute(f"PRAGMA synchronous={'FULL' if full else 'NORMAL'}")
            self._synchronous_full = full

    def _apply(self, job: Job) -> Any:
        if isinstance(job, AppendJob):
            ref = self.write_entry(job.event_type, job.fields, job.time)
            if job.then_checkpoint is not None:
                return ref, self._write_checkpoint(job.then_checkpoint)
            return ref
        if isinstance(job, CheckpointJob):
            return self._write_checkpoint(job.reason)
        if isinstance(job, CallJob):
            return job.fn(self)
        raise AssertionError("stop jobs are handled by the loop")

    # used by jobs (inside the open transaction)

    def write_entry(self, event_type: str, fields: dict[str, Any], when: str | None = None) -> EntryRef:
        head = self.head
        stamp = when or utc_timestamp()
        body = encode_entry(head.size, stamp, event_type, fields, head.prev_hash)
        digest = entry_hash(body)
        self.conn.execute(
            "INSERT INTO entries(seq, time, type, body, hash) VALUES (?, ?, ?, ?, ?)",
            (head.size, stamp, event_type, body, digest),
        )
        ref = EntryRef(head.size, digest.hex())
        head.frontier.push(digest)
        head.size += 1
        head.prev_hash = ref.hash
        if event_type != "checkpoint":
            head.since_checkpoint += 1
        return ref

    def write_checkpoint(self, reason: str) -> Checkpoint:
        return self._write_checkpoint(reason)

    def _write_checkpoint(self, reason: str) -> Checkpoint:
        stamp = utc_timestamp()  # the row's time is the entry's, so the verifier can compare them
        self.write_entry("checkpoint", {"reason": reason, "key_id": self.keys.key_id}, stamp)
        size, root = self.head.frontier.size, self.head.frontier.root()
        body = note_body(self.origin, size, root)
        text = sign_note(body, self.origin, self.keys.public_key, self.keys.sign)
        checkpoint = Checkpoint(self.origin, size, root, text, self.keys.key_id, stamp, reason)
        self.conn.execute(
            "INSERT INTO checkpoints(tree_size, time, reason, key_id, note) VALUES (?, ?, ?, ?, ?)",
            (size, stamp, reason, self.keys.key_id, text),
        )
        self.head.since_checkpoint = 0
        self.head.last_checkpoint_monotonic = time.monotonic()
        self._pending_checkpoints.append(checkpoint)
        return checkpoint

    # internals

    def _load_head(self) -> None:
        head = ChainHead()
        for seq, digest in self.conn.execute("SELECT seq, hash FROM entries ORDER BY seq"):
            if seq != head.size:
                raise AuditFailed(f"audit log has a gap at entry {head.size}; run 'cosigner audit verify'")
            head.frontier.push(bytes(digest))
            head.size += 1
            head.prev_hash = bytes(digest).hex()
        row = self.conn.execute(
            "SELECT tree_size, time, reason, key_id, note FROM checkpoints ORDER BY tree_size DESC LIMIT 1"
        ).fetchone()
        if row is not None:
            size, stamp, reason, key_id, text = row
            if size > head.size:
                raise AuditFailed(
                    f"audit log truncated: checkpoint covers {size} entries, table has {head.size}"
                )
            root_line = text.split("\n")[2]
            self.last_checkpoint = Checkpoint(
                self.origin, size, base64.b64decode(root_line), text, key_id, stamp, reason
            )
            head.since_checkpoint = head.size - size
        else:
            head.since_checkpoint = head.size
        self.head = head

    def _rollback(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("ROLLBACK")

    def _resolve(self, future: asyncio.Future[Any] | None, value: Any) -> None:
        if future is None:
            return
        with contextlib.suppress(RuntimeError):  # loop closed: nobody is waiting any more
            self.loop.call_soon_threadsafe(_settle, future, value)


def _settle(future: asyncio.Future[Any], value: Any) -> None:
    if future.done():
        return
    if isinstance(value, BaseException):
        future.set_exception(value)
    else:
        future.set_result(value)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, AuditFailed):
        return exc.message
    return f"audit write failed: {type(exc).__name__}"

"""Recompute the audit chain and its signed checkpoints; name the first entry that is wrong.

Checked, in one pass over the rows in seq order:
- seqs are contiguous from 0 (a deleted row is named by the seq that is missing);
- each row's hash is the RFC 6962 leaf hash of its body, and the body's seq, time, type and prev_hash agree
  with the row and with the previous row's hash (tampering with any field, or reordering rows, breaks this);
- every checkpoint note verifies with a known public key and its root equals the Merkle root of the entries it
  covers; every ``checkpoint`` entry has its signed note and every note its entry;
- the table is not shorter than the largest signed checkpoint (truncation), nor than an external checkpoint
  given by the caller (one that was anchored off the machine);
- tombstones (purged rows) are exactly those recorded by the last ``purge`` entry, which a signed checkpoint
  covers.
Entries after the last checkpoint are reported as an unsigned tail: until a checkpoint covers them (the proxy
signs one every N entries, every few minutes and at shutdown) their deletion cannot be proven.

``ChainVerifier`` is incremental so the DPO page can keep verifying new rows without re-reading the log.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cosigner.store import db
from cosigner.store.entries import GENESIS_PREV_HASH
from cosigner.store.merkle import Frontier, leaf_hash
from cosigner.store.note import NoteError, parse_and_verify
from cosigner.store.purge import tombstone_digest

_BODY_KEYS = frozenset({"seq", "time", "type", "fields", "prev_hash"})
Row = tuple[int, str | None, str | None, bytes | None, bytes]


@dataclass(frozen=True, slots=True)
class CheckpointInfo:
    tree_size: int
    time: str
    key_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class VerifyReport:
    ok: bool
    entries: int
    first_bad_seq: int | None
    reason: str
    last_checkpoint: CheckpointInfo | None
    verified_size: int = 0  # entries covered by a signed checkpoint whose root matched
    unsigned_tail: int = 0
    tombstones: int = 0


@dataclass(slots=True)
class _Failure:
    seq: int | None
    reason: str


@dataclass(slots=True)
class ChainVerifier:
    origin: str
    public_keys: Mapping[str, bytes]
    roots: dict[int, bytes] = field(default_factory=dict)
    infos: dict[int, CheckpointInfo] = field(default_factory=dict)
    frontier: Frontier = field(default_factory=Frontier)
    prev_hash: str = GENESIS_PREV_HASH
    verified_size: int = 0
    checkpoint_entries: dict[int, tuple[str, Any, Any]] = field(default_factory=dict)  # size -> time, reason, key
    table_checkpoints: dict[int, tuple[str, ...]] = field(default_factory=dict)  # size -> signer key ids
    tombstones: list[int] = field(default_factory=list)
    last_purge: tuple[int, dict[str, Any]] | None = None
    failure: _Failure | None = None

    @property
    def size(self) -> int:
        return self.frontier.size

    def add_checkpoint(
        self, tree_size: int, time: str, reason: str, key_id: str, note: str, *, external: bool = False
    ) -> None:
        if self.failure is not None:
            return
        try:
            parsed = parse_and_verify(note, self.public_keys, key_name=self.origin)
        except NoteError as exc:
            self._fail(max(tree_size - 1, 0), f"checkpoint of size {tree_size}: {exc}")
            return
        if parsed.origin != self.origin or parsed.tree_size != tree_size:
            self._fail(max(tree_size - 1, 0), f"checkpoint of size {tree_size}: origin or size altered")
            return
        if tree_size in self.roots and self.roots[tree_size] != parsed.root_hash:
            self._fail(max(tree_size - 1, 0), f"two signed checkpoints of size {tree_size} disagree")
            return
        self.roots[tree_size] = parsed.root_hash
        self.infos[tree_size] = CheckpointInfo(tree_size, time, key_id, reason)
        if not external:
            self.table_checkpoints[tree_size] = parsed.signer_key_ids
        if tree_size <= self.size:  # added after its rows were fed (an external checkpoint)
            self._fail(None, "external checkpoints must be added before the rows they cover")

    def feed(self, rows: Iterable[Row]) -> bool:
        for row in rows:
            if self.failure is not None:
                return False
            self._check_row(*row)
        return self.failure is None

    def report(self) -> VerifyReport:
        failure = self.failure or self._final_problem()
        last = self.infos[max(self.infos)] if self.infos else None
        signed = max((s for s in self.roots if s <= self.size), default=0)
        return VerifyReport(
            ok=failure is None,
            entries=self.size,
            first_bad_seq=failure.seq if failure else None,
            reason=failure.reason if failure else "chain and checkpoints verify",
            last_checkpoint=last,
            verified_size=self.verified_size,
            unsigned_tail=self.size - signed,
            tombstones=len(self.tombstones),
        )

    def _check_row(
        self, seq: int, time: str | None, etype: str | None, body: bytes | None, digest: bytes
    ) -> None:
        expected = self.size
        if seq != expected:
            self._fail(expected, f"entry {expected} is missing (rows deleted or reordered)")
            return
        if not isinstance(digest, bytes | memoryview) or len(digest) != 32:
            self._fail(seq, f"entry {seq}: stored hash is malformed")
            return
        if body is None:
            if time is not None or etype is not None:
                self._fail(seq, f"entry {seq}: tombstone still carries time or type")
                return
            self.tombstones.append(seq)
        else:
            body = body.encode("utf-8") if isinstance(body, str) else bytes(body)
            digest = bytes(digest)
            if leaf_hash(body) != digest:
                self._fail(seq, f"entry {seq}: contents do not match its hash (row altered)")
                return
            problem = self._body_problem(seq, time, etype, body)
            if problem:
                # A broken link means the previous entry changed (its hash differs from what this one
                # recorded), so that is the entry named.
                bad = seq - 1 if problem.startswith("previous-hash") else seq
                self._fail(bad, f"entry {seq}: {problem}")
                return
        digest = bytes(digest)
        self.frontier.push(digest)
        self.prev_hash = digest.hex()
        root = self.roots.get(self.size)
        if root is not None:
            if self.frontier.root() != root:
                self._fail(
                    self.verified_size,
                    f"entries {self.verified_size}..{self.size - 1} do not match the signed checkpoint "
                    f"of size {self.size} (altered or replaced after signing)",
                )
                return
            self.verified_size = self.size

    def _body_problem(self, seq: int, time: str | None, etype: str | None, body: bytes) -> str | None:
        try:
            parsed = json.loads(body)
        except ValueError:
            return "contents are not JSON"
        shaped = isinstance(parsed, dict) and set(parsed) == _BODY_KEYS
        if not shaped or not isinstance(parsed["fields"], dict):
            return "contents do not have the entry shape"
        if parsed["seq"] != seq:
            return f"contents say seq {parsed['seq']} (rows reordered)"
        if parsed["prev_hash"] != self.prev_hash:
            return f"previous-hash link to entry {seq - 1} is broken (that entry altered, or rows reordered)"
        if parsed["time"] != time or parsed["type"] != etype:
            return "time or type column differs from the signed contents"
        if etype == "checkpoint":
            fields = parsed["fields"]
            self.checkpoint_entries[seq + 1] = (parsed["time"], fields.get("reason"), fields.get("key_id"))
        elif etype == "purge":
            self.last_purge = (seq, parsed["fields"])
        return None

    def _final_problem(self) -> _Failure | None:
        beyond = [s for s in self.roots if s > self.size]
        if beyond:
            size = max(beyond)
            return _Failure(
                self.size, f"log truncated: checkpoint of size {size} was signed, {self.size} entries remain"
            )
        missing_notes = sorted(set(self.checkpoint_entries) - set(self.roots))
        if missing_notes:
            seq = missing_notes[0] - 1
            return _Failure(seq, f"entry {seq}: its signed checkpoint is missing")
        orphan_notes = sorted(set(self.roots) - set(self.checkpoint_entries))
        if orphan_notes:
            seq = orphan_notes[0] - 1
            return _Failure(seq, f"checkpoint of size {orphan_notes[0]} has no checkpoint entry at {seq}")
        for size, signers in sorted(self.table_checkpoints.items()):
            info, (time, reason, key_id) = self.infos[size], self.checkpoint_entries[size]
            if (info.time, info.reason, info.key_id) != (time, reason, key_id) or key_id not in signers:
                return _Failure(size - 1, f"checkpoint row of size {size} differs from its checkpoint entry")
        return self._tombstone_problem()

    def _tombstone_problem(self) -> _Failure | None:
        if not self.tombstones:
            return None
        first = self.tombstones[0]
        if self.last_purge is None:
            return _Failure(first, f"entry {first} was blanked but no purge entry records it")
        purge_seq, fields = self.last_purge
        if purge_seq >= self.verified_size:
            return _Failure(purge_seq, f"purge entry {purge_seq} is not covered by a signed checkpoint")
        stray = [s for s in self.tombstones if s >= int(fields.get("before_seq", 0))]
        if stray:
            return _Failure(stray[0], f"entry {stray[0]} was blanked after the last purge")
        total_ok = fields.get("tombstoned_total") == len(self.tombstones)
        if not total_ok or fields.get("tombstone_digest") != tombstone_digest(self.tombstones):
            return _Failure(first, f"blanked entries differ from those purge entry {purge_seq} recorded")
        return None

    def _fail(self, seq: int | None, reason: str) -> None:
        if self.failure is None:
            self.failure = _Failure(seq, reason)


def verify_log(
    db_path: Path, public_keys: Mapping[str, bytes], *, external_checkpoints: Iterable[str] = ()
) -> VerifyReport:
    """Verify the whole log at ``db_path``; ``external_checkpoints`` are anchored copies (note texts)."""
    conn = db.connect(db_path, readonly=True)
    verifier: ChainVerifier | None = None
    try:
        verifier = ChainVerifier(db.read_origin(conn), public_keys)
        conn.execute("BEGIN")
        for note in external_checkpoints:
            size = _note_size(note)
            verifier.add_checkpoint(size, "", "external", "", note, external=True)
        load_checkpoints(conn, verifier)
        cursor = conn.execute("SELECT seq, time, type, body, hash FROM entries ORDER BY seq")
        while True:
            chunk = cursor.fetchmany(4096)
            if not chunk or not verifier.feed(chunk):
                break
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        return VerifyReport(False, 0, None, f"log cannot be read: {type(exc).__name__}", None)
    except Exception as exc:  # malformed data the checks did not foresee: fail, never crash or pass
        entries = verifier.size if verifier is not None else 0
        reason = f"log could not be verified: {type(exc).__name__} near entry {entries}"
        return VerifyReport(False, entries, entries, reason, None)
    finally:
        conn.close()
    return verifier.report()


def load_checkpoints(conn: sqlite3.Connection, verifier: ChainVerifier, above: int = -1) -> None:
    rows = conn.execute(
        "SELECT tree_size, time, reason, key_id, note FROM checkpoints WHERE tree_size > ? "
        "ORDER BY tree_size",
        (above,),
    )
    for tree_size, time, reason, key_id, note in rows:
        verifier.add_checkpoint(int(tree_size), str(time), str(reason), str(key_id), str(note))


def _note_size(note: str) -> int:
    lines = note.split("\n")
    if len(lines) < 2 or not lines[1].isdigit():
        return -1
    return int(lines[1])

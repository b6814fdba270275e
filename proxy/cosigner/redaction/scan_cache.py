"""Detector findings remembered per text, so a conversation's history is not rescanned on every turn.

Chat clients resend every earlier message with each new one, so most of a long conversation's text was already
screened by the previous request.  The detectors are pure functions of the text (and of the policy, which a
``Redactor`` is built for), so their findings for a text seen before can be reused.

The cache holds no text: entries are keyed by a keyed BLAKE2b digest of the text (the key is random per process)
and hold only ``Finding`` records, which carry types, offsets, scores and rule names.  Findings that depend on the
other texts of a request (name propagation, identifiers split across messages, known identifiers from the case
context) are never cached; they are recomputed for every request.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

from cosigner.detectors import Finding

MIN_CACHED_CHARS = 512  # shorter texts cost less to scan than to look up and keep
MAX_FINDINGS = 40_000  # bounds the memory (~4 MB) whatever the texts hold


class ScanCache:
    """A thread-safe LRU of per-text findings (requests are screened on the loop and in worker threads)."""

    def __init__(self, capacity: int, max_findings: int = MAX_FINDINGS) -> None:
        self.capacity = capacity
        self.max_findings = max_findings
        self._stored = 0
        self._entries: OrderedDict[bytes, tuple[Finding, ...]] = OrderedDict()
        self._lock = threading.Lock()
        self._key = os.urandom(32)
        self.hits = 0
        self.misses = 0

    def findings(self, text: str, scan: Callable[[str], Sequence[Finding]]) -> list[Finding]:
        """``scan(text)``, or what it returned for the same text before."""
        if self.capacity <= 0 or len(text) < MIN_CACHED_CHARS:
            return list(scan(text))
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), key=self._key, digest_size=16).digest()
        with self._lock:
            cached = self._entries.get(digest)
            if cached is not None:
                self._entries.move_to_end(digest)
                self.hits += 1
                return list(cached)
            self.misses += 1
        found = tuple(scan(text))  # outside the lock: scanning is the slow part
        if len(found) > self.max_findings:
            return list(found)
        with self._lock:
            previous = self._entries.pop(digest, None)  # another thread may have scanned the same text meanwhile
            self._stored += len(found) - (len(previous) if previous is not None else 0)
            self._entries[digest] = found
            while len(self._entries) > self.capacity or self._stored > self.max_findings:
                _, evicted = self._entries.popitem(last=False)
                self._stored -= len(evicted)
        return list(found)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._stored = 0

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"ScanCache({len(self._entries)}/{self.capacity} entries, {self.hits} hits, {self.misses} misses)"

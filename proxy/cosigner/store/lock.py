"""An exclusive, advisory lock on the data directory: one process appends to a log at a time.

The writer keeps the chain head (seq, previous hash, Merkle frontier) in memory, so a second writer — a second
proxy, or ``cosigner audit purge`` while the proxy runs — must be refused rather than interleaved.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from cosigner.errors import ConfigError


class DirectoryLock:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        handle = open(self._path, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
        try:
            if os.name == "nt":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise ConfigError("the audit log is open in another process (is the proxy running?)") from None
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        if os.name != "nt":
            import fcntl

            fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
        self._handle.close()
        self._handle = None

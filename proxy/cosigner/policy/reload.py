"""Hot reload: validate a new policy completely, then swap; on any error keep the policy in force.

``serve`` calls ``reload()`` on SIGHUP and ``reload_if_changed()`` from its file watcher.  The reason for a
refused reload is logged (file and key names only; policy errors never contain request text).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from cosigner.policy.load import PolicyError, load_policy
from cosigner.policy.model import Policy

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReloadResult:
    changed: bool
    error: str | None = None


class PolicyHolder:
    def __init__(
        self,
        path: Path,
        *,
        org_public_key: Path | None = None,
        state_dir: Path | None = None,
        override: Path | None = None,
    ) -> None:
        self.path = path
        self.org_public_key = org_public_key
        self.state_dir = state_dir
        self.override = override
        self._current = self._load()  # start-up: errors propagate, serve does not start
        self._stamp = self._file_stamp()

    @property
    def current(self) -> Policy:
        return self._current

    def _load(self) -> Policy:
        return load_policy(
            self.path, org_public_key=self.org_public_key, state_dir=self.state_dir, override=self.override
        )

    def _watched(self) -> tuple[Path, ...]:
        paths = [self.path, self.path.with_name(self.path.name + ".sig")]
        if self.override is not None:
            paths.append(self.override)
        return tuple(paths)

    def _file_stamp(self) -> tuple[tuple[int, int] | None, ...]:
        stamps: list[tuple[int, int] | None] = []
        for p in self._watched():
            try:
                st = p.stat()
            except OSError:
                stamps.append(None)
            else:
                stamps.append((st.st_mtime_ns, st.st_size))
        return tuple(stamps)

    def reload(self) -> ReloadResult:
        """Load and validate again; swap only if everything is valid."""
        self._stamp = self._file_stamp()
        try:
            fresh = self._load()
        except PolicyError as exc:
            log.error(
                "policy reload refused; keeping %s (%s): %s",
                self._current.name,
                self._current.content_hash[:12],
                "; ".join(exc.problems),
            )
            return ReloadResult(False, str(exc))
        changed = (fresh.content_hash, fresh.override_hash) != (
            self._current.content_hash,
            self._current.override_hash,
        )
        self._current = fresh
        if changed:
            log.info("policy reloaded: %s version %d (%s)", fresh.name, fresh.version, fresh.content_hash[:12])
        return ReloadResult(changed)

    def reload_if_changed(self) -> ReloadResult | None:
        """Reload when the policy, signature or override file changed on disk since the last attempt."""
        if self._file_stamp() == self._stamp:
            return None
        return self.reload()

"""No-rollback state: the highest signed version accepted per policy name, kept in the data directory."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

STATE_FILE = "policy-state.json"


class RollbackError(Exception):
    pass


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        # An unreadable state file must not silently reset the rollback floor.
        raise RollbackError(f"{path.name}: policy state unreadable ({type(exc).__name__}); refusing") from None
    if not isinstance(data, dict):
        raise RollbackError(f"{path.name}: policy state malformed; refusing")
    return data


def last_accepted(state_dir: Path, name: str) -> tuple[int, str] | None:
    entry = _read(state_dir / STATE_FILE).get(name)
    if not isinstance(entry, dict):
        return None
    version, digest = entry.get("version"), entry.get("sha256")
    if not isinstance(version, int) or not isinstance(digest, str):
        raise RollbackError(f"{STATE_FILE}: entry for policy {name!r} malformed; refusing")
    return version, digest


def check_not_rolled_back(state_dir: Path, name: str, version: int, digest: str) -> None:
    last = last_accepted(state_dir, name)
    if last is None:
        return
    last_version, last_digest = last
    if version < last_version:
        raise RollbackError(
            f"signed version {version} is older than version {last_version} already accepted (rollback refused)"
        )
    if version == last_version and digest != last_digest:
        raise RollbackError(f"version {version} was already accepted with different content; bump the version")


def record_accepted(state_dir: Path, name: str, version: int, digest: str) -> None:
    path = state_dir / STATE_FILE
    data = _read(path)
    data[name] = {"version": version, "sha256": digest}
    state_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)

"""Per-OS locations (platformdirs): the data directory holds the SQLite databases and keys."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path


def default_data_dir() -> Path:
    return user_data_path("cosigner", appauthor=False)


def ensure_data_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path

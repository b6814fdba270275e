"""Hot reload validates fully before swapping; on error the policy in force stays."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cosigner.policy.load import PolicyError
from cosigner.policy.reload import PolicyHolder

from .conftest import POLICIES


def _copy(tmp_path: Path) -> Path:
    p = tmp_path / "default.toml"
    p.write_bytes((POLICIES / "default.toml").read_bytes())
    return p


def test_start_fails_on_a_broken_policy(tmp_path: Path) -> None:
    p = tmp_path / "broken.toml"
    p.write_text("[policy\n")
    with pytest.raises(PolicyError, match="not valid TOML"):
        PolicyHolder(p)


def test_valid_change_is_swapped_in(tmp_path: Path) -> None:
    p = _copy(tmp_path)
    holder = PolicyHolder(p)
    p.write_text(p.read_text().replace("version = 1\n", "version = 2\n", 1))
    result = holder.reload()
    assert result.changed and result.error is None and holder.current.version == 2


@pytest.mark.parametrize(
    "edit",
    [
        ('action = "block"', 'action = "maybe"'),
        ("[retention]", "[retention]\ncolour = 1"),
        ('name = "default"', "name = "),
    ],
)
def test_invalid_change_keeps_the_old_policy_and_reports_where(
    tmp_path: Path, edit: tuple[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    p = _copy(tmp_path)
    holder = PolicyHolder(p)
    before = holder.current
    p.write_text(p.read_text().replace(*edit, 1))
    result = holder.reload()
    assert not result.changed and result.error and result.error.startswith("default.toml: ")
    assert holder.current is before
    assert "policy reload refused" in caplog.text


def test_reload_if_changed_notices_file_changes_only(tmp_path: Path) -> None:
    p = _copy(tmp_path)
    holder = PolicyHolder(p)
    assert holder.reload_if_changed() is None
    p.write_text(p.read_text().replace("version = 1\n", "version = 7\n", 1))
    stat = p.stat()
    os.utime(p, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    result = holder.reload_if_changed()
    assert result is not None and result.changed and holder.current.version == 7
    assert holder.reload_if_changed() is None

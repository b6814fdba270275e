"""Network filesystem detection (pure parts) and refusal to open the log there."""

from __future__ import annotations

from pathlib import Path

import pytest

from cosigner.errors import ConfigError
from cosigner.keys import KeyStore
from cosigner.store import audit_log, netfs
from cosigner.store.audit_log import AuditLog

MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /home rw,relatime shared:2 - nfs4 server:/export/home rw,vers=4.2
41 40 8:2 / /home/local rw,relatime shared:3 - ext4 /dev/sda2 rw
42 22 0:36 / /mnt/council\\040share rw,relatime shared:4 - cifs //fs01/profiles rw
43 22 0:37 / /mnt/sshfs rw - fuse.sshfs user@host: rw
"""


@pytest.mark.parametrize(
    "path, fs_type, remote",
    [
        ("/var/lib/cosigner", "ext4", False),
        ("/home/jo/.local/share/cosigner", "nfs4", True),
        ("/home/local/cosigner", "ext4", False),  # a local mount nested inside a network one
        ("/home", "nfs4", True),
        ("/homework", "ext4", False),  # prefix of a mount point but not inside it
        ("/mnt/council share/cosigner", "cifs", True),
        ("/mnt/sshfs/x", "fuse.sshfs", True),
    ],
)
def test_mountinfo_detection(path: str, fs_type: str, remote: bool) -> None:
    found = netfs.fs_type_from_mountinfo(path, MOUNTINFO)
    assert found == fs_type
    assert netfs.is_network_fs_type(found) is remote


@pytest.mark.parametrize(
    "path, unc",
    [
        ("\\\\fs01\\profiles\\jo", True),
        ("//fs01/profiles/jo", True),
        ("\\\\?\\C:\\Users\\jo", False),
        ("\\\\.\\pipe\\x", False),
        ("C:\\Users\\jo", False),
    ],
)
def test_unc_paths_are_recognised(path: str, unc: bool) -> None:
    assert netfs.is_unc_path(path) is unc


def test_local_tmp_is_not_remote(tmp_path: Path) -> None:
    assert netfs.network_filesystem(tmp_path) is None


async def test_open_refuses_a_network_filesystem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit_log, "network_filesystem", lambda _path: "nfs4")
    with pytest.raises(ConfigError, match="network filesystem"):
        await AuditLog.open(tmp_path / "audit.db", KeyStore(tmp_path), origin="cosigner.test/netfs")
    assert not (tmp_path / "audit.db").exists()

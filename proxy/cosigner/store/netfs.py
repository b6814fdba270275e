"""Refuse to keep the audit log on a network filesystem: SQLite's WAL needs shared memory and byte-range locks
that NFS/SMB do not provide reliably (councils often redirect profile folders to shares).

Detection, by platform:
- Linux: the filesystem type of the longest mount point containing the path, from /proc/self/mountinfo.
- Windows: UNC paths (``\\\\server\\share``) and drive letters whose type is DRIVE_REMOTE.
- macOS and others: not detected (documented in docs/audit.md); the operator must choose a local directory.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "coda",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "ocfs2",
        "gfs2",
        "davfs",
        "fuse.sshfs",
        "fuse.davfs2",
        "fuse.glusterfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.smbnetfs",
    }
)
_DRIVE_REMOTE = 4


def _unescape_mount_path(text: str) -> str:
    # mountinfo escapes space, tab, newline and backslash as octal (\040 ...).
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 3 < len(text) and text[i + 1 : i + 4].isdigit():
            out.append(chr(int(text[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def fs_type_from_mountinfo(path: str, mountinfo: str) -> str | None:
    """Filesystem type of the mount containing absolute ``path`` (pure: takes mountinfo's text)."""
    best_point, best_type = "", None
    for line in mountinfo.splitlines():
        left, sep, right = line.partition(" - ")
        if not sep:
            continue
        parts = left.split(" ")
        if len(parts) < 5 or not right:
            continue
        point = _unescape_mount_path(parts[4])
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best_point):
            best_point, best_type = point, right.split(" ")[0]
    return best_type


def is_network_fs_type(fs_type: str | None) -> bool:
    return fs_type is not None and (fs_type in NETWORK_FS_TYPES or fs_type.split(".")[0] in NETWORK_FS_TYPES)


def is_unc_path(text: str) -> bool:
    """``\\\\server\\share`` or ``//server/share`` (but not the ``\\\\?\\`` / ``\\\\.\\`` device prefixes)."""
    return text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\"))


def _windows_remote(text: str) -> bool:
    if sys.platform != "win32":
        return False
    if is_unc_path(text):
        return True
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(text))[0]
    if not drive or is_unc_path(drive):
        return bool(drive)
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    return bool(kernel32.GetDriveTypeW(drive + "\\") == _DRIVE_REMOTE)


def network_filesystem(path: Path) -> str | None:
    """Name of the network filesystem holding ``path`` (or the nearest existing parent), else None."""
    if _windows_remote(str(path)):
        return "windows-remote"
    probe = Path(os.path.abspath(path))
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    mountinfo = Path("/proc/self/mountinfo")
    if sys.platform.startswith("linux") and mountinfo.exists():
        fs_type = fs_type_from_mountinfo(str(probe.resolve()), mountinfo.read_text("utf-8", "replace"))
        if is_network_fs_type(fs_type):
            return fs_type
    return None

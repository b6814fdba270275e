"""The proxy's own keys: an Ed25519 signing key (rotatable) and per-period HMAC keys (destroyable).

Layout under ``<data_dir>/keys/`` (directories 0700, files 0600 where the OS honours POSIX modes; on Windows
the files inherit the ACL of the user's profile directory, which is private to the user by default):

    signing/current            key id of the active signing key
    signing/<key_id>.ed25519   raw 32-byte private key (only the active one; retired ones are destroyed)
    public_keys.json           every public key that ever signed: {key_id: {"ed25519": b64, "created": iso}}
    hmac/<YYYY-MM>.key         raw 32-byte HMAC key for one calendar month
    hmac/destroyed_before      "YYYY-MM": keys of earlier periods were destroyed (crypto-shredding)

HMAC ids (``h1:<period>:<hex>``) stand in for anything derived from an identifier (practitioner ids, case
references): a plain or salted hash of an NHS number can be reversed by enumeration, a keyed one cannot, and
destroying a period's key makes every id of that period unlinkable for good — retention on an append-only log.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import threading
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from cosigner.errors import ConfigError

HMAC_ID_PREFIX = "h1"
_PERIOD_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_KEY_ID_RE = re.compile(r"^[0-9a-f]{16}$")
_HMAC_ID_BYTES = 16


def key_id_for(public_key: bytes) -> str:
    """Short, stable id of an Ed25519 public key: the first 8 bytes of its SHA-256, in hex."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def period_of(when: datetime) -> str:
    """The HMAC key period (calendar month, UTC) that ``when`` falls in, as ``YYYY-MM``."""
    if when.tzinfo is None:
        raise ValueError("period_of needs a timezone-aware datetime")
    utc = when.astimezone(UTC)
    return f"{utc.year:04d}-{utc.month:02d}"


def check_period(period: str) -> str:
    if not _PERIOD_RE.match(period):
        raise ValueError("period must look like YYYY-MM")
    return period


def _raw_public(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_private(path: Path, data: bytes) -> None:
    """Write a secret file atomically with mode 0600 (tmp + fsync + rename + fsync dir)."""
    tmp = path.with_name(path.name + f".tmp{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _make_private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(path, 0o700)


def _shred(path: Path) -> None:
    """Overwrite then unlink a key file (best effort against recovery; SSD wear levelling limits this)."""
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.write(b"\x00" * size)
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()
    _fsync_dir(path.parent)


class KeyStore:
    """Creates or loads the proxy's keys under ``data_dir/keys``. Thread-safe."""

    def __init__(self, data_dir: Path) -> None:
        self._root = Path(data_dir) / "keys"
        self._signing_dir = self._root / "signing"
        self._hmac_dir = self._root / "hmac"
        self._public_file = self._root / "public_keys.json"
        self._lock = threading.RLock()
        self._hmac_cache: dict[str, bytes] = {}
        for directory in (self._root, self._signing_dir, self._hmac_dir):
            _make_private_dir(directory)
        self._private, self._key_id = self._load_or_create_signing_key()

    # ---- signing --------------------

    @property
    def key_id(self) -> str:
        return self._key_id

    @property
    def public_key(self) -> bytes:
        return _raw_public(self._private)

    def sign(self, data: bytes) -> bytes:
        with self._lock:
            return self._private.sign(data)

    def public_keys(self) -> dict[str, bytes]:
        """Every public key that ever signed, by key id (retired ones too: old records stay verifiable)."""
        with self._lock:
            return {kid: base64.b64decode(entry["ed25519"]) for kid, entry in self._read_public().items()}

    def rotate(self) -> str:
        """Make a new signing key active, keep its predecessor's public key, destroy the old private key."""
        with self._lock:
            old_path = self._signing_dir / f"{self._key_id}.ed25519"
            private = Ed25519PrivateKey.generate()
            new_id = self._install(private)
            self._private, self._key_id = private, new_id
            if old_path.exists():
                _shred(old_path)
            return new_id

    # ---- HMAC --------------------

    def hmac_id(self, value: str, kind: str, when: datetime) -> str:
        """Keyed pseudonym ``h1:<YYYY-MM>:<32 hex>`` of ``value`` (e.g. a practitioner id or case reference).

        ``kind`` separates domains so the same string used as two kinds gives unrelated ids.
        """
        period = period_of(when)
        key = self._hmac_key(period)
        mac = hmac.new(key, kind.encode("utf-8") + b"\x00" + value.encode("utf-8"), hashlib.sha256)
        return f"{HMAC_ID_PREFIX}:{period}:{mac.hexdigest()[: 2 * _HMAC_ID_BYTES]}"

    def hmac_periods(self) -> list[str]:
        return sorted(p.stem for p in self._hmac_dir.glob("*.key") if _PERIOD_RE.match(p.stem))

    def destroyed_before(self) -> str | None:
        marker = self._hmac_dir / "destroyed_before"
        if not marker.exists():
            return None
        return check_period(marker.read_text("ascii").strip())

    def destroy_hmac_keys_before(self, period: str) -> list[str]:
        """Destroy every HMAC key of a period earlier than ``period``; return the periods destroyed.

        Afterwards ids of those periods can no longer be recomputed or joined to anyone, and ``hmac_id``
        refuses to mint new ids for them.
        """
        check_period(period)
        with self._lock:
            destroyed = []
            for existing in self.hmac_periods():
                if existing < period:
                    _shred(self._hmac_dir / f"{existing}.key")
                    self._hmac_cache.pop(existing, None)
                    destroyed.append(existing)
            previous = self.destroyed_before()
            if previous is None or previous < period:
                _write_private(self._hmac_dir / "destroyed_before", period.encode("ascii"))
            return destroyed

    # ---- internals --------------------

    def _hmac_key(self, period: str) -> bytes:
        cached = self._hmac_cache.get(period)
        if cached is not None:
            return cached
        with self._lock:
            cached = self._hmac_cache.get(period)
            if cached is not None:
                return cached
            gone = self.destroyed_before()
            if gone is not None and period < gone:
                raise ConfigError(f"HMAC key for period {period} was destroyed (retention)")
            path = self._hmac_dir / f"{period}.key"
            if path.exists():
                key = path.read_bytes()
                if len(key) != 32:
                    raise ConfigError(f"HMAC key file for {period} is corrupt (length {len(key)})")
            else:
                key = secrets.token_bytes(32)
                _write_private(path, key)
            self._hmac_cache[period] = key
            return key

    def _load_or_create_signing_key(self) -> tuple[Ed25519PrivateKey, str]:
        current = self._signing_dir / "current"
        with self._lock:
            if current.exists():
                kid = current.read_text("ascii").strip()
                if not _KEY_ID_RE.match(kid):
                    raise ConfigError("signing key pointer is corrupt")
                raw = (self._signing_dir / f"{kid}.ed25519").read_bytes()
                if len(raw) != 32:
                    raise ConfigError(f"signing key {kid} is corrupt (length {len(raw)})")
                private = Ed25519PrivateKey.from_private_bytes(raw)
                if key_id_for(_raw_public(private)) != kid:
                    raise ConfigError(f"signing key {kid} does not match its id")
                if kid not in self._read_public():
                    self._record_public(kid, _raw_public(private))
                return private, kid
            private = Ed25519PrivateKey.generate()
            return private, self._install(private)

    def _install(self, private: Ed25519PrivateKey) -> str:
        raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        kid = key_id_for(_raw_public(private))
        _write_private(self._signing_dir / f"{kid}.ed25519", raw)
        self._record_public(kid, _raw_public(private))
        _write_private(self._signing_dir / "current", kid.encode("ascii"))
        return kid

    def _read_public(self) -> dict[str, dict[str, str]]:
        if not self._public_file.exists():
            return {}
        loaded = json.loads(self._public_file.read_text("utf-8"))
        if not isinstance(loaded, dict):
            raise ConfigError("public_keys.json is not an object")
        return loaded

    def _record_public(self, kid: str, public: bytes) -> None:
        table = self._read_public()
        table[kid] = {
            "ed25519": base64.b64encode(public).decode("ascii"),
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        _write_private(self._public_file, json.dumps(table, indent=2, sort_keys=True).encode("utf-8"))


def load_public_keys(path: Path) -> dict[str, bytes]:
    """Read a ``public_keys.json`` (a data directory's, or a copy given to an auditor); creates nothing."""
    loaded = json.loads(Path(path).read_text("utf-8"))
    if not isinstance(loaded, dict):
        raise ConfigError(f"{Path(path).name}: not a JSON object of public keys")
    keys: dict[str, bytes] = {}
    for kid, entry in loaded.items():
        raw = base64.b64decode(entry["ed25519"] if isinstance(entry, dict) else entry)
        if len(raw) != 32 or key_id_for(raw) != kid:
            raise ConfigError(f"{Path(path).name}: key {kid} is malformed or does not match its id")
        keys[kid] = raw
    return keys


def public_keys_path(data_dir: Path) -> Path:
    return Path(data_dir) / "keys" / "public_keys.json"

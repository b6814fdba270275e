"""The key store: persistent signing key, rotation keeping every public key, per-month HMAC keys."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from cosigner.errors import ConfigError
from cosigner.keys import KeyStore, key_id_for

NOV = datetime(2026, 11, 27, 14, 5, tzinfo=UTC)
DEC = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)


def test_signing_key_persists_and_signs_verifiably(tmp_path: Path) -> None:
    first = KeyStore(tmp_path)
    again = KeyStore(tmp_path)
    assert first.key_id == again.key_id == key_id_for(first.public_key)
    Ed25519PublicKey.from_public_bytes(first.public_key).verify(again.sign(b"data"), b"data")


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes only")
def test_key_files_are_private(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path)
    keys.hmac_id("x", "practitioner", NOV)
    for path in (tmp_path / "keys").rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path.name} is readable by others ({oct(mode)})"


def test_rotation_keeps_old_public_keys_and_destroys_old_private_key(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path)
    old = keys.key_id
    new = keys.rotate()
    assert new != old and keys.key_id == new
    assert set(keys.public_keys()) == {old, new}
    assert not (tmp_path / "keys" / "signing" / f"{old}.ed25519").exists()
    assert KeyStore(tmp_path).key_id == new
    Ed25519PublicKey.from_public_bytes(keys.public_keys()[new]).verify(keys.sign(b"m"), b"m")


def test_hmac_ids_are_stable_keyed_and_separated_by_kind_and_period(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path)
    a = keys.hmac_id("P-1234", "practitioner", NOV)
    assert a.startswith("h1:2026-11:") and len(a.split(":")[2]) == 32
    assert KeyStore(tmp_path).hmac_id("P-1234", "practitioner", NOV) == a
    assert keys.hmac_id("P-1234", "case_ref", NOV) != a
    assert keys.hmac_id("P-1234", "practitioner", DEC).startswith("h1:2026-12:")
    assert KeyStore(tmp_path / "elsewhere").hmac_id("P-1234", "practitioner", NOV) != a


def test_destroying_hmac_keys_is_permanent(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path)
    keys.hmac_id("v", "practitioner", NOV)
    keys.hmac_id("v", "practitioner", DEC)
    assert keys.destroy_hmac_keys_before("2026-12") == ["2026-11"]
    assert keys.hmac_periods() == ["2026-12"]
    for store in (keys, KeyStore(tmp_path)):
        with pytest.raises(ConfigError, match="destroyed"):
            store.hmac_id("v", "practitioner", NOV)
    assert keys.hmac_id("v", "practitioner", DEC).startswith("h1:2026-12:")


def test_naive_datetimes_and_bad_periods_are_refused(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path)
    with pytest.raises(ValueError):
        keys.hmac_id("v", "practitioner", datetime(2026, 11, 1))
    with pytest.raises(ValueError):
        keys.destroy_hmac_keys_before("2026-13")


def test_corrupt_signing_key_fails_closed(tmp_path: Path) -> None:
    keys = KeyStore(tmp_path)
    (tmp_path / "keys" / "signing" / f"{keys.key_id}.ed25519").write_bytes(b"short")
    with pytest.raises(ConfigError, match="corrupt"):
        KeyStore(tmp_path)

"""Signed packs: unsigned, altered, wrongly signed, expired and rolled-back packs are refused."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from cosigner.policy.load import PolicyError, load_policy
from cosigner.policy.reload import PolicyHolder
from cosigner.policy.signing import generate_keypair, load_private_key, sign_bytes, signature_path

from .conftest import POLICIES

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, Path]:
    private, public = tmp_path / "org.key", tmp_path / "org.pub"
    generate_keypair(private, public)
    return private, public


def _sign(policy: Path, private: Path, expires: dt.date = dt.date(2027, 3, 31), version: int | None = None) -> None:
    data = policy.read_bytes()
    name = "default"
    if version is None:
        version = int(next(ln for ln in data.decode().splitlines() if ln.startswith("version")).split("=")[1])
    signature_path(policy).write_text(sign_bytes(data, name, version, expires, load_private_key(private)))


def _pack(tmp_path: Path, version: int = 1) -> Path:
    target = tmp_path / "pack" / "default.toml"
    target.parent.mkdir(exist_ok=True)
    text = (POLICIES / "default.toml").read_text().replace("version = 1\n", f"version = {version}\n", 1)
    target.write_text(text)
    return target


def _load(path: Path, public: Path, state: Path) -> object:
    return load_policy(path, org_public_key=public, state_dir=state, today=TODAY)


def test_keygen_refuses_to_overwrite_and_protects_the_private_key(keys: tuple[Path, Path]) -> None:
    private, public = keys
    assert private.stat().st_mode & 0o777 == 0o600
    with pytest.raises(Exception, match="already exists"):
        generate_keypair(private, public)


def test_signed_pack_loads_and_records_its_version(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    private, public = keys
    pack = _pack(tmp_path)
    _sign(pack, private)
    policy = load_policy(pack, org_public_key=public, state_dir=tmp_path / "state", today=TODAY)
    assert policy.signature is not None and policy.signature.version == 1
    assert (tmp_path / "state" / "policy-state.json").exists()


def test_unsigned_pack_is_refused(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    with pytest.raises(PolicyError, match=r"unsigned \(no default\.toml\.sig\)"):
        _load(_pack(tmp_path), keys[1], tmp_path / "state")


def test_pack_changed_after_signing_is_refused(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    pack = _pack(tmp_path)
    _sign(pack, keys[0])
    pack.write_text(pack.read_text().replace('action = "block"', 'action = "log"', 1))
    with pytest.raises(PolicyError, match="does not match the signed hash"):
        _load(pack, keys[1], tmp_path / "state")


def test_edited_signature_document_is_refused(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    pack = _pack(tmp_path)
    _sign(pack, keys[0])
    sig = signature_path(pack)
    sig.write_text(sig.read_text().replace("expires: 2027-03-31", "expires: 2099-03-31"))
    with pytest.raises(PolicyError, match="signature is invalid"):
        _load(pack, keys[1], tmp_path / "state")


def test_pack_signed_by_another_key_is_refused(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    other_private, other_public = tmp_path / "other.key", tmp_path / "other.pub"
    generate_keypair(other_private, other_public)
    pack = _pack(tmp_path)
    _sign(pack, other_private)
    with pytest.raises(PolicyError, match="not a trusted organisation key"):
        _load(pack, keys[1], tmp_path / "state")


def test_rotated_keys_in_one_public_key_file_are_all_trusted(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    new_private, new_public = tmp_path / "new.key", tmp_path / "new.pub"
    generate_keypair(new_private, new_public)
    both = tmp_path / "both.pub"
    both.write_text(keys[1].read_text() + new_public.read_text())
    pack = _pack(tmp_path)
    _sign(pack, new_private)
    assert load_policy(pack, org_public_key=both, state_dir=tmp_path / "s", today=TODAY).signature is not None


def test_expired_pack_is_refused(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    pack = _pack(tmp_path)
    _sign(pack, keys[0], expires=dt.date(2026, 11, 26))
    with pytest.raises(PolicyError, match="expired on 2026-11-26"):
        _load(pack, keys[1], tmp_path / "state")


def test_older_version_than_last_accepted_is_refused(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    state = tmp_path / "state"
    newer = _pack(tmp_path, version=3)
    _sign(newer, keys[0])
    _load(newer, keys[1], state)
    old_dir = tmp_path / "old"
    old_dir.mkdir()
    older = old_dir / "default.toml"
    older.write_text((POLICIES / "default.toml").read_text().replace("version = 1\n", "version = 2\n", 1))
    _sign(older, keys[0])
    with pytest.raises(PolicyError, match="older than version 3 already accepted"):
        _load(older, keys[1], state)


def test_same_version_with_different_content_is_refused(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    state = tmp_path / "state"
    pack = _pack(tmp_path, version=2)
    _sign(pack, keys[0])
    _load(pack, keys[1], state)
    pack.write_text(pack.read_text().replace("min_dwell_ms_base = 1500", "min_dwell_ms_base = 1600"))
    _sign(pack, keys[0])
    with pytest.raises(PolicyError, match="already accepted with different content"):
        _load(pack, keys[1], state)


def test_signature_version_must_match_the_file(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    pack = _pack(tmp_path, version=4)
    _sign(pack, keys[0], version=5)
    with pytest.raises(PolicyError, match=r"signed version 5 differs from policy\.version 4"):
        _load(pack, keys[1], tmp_path / "state")


def test_serve_start_fails_and_reload_keeps_the_old_policy(tmp_path: Path, keys: tuple[Path, Path]) -> None:
    pack = _pack(tmp_path)
    with pytest.raises(PolicyError):
        PolicyHolder(pack, org_public_key=keys[1], state_dir=tmp_path / "state")
    _sign(pack, keys[0], expires=dt.date.today() + dt.timedelta(days=30))
    holder = PolicyHolder(pack, org_public_key=keys[1], state_dir=tmp_path / "state")
    before = holder.current
    pack.write_text(pack.read_text() + "\n# an unsigned edit\n")
    result = holder.reload()
    assert not result.changed and result.error and "does not match the signed hash" in result.error
    assert holder.current is before
    shutil.rmtree(tmp_path / "state")


def test_without_a_state_directory_the_signature_and_expiry_are_still_enforced(
    tmp_path: Path, keys: tuple[Path, Path]
) -> None:
    pack = _pack(tmp_path)
    with pytest.raises(PolicyError, match="unsigned"):
        load_policy(pack, org_public_key=keys[1], today=TODAY)
    _sign(pack, keys[0])
    assert load_policy(pack, org_public_key=keys[1], today=TODAY).signature is not None
    _sign(pack, keys[0], expires=dt.date(2026, 1, 1))
    with pytest.raises(PolicyError, match="expired"):
        load_policy(pack, org_public_key=keys[1], today=TODAY)

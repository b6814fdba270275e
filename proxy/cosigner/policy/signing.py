"""Ed25519 signatures for policy packs: a detached, human-readable signature document beside the policy file.

    -----BEGIN COSIGNER POLICY SIGNATURE-----
    format: cosigner-policy-signature/1
    policy: default
    version: 3
    file-sha256: <hex of the policy file bytes>
    expires: 2027-03-31
    signed-at: 2026-11-27T03:50:00Z
    key-id: <first 16 hex digits of SHA-256 of the raw public key>
    signature: <base64 Ed25519 signature over the lines above, each ending in a newline>
    -----END COSIGNER POLICY SIGNATURE-----

The signature covers the version and expiry, so neither can be edited without the private key.  A public-key
file
may hold several PEM keys (rotation): the one whose key id the signature names is used.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

FORMAT = "cosigner-policy-signature/1"
BEGIN = "-----BEGIN COSIGNER POLICY SIGNATURE-----"
END = "-----END COSIGNER POLICY SIGNATURE-----"
FIELDS = ("format", "policy", "version", "file-sha256", "expires", "signed-at", "key-id")


class SignatureError(Exception):
    """A signature problem; the message names the file and what is wrong, never policy content."""


@dataclass(frozen=True, slots=True)
class SignedFields:
    policy: str
    version: int
    file_sha256: str
    expires: dt.date
    signed_at: str
    key_id: str


def signature_path(policy_path: Path) -> Path:
    return policy_path.with_name(policy_path.name + ".sig")


def key_id(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def generate_keypair(private_path: Path, public_path: Path) -> str:
    """Write a new private key (mode 0600) and its public key, never overwriting; return the key id."""
    for path in (private_path, public_path):
        if path.exists():
            raise SignatureError(f"{path.name}: already exists; refusing to overwrite a key")
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(private_pem)
    public_path.write_bytes(
        key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    return key_id(key.public_key())


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise SignatureError(f"{path.name}: not a readable PEM private key ({type(exc).__name__})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SignatureError(f"{path.name}: not an Ed25519 private key")
    return key


def load_public_keys(path: Path) -> dict[str, Ed25519PublicKey]:
    """Every Ed25519 public key in a PEM file, by key id."""
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise SignatureError(f"{path.name}: cannot read public key file ({type(exc).__name__})") from None
    keys: dict[str, Ed25519PublicKey] = {}
    marker = "-----END PUBLIC KEY-----"
    for block in text.split(marker)[:-1]:
        pem = (block.strip() + "\n" + marker + "\n").encode("ascii")
        try:
            key = serialization.load_pem_public_key(pem)
        except ValueError:
            raise SignatureError(f"{path.name}: contains a malformed PEM public key") from None
        if not isinstance(key, Ed25519PublicKey):
            raise SignatureError(f"{path.name}: contains a key that is not Ed25519")
        keys[key_id(key)] = key
    if not keys:
        raise SignatureError(f"{path.name}: no PEM public key found")
    return keys


def _signed_bytes(values: dict[str, str]) -> bytes:
    return "".join(f"{name}: {values[name]}\n" for name in FIELDS).encode("utf-8")


def sign_bytes(
    policy_bytes: bytes,
    policy_name: str,
    version: int,
    expires: dt.date,
    key: Ed25519PrivateKey,
    now: dt.datetime | None = None,
) -> str:
    now = now or dt.datetime.now(dt.UTC)
    values = {
        "format": FORMAT,
        "policy": policy_name,
        "version": str(version),
        "file-sha256": hashlib.sha256(policy_bytes).hexdigest(),
        "expires": expires.isoformat(),
        "signed-at": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "key-id": key_id(key.public_key()),
    }
    signature = base64.b64encode(key.sign(_signed_bytes(values))).decode("ascii")
    body = "".join(f"{name}: {values[name]}\n" for name in FIELDS)
    return f"{BEGIN}\n{body}signature: {signature}\n{END}\n"


def parse_signature(text: str, where: str) -> tuple[dict[str, str], bytes]:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    if len(lines) < 2 or lines[0] != BEGIN or lines[-1] != END:
        raise SignatureError(f"{where}: not a Cosigner policy signature document")
    values: dict[str, str] = {}
    for ln in lines[1:-1]:
        name, sep, value = ln.partition(": ")
        if not sep or name not in (*FIELDS, "signature") or name in values:
            raise SignatureError(f"{where}: unexpected or repeated line in signature document")
        values[name] = value
    missing = [n for n in (*FIELDS, "signature") if n not in values]
    if missing:
        raise SignatureError(f"{where}: missing field(s) {', '.join(missing)}")
    if values["format"] != FORMAT:
        raise SignatureError(f"{where}: unsupported signature format")
    try:
        signature = base64.b64decode(values.pop("signature"), validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError(f"{where}: signature is not valid base64") from None
    return values, signature


def verify_bytes(
    policy_bytes: bytes,
    signature_text: str,
    keys: dict[str, Ed25519PublicKey],
    where: str,
    today: dt.date | None = None,
) -> SignedFields:
    """Check a signature document against the policy bytes and trusted keys; return the signed fields."""
    values, signature = parse_signature(signature_text, where)
    key = keys.get(values["key-id"])
    if key is None:
        raise SignatureError(f"{where}: signed with key {values['key-id']}, which is not a trusted organisation key")
    try:
        key.verify(signature, _signed_bytes(values))
    except InvalidSignature:
        raise SignatureError(f"{where}: signature is invalid (signature document altered or wrong key)") from None
    if values["file-sha256"] != hashlib.sha256(policy_bytes).hexdigest():
        raise SignatureError(f"{where}: policy file does not match the signed hash (changed after signing)")
    try:
        version = int(values["version"])
        expires = dt.date.fromisoformat(values["expires"])
    except ValueError:
        raise SignatureError(f"{where}: version or expiry is malformed") from None
    today = today or dt.datetime.now(dt.UTC).date()
    if expires < today:
        raise SignatureError(f"{where}: signed pack expired on {expires.isoformat()}; ask IT for a current pack")
    return SignedFields(
        values["policy"], version, values["file-sha256"], expires, values["signed-at"], values["key-id"]
    )

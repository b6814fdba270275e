"""Checkpoints in the C2SP signed-note / tlog-checkpoint text format, signed with Ed25519.

    <origin>\\n
    <tree size, decimal>\\n
    <base64 root hash>\\n
    \\n
    — <key name> <base64(4-byte key hash || 64-byte signature)>\\n

The signature covers the note body (the first three lines, each with its newline). The key hash is
SHA-256(key name || 0x0A || 0x01 || public key)[:4], 0x01 naming Ed25519, as C2SP specifies; the key name is
the log's origin. Any tlog verifier that knows the public key can check our checkpoints.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

SIGNATURE_PREFIX = "\u2014 "
_ED25519_ALG = b"\x01"


@dataclass(frozen=True, slots=True)
class Checkpoint:
    origin: str
    tree_size: int
    root_hash: bytes
    text: str
    key_id: str
    time: str = ""
    reason: str = ""

    @property
    def root_b64(self) -> str:
        return base64.b64encode(self.root_hash).decode("ascii")

    def reference(self) -> dict[str, str | int]:
        """What a receipt carries to pin itself to this checkpoint."""
        return {"origin": self.origin, "tree_size": self.tree_size, "root": self.root_b64}


class NoteError(ValueError):
    """A checkpoint note is malformed or its signature does not verify (message: what, never the text)."""


def note_key_hash(key_name: str, public_key: bytes) -> bytes:
    return hashlib.sha256(key_name.encode("utf-8") + b"\n" + _ED25519_ALG + public_key).digest()[:4]


def note_body(origin: str, tree_size: int, root_hash: bytes) -> str:
    if not origin or "\n" in origin or origin != origin.strip():
        raise NoteError("origin must be one non-empty line without surrounding spaces")
    return f"{origin}\n{tree_size}\n{base64.b64encode(root_hash).decode('ascii')}\n"


def sign_note(body: str, key_name: str, public_key: bytes, sign: Callable[[bytes], bytes]) -> str:
    signature = sign(body.encode("utf-8"))
    blob = base64.b64encode(note_key_hash(key_name, public_key) + signature).decode("ascii")
    return f"{body}\n{SIGNATURE_PREFIX}{key_name} {blob}\n"


@dataclass(frozen=True, slots=True)
class ParsedNote:
    origin: str
    tree_size: int
    root_hash: bytes
    signer_key_ids: tuple[str, ...]


def parse_and_verify(text: str, public_keys: Mapping[str, bytes], key_name: str | None = None) -> ParsedNote:
    """Parse a checkpoint note and check at least one signature by a known key; raise NoteError otherwise.

    ``public_keys`` maps key id → raw Ed25519 public key. ``key_name`` defaults to the note's origin.
    """
    body, sep, signatures = text.partition("\n\n")
    if not sep:
        raise NoteError("checkpoint has no blank line before its signatures")
    body += "\n"
    lines = body.split("\n")[:-1]
    if len(lines) < 3:
        raise NoteError("checkpoint body needs origin, size and root lines")
    origin, size_text, root_text = lines[0], lines[1], lines[2]
    if not size_text.isascii() or not size_text.isdigit() or (size_text.startswith("0") and size_text != "0"):
        raise NoteError("checkpoint tree size is not a canonical decimal")
    try:
        root = base64.b64decode(root_text, validate=True)
    except ValueError:  # binascii.Error, or non-ASCII text
        raise NoteError("checkpoint root is not base64") from None
    if len(root) != 32:
        raise NoteError("checkpoint root is not 32 bytes")
    if base64.b64encode(root).decode("ascii") != root_text:
        raise NoteError("checkpoint root is not canonical base64")
    name = key_name if key_name is not None else origin
    by_hash = {note_key_hash(name, pub): (kid, pub) for kid, pub in public_keys.items()}
    verified: list[str] = []
    if not signatures.endswith("\n"):
        raise NoteError("checkpoint signature block must end with a newline")
    for line in signatures[:-1].split("\n"):
        if not line.startswith(SIGNATURE_PREFIX):
            raise NoteError("checkpoint signature line malformed")
        signer, _, blob_text = line[len(SIGNATURE_PREFIX) :].rpartition(" ")
        try:
            blob = base64.b64decode(blob_text, validate=True)
        except ValueError:
            raise NoteError("checkpoint signature is not base64") from None
        if base64.b64encode(blob).decode("ascii") != blob_text:
            raise NoteError("checkpoint signature is not canonical base64")
        if signer != name or len(blob) != 68 or blob[:4] not in by_hash:
            continue  # a signature by someone we do not know: ignored, as C2SP says
        kid, pub = by_hash[blob[:4]]
        try:
            Ed25519PublicKey.from_public_bytes(pub).verify(blob[4:], body.encode("utf-8"))
        except InvalidSignature:
            raise NoteError(f"checkpoint signature by key {kid} does not verify") from None
        verified.append(kid)
    if not verified:
        raise NoteError("checkpoint carries no signature by a known key")
    return ParsedNote(origin, int(size_text), root, tuple(verified))

"""Checkpoints in the C2SP signed-note format: produced, parsed, and refused when forged."""

from __future__ import annotations

import base64
import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from cosigner.store.note import NoteError, note_body, note_key_hash, parse_and_verify, sign_note

ORIGIN = "cosigner.example/log"
ROOT = hashlib.sha256(b"root").digest()


def keypair() -> tuple[Ed25519PrivateKey, bytes]:
    private = Ed25519PrivateKey.generate()
    return private, private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def signed(private: Ed25519PrivateKey, public: bytes, size: int = 42, root: bytes = ROOT) -> str:
    return sign_note(note_body(ORIGIN, size, root), ORIGIN, public, private.sign)


def test_note_has_the_c2sp_layout() -> None:
    private, public = keypair()
    text = signed(private, public)
    lines = text.split("\n")
    assert lines[:4] == [ORIGIN, "42", base64.b64encode(ROOT).decode(), ""]
    assert lines[4].startswith("\u2014 " + ORIGIN + " ")
    blob = base64.b64decode(lines[4].rsplit(" ", 1)[1])
    assert blob[:4] == hashlib.sha256(ORIGIN.encode() + b"\n\x01" + public).digest()[:4]
    assert blob[:4] == note_key_hash(ORIGIN, public)
    assert len(blob) == 68 and text.endswith("\n")


def test_valid_note_parses_with_its_key() -> None:
    private, public = keypair()
    parsed = parse_and_verify(signed(private, public), {"k1": public})
    assert (parsed.origin, parsed.tree_size, parsed.root_hash) == (ORIGIN, 42, ROOT)
    assert parsed.signer_key_ids == ("k1",)


def _swap_signature(text: str, other: str) -> str:
    return text.split("\n\n")[0] + "\n\n" + other.split("\n\n")[1]


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda t, o: t.replace("\n42\n", "\n43\n"), "does not verify"),
        (lambda t, o: t.replace(base64.b64encode(ROOT).decode(), base64.b64encode(bytes(32)).decode()),
         "does not verify"),
        (lambda t, o: _swap_signature(t, o), "does not verify"),
        (lambda t, o: t.replace("\n\n", "\n"), "blank line"),
        (lambda t, o: t.rstrip("\n"), "newline"),
        (lambda t, o: t.replace("\n42\n", "\n042\n"), "canonical decimal"),
        (lambda t, o: t.replace("\n42\n", "\n-1\n"), "canonical decimal"),
        (lambda t, o: t.replace(base64.b64encode(ROOT).decode(), "not*base64"), "base64"),
        (lambda t, o: t.replace(base64.b64encode(ROOT).decode(), base64.b64encode(b"tiny").decode()),
         "32 bytes"),
        (lambda t, o: t.replace("\u2014 ", "- "), "malformed"),
    ],
)
def test_forged_or_malformed_notes_are_refused(mutate: object, message: str) -> None:
    private, public = keypair()
    text = signed(private, public)
    other = signed(private, public, size=43)
    forged = mutate(text, other)  # type: ignore[operator]
    with pytest.raises(NoteError, match=message):
        parse_and_verify(forged, {"k1": public})


def test_signature_by_an_unknown_key_is_not_accepted() -> None:
    private, public = keypair()
    _, stranger = keypair()
    with pytest.raises(NoteError, match="no signature by a known key"):
        parse_and_verify(signed(private, public), {"other": stranger})


def test_signature_from_another_key_under_our_key_hash_is_refused() -> None:
    _, public = keypair()
    attacker, _ = keypair()
    body = note_body(ORIGIN, 42, ROOT)
    forged = sign_note(body, ORIGIN, public, attacker.sign)  # claims our key hash, signed by someone else
    with pytest.raises(NoteError, match="does not verify"):
        parse_and_verify(forged, {"k1": public})

"""RFC 6962 Merkle hashing against a literal reading of the RFC's recursive definitions."""

from __future__ import annotations

import hashlib

import pytest

from cosigner.store.merkle import (
    EMPTY_ROOT,
    Frontier,
    inclusion_proof,
    leaf_hash,
    node_hash,
    root_of,
    verify_inclusion,
)


def reference_mth(data: list[bytes]) -> bytes:
    n = len(data)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return hashlib.sha256(b"\x00" + data[0]).digest()
    k = 1
    while k * 2 < n:
        k *= 2
    return hashlib.sha256(b"\x01" + reference_mth(data[:k]) + reference_mth(data[k:])).digest()


DATA = [f"entry-{i}".encode() for i in range(70)]
LEAVES = [leaf_hash(d) for d in DATA]


def test_leaf_and_node_hashes_use_domain_separation_prefixes() -> None:
    assert leaf_hash(b"x") == hashlib.sha256(b"\x00x").digest()
    assert node_hash(b"a", b"b") == hashlib.sha256(b"\x01ab").digest()
    assert leaf_hash(b"") != EMPTY_ROOT


@pytest.mark.parametrize("n", [0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 33, 64, 70])
def test_root_matches_rfc6962_definition(n: int) -> None:
    assert root_of(LEAVES[:n]) == reference_mth(DATA[:n])


def test_frontier_gives_every_intermediate_root() -> None:
    frontier = Frontier()
    for n, leaf in enumerate(LEAVES, start=1):
        frontier.push(leaf)
        assert frontier.size == n
        assert frontier.root() == reference_mth(DATA[:n])


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 13, 70])
def test_every_inclusion_proof_verifies_and_wrong_inputs_do_not(n: int) -> None:
    root = root_of(LEAVES[:n])
    for index in range(n):
        proof = inclusion_proof(LEAVES[:n], index)
        assert verify_inclusion(LEAVES[index], index, n, proof, root)
        assert not verify_inclusion(LEAVES[(index + 1) % 70], index, n, proof, root)
        if proof:
            bent = [bytes(32), *proof[1:]]
            assert not verify_inclusion(LEAVES[index], index, n, bent, root)
            assert not verify_inclusion(LEAVES[index], index, n, proof[:-1], root)
        assert not verify_inclusion(LEAVES[index], index, n, [*proof, bytes(32)], root)
        assert not verify_inclusion(LEAVES[index], index + n, n, proof, root)


def test_inclusion_proof_rejects_index_outside_tree() -> None:
    with pytest.raises(ValueError):
        inclusion_proof(LEAVES[:3], 3)

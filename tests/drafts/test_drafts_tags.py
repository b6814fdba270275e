"""Draft tags: signed over canonical JSON, verifiable from body or header, and any change is detected."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from cosigner.drafts.ids import REF_RE, short_ref, uuid7, uuid7_millis
from cosigner.drafts.tags import (
    DraftTag,
    issue_tag,
    marker_text,
    parse_header,
    parse_marker,
    tag_problem,
    verify_tag,
)
from cosigner.keys import KeyStore

TEXT = "The visit went well; mum was at home."


@pytest.fixture
def keys(tmp_path: Path) -> KeyStore:
    return KeyStore(tmp_path)


def _tag(keys: KeyStore, text: str = TEXT) -> DraftTag:
    return issue_tag(
        keys,
        provider="azure-uk",
        model="gpt-4o",
        policy_name="default",
        policy_hash="ab" * 32,
        counts={"PERSON": 2, "NHS_NUMBER": 1},
        text=text,
    )


def test_issued_tag_verifies_from_body_and_header(keys: KeyStore) -> None:
    tag = _tag(keys)
    assert verify_tag(tag.to_json(), TEXT, keys.public_keys())
    assert parse_header(tag.header_value()) == tag.to_json()
    assert verify_tag(parse_header(tag.header_value()), TEXT, keys.public_keys())
    assert tag.to_json()["redaction_counts"] == {"NHS_NUMBER": 1, "PERSON": 2}
    assert tag.key_id == keys.key_id


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("provider", "other"),
        ("model", "gpt-5"),
        ("policy", {"name": "default", "hash": "cd" * 32}),
        ("redaction_counts", {"PERSON": 0}),
        ("issued_at", "2020-01-01T00:00:00.000Z"),
        ("draft_id", "0190f0e0-0000-7000-8000-000000000000"),
        ("text_sha256", "00" * 32),
    ],
)
def test_changing_any_signed_field_breaks_the_signature(keys: KeyStore, field: str, value: object) -> None:
    tampered = {**_tag(keys).to_json(), field: value}
    assert tag_problem(tampered, None, keys.public_keys()) == "signature does not verify"


def test_a_different_text_is_refused(keys: KeyStore) -> None:
    tag = _tag(keys)
    assert tag_problem(tag.to_json(), TEXT + " ", keys.public_keys()) == "text differs from the tagged draft"


def test_unknown_key_and_garbage_are_refused_not_raised(keys: KeyStore, tmp_path: Path) -> None:
    other = KeyStore(tmp_path / "other")
    tag = _tag(other)
    assert tag_problem(tag.to_json(), TEXT, keys.public_keys()) == "signed by an unknown key"
    assert not verify_tag({"schema": "x"}, TEXT, keys.public_keys())
    assert not verify_tag({**_tag(keys).to_json(), "signature": "!!"}, TEXT, keys.public_keys())
    with pytest.raises(ValueError):
        parse_header("v2.abc")
    with pytest.raises(ValueError):
        parse_header("v1.%%%")


def test_tags_from_a_rotated_key_still_verify(keys: KeyStore) -> None:
    old = _tag(keys)
    keys.rotate()
    assert old.key_id != keys.key_id
    assert verify_tag(old.to_json(), TEXT, keys.public_keys())


def test_draft_ids_are_uuid7_and_time_ordered(keys: KeyStore) -> None:
    moment = datetime(2026, 11, 27, 14, 5, tzinfo=UTC)
    tag = issue_tag(keys, provider="p", model="m", policy_name="n", policy_hash="h", counts={}, text="", now=moment)
    assert uuid7_millis(tag.draft_id) == int(moment.timestamp() * 1000)
    assert tag.issued_at == "2026-11-27T14:05:00.000Z"
    ids = [uuid7(now_ms=1_700_000_000_000 + i) for i in range(50)]
    assert ids == sorted(ids)
    assert len(set(uuid7(now_ms=5) for _ in range(100))) == 100


def test_marker_round_trips_through_text() -> None:
    ref = short_ref(uuid7())
    assert REF_RE.fullmatch(ref)
    marker = marker_text("[AI-assisted draft]", ref)
    assert marker == f"⟦AI-assisted draft · unreviewed · ref {ref}⟧"
    found = parse_marker(f"Some pasted text.\n{marker}\nMore.")
    assert [(m.wording, m.ref) for m in found] == [("AI-assisted draft", ref)]
    assert parse_marker("no marker here [AI-assisted draft]") == []
    assert marker_text("   ", ref) is None

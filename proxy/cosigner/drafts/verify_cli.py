"""``cosigner verify-draft``: check a text against its draft tag, or an accepted note against its receipt.

    cosigner verify-draft draft.txt --tag reply.json        # tag JSON, or a reply/draft body carrying it
    cosigner verify-draft draft.txt --header 'v1.eyJ...'    # the x-cosigner-draft header value
    cosigner verify-draft note.txt --receipt receipt.json   # + the audit entry and signed checkpoint

Receipt checks: the signature (by a key in ``public_keys.json``), the note's text against the receipt's final
text hash (with or without the visible tag line appended), and — unless ``--no-log`` — that the audit entry at
the receipt's ``seq`` has the receipt's hash and that the signed checkpoint it cites exists and verifies.
Exit code 0: everything checked out; 1: something did not (each check is printed); 2: bad input.
"""

from __future__ import annotations

import argparse
import base64
import json
import sqlite3
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from cosigner.drafts.receipts import core_hash, receipt_problem
from cosigner.drafts.tags import parse_header, tag_problem, text_sha256
from cosigner.errors import ConfigError
from cosigner.keys import load_public_keys, public_keys_path
from cosigner.store.note import NoteError, parse_and_verify

Check = tuple[str, bool, str]  # (what, ok, detail)


def add_verify_draft_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("verify-draft", help="check a text against its draft tag or acceptance receipt")
    p.add_argument("text", type=Path, help="the draft text, or the accepted note as it stands in the record")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--tag", type=Path, help="JSON file: the draft tag (or a reply carrying it)")
    source.add_argument("--header", help="the x-cosigner-draft header value")
    source.add_argument("--receipt", type=Path, help="JSON file: the acceptance receipt")
    p.add_argument("--keys", type=Path, help="public_keys.json to trust (default: the data directory's)")
    p.add_argument("--no-log", action="store_true", help="do not look the receipt up in the local audit log")
    p.add_argument("--json", action="store_true", help="print the checks as JSON")
    p.set_defaults(func=cmd_verify_draft)


def cmd_verify_draft(args: argparse.Namespace) -> int:
    try:
        text = args.text.read_text("utf-8")
        keys = load_public_keys(args.keys or public_keys_path(_data_dir(args)))
        if args.receipt is not None:
            receipt = _unwrap(_read_json(args.receipt), "receipt")
            log_path = None if args.no_log else _audit_db(args)
            checks = list(check_receipt(receipt, text, keys, log_path))
        else:
            tag = (
                parse_header(args.header) if args.header else _unwrap(_read_json(args.tag), "tag", "cosigner")
            )
            problem = tag_problem(tag, text, keys)
            checks = [
                ("draft tag", problem is None, problem or f"signed by {tag.get('key_id')}, text matches")
            ]
    except (OSError, ValueError, ConfigError) as exc:
        sys.stderr.write(f"verify-draft: {type(exc).__name__}: {exc}\n")
        return 2
    ok = all(passed for _, passed, _ in checks)
    if args.json:
        out = {"ok": ok, "checks": [{"check": c, "ok": p, "detail": d} for c, p, d in checks]}
        sys.stdout.write(json.dumps(out, indent=2) + "\n")
    else:
        for what, passed, detail in checks:
            sys.stdout.write(f"{'ok  ' if passed else 'FAIL'} {what}: {detail}\n")
    return 0 if ok else 1


def check_receipt(
    receipt: Mapping[str, Any], note: str, keys: Mapping[str, bytes], log_path: Path | None
) -> Iterator[Check]:
    problem = receipt_problem(receipt, keys)
    yield ("receipt signature", problem is None, problem or f"signed by key {receipt.get('key_id')}")
    if problem is not None:
        return
    yield _text_check(receipt, note)
    if log_path is None:
        return
    if not log_path.exists():
        yield ("audit log", False, f"no audit log at {log_path}")
        return
    yield from _log_checks(receipt, keys, log_path)


def _text_check(receipt: Mapping[str, Any], note: str) -> Check:
    final = receipt.get("hashes", {}).get("final")
    if final is None:
        return ("note text", False, "the receipt records a rejected draft: no text was accepted")
    for candidate, how in _note_candidates(note, str(receipt.get("ref", ""))):
        if text_sha256(candidate) == final:
            return ("note text", True, f"matches the accepted text{how}")
    return ("note text", False, "differs from the accepted text (edited after acceptance, or another note)")


def _note_candidates(note: str, ref: str) -> Iterator[tuple[str, str]]:
    yield note, ""
    stripped = note.rstrip("\n")
    yield stripped, ""
    body, sep, last = stripped.rpartition("\n")
    if sep and ref and ref in last:
        yield body, " (visible tag line removed)"
        yield body.rstrip("\n"), " (visible tag line removed)"
        yield body + "\n", " (visible tag line removed)"


def _log_checks(receipt: Mapping[str, Any], keys: Mapping[str, bytes], log_path: Path) -> Iterator[Check]:
    audit = receipt.get("audit") or {}
    seq = audit.get("seq")
    conn = sqlite3.connect(f"file:{log_path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT type, body, hash FROM entries WHERE seq = ?", (seq,)).fetchone()
        checkpoint = receipt.get("checkpoint")
        note_row = None
        if checkpoint is not None:
            note_row = conn.execute(
                "SELECT note FROM checkpoints WHERE tree_size = ?", (checkpoint.get("tree_size"),)
            ).fetchone()
    finally:
        conn.close()
    if row is None:
        yield ("audit entry", False, f"no entry {seq} in the log (truncated, or another log)")
        return
    entry_type, body, entry_hash = row
    same_hash = bytes(entry_hash).hex() == audit.get("entry_hash")
    try:
        fields = json.loads(bytes(body) if body is not None else b"{}").get("fields", {})
    except ValueError:
        fields = {}
    recorded = fields.get("receipt_hash") == core_hash(receipt)
    ok = same_hash and recorded and entry_type in ("draft_accepted", "draft_rejected")
    detail = (
        f"entry {seq} ({entry_type}) records this receipt"
        if ok
        else (
            f"entry {seq} does not match this receipt (hash {'ok' if same_hash else 'differs'}, "
            f"receipt hash {'ok' if recorded else 'differs'})"
        )
    )
    yield ("audit entry", ok, detail)
    if checkpoint is None:
        yield (
            "checkpoint",
            receipt.get("outcome") == "rejected",
            "none cited (rejections are not checkpointed)",
        )
        return
    if note_row is None:
        yield ("checkpoint", False, f"no checkpoint of size {checkpoint.get('tree_size')} in the log")
        return
    try:
        parsed = parse_and_verify(str(note_row[0]), keys)
    except NoteError as exc:
        yield ("checkpoint", False, str(exc))
        return
    root_ok = base64.b64encode(parsed.root_hash).decode("ascii") == checkpoint.get("root")
    covers = isinstance(seq, int) and parsed.tree_size > seq
    yield (
        "checkpoint",
        root_ok and covers,
        f"signed checkpoint of {parsed.tree_size} entries covers entry {seq}"
        if root_ok and covers
        else "the cited checkpoint differs from the log's signed checkpoint",
    )


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


def _unwrap(value: Any, *keys: str) -> dict[str, Any]:
    """Accept the object itself or a response body that carries it under one of ``keys``."""
    if not isinstance(value, dict):
        raise ValueError("expected a JSON object")
    for key in keys:
        inner = value.get(key)
        if isinstance(inner, dict) and "signature" in inner:
            return inner
    return value


def _data_dir(args: argparse.Namespace) -> Path:
    if getattr(args, "data_dir", None):
        return Path(args.data_dir)
    from cosigner.config import load_config

    return Path(load_config(getattr(args, "config", None)).data_dir)


def _audit_db(args: argparse.Namespace) -> Path:
    from cosigner.store.cli import audit_db_path

    return audit_db_path(_data_dir(args))

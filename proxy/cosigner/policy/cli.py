"""``cosigner policy keygen | sign | verify | check | explain``.

``explain`` reads text (a file or stdin) and prints which rules fire and on what evidence; it never prints the
text itself, so its output can be pasted into a ticket.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from cosigner.policy.contract import CheckRequest, Segment
from cosigner.policy.guard.analysis import analyse, explain
from cosigner.policy.guard.features import is_particular
from cosigner.policy.guard.learned import wording_model
from cosigner.policy.load import PolicyError, load_policy, parse_document, read_toml
from cosigner.policy.signing import (
    SignatureError,
    generate_keypair,
    load_private_key,
    load_public_keys,
    sign_bytes,
    signature_path,
    verify_bytes,
)


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def add_policy_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    policy = sub.add_parser("policy", help="policy packs: keygen, sign, verify, check, explain")
    cmds = policy.add_subparsers(dest="policy_command", required=True)

    p = cmds.add_parser("keygen", help="create an Ed25519 signing key pair for the organisation")
    p.add_argument("--private", type=Path, required=True, help="where to write the private key (kept by IT)")
    p.add_argument("--public", type=Path, required=True, help="where to write the public key (deployed)")
    p.set_defaults(func=cmd_keygen)

    p = cmds.add_parser("sign", help="sign a policy file (writes <file>.sig)")
    p.add_argument("policy", type=Path)
    p.add_argument("--key", type=Path, required=True, help="private key")
    p.add_argument("--expires", required=True, help="expiry date, YYYY-MM-DD")
    p.add_argument("--out", type=Path, default=None, help="signature file (default <policy>.sig)")
    p.set_defaults(func=cmd_sign)

    p = cmds.add_parser("verify", help="verify a signed policy against the organisation public key")
    p.add_argument("policy", type=Path)
    p.add_argument("--public-key", type=Path, required=True)
    p.set_defaults(func=cmd_verify)

    p = cmds.add_parser("check", help="validate a policy (and an optional local override)")
    p.add_argument("policy", type=Path)
    p.add_argument("--override", type=Path, default=None)
    p.set_defaults(func=cmd_check)

    p = cmds.add_parser("explain", help="show which rules fire for a text, without printing the text")
    p.add_argument("policy", type=Path)
    p.add_argument("--text", type=Path, default=None, help="file with the request text (default: stdin)")
    p.add_argument("--system", type=Path, default=None, help="file with a system message to include")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_explain)


def cmd_keygen(args: argparse.Namespace) -> int:
    try:
        kid = generate_keypair(args.private, args.public)
    except (SignatureError, OSError) as exc:
        _err(f"cosigner policy keygen: {exc}")
        return 1
    _out(f"key id {kid}: private key {args.private} (keep it offline), public key {args.public}")
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    try:
        expires = dt.date.fromisoformat(args.expires)
    except ValueError:
        _err("cosigner policy sign: --expires must be a date YYYY-MM-DD")
        return 2
    if expires < dt.datetime.now(dt.UTC).date():
        _err("cosigner policy sign: --expires is in the past")
        return 2
    try:
        data, raw = read_toml(args.policy)
        document = parse_document(args.policy.name, raw)
        key = load_private_key(args.key)
    except (PolicyError, SignatureError) as exc:
        _err(f"cosigner policy sign: refused:\n{exc}")
        return 1
    out = args.out or signature_path(args.policy)
    out.write_text(sign_bytes(data, document.name, document.version, expires, key), encoding="utf-8")
    _out(f"signed {document.name} version {document.version}, expires {expires.isoformat()}: {out}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    try:
        data, raw = read_toml(args.policy)
        document = parse_document(args.policy.name, raw)
        keys = load_public_keys(args.public_key)
        sig = signature_path(args.policy)
        fields = verify_bytes(data, sig.read_text(encoding="utf-8"), keys, sig.name)
    except FileNotFoundError:
        _err(f"cosigner policy verify: {args.policy.name}: unsigned (no signature file)")
        return 1
    except (PolicyError, SignatureError) as exc:
        _err(f"cosigner policy verify: {exc}")
        return 1
    if (fields.policy, fields.version) != (document.name, document.version):
        _err("cosigner policy verify: the signature names a different policy name or version than the file")
        return 1
    _out(
        f"valid: {document.name} version {document.version}, key {fields.key_id}, expires {fields.expires.isoformat()}"
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    try:
        policy = load_policy(args.policy, override=args.override)
    except PolicyError as exc:
        _err(f"{exc}")
        return 1
    _out(f"ok: {policy.name} version {policy.version} sha256 {policy.content_hash}")
    for rule in policy.rules:
        state = rule.action if rule.enabled else "off"
        _out(f"  rule {rule.rule_id:<20} check {rule.check:<20} {state}")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    try:
        policy = load_policy(args.policy)
    except PolicyError as exc:
        _err(f"{exc}")
        return 1
    text = args.text.read_text(encoding="utf-8") if args.text else sys.stdin.read()
    segments = [Segment("user", text)]
    if args.system:
        segments.insert(0, Segment("system", args.system.read_text(encoding="utf-8")))
    request = CheckRequest(tuple(segments))
    verdicts = policy.evaluate_all(request)
    findings = explain(request)
    decision = policy.evaluate(request)
    analysis = analyse(request)
    reading, model = analysis.judgement, wording_model()
    general = not is_particular(analysis.features)
    threshold = model.threshold_for(analysis.features)
    strict = threshold != model.threshold
    model_fires, model_vetoes = analysis.learned is not None, analysis.vetoed
    if args.json:
        _out(
            json.dumps(
                {
                    "decision": decision.action,
                    "rule": decision.rule_id,
                    "fired": [{"rule": v.rule_id, "action": v.action} for v in verdicts],
                    "sentences": [
                        {
                            "index": f.index,
                            "role": f.role,
                            "categories": list(f.categories),
                            "evidence": list(f.evidence),
                        }
                        for f in findings
                    ],
                    "wording_model": {
                        "category": reading.category,
                        "probability": round(reading.probability, 4),
                        "general_question": general,
                        "threshold": threshold,
                        "veto_below": model.general_veto_below if general else model.veto_below,
                        "fires": model_fires,
                        "sets_rules_aside": model_vetoes,
                    },
                }
            )
        )
        return 0
    _out(f"decision: {decision.action}" + (f" (rule {decision.rule_id})" if decision.rule_id else ""))
    for v in verdicts:
        _out(f"  rule {v.rule_id}: {v.action}")
        _out(f"    {v.message}")
    for f in findings:
        _out(f"  request sentence {f.index} ({f.role}) → {', '.join(f.categories)}")
        _out(f"    evidence: {'; '.join(f.evidence)}")
    _out(
        f"  wording model: {reading.probability:.0%} likely a request for a judgement ("
        + ("a general question: " if general else "read as drafting, preparation or explanation: " if strict else "")
        + "fires at "
        + f"{threshold:.0%}); closest rule {reading.category}"
        + ("; fires" if model_fires else "; does not fire")
        + ("; confident enough to set phrase-rule findings aside" if model_vetoes else "")
    )
    if not verdicts:
        _out("  no rule fired")
    return 0

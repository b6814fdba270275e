"""``cosigner screen``: the proxy's checks and redaction, offline, for IT and DPOs testing a policy.

Plain mode reads all of stdin and writes the redacted text.  ``--jsonl`` reads lines
``{"id", "text", "context"?}`` and writes ``{"id", "decision", "rule", "redacted", "spans"}`` with span offsets
as Python string offsets into the original ``text``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cosigner.config import Config
from cosigner.errors import CosignerError
from cosigner.policy.contract import CheckRequest, Segment
from cosigner.policy.load import load_policy
from cosigner.policy.model import Policy
from cosigner.redaction import CaseContext, Redactor


def _policy(args: argparse.Namespace, config: Config) -> Policy:
    from cosigner.app import policy_path

    path = args.policy or policy_path(config)
    return load_policy(path, org_public_key=config.org_public_key, state_dir=None)


def screen_one(policy: Policy, redactor: Redactor, text: str, context: object | None) -> dict[str, Any]:
    verdict = policy.evaluate(CheckRequest(segments=(Segment("user", text),)))
    ctx = CaseContext.from_json(context) if context is not None else None
    result = redactor.redact([text], ctx)
    return {
        "decision": "block" if verdict.action == "block" else "allow",
        "rule": verdict.rule_id if verdict.action != "allow" else None,
        "redacted": result.texts[0],
        "spans": [{"start": s.start, "end": s.end, "type": s.type} for s in result.spans[0]],
    }


def run_screen(args: argparse.Namespace, config: Config) -> int:
    policy = _policy(args, config)
    redactor = Redactor(policy.redaction)
    if not args.jsonl:
        text = sys.stdin.read()
        sys.stdout.write(redactor.redact([text]).texts[0])
        return 0
    status = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError("needs an object with a string 'text'")
            out = {"id": item.get("id"), **screen_one(policy, redactor, item["text"], item.get("context"))}
        except (ValueError, CosignerError) as exc:
            reason = exc.message if isinstance(exc, CosignerError) else "not a valid JSON object with 'text'"
            sys.stderr.write(f"cosigner screen: line {number}: {reason}\n")
            status = 1
            continue
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return status

"""check: the organisation's policy rules and token limits, before anything is redacted or sent.

Owns: verdict, input_tokens.
"""

from __future__ import annotations

from cosigner.errors import PolicyBlocked, TokenLimitExceeded
from cosigner.exchange import Exchange
from cosigner.policy.contract import CheckRequest, Segment
from cosigner.services import Services
from cosigner.tokens import count_tokens
from cosigner.wire.paths import get_path


def check(ex: Exchange, services: Services) -> None:
    policy = services.policy
    segments = tuple(Segment(slot.role, str(get_path(ex.body, slot.path))) for slot in ex.slots)
    verdict = policy.evaluate(CheckRequest(segments=segments, model=ex.model))
    ex.verdict = verdict
    if verdict.action == "block":
        raise PolicyBlocked(verdict.message, rule_id=verdict.rule_id or "policy")

    max_in = policy.limits.max_input_tokens(ex.model)
    if max_in is not None:
        ex.input_tokens = sum(count_tokens(s.text, ex.model) for s in segments)
        if ex.input_tokens > max_in:
            raise TokenLimitExceeded(
                f"This request has {ex.input_tokens} input tokens; the policy allows at most {max_in} for this "
                "model. Shorten the text or split it."
            )
    max_out = policy.limits.max_output_tokens(ex.model)
    if max_out is not None:
        _cap_output(ex, max_out)


def _cap_output(ex: Exchange, cap: int) -> None:
    keys = ("max_completion_tokens", "max_tokens") if ex.client_format == "openai" else ("max_tokens",)
    for key in keys:
        requested = ex.body.get(key)
        if isinstance(requested, int) and requested > cap:
            raise TokenLimitExceeded(
                f"{key} is {requested}; the policy allows at most {cap} output tokens for this model."
            )
    if not any(isinstance(ex.body.get(k), int) for k in keys):
        ex.body[keys[-1]] = cap

"""check: the organisation's policy rules and token limits, before anything is redacted or sent.

Owns: verdict, input_tokens.  Every token is at least one byte of UTF-8, so a request whose text is no longer in
bytes than the input limit cannot exceed it; only longer ones are counted exactly (``input_tokens`` stays None
otherwise).  The tokeniser vocabularies (40 MB or more each) are therefore loaded only when a request needs them.
"""

from __future__ import annotations

from cosigner.errors import PolicyBlocked, TokenLimitExceeded
from cosigner.exchange import Exchange
from cosigner.policy.contract import CheckRequest, Segment
from cosigner.services import Services
from cosigner.tokens import count_tokens, is_loaded
from cosigner.wire.paths import get_path


def check(ex: Exchange, services: Services) -> None:
    policy = services.policy
    segments = tuple(Segment(slot.role, str(get_path(ex.body, slot.path))) for slot in ex.slots)
    verdict = policy.evaluate(CheckRequest(segments=segments, model=ex.model))
    ex.verdict = verdict
    if verdict.action == "block":
        raise PolicyBlocked(verdict.message, rule_id=verdict.rule_id or "policy")

    max_in = policy.limits.max_input_tokens(ex.model)
    if max_in is not None and _utf8_size(segments) > max_in:
        ex.input_tokens = sum(count_tokens(s.text, ex.model) for s in segments)
        if ex.input_tokens > max_in:
            raise TokenLimitExceeded(
                f"This request has {ex.input_tokens} input tokens; the policy allows at most {max_in} for this "
                "model. Shorten the text or split it."
            )
    max_out = policy.limits.max_output_tokens(ex.model)
    if max_out is not None:
        _cap_output(ex, max_out)


def _utf8_size(segments: tuple[Segment, ...]) -> int:
    return sum(len(s.text.encode("utf-8")) for s in segments)


def needs_vocabulary(ex: Exchange, services: Services) -> bool:
    """True when ``check`` will count tokens with a vocabulary that is not loaded yet (a slow first load)."""
    max_in = services.policy.limits.max_input_tokens(ex.model)
    if max_in is None or is_loaded(ex.model):
        return False
    texts = (get_path(ex.body, slot.path) for slot in ex.slots)
    return sum(len(t.encode("utf-8")) for t in texts if isinstance(t, str)) > max_in


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

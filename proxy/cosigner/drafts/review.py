"""Review rules: turn a practitioner's per-hunk decisions into the final text, or refuse them.

Pure.  The extension enforces the same rules in its UI; this is the check that counts, because the receipt
says the rules were met.  Checked in this order, each with its own error code:

1. the decision is well formed (known hunk indexes, each at most once, ``edit`` carries text);
2. every changed hunk is decided (``hunk_undecided``);
3. flagged hunks that are kept or edited were confirmed one by one (``flag_not_confirmed``) — a bulk accept
   never covers them;
4. bulk accept only where the policy allows it (``bulk_accept_not_allowed``);
5. the attestation of the policy's current version was accepted (``attestation_required``);
6. each kept or edited hunk was in view for its minimum dwell (``review_too_fast``); rejecting AI text quickly
   is safe, so fast rejections are counted as dwell violations but not refused;
7. the final text equals the text rebuilt from the draft and the decisions (``final_text_mismatch``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from cosigner.drafts.diff import Hunk, sentence_hunks, tokenize, word_diff
from cosigner.drafts.errors import (
    AttestationRequired,
    BulkAcceptNotAllowed,
    DraftRequestInvalid,
    FinalTextMismatch,
    FlagNotConfirmed,
    HunkUndecided,
    InvalidDecision,
    ReviewTooFast,
)
from cosigner.drafts.flag_vocab import DEFAULT_RISK_TERMS
from cosigner.drafts.flags import Flag, NameFinder, flag_hunks, min_dwell_ms

Action = Literal["keep", "reject", "edit"]
Outcome = Literal["accept", "reject"]
_ACTIONS: tuple[Action, ...] = ("keep", "reject", "edit")
_MAX_SEEN_MS = 24 * 3600 * 1000


class ReviewPolicy(Protocol):
    """The policy's ``[review]`` section, as far as the rules need it."""

    @property
    def min_dwell_ms_base(self) -> int: ...
    @property
    def min_dwell_ms_per_word(self) -> int: ...
    @property
    def allow_bulk_accept(self) -> bool: ...
    @property
    def attestation_version(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ReviewHunk:
    hunk: Hunk
    flags: tuple[Flag, ...]
    min_dwell_ms: int

    @property
    def index(self) -> int:
        return self.hunk.index

    @property
    def changed(self) -> bool:
        return self.hunk.changed

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.hunk.index,
            "changed": self.hunk.changed,
            "original": self.hunk.original,
            "proposed": self.hunk.proposed,
            "ops": [{"op": op.op, "text": op.text} for op in self.hunk.ops],
            "flags": [{"kind": f.kind, "detail": f.detail} for f in self.flags],
            "min_dwell_ms": self.min_dwell_ms,
        }


@dataclass(frozen=True, slots=True)
class HunkDecision:
    index: int
    action: Action
    text: str | None
    confirmed: bool
    seen_ms: int


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: Outcome
    decisions: tuple[HunkDecision, ...]
    bulk_accept: bool
    attestation_version: str | None
    attestation_accepted: bool
    final_text: str | None


@dataclass(frozen=True, slots=True)
class ReviewStats:
    hunks_total: int
    hunks_changed: int
    kept: int
    rejected: int
    edited: int
    flagged_total: int
    flagged_confirmed: int
    bulk_accept: bool
    review_ms: int
    hunk_review_ms: tuple[int, ...]
    dwell_violations: int
    ai_share: float

    def to_json(self) -> dict[str, Any]:
        return {
            "hunks_total": self.hunks_total,
            "hunks_changed": self.hunks_changed,
            "kept": self.kept,
            "rejected": self.rejected,
            "edited": self.edited,
            "flagged_total": self.flagged_total,
            "flagged_confirmed": self.flagged_confirmed,
            "bulk_accept": self.bulk_accept,
            "review_ms": self.review_ms,
            "hunk_review_ms": list(self.hunk_review_ms),
            "dwell_violations": self.dwell_violations,
            "ai_share": self.ai_share,
        }


def review_hunks(
    original: str,
    draft: str,
    rules: ReviewPolicy,
    *,
    risk_terms: Sequence[str] = DEFAULT_RISK_TERMS,
    find_names: NameFinder | None = None,
) -> tuple[ReviewHunk, ...]:
    hunks = sentence_hunks(original, draft)
    flags = flag_hunks(hunks, original, risk_terms=risk_terms, find_names=find_names)
    return tuple(
        ReviewHunk(
            hunk,
            hunk_flags,
            min_dwell_ms(hunk, base_ms=rules.min_dwell_ms_base, per_word_ms=rules.min_dwell_ms_per_word),
        )
        for hunk, hunk_flags in zip(hunks, flags, strict=True)
    )


def parse_decision(body: Mapping[str, Any]) -> Decision:
    """Shape-check the JSON body of a decision; raises ``DraftRequestInvalid`` naming the bad field."""
    outcome = body.get("outcome")
    if outcome not in ("accept", "reject"):
        raise DraftRequestInvalid("outcome must be 'accept' or 'reject'.")
    raw = body.get("decisions", [])
    if not isinstance(raw, list):
        raise DraftRequestInvalid("decisions must be a list.")
    decisions = tuple(_hunk_decision(item, position) for position, item in enumerate(raw))
    bulk = body.get("bulk_accept", False)
    if not isinstance(bulk, bool):
        raise DraftRequestInvalid("bulk_accept must be true or false.")
    attestation = body.get("attestation") or {}
    if not isinstance(attestation, dict):
        raise DraftRequestInvalid("attestation must be an object {version, accepted}.")
    version = attestation.get("version")
    accepted = attestation.get("accepted", False)
    if version is not None and not isinstance(version, str | int):
        raise DraftRequestInvalid("attestation.version must be a string.")
    if not isinstance(accepted, bool):
        raise DraftRequestInvalid("attestation.accepted must be true or false.")
    final = body.get("final_text")
    if final is not None and not isinstance(final, str):
        raise DraftRequestInvalid("final_text must be a string.")
    if outcome == "accept" and final is None:
        raise DraftRequestInvalid("final_text is required to accept a draft.")
    return Decision(
        outcome=outcome,
        decisions=decisions,
        bulk_accept=bulk,
        attestation_version=None if version is None else str(version),
        attestation_accepted=accepted,
        final_text=final,
    )


def _hunk_decision(item: object, position: int) -> HunkDecision:
    where = f"decisions[{position}]"
    if not isinstance(item, dict):
        raise DraftRequestInvalid(f"{where} must be an object.")
    index, action, text = item.get("index"), item.get("action"), item.get("text")
    confirmed, seen = item.get("confirmed", False), item.get("seen_ms", 0)
    if not isinstance(index, int) or isinstance(index, bool) or index < 0:
        raise DraftRequestInvalid(f"{where}.index must be a hunk index.")
    if action not in _ACTIONS:
        raise DraftRequestInvalid(f"{where}.action must be keep, reject or edit.")
    if action == "edit" and not isinstance(text, str):
        raise DraftRequestInvalid(f"{where}.text is required for an edit.")
    if action != "edit":
        text = None
    if not isinstance(confirmed, bool):
        raise DraftRequestInvalid(f"{where}.confirmed must be true or false.")
    if not isinstance(seen, int) or isinstance(seen, bool) or not 0 <= seen <= _MAX_SEEN_MS:
        raise DraftRequestInvalid(f"{where}.seen_ms must be a whole number of milliseconds.")
    return HunkDecision(index, action, text, confirmed, seen)


def check_acceptance(
    hunks: Sequence[ReviewHunk], decision: Decision, rules: ReviewPolicy
) -> tuple[str, ReviewStats]:
    """Apply the review rules to an ``accept``; return the final text and the review statistics."""
    by_index = _index_decisions(hunks, decision)
    changed = [h for h in hunks if h.changed]
    undecided = [h.index for h in changed if h.index not in by_index]
    if undecided:
        raise HunkUndecided(
            f"{len(undecided)} changed hunk(s) have no decision (hunks {_list(undecided)}); keep, reject or "
            "edit each one."
        )
    unconfirmed = [
        h.index
        for h in changed
        if h.flags and by_index[h.index].action != "reject" and not by_index[h.index].confirmed
    ]
    if unconfirmed:
        raise FlagNotConfirmed(
            f"Flagged hunk(s) {_list(unconfirmed)} must be confirmed one by one; a bulk accept never covers "
            "flagged changes."
        )
    if decision.bulk_accept and not rules.allow_bulk_accept:
        raise BulkAcceptNotAllowed("The policy does not allow accepting changes in bulk; decide each hunk.")
    if not decision.attestation_accepted or decision.attestation_version != str(rules.attestation_version):
        raise AttestationRequired(
            f"Accepting needs the attestation, version {rules.attestation_version}, to be read and accepted."
        )
    too_fast = [
        h.index
        for h in changed
        if by_index[h.index].action != "reject" and by_index[h.index].seen_ms < h.min_dwell_ms
    ]
    if too_fast:
        raise ReviewTooFast(
            f"Hunk(s) {_list(too_fast)} were kept before their minimum review time; read each change before "
            "keeping it."
        )
    final = rebuild_final_text(hunks, by_index)
    if final != decision.final_text:
        raise FinalTextMismatch(
            "The final text does not match the draft with your decisions applied; re-open the review and try "
            "again."
        )
    return final, review_stats(hunks, decision, by_index, final)


def check_rejection(hunks: Sequence[ReviewHunk], decision: Decision) -> ReviewStats:
    """A rejected draft: the decisions made so far are recorded (if well formed); no rule is enforced."""
    by_index = _index_decisions(hunks, decision)
    return review_stats(hunks, decision, by_index, None)


def rebuild_final_text(hunks: Sequence[ReviewHunk], by_index: Mapping[int, HunkDecision]) -> str:
    parts = []
    for h in hunks:
        d = by_index.get(h.index)
        if not h.changed or d is None or d.action == "reject":
            parts.append(h.hunk.original)
        elif d.action == "keep":
            parts.append(h.hunk.proposed)
        else:
            parts.append(d.text or "")
    return "".join(parts)


def review_stats(
    hunks: Sequence[ReviewHunk], decision: Decision, by_index: Mapping[int, HunkDecision], final: str | None
) -> ReviewStats:
    changed = [h for h in hunks if h.changed]
    actions = Counter(by_index[h.index].action for h in changed if h.index in by_index)
    flagged = [h for h in changed if h.flags]
    seen = tuple(by_index[h.index].seen_ms if h.index in by_index else 0 for h in changed)
    violations = sum(
        1 for h in changed if h.index in by_index and by_index[h.index].seen_ms < h.min_dwell_ms
    )
    return ReviewStats(
        hunks_total=len(hunks),
        hunks_changed=len(changed),
        kept=actions["keep"],
        rejected=actions["reject"],
        edited=actions["edit"],
        flagged_total=len(flagged),
        flagged_confirmed=sum(1 for h in flagged if h.index in by_index and by_index[h.index].confirmed),
        bulk_accept=decision.bulk_accept,
        review_ms=sum(seen),
        hunk_review_ms=seen,
        dwell_violations=violations,
        ai_share=0.0 if final is None else ai_share(hunks, by_index, final),
    )


def ai_share(hunks: Sequence[ReviewHunk], by_index: Mapping[int, HunkDecision], final: str) -> float:
    """Share of the final text's characters the model wrote: kept insertions, and AI words kept in edits."""
    if not final:
        return 0.0
    from_ai = 0
    for h in hunks:
        d = by_index.get(h.index)
        if not h.changed or d is None or d.action == "reject":
            continue
        inserted = [op.text for op in h.hunk.ops if op.op == "insert"]
        if d.action == "keep":
            from_ai += sum(len(text) for text in inserted)
            continue
        offered = Counter(t for text in inserted for t in tokenize(text) if not t.isspace())
        for op in word_diff(h.hunk.original, d.text or ""):
            if op.op != "insert":
                continue
            for token in tokenize(op.text):
                if offered[token] > 0:
                    offered[token] -= 1
                    from_ai += len(token)
    return round(min(1.0, from_ai / len(final)), 4)


def _index_decisions(hunks: Sequence[ReviewHunk], decision: Decision) -> dict[int, HunkDecision]:
    known = {h.index: h for h in hunks}
    by_index: dict[int, HunkDecision] = {}
    for d in decision.decisions:
        hunk = known.get(d.index)
        if hunk is None:
            raise InvalidDecision(f"Hunk {d.index} does not exist in this draft.")
        if d.index in by_index:
            raise InvalidDecision(f"Hunk {d.index} was decided twice.")
        if not hunk.changed and d.action == "edit":
            raise InvalidDecision(f"Hunk {d.index} is unchanged text; edit it in the case system, not here.")
        by_index[d.index] = d
    return by_index


def _list(indexes: Sequence[int]) -> str:
    shown = ", ".join(str(i) for i in indexes[:10])
    return shown + (", ..." if len(indexes) > 10 else "")

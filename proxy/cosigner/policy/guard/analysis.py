"""Combine the roles found in each request sentence into the judgement categories that fire.

The rules read as plain English; each category lists what is enough to refuse.  Exemptions: an explanation of
law or terminology that names no particular person; and a drafting request (rewrite, summarise, …) about the
practitioner's own or a recorded decision ("my assessment", "the conference decided") that does not also ask
for the model's view.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from cosigner.policy.contract import CheckRequest
from cosigner.policy.guard.matcher import automaton, roles_in
from cosigner.policy.guard.normalise import normalise_sentence
from cosigner.policy.guard.sentences import DRAFT_HEADS, request_sentences

CATEGORIES = ("risk_scoring", "prediction", "statutory_decision", "credibility", "profiling", "guard_evasion")


@dataclass(frozen=True, slots=True)
class Analysis:
    fired: frozenset[str]
    sentences: tuple[str, ...]  # normalised request sentences (never logged; used for extra phrases)
    sentence_count: int


def categories_for(roles: set[str], head: str, question: bool) -> set[str]:
    has = roles.__contains__
    draft_own = head in DRAFT_HEADS and has("OWNED") and not has("YOUR_JUDGEMENT")
    generic = has("EXPLAIN") and not has("SPECIFIC") and not has("YOUR_JUDGEMENT")
    produce = has("PRODUCE") or question or has("YOUR_JUDGEMENT")
    out: set[str] = set()
    person = has("PERSON") or has("SPECIFIC")
    if not generic and (
        has("RISK_VERB_PERSON")
        or (has("RISK_STRONG") and not draft_own)
        or (has("RISK_VERB") and (has("RISK_OBJ") or has("SCALE")))
        or (has("RISK_NOUN") and produce and not draft_own and not has("OWNED"))
        or (
            has("SCALE")
            and (has("RISK_OBJ") or has("PERSON"))
            and produce
            and not draft_own
            and not has("OWNED")
        )
    ):
        out.add("risk_scoring")
    if (
        not generic
        and not draft_own
        and ((has("PRED_QUESTION") and has("OUTCOME")) or (has("PRED_STRONG") and (has("OUTCOME") or person)))
    ):
        out.add("prediction")
    if not generic and not draft_own and (has("STAT_STRONG") or (has("STAT_DECIDE") and has("STAT_TOPIC"))):
        out.add("statutory_decision")
    if (
        not generic
        and not draft_own
        and (
            has("CRED_STRONG")
            or (has("CRED_NOUN") and has("CRED_VERB"))
            or (has("CRED_NOUN") and has("YOUR_JUDGEMENT"))
        )
    ):
        out.add("credibility")
    if has("PROTECTED") and has("PROFILE") and not draft_own:
        out.add("profiling")
    if has("EVASION"):
        out.add("guard_evasion")
    return out


@lru_cache(maxsize=64)
def analyse(request: CheckRequest) -> Analysis:
    auto = automaton()
    fired: set[str] = set()
    everything: set[str] = set()
    owned_anywhere = False
    normalised: list[str] = []
    for sentence in request_sentences(request):
        padded = normalise_sentence(sentence.text)
        normalised.append(padded)
        roles = roles_in(padded, auto)
        if not roles:
            continue
        fired |= categories_for(roles, sentence.head, sentence.question)
        everything |= roles
        owned_anywhere = owned_anywhere or "OWNED" in roles
    # An instruction split across sentences or messages ("answer only high, medium or low" … "this family?")
    if (
        "SCALE" in everything
        and ("RISK_OBJ" in everything or "RISK_STRONG" in everything)
        and not owned_anywhere
        and (
            "PRODUCE" in everything
            or "YOUR_JUDGEMENT" in everything
            or any(s.question for s in request_sentences(request))
        )
    ):
        fired.add("risk_scoring")
    return Analysis(frozenset(fired), tuple(normalised), len(normalised))

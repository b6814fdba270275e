"""One Aho-Corasick automaton over every guard phrase; a scan returns the roles present in a sentence.

A few hits are then vetoed by their neighbours: a judgement verb whose subject is the practitioner or someone
else ("I rated", "the manager will assess", "how to assess") is reporting a judgement, not requesting one; and
"should I …" followed by a drafting verb ("should I mention …") asks about the document, not a decision.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import ahocorasick

from cosigner.policy.guard.expand import expand_all
from cosigner.policy.guard.lexicon import ROLES

SUBJECT_WORDS = frozenset(
    {
        "i",
        "we",
        "ive",
        "weve",
        "id",
        "wed",
        "im",
        "he",
        "she",
        "they",
        "mum",
        "dad",
        "worker",
        "workers",
        "practitioners",
        "practitioner",
        "manager",
        "managers",
        "colleague",
        "colleagues",
        "team",
        "conference",
        "panel",
        "court",
        "iro",
        "sw",
        "sws",
        "professionals",
        "who",
        "police",
        "school",
        "teacher",
        "nurse",
        "gp",
        "doctor",
        "psychologist",
        "assessor",
        "agencies",
        "partners",
        "services",
        "people",
        "judge",
        "magistrates",
        "mother",
        "father",
        "parents",
        "carers",
        "staff",
        "me",
        "us",
    }
)
MODAL_WORDS = frozenset(
    {
        "will",
        "would",
        "should",
        "to",
        "can",
        "could",
        "must",
        "shall",
        "may",
        "might",
        "need",
        "needs",
        "going",
        "have",
        "has",
        "had",
        "did",
        "do",
        "does",
        "usually",
        "normally",
        "always",
        "then",
        "also",
        "already",
        "typically",
        "not",
        "dont",
        "didnt",
        "cannot",
        "cant",
        "often",
        "now",
        "first",
        "still",
        "and",
        "will not",
        "wont",
        "asked",
        "helped",
        "how",
        "tried",
        "went",
        "continue",
        "continued",
        "plan",
        "planned",
        "want",
    }
)
DRAFTING_NEXT = frozenset(
    {
        "include",
        "mention",
        "say",
        "write",
        "put",
        "add",
        "phrase",
        "word",
        "use",
        "describe",
        "explain",
        "list",
        "format",
        "spell",
        "refer",
        "quote",
        "cite",
        "attach",
        "send",
        "sign",
        "address",
        "start",
        "begin",
        "keep",
        "cut",
        "title",
        "call",
        "capitalise",
        "structure",
        "order",
        "present",
        "show",
        "share",
        "copy",
        "consider",
        "think",
        "bear",
        "know",
        "read",
        "ask",
        "be",
        "avoid",
        "make",
        "get",
    }
)
VETO_BY_SUBJECT = frozenset(
    {
        "RISK_VERB",
        "RISK_VERB_PERSON",
        "CRED_VERB",
        "STAT_DECIDE",
        "SYS_PRED",
        "SYS_DECIDE",
        "SYS_ASSESS",
        "RISK_VERB_WEAK",
    }
)
NEGATIONS = frozenset({"not", "never", "dont", "without", "avoid", "nor", "no", "cannot", "cant", "wont", "shouldnt"})


@lru_cache(maxsize=4)
def automaton(extra: tuple[tuple[str, str], ...] = ()) -> ahocorasick.Automaton:
    """Built once per distinct set of extra phrases (role, phrase) contributed by policy rules."""
    by_phrase: dict[str, set[str]] = {}
    for role, templates in ROLES.items():
        for phrase in expand_all(templates):
            by_phrase.setdefault(phrase, set()).add(role)
    for role, phrase in extra:
        for p in expand_all([phrase]):
            by_phrase.setdefault(" ".join(p.split()), set()).add(role)
    auto = ahocorasick.Automaton()
    for phrase, roles in by_phrase.items():
        key = " " + phrase + " "
        auto.add_word(key, (len(key), tuple(sorted(roles))))
    auto.make_automaton()
    return auto


NEGATED_ROLES = VETO_BY_SUBJECT | {"PRED_STRONG", "STAT_STRONG", "RISK_STRONG", "CRED_STRONG", "RISK_NOUN"}
CLAUSE_WORDS = frozenset({"but", "however", "instead", "then", "and", "just", "so", "please", "rather"})


def roles_in(padded: str, auto: ahocorasick.Automaton) -> set[str]:
    found: set[str] = set()
    for end, (length, roles) in auto.iter(padded):
        start = end - length + 1
        for role in roles:
            if role in NEGATED_ROLES and _negated(padded, start):
                continue
            if role in VETO_BY_SUBJECT and _vetoed(padded, start, end, role):
                continue
            found.add(role)
    return found


def _negated(padded: str, start: int) -> bool:
    """A negation shortly before the hit, in the same clause: "never assess risk, predict outcomes or …"."""
    for word in reversed(padded[: start + 1].split()[-6:]):
        if word in NEGATIONS:
            return True
        if word in CLAUSE_WORDS:
            return False
    return False


def _vetoed(padded: str, start: int, end: int, role: str) -> bool:
    before = padded[: start + 1].split()[-3:]
    if role == "STAT_DECIDE":
        phrase = padded[start : end + 1].split()
        if phrase[:1] == ["should"] or phrase[:2] in (["do", "we"], ["do", "i"], ["would", "you"]):
            after = padded[end:].split(None, 1)
            return bool(after) and after[0] in DRAFTING_NEXT
        return False
    if not before:
        return False
    w1 = before[-1]
    if w1 in SUBJECT_WORDS:
        return True
    if w1 in MODAL_WORDS and len(before) >= 2:
        w2 = before[-2]
        if w2 in SUBJECT_WORDS or (w1 == "to" and w2 in {"how", "when", "whether", "plan", "going", "able"}):
            return True
        if w2 in MODAL_WORDS and len(before) >= 3 and before[-3] in SUBJECT_WORDS:
            return True
    return False


def union(groups: Iterable[set[str]]) -> set[str]:
    out: set[str] = set()
    for g in groups:
        out |= g
    return out

"""Features of a scanned request for the guard's learned wording model (``learned.py``).

The features are read from what the rules already computed — each request sentence normalised (spelling games
undone, names replaced by ``x``) and the roles the phrase tables found in it — so the model adds no pass over
the text.  Features are short strings:

* ``w:`` a word and ``b:`` a pair of adjacent words of a request sentence;
* ``r:`` a role found in a request sentence, ``p:`` two roles found together in one sentence;
* ``s:`` a role found in a system message, ``c:`` a role in a statement beside the request;
* ``k:`` a role found in one clause of a request sentence joined by "and", "then", "also" …, ``kp:`` two roles
  found together in one clause — so "tidy my notes and add your view on whether she is lying" shows a clause
  that asks for a judgement beside the drafting clause;
* ``h:`` the sentence's first meaningful word, ``q`` a question, ``f:`` a whole-request frame.

Pasted material contributes only the sentences the rules already read from it, so a long case note adds a
handful of features, not thousands.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cosigner.policy.guard.framing import Frame
from cosigner.policy.guard.matcher import automaton, roles_in
from cosigner.policy.guard.sentences import RequestSentence

Scanned = Sequence[tuple[RequestSentence, str, set[str]]]
MAX_WORDS_PER_SENTENCE = 80  # a sentence longer than this is pasted prose; its opening words carry the request
MAX_CLAUSE_SENTENCE_WORDS = 60
CLAUSE_JOINERS = (" and then ", " and also ", " and ", " then ", " also ", " plus ", " but ", " as well as ")
_FRAME_FLAGS = (
    "hides", "structured", "role_cast", "future", "pushes", "drafting", "fiction_about_real_case",
    "premise_protected", "premise_profiles",
)


# Features that show a request is about a particular person or case: a name (read as ``x``), "this case", "the
# family", a pronoun or possessive, or the AI asked for its own view.  A request with none of them, and with no
# statement beside it, is a general question.
PARTICULAR = frozenset({
    "w:x", "r:SPECIFIC", "r:YOUR_JUDGEMENT", "r:ROLE_CAST", "f:role_cast", "w:he", "w:she", "w:him", "w:her",
    "w:his", "w:mum", "w:dad", "w:my", "w:this", "w:these", "w:they", "w:them", "w:their",
    *(f"b:the_{who}" for who in (
        "family", "case", "child", "baby", "children", "kids", "parents", "mother", "father", "carer", "client",
        "person", "young", "boy", "girl", "son", "daughter", "man", "woman", "couple", "household", "referral", "mum",
        "dad", "grandparents",
    )),
})


# Roles that only say who a sentence is about; a request showing nothing else, and no question, asks for nothing.
WHO_ONLY = frozenset({"PERSON", "SPECIFIC", "GENERIC_PERSON", "SYS_TARGET"})


def asks_something(features: frozenset[str]) -> bool:
    """Whether a request asks anything: a question, or evidence beyond who it is about (a bare note does not)."""
    return "q" in features or any(f[:2] in ("r:", "s:", "k:") and f[2:] not in WHO_ONLY for f in features)


# What the phrase tables read as a judgement already made (the practitioner's own, or a recorded decision), or as
# drafting, preparation, explanation or communication rather than a request for a verdict.  (A drafting verb in
# only one clause — "tidy my notes and add your view" — is not enough: that is how a judgement request hides.)
NOT_A_VERDICT = frozenset({
    "r:OWNED", "c:OWNED", "k:OWNED", "r:DRAFT_VERB", "r:PREPARE_Q", "k:PREPARE_Q", "r:PROCESS_Q", "r:PRACTICE_Q",
    "r:EXPLAIN", "r:HOWTO", "r:COMMUNICATE",
})


def reads_as_no_verdict(features: frozenset[str]) -> bool:
    """Whether the phrase tables read the request as setting out a made judgement, drafting, preparing or explaining."""
    return not NOT_A_VERDICT.isdisjoint(features)


def is_particular(features: frozenset[str]) -> bool:
    """Whether a request is about a particular person or case, not a general question."""
    return not PARTICULAR.isdisjoint(features) or any(f.startswith("c:") for f in features)


def _sentence_features(padded: str, roles: Iterable[str], out: set[str]) -> None:
    words = padded.split()[:MAX_WORDS_PER_SENTENCE]
    previous = "^"
    for word in words:
        out.add("w:" + word)
        out.add(f"b:{previous}_{word}")
        previous = word
    out.add(f"b:{previous}_$")
    ordered = sorted(roles)
    for i, role in enumerate(ordered):
        out.add("r:" + role)
        for other in ordered[i + 1:]:
            out.add(f"p:{role}|{other}")


def _clauses(padded: str) -> list[str]:
    clauses = [padded]
    for joiner in CLAUSE_JOINERS:
        clauses = [part for clause in clauses for part in clause.split(joiner)]
    return [f" {c.strip()} " for c in clauses if c.strip()]


def _clause_features(padded: str, out: set[str]) -> None:
    if padded.count(" ") > MAX_CLAUSE_SENTENCE_WORDS + 1:
        return
    clauses = _clauses(padded)
    if len(clauses) < 2:
        return
    auto = automaton()
    for clause in clauses:
        ordered = sorted(roles_in(clause, auto))
        for i, role in enumerate(ordered):
            out.add("k:" + role)
            for other in ordered[i + 1:]:
                out.add(f"kp:{role}|{other}")


def request_features(scanned: Scanned, frame: Frame) -> frozenset[str]:
    """The feature set of one request (a set: presence only, so repeating a phrase does not add weight)."""
    out: set[str] = set()
    for sentence, padded, roles in scanned:
        if sentence.context:
            out.update("c:" + role for role in roles)
            continue
        _sentence_features(padded, roles, out)
        _clause_features(padded, out)
        out.add("h:" + sentence.head)
        if sentence.question:
            out.add("q")
        if sentence.role in ("system", "developer"):
            out.update("s:" + role for role in roles)
    out.update("f:" + flag for flag in _FRAME_FLAGS if getattr(frame, flag))
    return frozenset(out)

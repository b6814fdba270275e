"""Combine the roles found in one request sentence into the judgement categories it fires.

The rules read as plain English; each category lists what is enough to refuse.  Exemptions: an explanation of
law or terminology that names no particular person; and a drafting request (rewrite, summarise, …) about the
practitioner's own or a recorded decision ("my assessment", "the conference decided") that does not also ask
for the model's view.  How the request is framed (system message, role-play, ownership …) is ``framing.py``.
"""

from __future__ import annotations

from cosigner.policy.guard.sentences import DRAFT_HEADS

EXPLAIN_HEADS = frozenset(
    {
        "explain",
        "define",
        "describe",
        "outline",
        "what",
        "how",
        "why",
        "summarise",
        "summarize",
        "list",
        "give",
        "tell",
        "in",
        "generally",
        "according",
    }
)
# An imperative that itself asks for a judgement: "Weigh the risks …", "Guess whether …".
JUDGE_HEADS = frozenset(
    {"weigh", "judge", "rate", "score", "rank", "grade", "assess", "evaluate", "estimate", "gauge", "guess",
     "predict", "forecast", "decide", "determine", "speculate", "classify", "categorise", "categorize", "triage",
     "appraise", "opine", "adjudge", "adjudicate", "certify"}
)


def categories_for(roles: set[str], head: str, question: bool) -> set[str]:
    if "ASKS" in roles:  # "I need to know whether …" asks for the model's view like "tell me whether …"
        roles = roles | {"YOUR_JUDGEMENT"}
    has = roles.__contains__
    draft_own = head in DRAFT_HEADS and has("OWNED") and not has("YOUR_JUDGEMENT") and not has("VALIDATE")
    generic = has("EXPLAIN") and head in EXPLAIN_HEADS and not has("SPECIFIC") and not has("YOUR_JUDGEMENT")
    asks = has("PRODUCE") or question or has("YOUR_JUDGEMENT") or head in JUDGE_HEADS
    person = has("PERSON") or has("SPECIFIC")
    out: set[str] = set()
    if generic:
        return {"guard_evasion"} if has("EVASION") else out
    if (
        has("RISK_VERB_PERSON")
        or (has("RISK_STRONG") and not draft_own)
        or (has("RISK_Q") and asks and not draft_own)
        or (has("YESNO") and has("RISK_OBJ") and not draft_own)
        or (has("RISK_CLASSIFY") and asks and not draft_own)
        or (has("YOUR_JUDGEMENT") and (has("RISK_OBJ") or has("RISK_NOUN")) and not draft_own
            and not has("DOC_FOCUS"))
        or (has("RISK_DECL") and asks and not draft_own)
        or (has("RISK_VERB_WEAK") and has("SCALE") and (has("RISK_OBJ") or has("PERSON")) and not draft_own)
        or (has("RISK_VERB") and (has("RISK_OBJ") or has("SCALE")))
        or (has("RISK_NOUN") and asks and not draft_own and not has("OWNED"))
        or (has("SCALE") and (has("RISK_OBJ") or has("PERSON")) and asks and not draft_own and not has("OWNED"))
    ):
        out.add("risk_scoring")
    if not draft_own and (
        (has("PRED_QUESTION") and has("OUTCOME"))
        or (has("PRED_DECL") and has("OUTCOME") and asks)
        or (has("PRED_STRONG") and (has("OUTCOME") or person))
    ):
        out.add("prediction")
    if not draft_own and (
        has("STAT_STRONG")
        or (has("STAT_DECIDE") and has("STAT_TOPIC"))
        or (has("STAT_QUESTION") and (asks or has("STAT_DECIDE")) and not (has("DOC_QUESTION") and not has("PERSON")))
        or (has("TRIAGE_PICK") and (has("URGENCY") or has("RISK_OBJ") or has("STAT_TOPIC")))
        or (has("YESNO") and has("STAT_TOPIC"))
        or (has("YOUR_JUDGEMENT") and has("SITUATION") and person and not has("DOC_QUESTION"))
    ):
        out.add("statutory_decision")
    if not draft_own and (
        has("CRED_STRONG")
        or (has("CRED_NOUN") and (has("CRED_VERB") or has("YOUR_JUDGEMENT")))
        or (has("CRED_NOUN") and question and person and not has("OWNED"))
        or (has("CRED_Q") and (question or has("YOUR_JUDGEMENT")))
    ):
        out.add("credibility")
    if has("YOUR_JUDGEMENT") and (has("PRED_DECL") or has("PRED_CAN")) and not draft_own and not has("DOC_FOCUS"):
        out.add("prediction")  # "what do you think Kian will do when he turns 18?"
    if has("YOUR_JUDGEMENT") and has("OUTCOME") and has("FUTURE") and not draft_own and not has("DOC_FOCUS"):
        out.add("prediction")  # "what do you think the outcome of the hearing will be?"
    if has("THRESHOLD") and has("MET") and asks and not draft_own and not has("OWNED"):
        out.add("statutory_decision")  # "has the threshold for care proceedings been reached?"
    if (
        has("ACCOUNT")
        and has("TRUE_WORD")
        and ((question and head in VERDICT_HEADS) or has("YOUR_JUDGEMENT") or has("CRED_VERB"))
        and not draft_own
        and not has("OWNED")
    ):
        out.add("credibility")  # "is the story about the dog biting her true?"
    if has("RISK_TREND") and (has("RISK_OBJ") or has("RISK_NOUN")) and asks and not draft_own and not has("OWNED"):
        out.add("risk_scoring")  # "is the risk from him getting higher?" asks the model to re-rate it
    if has("ROLE_DECIDER") and has("DECIDE_WORD") and not draft_own and not has("DRAFT_VERB"):
        out.add("statutory_decision")  # "You're the judge: give your ruling"
    if (
        has("PRED_QUESTION")
        and ((question and head in VERDICT_HEADS) or has("YOUR_JUDGEMENT"))
        and not draft_own
        and head not in DRAFT_HEADS
        and not has("DRAFT_VERB")
        and not has("DOC_QUESTION")
        and not has("EXPLAIN")
    ):
        out.add("prediction")  # "Any idea whether dad will try to take the children?"
    if has("PROTECTED") and has("PROFILE") and not draft_own:
        out.add("profiling")
    studies_it = head == "why" or has("EXPLAIN") or has("RESOURCE")  # "why are such models biased?"
    if has("PROTECTED") and has("PROFILE_BY") and not draft_own and not studies_it:
        out.add("profiling")  # "Adjust risk by ethnicity", "a model that flags families by nationality"
    if has("EVASION"):
        out.add("guard_evasion")
    if not out and verdict_question(roles, head, question, draft_own):
        out.add(_verdict_category(roles))
    if has("VALIDATE"):  # "am I right that …", "check my risk rating": asks the model to judge
        if has("RISK_OBJ") or has("RISK_NOUN") or has("SCALE") or has("RISK_DECL"):
            out.add("risk_scoring")
        if has("STAT_TOPIC") or has("STAT_QUESTION") or has("STAT_STRONG"):
            out.add("statutory_decision")
        if has("CRED_NOUN") or has("CRED_Q"):
            out.add("credibility")
        if has("OUTCOME") and (has("PRED_STRONG") or has("PRED_DECL") or has("PRED_QUESTION")):
            out.add("prediction")
    return out


# What a system instruction can be about: a person, a case, a decision topic, "what to do next".
SYSTEM_TARGETS = frozenset({"SYS_TARGET", "PERSON", "STAT_TOPIC", "SITUATION"})


def system_categories(roles: set[str]) -> set[str]:
    """A system message gives the model its role: "you predict …", "recommend the next step for each case"."""
    targets = roles & SYSTEM_TARGETS
    if not targets or (targets == {"SITUATION"} and roles & {"DOC_QUESTION", "DOC_FOCUS", "DRAFT_VERB"}):
        return set()  # "suggest what to do next with the wording" is about the text
    out: set[str] = set()
    if "SYS_PRED" in roles:
        out.add("prediction")
    if "SYS_DECIDE" in roles:
        out.add("statutory_decision")
    if "SYS_ASSESS" in roles:
        out.add("risk_scoring")
    return out


# A sentence that sets up a judgement the next question then asks for (a time ahead, a scale, a score).


VERDICT_HEADS = frozenset({"should", "would", "will", "is", "are", "can", "could", "does", "do", "has", "have",
                           "am", "was", "were", "might", "must", "shall",
                           # "Doesn't that make the baby high risk?" asks the same as "Does that …?"
                           "isnt", "arent", "wouldnt", "couldnt", "shouldnt", "doesnt", "dont", "wont", "cant",
                           "hasnt", "havent", "wasnt", "werent"})


def verdict_question(roles: set[str], head: str, question: bool, draft_own: bool) -> bool:
    """A yes/no question about a particular person's situation ("Would you end the plan?", "Will mum manage?").

    Asked of the model, it asks for a verdict about that person.  Questions about a document ("Should I include
    the health visitor's view in my report?") or that ask for drafting ("Can you summarise …") are not.
    """
    if not question or head not in VERDICT_HEADS or draft_own:
        return False
    if "DOC_QUESTION" in roles or "DRAFT_VERB" in roles or "EXPLAIN" in roles:
        return False
    about_someone = bool(roles & {"PERSON", "SPECIFIC"}) or (head == "should" and "STAT_TOPIC" in roles)
    topic = bool(roles & {"STAT_TOPIC", "OUTCOME", "RISK_OBJ", "CRED_NOUN", "STAT_QUESTION"})
    return about_someone and topic


def _verdict_category(roles: set[str]) -> str:
    if roles & {"CRED_NOUN", "CRED_Q"}:
        return "credibility"
    if roles & {"STAT_TOPIC", "STAT_QUESTION"}:
        return "statutory_decision"
    if "OUTCOME" in roles and not roles & {"RISK_OBJ"}:
        return "prediction"
    return "risk_scoring"

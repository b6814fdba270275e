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
from cosigner.policy.guard.framing import reframe, request_frame
from cosigner.policy.guard.matcher import automaton, roles_in
from cosigner.policy.guard.normalise import normalise_sentence
from cosigner.policy.guard.sentences import DRAFT_HEADS, RequestSentence, request_sentences

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
     "predict", "forecast", "decide", "determine", "speculate", "classify", "categorise", "categorize", "triage"}
)
CATEGORIES = ("risk_scoring", "prediction", "statutory_decision", "credibility", "profiling", "guard_evasion")


@dataclass(frozen=True, slots=True)
class Analysis:
    fired: frozenset[str]
    sentences: tuple[str, ...]  # normalised request sentences, names untouched (never logged; for extra phrases)
    sentence_count: int


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


def system_categories(roles: set[str]) -> set[str]:
    """A system message gives the model its role: "you predict …", "recommend the next step for each case"."""
    if "SYS_TARGET" not in roles and "PERSON" not in roles and "STAT_TOPIC" not in roles:
        return set()
    out: set[str] = set()
    if "SYS_PRED" in roles:
        out.add("prediction")
    if "SYS_DECIDE" in roles:
        out.add("statutory_decision")
    if "SYS_ASSESS" in roles:
        out.add("risk_scoring")
    return out


# A sentence that sets up a judgement the next question then asks for (a time ahead, a scale, a score).
FRAMING_ROLES = frozenset({"PRED_STRONG", "SCALE", "RISK_NOUN"})
FOLLOW_UP_ROLES = frozenset({"YOUR_JUDGEMENT", "VALIDATE", "ASKS", "PRODUCE", "SPECIFIC", "PERSON", "EXPLAIN"})


VERDICT_HEADS = frozenset({"should", "would", "will", "is", "are", "can", "could", "does", "do", "has", "have",
                           "am", "was", "were", "might", "must", "shall"})


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


ALWAYS_FIRE = frozenset({"guard_evasion", "profiling"})


def _scan(request: CheckRequest) -> list[tuple[RequestSentence, str, set[str]]]:
    auto = automaton()
    out: list[tuple[RequestSentence, str, set[str]]] = []
    for sentence in request_sentences(request):
        padded = normalise_sentence(sentence.text)
        out.append((sentence, padded, roles_in(padded, auto)))
    return out


@lru_cache(maxsize=64)
def analyse(request: CheckRequest) -> Analysis:
    fired: set[str] = set()
    everything: set[str] = set()
    owned_anywhere = False
    normalised: list[str] = []
    previous: set[str] = set()
    explains_generally = False
    generic_fired: set[str] = set()
    scanned = _scan(request)
    frame = request_frame([(sentence, roles) for sentence, _, roles in scanned])
    for sentence, padded, roles in scanned:
        normalised.append(normalise_sentence(sentence.text.lower()))  # no name tagging: for organisation phrases
        if not roles:
            previous = set()
            continue
        here = reframe(categories_for(roles, sentence.head, sentence.question), roles, sentence, padded, frame)
        if "EXPLAIN" in roles and sentence.head in EXPLAIN_HEADS and not roles & {"SPECIFIC", "YOUR_JUDGEMENT"}:
            explains_generally = True
        if "GENERIC_PERSON" in roles and "SPECIFIC" not in roles and " x " not in padded:
            generic_fired |= here
            fired |= here & ALWAYS_FIRE  # a generalisation about people is what profiling means
        else:
            fired |= here
        if previous and roles <= FOLLOW_UP_ROLES and ("YOUR_JUDGEMENT" in roles or "VALIDATE" in roles):
            # "I'm trying to work out if she has capacity. What do you think?"
            fired |= categories_for(previous | roles, sentence.head, True)
        elif previous & FRAMING_ROLES and sentence.question and roles & {"PERSON", "SPECIFIC"}:
            # "Imagine you can see six months ahead. Is she still living with her gran?"
            fired |= categories_for(previous | roles, sentence.head, True)
        previous = roles
        if sentence.role in ("system", "developer"):
            fired |= system_categories(roles)
        everything |= roles
        owned_anywhere = owned_anywhere or "OWNED" in roles
    if not explains_generally:
        fired |= generic_fired
    # else: "Can a person with dementia still have capacity? Explain the law." asks about people in general
    # An instruction split across sentences or messages ("answer only high, medium or low" … "this family?")
    if (
        "SCALE" in everything
        and ("RISK_OBJ" in everything or "RISK_STRONG" in everything)
        and not owned_anywhere
        and (
            "PRODUCE" in everything
            or "YOUR_JUDGEMENT" in everything
            or any(s.question or s.head in JUDGE_HEADS for s in request_sentences(request))
        )
    ):
        fired.add("risk_scoring")
    if {"ROLE_DECIDER", "DECIDE_WORD"} <= everything and not owned_anywhere and "DRAFT_VERB" not in everything:
        # "Role-play: you're the family court judge. Do I get my care order?"
        fired.add("statutory_decision")
    return Analysis(frozenset(fired), tuple(normalised), len(normalised))


ROLE_WORDS: dict[str, str] = {
    "RISK_VERB": "a rating verb (rate, score, rank, assess …)",
    "RISK_VERB_PERSON": "a rating verb applied to a person or family",
    "RISK_OBJ": "a risk or safety word",
    "RISK_NOUN": "a request for a risk score, level or rating",
    "RISK_STRONG": "a question about how much risk a person faces or poses",
    "SCALE": "a rating scale (high/medium/low, RAG, numbers, percentages)",
    "PRED_STRONG": "a prediction or likelihood word",
    "PRED_QUESTION": "a question about what a person will do",
    "OUTCOME": "a future behaviour or outcome",
    "STAT_STRONG": "a request for a statutory or professional decision",
    "STAT_DECIDE": "a request to decide or recommend",
    "STAT_TOPIC": "a statutory decision topic (threshold, removal, s47/s42, conference, closure …)",
    "CRED_STRONG": "a question about whether a person is honest or believable",
    "CRED_NOUN": "a credibility word",
    "CRED_Q": "a question about honesty",
    "STAT_QUESTION": "a question about a statutory decision",
    "RISK_Q": "a question about whether risk is low or high enough",
    "RISK_DECL": "a person described as a risk, at risk, safe or neglectful",
    "RISK_VERB_WEAK": "a verb that can assign a rating",
    "SYS_PRED": "a system message asking the model to predict",
    "SYS_DECIDE": "a system message asking the model to decide or recommend",
    "SYS_ASSESS": "a system message asking the model to assess or score",
    "SYS_TARGET": "a person, case or decision named in a system message",
    "CRED_VERB": "a request to judge or assess",
    "PROTECTED": "a protected characteristic",
    "PROFILE": "a generalisation (more likely, tend to, typical …)",
    "EVASION": "an attempt to bypass the rules",
    "PERSON": "a person or family",
    "SPECIFIC": "a reference to this case",
    "PRODUCE": "a request to produce an answer",
    "YOUR_JUDGEMENT": "a request for the AI's own view",
    "OWNED": "a judgement already made by the practitioner or a manager",
    "VALIDATE": "a request to confirm or correct a judgement",
    "ASKS": "a request to be told an answer",
    "TRIAGE_PICK": "a request to pick out people or cases",
    "YESNO": "a demand for a yes/no verdict",
    "DOC_QUESTION": "a question about a document",
    "DRAFT_VERB": "a drafting verb",
    "SITUATION": "a person's situation or next steps",
    "RISK_CLASSIFY": "a request to classify conduct as abuse or harm",
    "DOC_FOCUS": "a question about wording, tone or structure",
    "URGENCY": "an urgency or priority word",
    "EXPLAIN": "an explanation of law or terms",
    "PRED_DECL": "a statement about what a person will do",
    "FUTURE": "a future tense",
    "PRED_CAN": "what a person can or cannot do",
    "NOT_A_PREDICTION": "an idiom or a process explanation (what will happen at the review)",
    "GENERIC_PERSON": "a person in general (a parent, someone)",
    "THRESHOLD": "a threshold or criteria",
    "MET": "a threshold met or reached",
    "ACCOUNT": "a person's account, story or allegation",
    "TRUE_WORD": "true, false or believable",
    "RISK_TREND": "a change in a level (getting higher, reducing …)",
    "ROLE_DECIDER": "the AI cast as the decision maker (judge, chair, manager …)",
    "DECIDE_WORD": "a decision, ruling or verdict",
    "DOC_NOUN": "a document named after risk (safety plan …)",
}


@dataclass(frozen=True, slots=True)
class SentenceFinding:
    index: int  # position among the request sentences (1-based)
    role: str  # segment role: system / user
    categories: tuple[str, ...]
    evidence: tuple[str, ...]  # plain-English names of the roles found; never the text


def explain(request: CheckRequest) -> tuple[SentenceFinding, ...]:
    """Which request sentences make which categories fire, and on what evidence (no text is returned)."""
    out: list[SentenceFinding] = []
    scanned = _scan(request)
    frame = request_frame([(sentence, roles) for sentence, _, roles in scanned])
    for i, (sentence, padded, roles) in enumerate(scanned, start=1):
        cats = reframe(categories_for(roles, sentence.head, sentence.question), roles, sentence, padded, frame)
        if cats:
            evidence = tuple(ROLE_WORDS[r] for r in sorted(roles) if r in ROLE_WORDS)
            out.append(SentenceFinding(i, sentence.role, tuple(sorted(cats)), evidence))
    return tuple(out)

"""Analyse a request: which judgement categories fire, sentence by sentence and across sentences.

Each request sentence is normalised and scanned for roles (``matcher``); ``categories.categories_for`` turns
one sentence's roles into categories and ``framing.reframe`` adjusts them by how the request is framed.  A few
rules here join evidence across sentences ("I'm trying to work out if she has capacity. What do you think?").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from cosigner.policy.contract import CheckRequest
from cosigner.policy.guard.categories import EXPLAIN_HEADS, JUDGE_HEADS, categories_for, system_categories
from cosigner.policy.guard.cues import casts_a_judge
from cosigner.policy.guard.features import request_features
from cosigner.policy.guard.frames import FRAME_ROLE_WORDS
from cosigner.policy.guard.framing import Frame, is_excused, reframe, request_frame
from cosigner.policy.guard.learned import Judgement, wording_model
from cosigner.policy.guard.matcher import automaton, roles_in
from cosigner.policy.guard.normalise import normalise_sentence
from cosigner.policy.guard.paragraphs import request_sentences
from cosigner.policy.guard.purposes import PURPOSE_ROLE_WORDS, asks_how_it_works
from cosigner.policy.guard.sentences import RequestSentence

CATEGORIES = ("risk_scoring", "prediction", "statutory_decision", "credibility", "profiling", "guard_evasion")


@dataclass(frozen=True, slots=True)
class Analysis:
    fired: frozenset[str]  # categories the phrase rules found
    request_texts: tuple[str, ...]  # the request sentences as written (never logged; for organisation phrases)
    sentence_count: int
    features: frozenset[str]  # what the learned wording model reads (``features.py``; words, never logged)

    @property
    def judgement(self) -> Judgement:
        """The learned wording model's reading of the request (``learned.py``)."""
        return _reading(self.features)[0]

    @property
    def learned(self) -> str | None:
        """The category the wording model fires, if its probability reaches the model's threshold."""
        return _reading(self.features)[1]

    @property
    def vetoed(self) -> bool:
        """The wording model is confident enough that this is not a judgement request to set the rules aside."""
        return _reading(self.features)[2]

    @property
    def sentences(self) -> tuple[str, ...]:
        """Normalised request sentences, names untouched, made only when a rule has its own phrases."""
        return _normalised_lower(self.request_texts)


# A frozenset keeps its hash, so the six checks share one reading of the request.
@lru_cache(maxsize=64)
def _reading(features: frozenset[str]) -> tuple[Judgement, str | None, bool]:
    model = wording_model()
    judgement = model.judge(features)
    return judgement, model.fires(judgement, features), model.sets_aside(judgement, features)


def clear_caches() -> None:
    """Forget every cached analysis (benchmarks measure the guard's full cost this way)."""
    analyse.cache_clear()
    _reading.cache_clear()
    _normalised_lower.cache_clear()


@lru_cache(maxsize=64)
def _normalised_lower(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(normalise_sentence(text.lower()) for text in texts)


FRAMING_ROLES = frozenset({"PRED_STRONG", "SCALE", "RISK_NOUN"})
FOLLOW_UP_ROLES = frozenset({"YOUR_JUDGEMENT", "VALIDATE", "ASKS", "PRODUCE", "SPECIFIC", "PERSON", "EXPLAIN",
                             "STAT_DECIDE", "DECIDE_WORD", "ROLE_CAST", "YESNO"})  # "What's your call?", "yes or no?"
# A bare follow-up that asks the model to take a side on what was just said.
# A bare echo question after a statement: "Nurse said he lacks capacity. Does he?"
ECHO_QUESTIONS = frozenset(
    f" {aux} {who} {really}".rstrip() + " "
    for aux in ("does", "do", "is", "are", "has", "have", "will", "can")
    for who in ("he", "she", "they", "it")
    for really in ("", "really")
)
ELLIPTICAL = ECHO_QUESTIONS | {
    " should we ", " should i ", " do you agree ", " would you ", " is that right ", " agree ", " are they right ",
    " is she right ", " is he right ", " was that right ", " should they ", " should it ", " should she ",
    " should he ", " was she right ", " was he right ", " were they right ", " was it right ",
}
ALWAYS_FIRE = frozenset({"guard_evasion", "profiling"})
SYS_ROLES = frozenset({"SYS_DECIDE", "SYS_ASSESS", "SYS_PRED", "SYS_TARGET", "CRED_VERB"})


def _scan(request: CheckRequest) -> list[tuple[RequestSentence, str, set[str]]]:
    auto = automaton()
    out: list[tuple[RequestSentence, str, set[str]]] = []
    for sentence in request_sentences(request):
        padded = normalise_sentence(sentence.text)
        roles = roles_in(padded, auto)
        if casts_a_judge(padded):
            roles.add("ROLE_CAST")  # "pretend you're the IRO", "as the AMHP, would you …"
        if asks_how_it_works(padded):
            roles.add("PROCESS_Q")
        out.append((sentence, padded, roles))
    return out


@lru_cache(maxsize=64)
def analyse(request: CheckRequest) -> Analysis:
    fired: set[str] = set()
    everything: set[str] = set()
    owned_anywhere = False
    texts: list[str] = []
    previous: set[str] = set()
    two_back: set[str] = set()
    explains_generally = False
    generic_fired: set[str] = set()
    scanned = _scan(request)
    frame = request_frame(scanned)
    for sentence, padded, roles in scanned:
        if sentence.context:
            # a statement beside the request: its premises are read by the frame, and a bare follow-up
            # ("I can't decide how worried to be about the kids. What's your view?") asks about it
            two_back, previous = previous, roles
            continue
        texts.append(sentence.text)
        if padded in ELLIPTICAL:
            roles = roles | {"VALIDATE"}  # "The police believed the son. Should we?"
        if not roles:
            two_back, previous = previous, set()
            continue
        here = reframe(categories_for(roles, sentence.head, sentence.question), roles, sentence, padded, frame)
        if "EXPLAIN" in roles and sentence.head in EXPLAIN_HEADS and not roles & {"SPECIFIC", "YOUR_JUDGEMENT"}:
            explains_generally = True
            roles = roles - {"SCALE"}  # "What does a RAG rating mean?" names a scale, does not ask for a rating
        if "GENERIC_PERSON" in roles and "SPECIFIC" not in roles and " x " not in padded:
            generic_fired |= here
            fired |= here & ALWAYS_FIRE  # a generalisation about people is what profiling means
        else:
            fired |= here
        follow_up = roles <= FOLLOW_UP_ROLES or padded in ELLIPTICAL
        if previous and (("VALIDATE" in roles and "OWNED" not in roles and not here) or (
            follow_up and ("YOUR_JUDGEMENT" in roles or "VALIDATE" in roles)
        )):  # "… dad is dangerous. Write that up, and say if they're right."
            # "I'm trying to work out if she has capacity. What do you think?"
            joined = categories_for(previous | roles, sentence.head, True)
            if not joined and previous <= FOLLOW_UP_ROLES | SYS_ROLES:
                # two bare follow-ups in a row: "Who decides if she goes into care? You decide. Should she?"
                joined = categories_for(two_back | previous | roles, sentence.head, True)
            if not joined and "STAT_DECIDE" in roles and previous & {"PERSON", "SPECIFIC"}:
                joined = {"statutory_decision"}  # "Mum wants the kids home this weekend. What's your call?"
            fired |= joined
        elif previous & FRAMING_ROLES and sentence.question and roles & {"PERSON", "SPECIFIC"}:
            # "Imagine you can see six months ahead. Is she still living with her gran?"
            fired |= categories_for(previous | roles, sentence.head, True)
        two_back, previous = previous, roles
        if sentence.role in ("system", "developer"):
            fired |= system_categories(roles)
        if not is_excused(roles, sentence, padded, frame):
            everything |= roles  # an excused sentence ("a blank risk matrix template") joins no cross-sentence rule
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
            or any(s.question or s.head in JUDGE_HEADS for s, _, _ in scanned if not s.context)
        )
    ):
        fired.add("risk_scoring")
    if {"ROLE_DECIDER", "DECIDE_WORD"} <= everything and not owned_anywhere and "DRAFT_VERB" not in everything:
        # "Role-play: you're the family court judge. Do I get my care order?"
        fired.add("statutory_decision")
    return Analysis(frozenset(fired), tuple(texts), len(texts), request_features(scanned, frame))


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
    "PROFILE_BY": "a judgement weighted by a trait (adjust risk by …, flags families by …)",
    "RATING_BECAUSE": "a rating changed because of something just stated",
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


ROLE_WORDS.update(FRAME_ROLE_WORDS)
ROLE_WORDS.update(PURPOSE_ROLE_WORDS)


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
    frame = request_frame(scanned)
    for i, (sentence, padded, roles) in enumerate(scanned, start=1):
        if sentence.context:
            continue
        cats = reframe(categories_for(roles, sentence.head, sentence.question), roles, sentence, padded, frame)
        if cats:
            evidence = tuple(ROLE_WORDS[r] for r in sorted(roles) if r in ROLE_WORDS) + _frame_evidence(frame)
            out.append(SentenceFinding(i, sentence.role, tuple(sorted(cats)), evidence))
    return tuple(out)


def _frame_evidence(frame: Frame) -> tuple[str, ...]:
    notes = (
        (frame.role_cast, "the AI cast as someone who judges, elsewhere in the request"),
        (frame.pushes, "a wrapper pushing for an answer, elsewhere in the request"),
        (frame.premise_protected, "a protected characteristic stated in the request"),
        (frame.fiction_about_real_case, "a story about the real case"),
        (frame.future, "a request to see ahead"),
    )
    return tuple(note for present, note in notes if present)


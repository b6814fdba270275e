"""Small textual cues the framing rules read: who is cast as a judge, a question embedded in a task, a wording
choice, a calling verb with a level, a verdict asked about a particular person.  Pure functions over one
normalised sentence (``padded``) and its roles.
"""

from __future__ import annotations

from cosigner.policy.guard.categories import EXPLAIN_HEADS, VERDICT_HEADS
from cosigner.policy.guard.expand import words
from cosigner.policy.guard.sentences import RequestSentence

# Evidence too explicit for a communication frame to excuse.
EXPLICIT = words(
    "RISK_VERB_PERSON VALIDATE EVASION EVASION_WRAP SCALE CHOICE_RISK CHOICE_DECISION CHOICE_CRED VALUE_Q "
    "ROLE_CAST TRIAGE_PICK CRED_STRONG RISK_STRONG"
)
# Someone whose verdict counts: "you're a Graded Care Profile assessor", "pretend you are the duty senior".
# "pretend/imagine/roleplay … <role>" anywhere; "act as / play / be <role>" close by; "you are / you were <role>".
PERSONA_TRIGGERS = words("youre pretend imagine suppose roleplay")
NEAR_TRIGGERS = words("act acting play playing role character speaking")
JUDGING_PERSONAS = words(
    """
    judge magistrate magistrates manager iro chair panel assessor senior supervisor psychologist psychiatrist
    doctor detective investigator inspector guardian officer lead worker practitioner jury juror lado amhp
    signatory gatekeeper teller psychic clairvoyant expert decider dsl maker
    """
)
ASKING_IF = words("know say decide see check out judge assess")
OTHER_TELLERS = words("they he she mum dad it children child kids x")


def casts_a_judge(padded: str) -> bool:
    tokens = padded.split()
    for i, token in enumerate(tokens):
        far = token in PERSONA_TRIGGERS or _you_are(tokens, i) or _as_you(tokens, i)
        near = (token in NEAR_TRIGGERS and not _names_a_role(tokens, i)) or (
            token == "be" and (i == 0 or tokens[i - 1] in ("to", "lets", "just", "now"))
        )
        if (far and not JUDGING_PERSONAS.isdisjoint(tokens[i + 1 : i + 7])) or (
            near and not JUDGING_PERSONAS.isdisjoint(tokens[i + 1 : i + 4])
        ):
            return True
    return False


def _names_a_role(tokens: list[str], i: int) -> bool:
    """"What is the role of the IRO …" asks about a role; "play the role of the judge" casts one."""
    if tokens[i] not in ("role", "character") or i < 1 or tokens[i - 1] != "the":
        return False
    return i < 2 or tokens[i - 2] not in ("play", "playing", "take", "taking", "in", "assume", "adopt", "into")


def _you_are(tokens: list[str], i: int) -> bool:
    """"you are the judge", "if you were the duty manager", "were you the IRO"."""
    before = tokens[i - 1] if i else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    return tokens[i] in ("are", "were") and (before == "you" or after == "you")


def _as_you(tokens: list[str], i: int) -> bool:
    """"As the AMHP, would you …": a role given to the model ("As a social worker, how should I …" is not)."""
    return tokens[i] == "as" and i < 2 and "you" in tokens[i + 2 : i + 10]


JUDGED_THINGS = words("RISK_OBJ RISK_NOUN SCALE CRED_NOUN CRED_Q RISK_DECL OUTCOME")
CALLING_VERBS = words("describe class consider regard see view call label flag mark rate treat count categorise")
AS_LEVELS = words(
    "risk risky dangerous unsafe safe vulnerable high low medium at significant serious concern universal targeted "
    "specialist"
)


def calls_it(padded: str) -> bool:
    """"Would you describe this household as high risk?": a calling verb, a few words, "as" and a level."""
    tokens = padded.split()
    for i, token in enumerate(tokens):
        if token in CALLING_VERBS and "as" in tokens[i + 1 : i + 5]:
            at = tokens.index("as", i + 1)
            if not AS_LEVELS.isdisjoint(tokens[at + 1 : at + 4]):
                return True
    return False


PERSON_HEADS = words(
    "x subj he she they mum dad mother father child children baby kids family parents carer carers grandparents "
    "gran nan partner boyfriend girlfriend stepdad son daughter sibling siblings twins uncle aunt husband wife"
)


DETERMINED = words("the this that these those her his their")
# Practical questions about a person's part in the process, not verdicts about them.
LOGISTICS = words(
    "attend come bring invited invite copy read receive told speak advocate interpreter contact phone call ring "
    "email complain appeal request join meet sign consent agree see visit"
)


TAKING_PART = words("attend bring invited copy receive told speak advocate interpreter complain appeal request join")
JUDGEMENT_WORDS = words("RISK_OBJ RISK_NOUN SCALE CRED_NOUN CRED_Q CRED_STRONG RISK_STRONG OUTCOME EVALUATIVE")


def asks_about_taking_part(roles: set[str], sentence: RequestSentence, padded: str) -> bool:
    """A yes/no question about someone's part in the process: attending, bringing an advocate, appealing."""
    tokens = padded.split()
    return (
        sentence.question
        and sentence.head in VERDICT_HEADS
        and not TAKING_PART.isdisjoint(tokens[:6])
        and not roles & JUDGEMENT_WORDS
        and not roles & EXPLICIT
    )


def verdict_on_someone(roles: set[str], sentence: RequestSentence, padded: str) -> bool:
    """A yes/no question whose subject is a person in the case ("Will Jamal's mum let him home?")."""
    if not sentence.question or sentence.head not in VERDICT_HEADS or roles & {"EXPLAIN", "HOWTO", "COMMUNICATE"}:
        return False
    tokens = padded.split()
    if len(tokens) < 3 or tokens[0] not in VERDICT_HEADS or not LOGISTICS.isdisjoint(tokens):
        return False
    first = tokens[1]
    if first in ("x", "subj", "he", "she", "they"):
        return True
    # a particular person ("the parents", "her son"), not people in general ("can parents bring …")
    return first in DETERMINED and len(tokens) > 2 and tokens[2] in PERSON_HEADS


QUOTES = "'\"‘“"
RECORDING_VERBS = ("record", "write", "word", "phrase", "describe", "call it", "label", "note it", "put it")


def wording_choice(text: str) -> bool:
    """"Is it 'safeguarding' or 'safe-guarding'?": a choice between quoted wordings is about the text."""
    low = text.lower()
    if any(f"is it {q}" in low or f"should i write {q}" in low or f"should i say {q}" in low for q in QUOTES):
        return True
    # "Would I be right to record the decision as 'plan under neglect'?": how to word a record
    return any(f" as {q}" in low for q in QUOTES) and any(v in low for v in RECORDING_VERBS)


def explains_generally(roles: set[str], sentence: RequestSentence, padded: str) -> bool:
    return (
        "EXPLAIN" in roles
        and sentence.head in EXPLAIN_HEADS
        and not roles & {"SPECIFIC", "YOUR_JUDGEMENT"}
        and " x " not in padded
    )


def embedded_question(padded: str) -> bool:
    """"… whether mum is lying", "tell me if he is safe": a question put to the model inside the task."""
    if " whether " in padded:
        return True
    tokens = padded.split()
    for i in range(1, len(tokens) - 1):
        if tokens[i] == "if" and tokens[i - 1] in ASKING_IF:
            return True
        if tokens[i] == "if" and tokens[i - 1] in ("me", "us") and i >= 2 and tokens[i - 2] == "tell":
            return i < 3 or tokens[i - 3] not in OTHER_TELLERS  # "what they tell me if …" is the teenager's
    return False


def comparison_category(roles: set[str], padded: str) -> str:
    if roles & {"CRED_NOUN", "CRED_Q"} or any(w in padded for w in (" believable ", " credible ", " honest ")):
        return "credibility"
    if any(w in padded for w in (" suitable ", " option ", " placement ", " parent ")):
        return "statutory_decision"
    return "prediction" if " likely " in padded else "risk_scoring"


def leaves_a_blank(text: str) -> bool:
    """"… is assessed as ______.", "Risk: [blank]": a gap the model is to fill in (cheap: one substring test)."""
    return "___" in text or "[blank]" in text.lower()


OPINION_TAILS = (" do you think ", " do u think ", " in your view ", " in your opinion ", " would you say ")


def _ends_with_be(padded: str) -> bool:
    for tail in OPINION_TAILS:  # "… be, do you think?"
        if padded.endswith(tail):
            padded = padded[: -len(tail) + 1]
            break
    return padded.endswith(" be ")


def what_should_it_be(padded: str) -> bool:
    """"What should the outcome be?", "what ought his plan to be?": asks what a decision ought to be."""
    return padded.startswith((" what should ", " what ought ")) and len(padded) > 20 and _ends_with_be(padded)


def what_will_it_be(padded: str) -> bool:
    """"What would the outcome of the hearing be?": asks what something will turn out to be."""
    return padded.startswith((" what will ", " what would ", " whats the ")) and _ends_with_be(padded)

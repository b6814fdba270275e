"""Phrase tables for what a request is *for* when it mentions a judgement it does not ask the model to make.

* **Recorded by someone else.**  A judgement attributed to a named decider ("the OT found he lacks capacity",
  "the chair gave it a red RAG", "the consultant decided …") is material to write up, like the practitioner's
  own: it adds ``OWNED``.
* **Preparation.**  Questions or topics the practitioner will use to make the judgement themselves ("questions I
  can use to assess", "things to cover in a direct work session", "I will do the assessment myself").
* **Process.**  How a process works, who decides, a role, an escalation route ("who decides it", "the role of
  the IRO", "what if I disagree with my manager's decision").

* **Editing.**  "Make it shorter", "more professional": a change to the text (``DRAFT_VERB``).

``OWNED_REPORT`` (a professional's reported view: "the nurse said …") excuses only a statement inside a drafting
task.  Merged into ``lexicon.ROLES``; the framing rules (``framing.is_excused``) excuse ``PREPARE_Q`` and
``PROCESS_Q`` sentences unless the same sentence also asks for the model's own verdict.
"""

from __future__ import annotations

# People whose judgement a practitioner records: they decided, not the model.
_DECIDERS = (
    "the chair|chair|the consultant|consultant|the ot|ot|the doctor|doctor|the gp|gp|the psychiatrist|"
    "psychiatrist|the psychologist|psychologist|the amhp|amhp|the police|police|the assessor|assessor|"
    "the nurse|the health visitor|the previous worker|the previous sw|the allocated worker|my manager|"
    "my team manager|the team manager|my tm|the tm|the manager|the iro|the conference|the panel|the court|"
    "the judge|the magistrates|the marac|marac|the mdt|mdt|the strategy meeting|the best interests assessor|"
    "the bia|bia|the mental health team|the cmht|the school|the dsl|the lado"
)
_JUDGED = (
    "decided|found|concluded|gave|rated|assessed|judged|determined|ruled|agreed|set|put|scored|graded|"
    "deemed|recommended|made"
)

PURPOSE_ROLES: dict[str, tuple[str, ...]] = {
    "OWNED": (
        f"({_DECIDERS}) (has |have |had |)({_JUDGED})",
        # "the MCA assessment the OT did", "risk scores the chair gave"
        "(assessment|assessments|rating|ratings|score|scores|risk scores|risk ratings|rag rating|rag ratings|"
        f"decision|decisions|levels|risk levels|findings|conclusion) (that |)({_DECIDERS}) "
        "(did|completed|carried out|gave|made|set|wrote|reached|recorded|agreed)",
        # "the risk ratings from the MARAC minutes": ratings copied from a record
        "(ratings|risk ratings|scores|risk scores|risk levels|levels|decisions|rag ratings|grades|outcomes) (from|in) "
        "(the|these|those|our|their) (minutes|report|reports|notes|meeting|marac|conference|panel|assessment|"
        "referral|record|records|file|form|forms|dash|review|strategy meeting|icpc|rcpc)",
        "(she|he|they) (found|concluded|assessed|determined|decided) (that |)(he|she|they|x|subj|mr|mrs) "
        "(lacks|lacked|has|had|does not have|did not have|doesnt have|didnt have|is|was) (capacity|the capacity|"
        "mental capacity)",
    ),
    # a professional's reported view: "Nurse said he lacks capacity. Help me word a referral about that."
    "OWNED_REPORT": (
        f"({_DECIDERS}|nurse|health visitor|the hv|hv|the social worker|the sw|the teacher|the therapist) (said|says|"
        "thinks|thought|reported|reports|believes|believed|felt|feels|stated|states|advised|told me|told us|"
        "is of the view|was of the view)",
    ),
    # an edit to the text: "make my summary shorter", "more professional"
    "DRAFT_VERB": (
        "(shorter|longer|clearer|more concise|more professional|simpler|plainer|tidier|more formal|less formal|"
        "easier to read|more readable|less repetitive|better worded|more succinct)",
    ),
    "PREPARE_Q": (
        "(questions|prompts|topics|things|areas|points|a list of questions|question prompts) (that |)(i|we|ill|"
        "i will|we will|id) (can|could|should|might|will|would|) (use|ask|cover|raise|put|bring)",
        "(questions|prompts|topics|things|areas|points) to (ask|cover|raise|explore|discuss|use|put|bring up)",
        "(what|which) questions (should|could|can|do|might|would) (i|we) (ask|use|raise|make sure)",
        "(get|gets|are|is|be) asked of",
        "(questions|prompts|activities|exercises|ways) to help (mum|dad|subj|her|him|them|the parents|parents|the "
        "family|the child|the children|the young person|the carers|carers) (reflect|think|consider|talk|explore|"
        "understand|open up|share|notice)",
        "(what|which) (information|evidence|documents|records|details|background|history) (should|do|must|could|"
        "would) (i|we) (gather|collect|get|obtain|read|check|look at|bring|request|ask for)",
        "(what|which) (do|should|must|could) (i|we) (need to |)(cover|ask|include|discuss|explore|raise|bring|"
        "check|find out)",
        "(need|needs|have|has) to (be |)(cover|covered|asked|explored|discussed) (in|at|during|with)",
        "(i will|ill|i am going to|im going to|i shall|we will|well) (do|complete|carry out|make|write|"
        "undertake) the (assessment|decision|judgement|judgment|analysis|rating) (myself|ourselves)",
        "(do|complete|carry out|make) the (assessment|decision|judgement|judgment) (myself|ourselves)",
        "direct work session",
    ),
    "PROCESS_Q": (
        "who (decides|makes the decision|makes that decision|makes the call|sets|gives|agrees|signs off|is "
        "responsible for|has the final say)",
        "(the|what is the|whats the|what does the) role of (the|a|an)",
        "(escalation route|escalation routes|escalation process|escalation policy|escalation procedure|"
        "resolution process|dispute resolution|professional challenge|challenge a decision|challenge the decision)",
        "(if|when) (i|we) disagree with",
        "(i|we|and i|and we) (disagree|disagreed|do not agree|dont agree) (about|over|on|with)",
        "how (does|do|is) (a|an|the) (rag rating|rating|threshold|triage|mash|referral|conference|strategy|"
        "panel|review) (work|works|decided|set|made|done|reached)",
        "how (a|an|the) (rag rating|rating|threshold|triage|mash|referral|conference|strategy meeting|panel|"
        "review) (works|work|is decided|is set|is made|is done|is reached)",
        "how (does|do|did|would|will) (the|a|an) (mash|panel|court|conference|chair|iro|front door|team|triage|"
        "multi agency|strategy meeting|judge|magistrates|local authority|la|marac|mdt) (decide|determine|choose|"
        "work out|set|agree)",
        "who is (responsible for|in charge of) (deciding|making the decision|the decision|setting|signing off)",
        # entitlements that follow from a status ("what support is a care leaver entitled to") are law, not a
        # determination about the person ("is she eligible" stays a decision)
        "(what|which) (support|help|services|benefits|entitlements|grants|funding|allowances|money) (is|are|can|"
        "could|would) (she|he|they|subj|mum|dad|the family|a care leaver|care leavers|a young parent) (entitled to|"
        "get|claim|access|apply for|ask for)",
        "(the|what is the|whats the|what are the) (purpose|point|aim|aims|function) of (a|an|the)",
        "who (does|completes|carries out|fills in|fills out|uses|runs|chairs) (the|a|an)",
        "unwise decision",
        "unwise decisions",
    ),
}

HOW_IT_WORKS_SPAN = 7  # "how do DASH risk scores work": "work" within a few words of an opening "how"


def asks_how_it_works(padded: str) -> bool:
    """"How do DASH risk scores work?", "how does a RAG rating work in a MASH": how a tool or process works."""
    if not padded.startswith((" how do ", " how does ", " how is ", " how are ", " can you explain how ")):
        return False
    tokens = padded.split()[: HOW_IT_WORKS_SPAN + 3]
    return any(
        token in ("work", "works", "operate", "operates") and tokens[i + 1 : i + 2] != ["out"]  # "work out" predicts
        for i, token in enumerate(tokens)
    )


PURPOSE_ROLE_WORDS: dict[str, str] = {
    "OWNED_REPORT": "a professional's reported view, recorded",
    "PREPARE_Q": "questions or topics the practitioner will use to judge for themselves",
    "PROCESS_Q": "a question about a process, a role or who decides",
}

"""Phrase tables for the framing mechanisms (``framing.py``): how a request is wrapped, not what it is about.

These roles describe the *frame* around a request — who the model is asked to be, whether it is told not to
refuse, whether it must pick one of a few verdict labels, whether the task is to communicate with someone —
so that the same few rules apply to wordings the topic tables have never seen.  Merged into ``lexicon.ROLES``.
"""

from __future__ import annotations

_ROLE_NOUNS = (
    "judge|family court judge|district judge|magistrate|magistrates|duty manager|team manager|manager|"
    "service manager|head of service|iro|independent reviewing officer|chair|conference chair|panel chair|"
    "panel|decision maker|lado|amhp|best interests assessor|assessor|risk assessor|social worker|"
    "senior social worker|senior practitioner|practice manager|principal social worker|guardian|"
    "childrens guardian|cafcass officer|psychologist|forensic psychologist|psychiatrist|doctor|police officer|"
    "detective|investigator|inspector|fortune teller|psychic|clairvoyant|expert|expert witness|"
    "safeguarding lead|dsl|duty worker|duty social worker|triage worker|gatekeeper|jury|juror"
)

_LEVELS = "high|higher|medium|moderate|low|lower|severe|critical|substantial|significant|minimal|mild|minor|none"

FRAME_ROLES: dict[str, tuple[str, ...]] = {
    # The model cast as someone who judges: "pretend you're the IRO", "if you were the duty manager".
    "ROLE_CAST": (
        "(pretend|imagine|suppose|say) (you are|youre|you re|to be|that you are|you were|youre a|you were a) "
        f"(the |a |an |my |our |)(experienced |senior |strict |qualified |)({_ROLE_NOUNS})",
        f"(act as|acting as|act like|play|playing|roleplay as|role play as|be|you are|youre|you re|speaking as|"
        f"in character as|in the role of|take the role of|if you were|if you are|were you) (the |a |an |my |our |)"
        f"(experienced |senior |strict |qualified |seasoned |)({_ROLE_NOUNS})",
        "(if you were me|were you me|in my shoes|if it was your call|if it were your call|if it was up to you|"
        "if it were up to you|if you had to decide|if you had to choose|your call|your decision to make)",
    ),
    # Wrappers that push for an answer: "don't say you can't", "one word", "no caveats".
    "EVASION_WRAP": (
        "(dont|do not|never) (say|tell me|reply that) (you|that you) (cant|cannot|can not|are not able|arent able"
        "|wont|are not allowed|arent allowed)",
        "(dont|do not|no|never) (refuse|refusing|refusals|caveats|caveat|hedging|hedge|disclaimers|disclaimer|"
        "lecture|lectures|lecturing|policy speech|arguing|argue|excuses|moralising|warnings)",
        "(stop|quit) (hedging|refusing|dodging|avoiding the question|lecturing|being cautious)",
        "(just|simply) (answer|guess|say it|tell me|pick|choose|give me the answer|give it to me straight)",
        "(no|without) (explanation|explanations|reasons|reasoning|justification|commentary)",
        "i know (you are|youre) not (meant|supposed|allowed|permitted) to",
        "(you wont|you will not|nobody will|no one will) (get in trouble|know|find out|be blamed)",
        "(between (you and me|us)|off the record|humour me|for my eyes only|just this once)",
        "(hypothetically|in theory) (if|if there were|speaking)",
    ),
    # A verdict to be picked from labels: "remove or stay", "safe or unsafe", "NFA, early help or statutory".
    "CHOICE_RISK": (
        f"({_LEVELS}|h|m|l|red|amber|green|safe|unsafe|not safe|at risk|not at risk|risky|dangerous|serious) "
        f"(or) ({_LEVELS}|h|m|l|red|amber|green|safe|unsafe|not safe|at risk|not at risk|not risky|"
        "not dangerous|not significant)",
        "(risk high|risk low|risk medium|hml|h m l|rag rating|rag status|risk rag)",
    ),
    "CHOICE_DECISION": (
        "(remove|removal|removed|stay|stays|remain|remains|go home|return home|home|care|go into care|"
        "accommodate|placement|keep|nfa|no further action|early help|statutory|universal|cin|child in need|"
        "cp|child protection|s47|section 47|s42|section 42|strategy|accept|decline|approve|refuse|grant|deny|"
        "agree|reject|met|not met|reached|not reached|threshold met|close|closure|step down|escalate|"
        "capacity|lacks capacity|no capacity|has capacity|urgent|routine|non urgent|visit|no visit|"
        "suitable|unsuitable|not suitable) (or) (remove|removal|stay|stays|remain|go home|return home|home|"
        "care|go into care|be removed|nfa|no further action|early help|statutory|universal|cin|child in need|"
        "cp|child protection|s47|section 47|s42|section 42|strategy|accept|decline|approve|refuse|grant|deny|"
        "agree|reject|not met|met|not reached|threshold not met|close|keep open|stay open|step down|escalate|"
        "no capacity|lacks capacity|has capacity|capacity|urgent|routine|non urgent|no visit|visit|suitable|"
        "unsuitable|not suitable)",
        "(threshold met|threshold not met|meets threshold|does not meet threshold)",
    ),
    "CHOICE_CRED": (
        "(true|false|honest|dishonest|lying|truthful|believable|credible|not credible|genuine|made up|"
        "reliable|unreliable) (or) (true|false|honest|dishonest|lying|not lying|truthful|untruthful|"
        "believable|unbelievable|credible|not credible|genuine|made up|reliable|unreliable|not)",
    ),
    # Asking for a value on a scale: "what score does this home get", "which band is she in".
    "VALUE_Q": (
        "(what|which|wat|wot) (score|scores|rating|ratings|risk level|level of risk|grade|band|tier|category|"
        "colour|color|rag|percentage|mark|marks) (does|do|would|should|is|are|will|did|for|on|to|out of|"
        "from|in|goes|go|fits|fit|comes out|come out)",
    ),
    # A communication task: how to say, explain or write something to someone.
    "COMMUNICATE": (
        "(best|better|clearer|clear|kinder|kind|good|right|gentle|gentler|sensitive|simple|simpler|easiest|"
        "easier|fairest|fair|plain|professional|supportive|respectful|tactful|appropriate|nicer|softer) "
        "(way|ways|words|wording|language) (to|of|for|i can|we can|i could|we could) (say|saying|explain|"
        "explaining|tell|telling|phrase|phrasing|word|wording|put|putting|write|writing|describe|describing|"
        "share|sharing|raise|raising|break|breaking|communicate|communicating|open|opening|approach|talk|"
        "talking|present|presenting|express|expressing|record|recording)",
        "how (should|can|could|do|would|might|shall) (i|we) (tell|explain|say|phrase|word|put|break|share|raise"
        "|approach|talk to|talk with|talk about|communicate|let|describe|present|express|reassure|prepare)",
        "(help me|help us) (to |)(explain|tell|say|word|phrase|put|break|share|raise|communicate|describe|"
        "express|talk)",
        "(letter|email|text|message|leaflet|invitation|card|reply) (to|for) (subj|x|them|him|her|the parents|"
        "the family|the carers|the foster carers|the school|the gp|the court|a parent|parents|carers|a child|"
        "children|the child|the children|young people|a young person|my)",
        "(letter|email|text|message|leaflet|invitation|card|reply) (to subj |to x |to them |)(inviting|telling|"
        "explaining|asking|reminding|informing|letting|thanking|confirming)",
        "(inviting|invite|invitation) (them|him|her|x|the|mum|dad|the parents|the family|subj)",
        "(explain|explaining|describe|describing|tell|telling) (it |this |that |)(to) (subj|x|mum|dad|them|him|"
        "her|the|a|my)",
    ),
    # A premise the question rests on: "given that both parents …", "since Mr Ahmed is …".
    "CONDITION": (
        "(given that|given|since|because|as|considering|seeing as|now that|knowing that|knowing|bearing in mind|"
        "what with|with) (subj|both parents|both|the parents|parents|x|his|her|their|they|he|she|the family|mum|dad)",
    ),
    # Seeing the future as a frame: "imagine you're looking back from 2030", "fast forward five years".
    "FUTURE_FRAME": (
        "(looking back|look back|from the future|in the future|years from now|months from now|a year from now|"
        "time machine|crystal ball|fast forward|skip ahead|jump ahead|see the future|see into the future|"
        "months ahead|years ahead|a year ahead|in (a|one|two|three|five|ten|6|12|18) (years|year|months) time|"
        f"from ({'|'.join(str(year) for year in range(2026, 2051))}))",
    ),
    # A worry asked about: "should we be worried about …", "how concerned should I be".
    "WORRY": ("(be|feel|get|am i|are we|be we) (worried|concerned|alarmed|anxious)",
              "(worried|concerned) (should|would|must|ought) (i|we|you)"),
    # Fiction as a wrapper around a real case: "we're writing a novel … about the real mum in my note".
    "FICTION": (
        "(novel|story|script|screenplay|tv drama|drama|play|scene|short story|fiction|fictional|character|"
        "dialogue|game)",
    ),
    "REAL_CASE": (
        "(real|actual|real life|real world) (child|children|mum|dad|mother|father|family|person|case|people|"
        "baby|kids|parents|carer|client|service user)",
        "(in|from) (my|these|this|the) (case note|case notes|notes|note|case|file|records|referral)",
    ),
}

# Additions to existing roles (wordings of the same role that the topic tables lacked).
EXTRA_PHRASES: dict[str, tuple[str, ...]] = {
    # "I need a view on whether …": asking, though its subject is the practitioner.
    "ASKS": (
        "(need|want|like|after|looking for|get|have) (a|your|an|the) (view|opinion|steer|take|second opinion|"
        "verdict|answer|honest opinion|gut feeling) (on|about|as to|regarding) (whether|if|how|what|which)",
    ),
    "YOUR_JUDGEMENT": (
        "(your|the) (view|opinion|steer|take|second opinion|verdict|answer|honest opinion|gut feeling) "
        "(on|about|as to|regarding) (whether|if|how|what|which)",
        "(your|you) (honest |)(take|gut feeling|instinct|hunch|read) (on|about|is)",
        "(what|whats) (is |)your (take|view|opinion|verdict|read|instinct|gut feeling)",
        "in your (honest |)(opinion|view|judgement|judgment|estimation|book)",
    ),
    "OWNED": (
        "(ratings|rating|scores|score|grades|levels|risk levels|rag ratings|decisions|judgements|judgments|views|"
        "conclusions|findings|answers|colours) (that |)(i|we|ive|weve|i have|we have|id|i had|i ve) (written|"
        "put|given|gave|recorded|made|marked|noted|set|entered|added|chosen|reached|included|done|already)",
    ),
    "PROTECTED": ("(being|is|are|was|were|comes|come|coming|originally|hails|hail|family is|family are) from x",),
    "EXPLAIN": ("when (can|could|may|should|would|do|does) (one|it|they|an order|these|this|that|such an order) be",
                "(what is|what are|whats) (a|an)"),
    "OUTCOME": ("(things|it|everything|life|this|the case|the placement) (turn|turns|work|works) out",
                "turn out for"),
    "SYS_DECIDE": (
        "(give|make|reach|provide|state|output|return|issue) (a |the |your |an |)(clear |final |firm |single |)"
        "(decision|decisions|verdict|verdicts|ruling|rulings|determination|recommendation|recommendations)",
    ),
}

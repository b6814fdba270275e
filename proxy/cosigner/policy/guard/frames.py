"""Phrase tables for the framing mechanisms (``framing.py``): how a request is wrapped, not what it is about.

These roles describe the *frame* around a request — who the model is asked to be, whether it is told not to
refuse, whether it must pick one of a few verdict labels, whether the task is to communicate with someone —
so that the same few rules apply to wordings the topic tables have never seen.  Merged into ``lexicon.ROLES``.
"""

from __future__ import annotations

_LEVELS = (
    "high|higher|hi|med|lo|medium|moderate|low|lower|severe|critical|substantial|significant|minimal|mild|minor|"
    "none"
)

_AGES = "|".join(str(age) for age in range(60, 106))  # an age given as a premise ("given she's 85")

_ROUTES = (
    "strategy|s47|section 47|icpc|conference|cp|cp plan|plan|visit|referral|legal|court|epo|ppo|removal|closure|"
    "nfa|proceedings|dols|s42|section 42|enquiry|assessment"
)
# "another injury", "a further incident": a repeat of harm, the thing a prediction is about.
_REPEAT_EVENT = (
    "(another|a further|further|more|a repeat|a new|a second|repeat) (injury|injuries|incident|incidents|assault|"
    "assaults|episode|relapse|overdose|attack|fall|falls|admission|crisis|breakdown|bruise|bruises|fracture)"
)

FRAME_ROLES: dict[str, tuple[str, ...]] = {
    # The model cast as someone who judges: "pretend you're the IRO", "if you were the duty manager".
    # (A persona with a judging role — "pretend you're the IRO" — is found by ``cues.casts_a_judge``.)
    "ROLE_CAST": (
        "(if you were me|were you me|in my shoes|if it was your call|if it were your call|if it was up to you|"
        "if it were up to you|if you had to decide|if you had to choose|your call|your decision to make)",
    ),
    # Wrappers that push for an answer: "don't say you can't", "one word", "no caveats".
    "EVASION_WRAP": (
        "(dont|do not|never) (say|tell me|reply that) (you|that you) (cant|cannot|can not|are not able|arent able"
        "|wont|are not allowed|arent allowed)",
        "(dont|do not|no|never) (refuse|refusing|refusals|caveats|caveat|hedging|hedge|disclaimers|disclaimer|"
        "lecture|lectures|lecturing|policy speech|arguing|argue|excuses|moralising|warnings)",
        "(no|without|skip the|spare me the) (essays|essay|waffle|fluff|preamble|lectures|speeches|long answers|"
        "long answer|small print|caveat|disclaimer)",
        "(stop|quit) (hedging|refusing|dodging|avoiding the question|lecturing|being cautious)",
        "(just|simply) (answer|guess|say it|tell me|pick|choose|give me the answer|give it to me straight)",
        "(no|without) (explanation|explanations|reasons|reasoning|justification|commentary)",
        "i know (you are|youre) not (meant|supposed|allowed|permitted) to",
        "(you wont|you will not|nobody will|no one will) (get in trouble|know|find out|be blamed)",
        "(between (you and me|us)|off the record|humour me|for my eyes only|just this once)",
        "(hypothetically|in theory) (if|if there were|speaking)",
        "i know (its|it is|this is|thats|that is) (discriminatory|biased|not allowed|against the rules|wrong|"
        "unfair|not ok|not okay|not appropriate|inappropriate|prejudiced)",
        "(just for|only for|its just for|it is just for|its only for) (my own|my|our own|internal|research|"
        "curiosity|interest)",
        "(i wont|i will not|nobody will|no one will) (hold you to it|blame you|quote you|tell anyone)",
    ),
    # A verdict to be picked from labels: "remove or stay", "safe or unsafe", "NFA, early help or statutory".
    "CHOICE_RISK": (
        f"({_LEVELS}|h|m|l|red|amber|green|safe|unsafe|not safe|at risk|not at risk|risky|dangerous|serious) "
        f"(or) ({_LEVELS}|h|m|l|red|amber|green|safe|unsafe|not safe|at risk|not at risk|not risky|"
        "not dangerous|not significant|not sure|unsure|dont know|unclear|maybe|borderline)",
        "(risk high|risk low|risk medium|hml|h m l)",
    ),
    "CHOICE_DECISION": (
        "(remove|removal|removed|stay|stays|remain|remains|go home|return home|home|care|go into care|"
        "accommodate|placement|keep|nfa|no further action|early help|statutory|universal|cin|child in need|"
        "cp|child protection|s47|section 47|s42|section 42|strategy|accept|decline|approve|refuse|grant|deny|"
        "agree|reject|met|not met|reached|not reached|threshold met|close|closure|step down|escalate|"
        "capacity|lacks capacity|no capacity|has capacity|urgent|routine|non urgent|visit|no visit|"
        "suitable|unsuitable|not suitable|sgo|special guardianship|foster care|fostering|kinship care|kinship|"
        "residential|adoption|nan|gran|grandparents|aunt|mum|dad|home with mum|home with dad|universal|targeted|"
        "specialist|level 1|level 2|level 3|level 4|tier 1|tier 2|tier 3|tier 4) (or) (remove|"
        "removal|stay|stays|remain|go home|return home|home|"
        "care|go into care|be removed|nfa|no further action|early help|statutory|universal|cin|child in need|"
        "cp|child protection|s47|section 47|s42|section 42|strategy|accept|decline|approve|refuse|grant|deny|"
        "agree|reject|not met|met|not reached|threshold not met|close|keep open|stay open|step down|escalate|"
        "no capacity|lacks capacity|has capacity|capacity|urgent|routine|non urgent|no visit|visit|suitable|"
        "unsuitable|not suitable|sgo|special guardianship|foster care|fostering|kinship care|kinship|residential|"
        "adoption|long term fostering|universal|targeted|specialist|level 1|level 2|level 3|level 4|tier 1|tier 2|"
        "tier 3|tier 4)",
        "(threshold met|threshold not met|meets threshold|does not meet threshold)",
        f"({_ROUTES}) or no ({_ROUTES})",
        f"or no ({_ROUTES})",
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
    "VALUE_BARE": ("(what|which|wat|wot) (level|score|rating|grade|band|tier|colour|color|rag)",),
    # Putting someone in a category: "flag the person as high risk", "should be flagged as … risk".
    "FLAG_AS": (
        "(flag|flagged|mark|marked|label|labelled|class|classed|classify|classified|categorise|categorised|"
        "put down|put her down|put him down|put them down|treat|treated|rate|rated|list|listed|record) "
        "(subj |x |them |him |her |the person |the family |the child |each one |everyone |anyone |all of them |"
        "each |every |)as",
    ),
    # An inference asked for: "does that mean the baby is at greater risk?".
    "INFERENCE": ("(does|doesnt|would|will|wouldnt|should|must) (that|this|it) (mean|make|put|suggest|indicate|show|"
                  "prove)",
                  "(mean|means|meaning|suggest|suggests) (that |)(we|i|you|they) (must|should|need to|have to|ought to|"
                  "can|cannot|cant)"),
    # Suspicion pointed at a group: "should we check for extremist views?".
    "SUSPICION": ("(check for|look for|screen for|watch for|be wary of|suspect|suspicious|extremist|extremism|"
                  "radicalised|radicalisation|radical views|terrorism|fgm|forced marriage|honour based|"
                  "honour based abuse)",),
    # Putting people in order: "put the kids in order of how worried you'd be".
    "RANK_PEOPLE": (
        "(put|place|sort|arrange|list|order|line up|rank) (subj|the kids|the children|them|the families|the cases|"
        "my cases|these families|these children|the siblings|the referrals|the contacts|each|everyone|the adults|"
        "the residents|my caseload|the young people|these cases) (in|into|by) (order|a ranking|rank order|"
        "priority order|priority|risk|danger|concern|need|urgency|worry)",
        "in order of (how|who|risk|danger|concern|need|priority|urgency|worry|vulnerability|safety)",
    ),
    # Picking out by level: "mark the high ones".
    "PICK_LEVEL": (
        "(mark|flag|highlight|tick|circle|list|pick|label|show|give|tell me) (me |)(the|which|all the|any) "
        "(high|highest|low|lowest|red|amber|green|urgent|risky|riskiest|worst|most worrying|dangerous|unsafe) "
        "(ones|one|cases|families|children|kids|people|risk)",
    ),
    # A communication task: how to say, explain or write something to someone.
    "COMMUNICATE": (
        "(words|wording|language) (to|for|i can|we can|i could|we could) (say|explain|tell|phrase|word|put|write|"
        "describe|share|raise|break|communicate|open|approach|talk|present|express|record)",
        "(way|ways) (to|of|i can|we can|i could|we could|i should|we should) (say|saying|explain|explaining|tell|"
        "telling|phrase|phrasing|word|wording|put|putting|write|writing|describe|describing|share|sharing|raise|"
        "raising|break|breaking|communicate|communicating|express|expressing|present|presenting|record|recording)",
        "(alternatives|alternative|synonyms|synonym|another word|other words|a better word|better words|plainer words|"
        "simpler words|plain english alternatives|plain english alternative|plain english versions) (to|for|of)",
        "(start|have|open|begin|approach|hold|plan|prepare for) (a|the|this|that|my) (conversation|discussion|chat|"
        "talk|difficult conversation)",
        "how (should|can|could|do|would|might|shall) (i|we) (tell|explain|say|phrase|word|put|break|share|raise"
        "|approach|talk to|talk with|talk about|communicate|let|describe|present|express|reassure|prepare)",
        "(help me|help us|help) (to |)(explain|tell|say|word|phrase|put|break|share|raise|communicate|describe|"
        "express|talk)",
        "(explaining|explain|talking|talk|telling|tell|break it|breaking it) (to|with) (a|an|the|subj|x|my|his|her|"
        "their) (teenager|child|young person|parent|parents|family|mum|dad|carer|carers|children|kids|boy|girl|"
        "son|daughter|man|woman|resident|client)",
        "(letter|email|text|message|leaflet|invitation|card|reply) (to|for) (subj|x|them|him|her|the parents|"
        "the family|the carers|the foster carers|the school|the gp|the court|a parent|parents|carers|a child|"
        "children|the child|the children|young people|a young person|my|his|her|their)",
        "(letter|email|text|message|leaflet|invitation|card|reply) (to subj |to x |to them |)(inviting|telling|"
        "explaining|asking|reminding|informing|letting|thanking|confirming)",
        "(inviting|invite|invitation) (them|him|her|x|the|mum|dad|the parents|the family|subj)",
        "(explain|explaining|describe|describing|tell|telling) (it |this |that |)(to) (subj|x|mum|dad|them|him|"
        "her|the|a|my)",
    ),
    # A premise the question rests on: "given that both parents …", "since Mr Ahmed is …".
    "CONDITION": (
        "(given that|given|since|because|as|considering|seeing as|now that|knowing that|knowing|bearing in mind|"
        "what with) (subj|both parents|both|the parents|parents|x|his|her|their|they|he|she|the family|mum|dad)",
        "with (subj|both parents|the parents|x|mum|dad|him|her|them) (being|having|now)",
    ),
    # Seeing the future as a frame: "imagine you're looking back from 2030", "fast forward five years".
    "FUTURE_FRAME": (
        "(looking back|look back|from the future|in the future|years from now|months from now|a year from now|"
        "time machine|crystal ball|fast forward|skip ahead|jump ahead|see the future|see into the future|"
        "months ahead|years ahead|a year ahead|in (a|one|two|three|five|ten|6|12|18) (years|year|months) time|"
        f"from ({'|'.join(str(year) for year in range(2026, 2051))}))",
    ),
    # A worry asked about: "should we be worried about …", "how concerned should I be".
    "WORRY": ("(be|feel|get|am i|are we|be we|more|less|very|really|so|too) (worried|concerned|alarmed|anxious)",
              "(worried|concerned) (should|would|must|ought) (i|we|you)"),
    # A comparison asked of the model: "which of the two households is the safer option?".
    "COMPARE": (
        "(safer|safest|riskier|riskiest|more dangerous|most dangerous|more believable|most believable|more credible|"
        "more honest|more truthful|more reliable|more likely|most likely|less likely|more at risk|most at risk|"
        "more vulnerable|most vulnerable|more suitable|most suitable|better option|best option|better placement|"
        "best placement|worse off|worst off|most worrying|more worrying|most concerning|more concerning|"
        "in more danger|in the most danger|better parent|worse parent|more protective|less protective)",
    ),
    # How bad, how serious: a degree of risk asked for.
    "DEGREE_Q": (
        "how (bad|serious|worrying|concerning|worried|concerned|alarmed|anxious|uneasy|unsafe|risky|dangerous|grave|"
        "severe|safe|vulnerable|dodgy|dicey|sketchy|grim|rough|dire|iffy|scary|hairy|messy|volatile|"
        "at risk|much danger|much risk|big a risk|big a worry|high a risk|high|low) (is|are|was|were|should|"
        "would|does|do|has|have|will|it|this|things|for|on|youd|you would|would you|are you|you are|to be|i should|"
        "we should|i need to|we need to)",
        "how (much|big|high|great|serious) (of a|a) (suicide |self harm |fire |falls |flight |absconding |"
        "exploitation |)(risk|danger|threat|worry|concern)",
        "how (bad|serious|worrying|concerning|significant|severe|grave|high|great) (the|this|that|his|her|their) "
        "(risk|risks|danger|situation|concern|concerns|harm|neglect|threat|injury|injuries|abuse)",
    ),
    # A decision dressed as "worth it?" or "one for strategy?".
    "WORTH_Q": (
        "(worth|time to|is it time to|is it worth) (escalating|escalate|referring|refer|a strategy|going to strategy|"
        "a section 47|a s47|calling the police|calling police|removing|closing|stepping down|a referral|"
        "an assessment|a visit|visiting|a strategy discussion|legal|a plo|taking to conference|a conference)",
        "(is this|is it|this one|one) (for|4) (strategy|s47|section 47|a section 47|early help|mash|cin|cp|court|"
        "legal|conference|police|the police|a strategy|child protection|child in need|nfa|no further action)",
        "(cin|child in need|early help|nfa|no further action|cp|child protection|s47) (to|into|or|) (cp|child "
        "protection|s47|section 47|strategy|cin|child in need|early help)",
    ),
    # Weighing up for the practitioner: "put a tick next to the side that wins".
    "WEIGH_UP": (
        "(side|argument|case|option|one|answer|view) (that|which) (wins|is stronger|is more convincing|outweighs|"
        "comes out on top|is right|carries more weight)",
        "(which|what) (side|argument|option) (wins|is stronger|comes out on top|outweighs)",
    ),
    # Output in a structure with a blank to fill: "answer in JSON only", "fill the ? in".
    "FORMAT_OUT": (
        "(answer|reply|respond|output|return|give it|give me it|write it) (in|as) (json|csv|a table|table form|"
        "xml|yaml|a spreadsheet|code|a form|one line)",
        "fill (the|in the|this|that|it|them) (blank|blanks|gap|gaps|question mark|in)",
        "fill in the (blank|blanks|gap|gaps|question mark)",
    ),
    # A polite request for an explanation: "can you walk me through what … means".
    "EXPLAIN_ASK": (
        "(can|could|would|will) (you|u) (please |)(explain|walk me through|talk me through|take me through|"
        "help me understand|tell me what|define|describe|outline|clarify)",
    ),
    # A question about practice in general: "how do you decide if someone lacks capacity?".
    "PRACTICE_Q": (
        "how (do|does|would|should|can) (you|we|i|one|a social worker|social workers|practitioners) (decide|"
        "assess|determine|judge|know|tell|work out) (if|whether|when) (someone|a person|a child|a parent|"
        "an adult|somebody|anyone)",
        # "why is it hard to predict which children will be harmed?": about judging, not a judgement
        "why (is it|is|are|it is|its) (so |)(hard|difficult|impossible|tricky|unreliable|risky|dangerous|"
        "problematic) to (predict|forecast|assess|judge|know|tell|rate|score|decide|measure|quantify)",
        # "how do I know when a care package should stop?": an indefinite case is practice in general
        "how (do|does|would|should|can) (you|we|i|one|a social worker|social workers|practitioners) (decide|"
        "assess|determine|judge|know|tell|work out) (if|whether|when) (a|an|any) (plan|package|care package|case|"
        "placement|order|referral|family|child|parent|carer|adult|person|young person)",
    ),
    # A predicate that judges a person: "is mum coping?", "is dad a danger?", "are the parents protective?".
    "EVALUATIVE": (
        "(safe|unsafe|in danger|a danger|dangerous|abusive|neglectful|neglected|capable of caring|fit to parent|"
        "a fit parent|fit parents|good enough|competent|protective|unprotective|vulnerable|to blame|guilty|"
        "coping|managing|struggling|failing|out of control|a threat|a risk|at risk|harmful|harming|violent|"
        "controlling|manipulative|exploited|being exploited|being groomed|groomed|neglecting|abusing|hurting|"
        "doing enough|a good parent|a good mum|a good dad|a bad parent|bad parents|good parents|well looked after|"
        "properly cared for|cared for properly)",
    ),
    # A polite drafting request: "could you make my conclusion … sound more professional?".
    "POLITE_DRAFT": (
        "(can|could|would|will) (you|u) (please |)(make|rewrite|reword|rephrase|tidy|improve|edit|proofread|check|"
        "correct|shorten|polish|tighten|summarise|format|translate|help me word|help me phrase|help me write|"
        "simplify|soften|restructure|clean up|tidy up|smooth|write up|type up|draft|record|minute|write out|"
        "put together|turn|summarize|write)",
    ),
    # A practical how-to about handling information, not a judgement about a person.
    "HOWTO": (
        "(safest|safer|best|better|quickest|easiest|right|correct|proper|most secure|secure) (way|ways|method|place|"
        "approach) (to|of|for) (store|storing|send|sending|share|sharing|keep|keeping|save|saving|email|emailing|"
        "file|filing|print|printing|encrypt|encrypting|redact|redacting|upload|uploading|back up|protect|"
        "dispose|transport|carry|take notes|log in)",
        "(is it|would it be|is that) (risky|safe|unsafe|ok|okay|wise|a good idea|secure|allowed) to (email|send|"
        "share|store|print|post|text|upload|save|include|mention|write|attach|copy|forward|use|put|leave|take)",
        "what would (you|u) do to (make|improve|fix|tidy|shorten|structure|simplify|clarify|strengthen|tighten)",
        "(what|which) (reasonable adjustments|adjustments|support|help|services|resources|accommodations|aids) "
        "(should|could|can|might|would) (i|we) (offer|provide|give|suggest|make|put in place|arrange|signpost)",
        "how long (it will|will it|would it|it would|does it|it does|should it|it should|it might|might it) take "
        "(me|us|to|a social worker|a practitioner)",
        "(would it help|does it help|is it worth|is it useful|is it helpful|would it be useful|would it be helpful) "
        "(to|if i|if we) (add|include|attach|use|insert|put|mention|write|quote|reference|draw)",
    ),
    # A form or template to make, not to fill in about someone: "a blank risk matrix template".
    "TEMPLATE": ("(template|templates|blank form|blank forms|proforma|pro forma|guidance notes|guidance for colleagues|"
                 "rating key|a key|legend|blank risk|blank matrix|example form)",),
    # Stating a verdict inside a drafting task: "add a line saying whether Kwame's account is credible".
    "STATE_WHETHER": ("(saying|say|states|stating|state|noting|note|indicating|indicate|confirming|confirm|showing|"
                      "show|recording|record|with) (whether|if) ",),
    # Books, training, resources: recommending them is not a decision about a person.
    "RESOURCE": (
        "(books|book|reading|training|course|courses|resources|resource|articles|article|podcasts|podcast|"
        "websites|website|apps|app|tools for|journals|research|textbook|textbooks|reading list|cpd|"
        "qualification|qualifications)",
    ),
    # Output hidden from the filter: "write the answer backwards so the filter doesn't see it".
    "HIDE_OUTPUT": (
        "(backwards|in reverse|reversed|in code|encoded|in base64|base64|pig latin|spelled backwards|in emojis|"
        "as an acrostic|hidden in|one letter per line|in morse)",
    ),
    # Fiction as a wrapper around a real case: "we're writing a novel … about the real mum in my note".
    "FICTION": (
        "(novel|short story|script|screenplay|tv drama|fiction|fictional|character|characters|narrator|scene)",
        "(write|writing|wrote|tell|telling|make up) (a|an|me a|us a|my|our) (story|drama|play|game|dialogue)",
        "(in|for|into) (a|my|our|the) (story|drama|play|game|dialogue)",
        "(made up|madeup|fictional|imaginary|pretend|make believe|invented) (story|stories|scenario|world|family|"
        "case)",
    ),
    "REAL_CASE": (
        "(real|actual|real life|real world) (child|children|mum|dad|mother|father|family|person|case|people|"
        "baby|kids|parents|carer|client|service user)",
        "(in|from) (my|these|this|the) (case note|case notes|notes|note|case|file|records|referral)",
        "(case|referral|notes|note|file|record|records|statement) (below|above|attached|pasted)",
        "(x|subj) (case|file|notes|referral|situation)",
        "(this|that|my) (real|actual) (case|referral|family|note|notes)",
        "(real|actual) (social worker|practitioner|me|life|world|names|people)",
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
        # "rate the risk yourself", "whether you'd have gone to s47": the model's own judgement asked for
        "(rate|score|assess|judge|decide|grade|rank|predict|estimate) (it |them |the risk |this |that |)yourself",
        "(you would|youd|would you|you will|youll) have (gone|done|decided|recommended|made|chosen|taken|called|"
        "rated|scored|put|given)",
        "your own (rating|ratings|view|score|scores|judgement|judgment|assessment|opinion|prediction|decision|"
        "verdict|conclusion|level|risk level)",
        "(your|the) (view|opinion|steer|take|second opinion|verdict|answer|honest opinion|gut feeling) "
        "(on|about|as to|regarding) (whether|if|how|what|which)",
        "(your|you) (honest |)(take|gut feeling|instinct|hunch|read) (on|about|is)",
        "(what|whats) (is |)your (take|view|opinion|verdict|read|instinct|gut feeling)",
        "in your (honest |)(opinion|view|judgement|judgment|estimation|book)",
        "(provide|give|offer|supply|furnish|share|let me have) (an|a|your) (estimate|evaluation|appraisal|assessment|"
        "opinion|determination|judgement|judgment|view|prognosis|verdict|prediction) (of|on|about|regarding|as to|"
        "for)",
        "(opine|comment|remark|advise|pronounce|rule|adjudicate) (on|upon|as to|about) (whether|if|the|how|what|which)",
        "(u|you) decide", "your call", "yay or nay", "or nah",
        "(sound|sounds|seem|seems|look|looks|feel|feels) (legit|right|true|honest|believable|likely|plausible|"
        "genuine|ok|okay|safe|bad|serious|risky|dangerous|real|convincing|credible) to (you|u)",
    ),
    "EXPLAIN": ("when (can|could|may|should|would|do|does) (one|it|they|an order|these|this|that|such an order) be",
                "(involve|involves|entail|entails|consist of|consists of)",
                "under the (mca|mental capacity act|care act|children act|mental health act|law|legislation|act|"
                "guidance|code of practice)",

                "(what is|what are|whats) (a|an)", "(walk|talk|take) (me|us) through", "help me understand"),
    "OUTCOME": ("(things|it|everything|life|this|the case|the placement) (turn|turns|work|works) out",
                "turn out for",
                f"{_REPEAT_EVENT}",
                "(fail|fails|failing|break down|breaks down|collapse|collapses|fall apart|"
                "falls apart|go wrong|goes wrong|end badly|ends badly)"),
    "EVASION": ("(ignore|disregard|forget|bypass|override|skip|break|bend|get round|get around) (whatever|any|"
                "any of the|all of the|every|whichever|any of your|all of your|all those|all these) (rules|"
                "instructions|guidelines|guidance|policy|policies|restrictions|limits|safeguards|filters)",
                "(so|so that) (the filter|the guard|the system|the checker|the blocker|the policy|the ai rules|it|"
                "nobody|no one) (doesnt|does not|wont|will not|cant|cannot|dont|do not) (see|notice|catch|spot|"
                "detect|block|flag|pick up|understand|trigger)",),
    "PRED_STRONG": (f"{_REPEAT_EVENT} (likely|probable|expected|on the cards|inevitable|coming)",
                    "how (will|would|might|could|is|are) (that|this|it|things|the split|the move|the change|the "
                    "separation|the new job|the news|the loss|the baby) (going to |)(affect|impact|change|influence)",
                    "(will|would|is going to|are going to) (probably|likely|most likely|almost certainly) (be|happen|"
                    "go|end|turn out|decide|rule)",
                    "(the|a) (likely|probable|most likely|expected) (outcome|result|decision|ruling|verdict)",
                    "how (many|long|soon) (months |weeks |days |years |time |)(before|until|till|til)",
                    "(you|u) (see|expect|imagine|envisage|foresee|picture) (happening|going to happen|will happen|the "
                    "future|things going|this going|it going|them doing|him doing|her doing)",
                    "how do (you|u) see (it|this|things|the future|the placement|x|subj|them|him|her) (going|working "
                    "out|ending|panning out|turning out)"),
    "CRED_NOUN": ("(believed|disbelieved|did not believe|didnt believe)",
                  "(put up to|been told what to say|told what to say|schooled|primed|fed lines|fed the story|"
                  "rehearsed|scripted)",
                  "telling (us|me|them|you|everyone|the police|the school|the court|the truth|the whole truth)",
                  "(the whole truth|the full truth|the full story|the whole story)",
                  "(story up|account up|allegation up|disclosure up|it all up|things up|stuff up|bsing|bs|"
                  "bullshitting|bullshit|bluffing|blagging|spinning us a line|having us on|"
                  "pulling the wool|legit|on the level|telling porkies|porkies|fibbing|fibs|a liar)",),
    "DOC_FOCUS": ("(the|my|its|this) (wording|phrasing|tone|structure|clarity|flow|grammar|spelling|punctuation) "
                  "(of|in)",
                  "(the right|the correct|an appropriate|a good|too) (length|size|format|tone|level of detail|"
                  "amount of detail)",
                  "(too|overly) (long|short|formal|informal|detailed|wordy|blunt|harsh|vague|negative|positive)",
                  "(statement|statements|report|reports|letter|letters|note|notes|assessment|assessments|chronology|"
                  "writing|email|emails|analysis) (style|tone|wording|grammar|spelling|punctuation|formatting|layout|"
                  "readability|flow|length)",
                  "(on|of|about|for|in) (their |his |her |your |our |their own |my own |the |my |)(writing style|"
                  "writing|writing skills|report writing|sentence|sentences|paragraph|paragraphs|typos|punctuation)",),
    "DOC_QUESTION": ("(bullet points|bullet point|bullets|paragraphs|version|versions|font|table|tables|numbered list|"
                     "subject line|opening line|sign off|word count)",),
    "RISK_NOUN": ("(complete|completes|fill in|fills in|fill out|populate|populates|do|score) (the|a|this|my|each|"
                  "every|all|) (risk assessment|risk|threshold|eligibility|capacity|cse|exploitation|screening|"
                  "graded care profile|gcp|dash|risk matrix|safeguarding|neglect) (form|forms|tool|tools|matrix|"
                  "document|documents|screening tool|checklist|assessment|assessments)",
                  "(neglect|abuse|harm|safeguarding|concern|danger|threat|vulnerability|exploitation|self neglect|"
                  "safety|welfare|wellbeing|dangerousness|risk of harm|parenting|home conditions) (score|scores|"
                  "rating|ratings|level|grade|band|category|number|percentage|mark)",),
    "PRODUCE": ("(indicate|specify|state|say|confirm|note|record|mark|show) (whether|if|which|what|how)",),
    "RISK_STRONG": ("(what is|whats|what are|what would be|what will be) the (risk|risks|danger|dangers|level of risk|"
                    "likelihood of harm|threat) (to|for|from|posed by|of) (subj|x|the|this|these|her|his|their|them|"
                    "him|each|both|my)",),
    "RISK_OBJ": ("(neglect|the neglect|abuse|the abuse|exploitation|home conditions|living conditions|the injuries|"
                 "the injury|the bruising|the bruises|the incident|the incidents|the situation)",),
    "STAT_QUESTION": ("who should (get|have|keep|look after|care for|be given|raise|bring up|live with|take)",
                      # "if Jack's plan should end": ending a plan or order is a closure decision
                      "(plan|cp plan|cin plan|child protection plan|care plan|order|care order|supervision order|"
                      "placement|package|case) (should|ought to|can|could|needs to|must) (end|close|stop|cease|"
                      "finish|be ended|be closed|be stopped|be discharged|be revoked|continue|carry on)",),
    "STAT_DECIDE": ("(make|give|provide|offer|reach|come to) (a|your|the|an) (recommendation|decision|ruling|"
                    "determination|call) (on|about|regarding|for|as to|over)",),
    "STAT_STRONG": ("(what|which) (outcome|decision|recommendation|option|plan|course of action|route|step|next step) "
                    "(should|would|do|shall|must|to) (i|we|) (recommend|choose|go for|push for|propose|pick|take|ask "
                    "for|argue for)",
                    "(what|which) (outcome|decision|recommendation|option|plan|course of action|route|step|next step) "
                    "(i|we) (should|would|could|ought to|must|need to) (recommend|choose|go for|push for|propose|pick|"
                    "take|ask for|argue for)",
                    "how old (do|would|did) (you|u) (think|say|reckon|guess|estimate|judge)",
                    "(his|her|their|the|subj|x) (real|true|actual) age",
                    "older than (he|she|they) (claim|claims|say|says)",
                    "younger than (he|she|they) (claim|claims|say|says)"),
    "CRED_Q": ("(the|that) (type|sort|kind) (to|who|whod|who would|that would) (lie|lies|make things up|make it up|"
               "exaggerate|exaggerates|manipulate|deceive|fabricate|twist the truth|tell lies|invent)",
               "(can|could|should) (we|i|you|the court|they|anyone) (rely on|trust|believe|take at face value|"
               "accept) (what|the|his|her|their|x|subj|this|that|anything)",
               "(believe|accept|trust|buy|credit) (the|his|her|their|subj|x|mum|dad|this|that) (version|account|story|"
               "explanation|side|version of events)",
               "(you|u) (buy|believe|trust|accept|credit) (it|that|this|her|him|them|his story|her story|the story|"
               "the account|what|their story|a word of it)",),
    "CRED_STRONG": ("(is|was|are|were|be) (subj|x) (the thief|the culprit|guilty|to blame|responsible|the abuser|"
                    "the perpetrator|the one who did it|the one who hurt|the one responsible)",),
    "STAT_TOPIC": ("(get|involve|bring in|go to|refer to|take it to|ask) legal", "legal involved",
                   "(pull|take|get|move) (the kids|the children|them|subj|him|her|the baby|the twins) (out|away|off "
                   "her|off him|off them|into care)",
                   "(residence|custody|child arrangements|child arrangements order)",
                   "contact (between|with) (x|subj|the|her|his|their|birth|mum|dad)",
                   "(ppo|police protection order|police powers|section 46|s46|emergency protection|call the police|"
                   "call police)",),
    "DRAFT_VERB": ("(make|create|produce|design|build|put together|knock up|do|draw up) (me |us |)(a|an|the|some) "
                   "(checklist|list|table|template|agenda|plan|leaflet|letter|summary|timeline|chronology|form|"
                   "guide|script|poster|presentation|handout|email|draft|crib sheet|prompt sheet)",
                   "(right|rite) (the|a|an|my|this|that|up) (letter|email|report|note|summary|record)"),
    "PROFILE": ("(more|less) of a (risk|danger|threat|worry|concern|problem)",
                "(more|less) of a (safeguarding|serious|bigger|greater|real|higher) (risk|danger|threat|concern)",
                # "is he the type who'd …": a person read as an instance of a type
                "(the|that|this) (type|sort|kind) (who|whod|who would|who will|to|that|of person who|of person to)",
                "(the most|the least|produce|produces|producing|the highest|the lowest) (neglect|abuse|harm|cases|"
                "violence|offending|risk|referrals|problems)",
                "by default",
                "(often|usually|typically|tend to|tends to|always|generally|mostly) (go on to|end up|turn out to)",
                "(generally|usually|typically|often|always|inherently|tend to be|tends to be|by nature) (less|more) ",
                "go on to (neglect|abuse|harm|offend|repeat|hurt|hit|lose)",
                "(presume|presuming|assume|assuming|take it|taken as read) (that |)(subj|she|he|they|x|them|her|him) "
                "(cant|cannot|can|lacks|lack|has|have|is|isnt|are|arent|will|wont|doesnt|does not)",
                "(kids|children|wives|partners|daughters|sons|babies|girls|boys|carers|parents|women|men) more",
                "more than (other|others|british|white|english|other families|other parents|most|the rest)",
                "(a sign|signs|an indicator|indicators|evidence|a red flag|a marker) (of|that)",
                "(mean|means|meaning) (that |)(subj|he|she|they|x) (cant|cannot|can|will|wont|is|isnt|are|arent|"
                "should|shouldnt|would)",
                "(so|therefore) (put|mark|rate|score|flag|class|label|treat|record|count) (subj|her|him|them|x|"
                "the family|this family)"),
    "PROTECTED": ("(being|is|are|was|were|comes|come|coming|originally|hails|hail|family is|family are) from x",
                  f"(subj|she is|he is|they are|x is|aged|age|at|being) ({_AGES})",
                  "(boys|girls|men|women|families|parents|people|children|kids|mothers|fathers|young people) from "
                  "(x|that country|there|abroad|overseas|those countries|that part of the world)",
                  "(young dads|young dad|young mums|young mum|young fathers|young mothers|teenage dads|teen dads|"
                  "older parents|older mums|older dads|single dad|single dads|teenage parent|teenage parents|"
                  "teen parent|young parent|care background|"
                  "albanian|albanians|afghan|afghans|syrian|iraqi|iranian|eritrean|sudanese|vietnamese|chinese|"
                  "turkish|kurdish|lithuanian|latvian|slovak|czech|bulgarian|hungarian|portuguese|irish|jamaican|"
                  "ghanaian|congolese|zimbabwean|kenyan|ethiopian|moroccan|algerian|egyptian|yemeni|sri lankan|"
                  "tamil|filipino|russian|ukrainian|kosovan|libyan|gambian|sierra leonean|"
                  "criminal record|a criminal record|convictions|ex offender|ex offenders|been in prison|"
                  "on methadone|unemployed|homeless|care leaver|niqab|hijab|burqa|burka|headscarf|turban|kippah|"
                  "on the autism spectrum|"
                  "autism spectrum|asylum|roma|gypsy|traveller|bipolar disorder|a teenager)",),
    "VALIDATE": ("(say|tell me|tell us|let me know|confirm) (if|whether) (theyre|they are|she is|shes|he is|hes|it is|"
                 "its|that is|thats|they were|she was|he was|it was|that was) (right|correct|wrong|justified|fair)",
                 "(is|was|are|were) (that|this|it|they|she|he|subj) (the right|the correct|the best|a fair|the wrong) "
                 "(call|decision|thing|move|choice|rating|score|level|conclusion|outcome)",
                 "(is|was|are|were) (that|this|it|they|she|he|subj) (right|correct|wrong|fair|justified|wise)",
                 "(would|do|did) (you|u) (score|rate|grade|rank|put) it (higher|lower|differently|the same)",
                 "(got|get|gets) (the|it|this|that) (risk level|rating|score|level|decision|threshold) (right|wrong)"),
    "OWNED": ("(levels|ratings|scores|risk levels|rag ratings|grades|categories|decisions) (that |)(the conference|the "
              "panel|the court|the iro|the manager|my manager|the team|the mdt|the previous worker|my colleague|the "
              "health visitor|they|she|he|x) (gave|set|decided|agreed|recorded|chose|assigned|put|made)",
              "(my|our) (eligibility|threshold|capacity|risk|safeguarding|placement|funding|neglect) (decision|"
              "decisions|rating|ratings|judgement|judgment|assessment|view|finding|findings|conclusion)",
              "(conference|panel|court|meeting|strategy|manager|managers|iro|mdt|board|tribunal|judge|courts) "
              "(decision|decisions|outcome|ruling|recommendation|finding|findings|judgment|judgement)",
              "(my|our) (own |)(finding|conclusion|determination|opinion|recommendation|assessment|judgement|"
              "judgment|decision|view|analysis|formulation)",
              "(my|our) (own |)(concern level|concern levels|levels|categories|risk categories|risk category|"
              "rag ratings|colours|grades|scores|ratings|gradings|rankings|ranking|order|judgements|risk levels)",
              "(ratings|rating|scores|score|grades|levels|risk levels|rag ratings|decisions|judgements|judgments|"
              "views|conclusions|findings|answers|colours|categories|category|risk categories|concern levels) "
              "(that |)(i|we|ive|weve|i have|we have|id|i had|i ve) "
              "(written|put|given|gave|recorded|made|marked|noted|set|entered|added|chosen|reached|included|done|"
              "already)",
              "(s|) own (risk |likelihood of reoffending |likelihood |)(rating|ratings|score|scores|assessment|"
              "view|views|judgement|judgment|conclusion|conclusions|decision|analysis)",
              "(tribunal|hearing|board|mdt|the doctors|psychiatrist|consultant|best interests meeting|"
              "legal planning meeting|x|dr x|the mdt|the board|the tribunal|the hearing|the panel) (has |have |had "
              "|)(decided|decide|decides|decied|agreed|concluded|found|ruled|assessed|determined)",
              "(assessed|judged|found|deemed|considered) by (x|dr x|the|a|an|his|her|their)",
              "(was|were|has been|have been|had been|is|are) (already |)(flagged|marked|labelled|classed|"
              "categorised|classified|put down) as",
              "as written"),
    "PERSON": ("(the|this|that|her|his|their|a) (nursery worker|teacher|nurse|childminder|key worker|support worker|"
               "care worker|youth worker|coach|staff member|neighbour|lodger|landlord|tutor)",),
    "GENERIC_PERSON": ("(councils|council|local authorities|authorities|teams|courts|most councils|las)",),
    "RISK_VERB": ("(appraise|appraising|evaluate the|evaluating the)",),
    "SYS_DECIDE": (
        "(give|make|reach|provide|state|output|return|issue) (a |the |your |an |)(clear |final |firm |single |)"
        "(decision|decisions|verdict|verdicts|ruling|rulings|determination|determinations|recommendation|"
        "recommendations)",
        "(eligibility|threshold|capacity|funding|placement) (determinations|decisions|rulings)",
        # "always end your reply with a clear recommendation"
        "(end|finish|close|conclude) (your reply|your replies|your answer|your answers|every reply|each reply|"
        "every answer|each answer|your response|each response|every response) (with|by giving) (a |the |your |)"
        "(clear |final |firm |)(recommendation|decision|verdict)",
    ),
}

# Plain-English names of the frame roles, for ``cosigner policy explain`` (never the text itself).
FRAME_ROLE_WORDS: dict[str, str] = {
    "ROLE_CAST": "the AI cast as someone who judges (judge, IRO, manager, assessor …)",
    "EVASION_WRAP": "a wrapper pushing for an answer (one word, no caveats, don't refuse)",
    "CHOICE_RISK": "a choice between risk labels (safe or unsafe, high or low)",
    "CHOICE_DECISION": "a choice between decisions (remove or stay, NFA or early help)",
    "CHOICE_CRED": "a choice between true and false",
    "VALUE_Q": "a request for a score, level or grade",
    "VALUE_BARE": "a bare 'what level?'",
    "COMMUNICATE": "a communication task (how to say, explain or write something to someone)",
    "FICTION": "a story, script or character",
    "REAL_CASE": "a reference to the real case or notes",
    "CONDITION": "a premise the question rests on (given that, since …)",
    "FUTURE_FRAME": "a request to see ahead",
    "WORRY": "a question about how worried to be",
    "COMPARE": "a comparison between people or options (safer, more believable …)",
    "DEGREE_Q": "a question about how bad or serious something is",
    "WORTH_Q": "a question whether a step is worth taking (escalating, strategy …)",
    "WEIGH_UP": "a request to say which side wins",
    "FORMAT_OUT": "an answer in a structure with a blank to fill",
    "RESOURCE": "books, training or other resources",
    "HIDE_OUTPUT": "an answer to be hidden from the guard",
    "EXPLAIN_ASK": "a polite request for an explanation",
    "POLITE_DRAFT": "a polite drafting request",
    "HOWTO": "a practical how-to question",
    "PRACTICE_Q": "a question about practice in general",
    "EVALUATIVE": "a word that judges a person (coping, protective, a danger …)",
    "FLAG_AS": "putting someone in a category (flag as, class as)",
    "PICK_LEVEL": "picking out by level (mark the high ones)",
    "RANK_PEOPLE": "putting people in order",
    "INFERENCE": "an inference asked for (does that mean …?)",
    "SUSPICION": "suspicion aimed at people",
    "TEMPLATE": "a blank template or guidance",
    "STATE_WHETHER": "a verdict to be stated inside a drafting task",
}


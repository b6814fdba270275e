"""Phrase tables for the judgement guard, by role.  Templates expand with ``expand.expand``.

Phrases are matched on normalised request sentences (lower case, punctuation as spaces, apostrophes dropped,
text-speak and misspellings mapped), padded with spaces so every phrase matches whole words only.  A role is
evidence, not a verdict: ``rules.py`` combines roles into the five judgement categories.
"""

from __future__ import annotations

from collections.abc import Mapping

from cosigner.policy.guard.frames import EXTRA_PHRASES, FRAME_ROLES
from cosigner.policy.guard.purposes import PURPOSE_ROLES

_PEOPLE = (
    "child|children|baby|babies|kids|kid|young person|young people|boy|girl|toddler|infant|teenager|sibling|"
    "siblings|"
    "mum|dad|mother|father|parent|parents|carer|carers|grandmother|grandma|gran|nan|grandad|grandfather|"
    "aunt|uncle|"
    "stepdad|stepfather|stepmum|partner|boyfriend|girlfriend|family|families|household|households|person|"
    "people|"
    "service user|service users|client|clients|resident|adult|adults|man|woman|son|daughter|foster carer|"
    "foster carers|adopter|adopters|applicant|applicants|case|cases|referral|referrals|he|she|they|him|her|"
    "them|"
    "lil one|little one|wee one|the eldest|the youngest|older one|younger one|boys|girls|sons|daughters|"
    "couple|mother s partner|sibling group|pupil|patient|individual|individuals|"
    "victim|perpetrator|offender|x|twins|triplets|toddlers|teens|teen|lad|lass|nephew|niece|grandson|"
    "granddaughter|grandchild|grandchildren|husband|wife|lodger|neighbour|tenant|brother|sister|brothers|"
    "sisters|stepson|stepdaughter|fella|ex partner|ex|newborn|newborns|unborn|unborn baby"
)
SUBJECTS = (
    "he|she|they|mum|dad|the child|the children|the baby|the mother|the father|the parents|this child|"
    "this family|the family|the young person|the boy|the girl|this person|the person|the adult|the client|"
    "the service user|the resident|the carer|the carers|the care leaver|the patient|the tenant|the pupil|"
    "gran|the partner|the boyfriend|the grandmother|x|it|"
    "the placement|this placement|the (foster|kinship|current|new|residential|adoptive|long term|family) "
    "placement|this (foster|kinship|current|new|residential|adoptive|family) placement|the court|the judge|"
    "the kids|the siblings|this baby|this young person|"
    "the lil one|the little one|the wee one|the eldest|the youngest|the dad|the mum|the stepdad|the "
    "stepfather|the stepmum|the grandson|the granddaughter|the son|the "
    "daughter|"
    "the aunt|the uncle|the foster carer|the neighbour|x grandson|x son|x daughter|x partner|x mum|x dad|"
    "x boyfriend|x husband|x wife|the husband|the wife|her partner|his partner|her boyfriend|her husband|"
    "his wife|the young man|the young woman|the teenager|the family"
)

_TOPIC_ROLES: dict[str, tuple[str, ...]] = {
    # ---- shared evidence -------------------------------------------------------------------------
    "PERSON": (f"({_PEOPLE})", "subj", "person 1", "person 2", "person a", "person b", "child a", "child b"),
    "SPECIFIC": (
        "this|these|above|below|following|attached|here|the note|this note|my note|case note|this case|"
        "this situation|the situation|the record",
    ),
    "PRODUCE": (
        "(give|provide|assign|output|produce|generate|calculate|compute|work out|determine|suggest|include|"
        "add|estimate|come up with|choose|pick|select|identify|flag|label|mark|tag|return|respond with|"
        "reply with|answer with|fill in|fill out|fill|tick|circle|populate|complete|enter|insert|pop|stick|"
        "allocate|apply|attach|"
        "put) (a|an|the|me|us|my|each|every|them|him|"
        "her|it|"
        "one|your|their|this|these|)",
        "(tell|show|let) (me|us)",
        "what (is|are|would|level|score|rating|category|band|number|grade|percentage|tier)",
        "whats",
        "would you",
        "do you think",
        "in your (view|opinion|professional opinion|judgement|judgment|assessment)",
    ),
    "YOUR_JUDGEMENT": (
        "your own (view|opinion|assessment|judgement|judgment|rating|risk rating|score|risk score|decision|"
        "conclusion|prediction|verdict|analysis|risk level|recommendation|take)",
        "your (risk rating|risk score|risk level|risk grade|rag rating)",
        "your (view|opinion|assessment|judgement|judgment|recommendation|prediction|rating|score|decision|"
        "conclusion|best guess|guess|estimate|professional opinion|verdict|evaluation|analysis of whether)",
        "(do|would|did) you (think|say|reckon|believe|consider|feel|judge)",
        "what do you (think|reckon|make of)",
        "(tell|let) (me|us) know (whether|if)",
        "any (idea|ideas|thoughts|clue) (whether|if|what|how|on whether)",
        "(u|you) (think|reckon)",
        "(land on|settle on|plump for|go with|commit to|pick|choose|select) (one|either|an option|the best|"
        "a recommendation)",
        "(a|your) (verdict|ruling|judgement|judgment|determination|finding) (on|about|as to|regarding)",
        "(pick|choose|select) (one|either|for me|the best|the right one)",
        "(your|you) (choose|pick|decide)",
        "(up to you|down to you|your choice|you choose|u choose)",
        "(your|a) (gut feeling|gut|hunch|instinct|feeling|sense|read|take) (on|about|of|is|as to)",
        "(tell me|tell us|say|decide|pick|choose) which",
        "(work out|figure out|determine|establish|assess|find out|check) (whether|if)",
        "tell (me|us) (whether|if)",
        "(say|state|decide|confirm|advise|judge|conclude) (whether|if)",
        "you (decide|predict|judge|rate|score|rank|assess)",
    ),
    "ASKS": ("(need|want|like|have) to know (whether|if|how likely|what)",),
    "VALIDATE": (
        "(am i|are we) (right|correct|wrong|justified|being reasonable)",
        "is (my|our) (judgement|judgment|assessment|rating|view|decision|conclusion|analysis|score|grading|"
        "risk rating|risk assessment|threshold decision|recommendation)",
        "(check|confirm|verify|validate|sense check|double check|review) (whether |if |that |)(my|our) "
        "(rating|"
        "risk rating|risk level|risk score|score|judgement|judgment|decision|conclusion|assessment of risk|"
        "threshold decision|recommendation|view)",
        "(change|correct|adjust|fix) (it|them|the rating|the score) if (it is|its|they are|theyre) (wrong|"
        "too high|"
        "too low|incorrect)",
        "(do|would) you agree",
        "(second opinion|your opinion) on (my|our|the|this)",
        "is it (right|correct|fair|reasonable) (that|to say)",
    ),
    "OWNED": (
        "(my|our) (own |)(risk|rating|ratings|assessment|assessments|score|scoring|analysis|view|views|"
        "judgement|"
        "judgment|decision|decisions|conclusion|conclusions|evaluation|opinion|professional judgement|"
        "professional opinion|grading|rag|findings|formulation|risk assessment|risk analysis|analysis of "
        "risk|"
        "recommendation|recommendations|rationale|reasoning|view that|concerns|prediction|position)",
        "(i|we|ive|weve|i have|we have|i had|we had|i ve|we ve) (rated|scored|assessed|judged|decided|"
        "concluded|"
        "graded|gave|given|identified|set|think|believe|consider|considered|felt|feel|found|agreed|"
        "recommended|"
        "judge|assess|rate|noted|recorded|made|reached|formed)",
        "(manager|managers|team manager|conference|panel|court|judge|iro|chair|supervisor|strategy meeting|"
        "strategy discussion|meeting|colleague|colleagues|service manager|head of service|magistrates|the la|"
        "local authority|professionals|network|mash|lado) (has |have |had |)(decided|agreed|concluded|rated|"
        "assessed|found|recommended|made|ruled|determined|judged|endorsed|approved|set)",
        "(was|were|has been|have been|had been|is|are) (already |)(rated|assessed|scored|judged|decided|"
        "agreed|"
        "graded|identified|deemed|found|approved|made subject)",
        "already (decided|agreed|rated|assessed|made|identified|judged)",
        "(was|were|has been|have been|had been) made",
        "(which|that|who|and) (found|concluded|decided|showed|determined|agreed)",
        "my (write up|writeup|report|record|summary|draft|wording|paragraph|text)",
        "(the|this) decision (was|is|has been|of the)",
        "(decision|outcome|conclusion|recommendation|recommendations) (of|from) the (conference|panel|"
        "meeting|"
        "court|strategy|review|icpc|rcpc|hearing|manager|team manager)",
    ),
    "EXPLAIN": (
        "(explain|define|describe|outline|summarise|summarize) (what|how|the|a|an|in general|generally|"
        "the meaning|the difference|the law|the legislation|the legal|the criteria|the process|the purpose|"
        "why)",
        "what (does|do) (the term|the phrase|it|the word|the law|the act|legislation|guidance|the guidance|"
        "the legislation|this term|this phrase|working together|section|s47|s42|the care act|the children "
        "act)",
        "what is meant by",
        "(mean|means|meaning|defined|definition)",
        "(what|which) factors",
        "(what|how) do (social workers|practitioners|courts|judges|managers|conferences|panels|professionals|"
        "local authorities|teams|assessors|amhps|clinicians)",
        "(what is|what gets|what should be|what are) (considered|taken into account|looked at)",
        "(what are|whats) the (criteria|stages|steps|principles|factors|tests)",
        "generally speaking",
        "(term|terms|phrase|phrases|word|words|jargon|expression|expressions) (like|such as)",
        "how (do|should|can|would|could) (i|we) (write|word|record|phrase|present|explain|describe|put|document|"
        "report|structure|format|evidence|set out|write up|talk about)",
        "what should (i|we) (do|bring|take|check|prepare|know|read|consider|expect|wear) (before|at|during|"
        "ahead of|in preparation for|to prepare for|for)",
        "(what makes|what would make|what usually makes) (a|an) (good|effective|strong|clear|better)",
        "is it (normal|usual|common|typical|unusual|standard) (for|to)",
        "how long (does|do|should|can|will) (a|an|the)",
        "(what is|whats) the difference",
        "(what are|whats) the differences",
        "difference between",
        "what happens (at|in|during|when|after|before)",
        "(meaning|definition) of",
        "(in general|generally|in principle|the legislation|the law|statutory guidance|working together|"
        "the children act|the care act|the mental capacity act|the act says|mca code|code of practice|"
        "the legal framework|the legal test|the criteria for)",
    ),
    # Documents named after risk ("a safety plan"): the risk word in them names the document, not a judgement.
    "DOC_NOUN": (
        "(safety|risk management|risk assessment|contingency|protection|care and support|support) (plan|plans|"
        "planning|template|templates|form|forms|tool|tools|framework|frameworks)",
    ),
    "DRAFT_HEAD": (),  # filled by rules.py from the sentence's first word; kept here for documentation
    # ---- risk scoring ----------------------------------------------------------------------------
    "RISK_VERB": (
        "(rates|scores|ranks|grades|classifies|categorises|categorizes|assesses|evaluates|estimates|"
        "calculates|"
        "prioritises|prioritizes|triages|colour code|color code|traffic light|rate|rerate|score|rank|grade|"
        "classify|categorise|categorize|rag|"
        "rag rate|band|assess|evaluate|quantify|estimate|calculate|compute|prioritise|prioritize|triage|"
        "gauge)",
    ),
    "RISK_VERB_WEAK": (
        "(measure|judge|weigh up|work out|determine|figure out|label|sort|order|put|place|give|assign|mark|"
        "tag|number|express|convert|turn)",
    ),
    "RISK_VERB_PERSON": (
        "(describe|class|see|regard|call|deem|view) (subj|x) as (high risk|low risk|medium risk|a risk|"
        "a high risk|a low risk|dangerous|vulnerable|at risk|safe|unsafe|a danger|risky)",
        "(rate|score|rank|grade|classify|categorise|categorize|rag|rag rate|band|assess|evaluate|prioritise|"
        "prioritize|sort|order|judge|profile|label) (the |this |these |each |every |both |all |all the |my |"
        "our |"
        "today s |todays |the following |the two |the three |)"
        "(family|families|child|children|parents|parent|mum|dad|mother|father|cases|case|referrals|"
        "households|"
        "kids|him|her|them|people|adults|carers|siblings|young people|service users|clients|sibling group|"
        "person|individuals|residents|boys|girls|young person|household|couple)",
    ),
    "RISK_DECL": (
        "(subj) (is|are|was|to be|would be|could be) (a danger|a risk|at risk|dangerous|safe|unsafe|"
        "in danger|a threat|vulnerable|at significant risk|at serious risk|neglectful|abusive|a neglectful|"
        "an abusive|an unfit|unfit|a bad|a poor|good enough|a good enough|a protective|protective|"
        "emotionally abusive|controlling|coercive|a perpetrator|high risk|low risk|a high risk|a low risk)",
    ),
    # Idioms and process explanations that use prediction words without predicting anything about a person.
    "NOT_A_PREDICTION": (
        "(what are the |what is the |whats the |what s the |the |any |is there any |is there a |)(chances|chance|"
        "odds) (that |)(you|u) (could|can|would|might|will)",
        "what (will|is going to|would|might) happen (at|in|during|after|before|next at|on the day of) (the|his|"
        "her|their|a|an|your|my|our) (review|conference|meeting|hearing|visit|assessment|appointment|court|"
        "icpc|rcpc|core group|panel|strategy discussion|strategy meeting|interview|medical|fgc|family group "
        "conference)",
    ),
    # "whether this paragraph is too long": the question is about the document
    "DOC_SUBJECT": (
        "(whether|if) (the|this|my|that|our|these) (paragraph|paragraphs|sentence|sentences|letter|report|note|"
        "email|wording|summary|draft|chronology|section|text|table|template|heading|headings|format|layout|"
        "tone|spelling|grammar|word|words|phrase|document|bullet points|minutes|agenda|plan layout)",
    ),
    "GENERIC_PERSON": (
        "(a|an|any|someone|somebody|anyone|anybody) (person|child|parent|adult|family|carer|young person|baby|"
        "mother|father|man|woman|resident|patient|service user|individual)",
        "(someone|somebody|anyone|anybody)",
    ),
    "PRED_CAN": ("(subj) (can|cant|cannot|will be able to|wont be able to)",),
    # "shell", "theyll": a contracted future written without its apostrophe ("u think shell stop engaging")
    "FUTURE": ("(will|will be|would be|is going to|are going to|going to|wil|shell|theyll|itll|youll|hell be)",),
    "THRESHOLD": ("(threshold|thresholds|criteria|legal test|threshold criteria)",),
    "MET": ("(been|is|are|was|were|be) (met|reached|crossed|satisfied)",),
    "ACCOUNT": (
        "(story|stories|account|accounts|version|allegation|allegations|claim|claims|explanation|statement|"
        "statements|disclosure|excuse)",
    ),
    "TRUE_WORD": (
        "(true|untrue|false|made up|genuine|believable|credible|plausible|a lie|lies|fabricated|real)",
    ),
    "RISK_TREND": (
        "(getting|becoming|going|grown|got) (higher|lower|worse|better|more|less|up|down|bigger|smaller)",
        "(increasing|decreasing|rising|falling|reducing|escalating|growing|de escalating|worsening|improving)",
    ),
    "RISK_CLASSIFY": (
        "(amount to|amounts to|constitute|constitutes|count as|counts as|qualify as|qualifies as|meet the "
        "definition of|meets the definition of) (abuse|coercive control|neglect|domestic abuse|significant "
        "harm|"
        "exploitation|a crime|harm|emotional abuse|physical abuse|sexual abuse|self neglect|financial abuse|"
        "a safeguarding concern|cruelty)",
    ),
    "RISK_Q": (
        "(is|are|was|were) (subj) (exploiting|grooming|controlling|abusing|neglecting|harming|"
        "coercing|"
        "stealing|hitting|hurting|bullying|threatening)",
        "(safe|unsafe|at risk|dangerous|risky) or (not|unsafe|safe|not safe|at risk)",
        "(subj) (is|are) (exploiting|grooming|controlling|abusing|neglecting|harming|coercing)",
        "(low|high|safe|small|serious|significant|reduced|managed|manageable|acceptable) enough",
        "(safe|unsafe|risky|dangerous) (for (him|her|them|the child|the children|the baby|x) to|to return|"
        "to go home)",
    ),
    "RISK_OBJ": (
        # the items of a chronology or list being graded: "mark each concern … red, amber or green"
        "(mark|label|tag|flag|colour|color|code|rate|rag|band|grade|class) (each|every|all|all the|the|these|"
        "those) (concern|concerns|incident|incidents|worry|worries|issue|issues|entry|entries|item|items|"
        "factor|factors|episode|episodes|event|events)",
        "(safer|less safe|more at risk|parenting|parenting capacity|protective capacity|protectiveness|home "
        "conditions|level of care|"
        "standard of care|attachment)",
        "(risk|risks|risky|riskiness|riskier|riskiest|danger|dangers|dangerous|dangerousness|vulnerability|"
        "vulnerable|safe|safety|unsafe|harm|at risk|level of concern|concern level|concern levels|"
        "seriousness|"
        "severity|threat|threat level|worry level|how worried|level of need|need level|needs level|"
        "protective factors|safeguarding concern|safeguarding risk)",
    ),
    "SCALE": (
        "(1|0|one|zero) (10|ten|5|five|100|hundred)",
        "(1|0|one|zero) to (10|ten|5|five|100|hundred)",
        "out of (10|ten|5|five|100|a hundred|hundred)",
        "(percentage|percent|per cent|%|a number|numerical|numeric|score out of|scale of|on a scale|likert)",
        "(risk|rating|severity|threat|concern|need|needs|harm|danger|worry) (scale|scales|continuum|spectrum|"
        "ladder)",
        "(heat map|heatmap|risk map|risk register|risk heat map|risk profile|risk profiles)",
        "(high|hi) (medium|med|moderate) (or |and |)(low|lo)",
        "(low|lo) (medium|med|moderate) (or |and |)(high|hi)",
        "(high|low) or (low|high) (risk|)",
        "(red|r) (amber|a) (or |and |)(green|g)",
        "(green|amber) (amber|red) (or |and |)(red|green)",
        "(rag|traffic light|traffic lights|risk matrix|matrix|tier 1|tier 2|tier 3|tier 4|level 1|level 2|"
        "level 3|level 4|category a|category b|band a|band b|a score|a rating|a grade|a ranking|a tier|a "
        "band)",
        "(severe|significant|moderate|minimal|critical) (moderate|minimal|low|significant) (or |and |)(low|"
        "minimal|none)",
    ),
    "RISK_NOUN": (
        "(risk|danger|vulnerability|safety|harm|concern|severity|safeguarding|threat|need|needs) (score|"
        "scores|"
        "rating|ratings|level|levels|category|categories|band|bands|grade|grades|tier|tiers|matrix|ranking|"
        "rankings|profile|percentage|rag|judgement|judgment|classification|status|value|number|banding|"
        "index)",
        "(level|levels|degree|amount|likelihood) of (risk|danger|harm|concern|vulnerability|need)",
        "(rag|red amber green) (rating|ratings|status|rate|score|it|them|each)",
        "(priority|urgency) (rating|ratings|score|scores|level|levels|ranking|order|band|category)",
        "overall risk",
        "(risk|rag|rating|score|severity|priority|threat|concern|danger) (column|columns|field|fields|box|boxes|"
        "cell|cells)",
        "(continuum|threshold|windscreen|level|tier|band|scale) of (need|needs|intervention|concern|risk|harm)",
    ),
    "RISK_STRONG": (
        "how (exposed|susceptible|protected|endangered|threatened|well protected|well safeguarded)",
        "how much (should|would|do|must) (i|we) (worry|be worrying|be worried|be concerned|fear)",
        "(who|which|which one|which child|which family) (is|are) (in|facing) the (worst|most dangerous|most "
        "serious|riskiest|most worrying|most precarious) (situation|position|circumstances|place|home)",
        "(worst off|in the worst situation|in the worst position)",
        "(who|which one|which child|which of them) (needs|need) (protecting|protection|safeguarding|help|"
        "saving) (more|most|the most|first)",
        "what (kind|sort|type|level|degree|manner) of (risk|danger|threat|harm|risks|dangers|threats)",
        "(too|very|so|really|extremely|dangerously|sufficiently) (dangerous|unsafe|risky|neglectful|chaotic|"
        "unhygienic|unsanitary|harmful)",
        "how (risky|dangerous|vulnerable|safe|unsafe|at risk|much risk|much danger|much of a risk|serious "
        "is the|"
        "high is the|big is the|great is the|significant is the|concerned should|worried should|worried "
        "would|"
        "concerned would|worrying is|concerning is|safe are|safe is)",
        "(most|more|least|less|the most|the least|greatest|highest|biggest) (at risk|vulnerable|dangerous|"
        "risky|unsafe|safe|in danger|danger|risk|"
        "concerning|worrying|urgent|serious)",
        "(safest|riskiest|highest risk|lowest risk|greatest risk|biggest risk|most risk|highest priority|"
        "top priority|priority order|order of risk|order of priority|order of urgency|order of concern)",
        "which (child|children|family|families|case|cases|one|sibling|parent|household|referral|referrals|"
        "kid|"
        "person|adult|young person|of them|of the children|of the families|of these|of my cases) (is|are|has|"
        "poses|presents|should|needs|faces|seems|looks)",
        "who (is|poses|presents|faces|seems|looks) (most|more|at greatest|at highest|the most|the biggest|"
        "the greatest|the highest|the least|least|riskier|safer|the bigger|the larger)",
        "(is|are|was|were) (subj) (at risk|safe|unsafe|in danger|dangerous|a danger|a risk|risky|"
        "vulnerable|at high risk|at low risk|high risk|low risk|medium risk|at significant risk|at serious "
        "risk|"
        "at immediate risk|a threat|a safeguarding risk|a risk to|a danger to|safe with|safe at|safe around|"
        "safe living|safe to)",
        "(does|do) (subj) (pose|present|represent) (a |any |an |)(risk|danger|threat|significant|"
        "serious|immediate|high|low)",
        "what (risk|level of risk|danger|threat) (does|do|is|are) (subj)",
        "(risk|danger|threat) (he|she|they|dad|mum|the father|the mother|the partner|the boyfriend) (pose|"
        "poses|"
        "presents|present)",
        "is it (safe|unsafe|too risky|risky|dangerous) (for|to)",
        "(a safe|an unsafe|a dangerous|a risky|a suitable|an unsuitable) (place|environment|home|household) "
        "(for|to)",
        "(is|are) (subj) (ok|okay|alright|all right) (there|at home|with|living|staying|in|or not)",
        "how (bad|serious|high|big|great|significant|severe|real|likely) is the (risk|danger|threat|harm)",
        "(worries|worry|concerns|concern|scares|frightens) you (most|the most)",
        "(where|how high|how low) (does|do|would|should|will|did) (subj) (sit|fall|fit|come|land|rank|stand|"
        "rate|score|lie|belong)",
        "(sit|sits|fall|falls|fit|fits|belong|belongs) on (the|our|a) (threshold|scale|continuum|matrix|ladder|"
        "windscreen)",
        "how (serious|big|great|high|significant|bad|real|grave|severe|large|much of) (a|an) (risk|danger|"
        "threat|concern|worry|hazard)",

        "(you are|youre|are you|you re) (most|more) (worried|concerned) about",
        "how (high|serious|bad|big|great|significant|severe) the (risk|danger|threat) (is|was|would be|will "
        "be)",
        "(how much|what level of|what degree of) (risk|danger)",
        "(could|might|would|will|can) (subj) be (at risk|at serious risk|at significant risk|in "
        "danger|"
        "safe|unsafe|harmed|hurt)",
        "(is|are) (subj) (a high risk|a low risk|a medium risk|a significant risk|a serious risk)",
        "(safe|unsafe) (for|to) (return|go|stay|remain|live|be left|have contact|see)",
        "(is|are) (the |this |that |)(risk|danger|threat) (high|low|medium|significant|serious|moderate|"
        "imminent|immediate|real|substantial|acceptable|manageable)",
        "risk (high|low|medium|moderate) or (low|high|medium)",
    ),
    # ---- prediction ------------------------------------------------------------------------------
    "PRED_STRONG": (
        "going to (get worse|get better|improve|deteriorate|decline|break down|end|fail|succeed|last|work)",
        "(likely outcome|probable outcome|most likely outcome|the likely|most likely to happen)",
        "(crystal ball|fortune teller|see the future|see into the future)",
        "(could|will|might|would|is it going to|are things going to) (things|it|this|matters|the situation) "
        "(turn nasty|get worse|escalate|get nasty|go wrong|kick off|blow up|turn violent|get dangerous)",
        "(how|what|when|where) (will|would|might|could|is going to) (subj) (react|respond|cope|feel|manage|"
        "behave|get on|do|take it|handle|deal|turn out|end up|be)",
        "(do|would|did|should) (you|we|i) (expect|anticipate|foresee)",
        "expect (subj|x) to",
        "(chances|chance|odds|likelihood|probability) (subj|he|she|they|x|mum|dad|the|this|on|for)",
        "(months|weeks|years|month|week|year) (ahead|from now|down the line|down the road|time|later)",
        "(the next|the coming|next) (year|years|months|few months|six months|12 months|decade) (looks|look|"
        "will look|holds|hold|will hold|brings|will bring|has in store)",
        "(what|how) the future (looks|holds|will look|will hold|brings|has in store)",
        "(over|in|during|within|by) the (next|coming|following) (year|years|month|months|week|weeks|few months|"
        "six months|12 months|twelve months|term|few weeks)",
        "(in|within) (a|one|two|three|six|twelve|a few|the next|a couple of) (year|years|months|weeks) (time|)",
        "(much|any|long|little) time left|how long (has|have|before|until) (subj|he|she|they|x)",
        "(project|predict|forecast|anticipate|foresee|guess|speculate on|speculate about) (how|what|whether|if|"
        "when|where)",
        "(see|look|peek|peer|think) (ahead|forward|into the future)",
        "(is|are) (subj) (going|likely|unlikely|expected|bound|set) to",
        "how (this|the|their|her|his) (case|story|situation|placement|family) (ends|will end|turns out|will "
        "turn out|"
        "pans out|will pan out)",
        "(how long before|how long until|how long till|how soon|how quickly will|when will)",
        "what (might|could|would|will|is likely to) happen|(prospect|realistic prospect|capacity to change|"
        "hope of|outlook|prospects|future for|future of|"
        "long term future|what future|predict|predicts|predicting|"
        "prediction|predictions|forecast|forecasting|foresee|prognosis|"
        "prognose|projection|how likely|likelihood|likely is it|probability|probable|probably going to|"
        "the chance|the chances|the odds|the likelihood|the probability|chance of|chances of|chance that|"
        "chances that|odds of|odds that|odds are|what are the chances|"
        "is it likely|are they likely|is he likely|is she likely|likely to|unlikely to|"
        "what will happen|what is going to happen|what happens to|what would happen|will happen|"
        "in future|in the future|future behaviour|future behavior|future risk|future harm|"
        "next (6|six|12|twelve|3|three) months|long term outcome|long term outcomes|expected to|expect (him|"
        "her|"
        "them|mum|dad|the child|the family) to)",
    ),
    "PRED_DECL": (
        "(the kinship placement|the foster placement|the care package|the package) (will|would|is going to|"
        "is likely to|might|could)",
        "(subj) (is|are) (heading for|heading towards|on course for|on track for|going to end up|"
        "bound to|"
        "destined for|set to|likely to end up)",
        "(the reunification|reunification|rehabilitation|the rehabilitation|the plan|the return home|the "
        "move|"
        "the order|the arrangement|the contact|the tenancy|the treatment) (will|would|is going to|is likely "
        "to|"
        "might|could)",
        "(subj) (will|would|is going to|are going to|will ever|would ever|will still|would still|"
        "is likely to|are likely to|might|may|could)",
    ),
    "PRED_QUESTION": (
        "(will|would|could|might|can) (subj) (ever |still |really |actually |definitely |)",
        "(is|are) (subj) (going|likely|unlikely|expected|bound|set) to",
        "is there (a|any) (chance|likelihood|risk|probability) (of|that)",
        "(is|are) (subj) (heading for|heading towards|headed for|on course for|on track for|bound for|"
        "destined for|set for|in for)",
        "any chance (of|that)",
    ),
    "OUTCOME": (
        "(hold|hold up|work out|safer|be safer|safest|happier|be happier|leave x|leave the relationship|let "
        "(him|her|x|the "
        "partner|dad|the father|them) back|"
        "take (him|her|x|them) back|go back to (him|her|x)|get back with|back in|manage to|stay off|stay "
        "sober|stay clean|drugs|drinking|alcohol|be ok|be okay|be alright|be all "
        "right|"
        "be fine|be safe|be happy|changing|improving|sustaining|engaging|coping|relapsing|reoffending again|"
        "better off|worse off|"
        "thrive|do well|do better|be happier|settle|hearing|final hearing|the verdict|"
        "the result|prison|custody|trouble|exclusion|homelessness|eviction|work|harmed|injured|abused|"
        "neglected|scammed|scamed|taken advantage of|targeted|again|"
        "be able to|able to protect|protect|keep them safe|keep the children safe|keep him safe|keep her "
        "safe|"
        "safeguard|put the children first|care for|look after|parent|fall|falls|fall again|fall over|be "
        "readmitted|readmitted|readmission|go back to hospital|die|decline|cope at home|manage at home|"
        "reoffend|reoffends|reoffending|re offend|re offending|offend|offending|harm|hurt|abuse|neglect|"
        "kill|"
        "injure|assault|attack|go missing|going missing|run away|running away|abscond|relapse|relapsing|"
        "use again|using again|drink again|drinking again|use drugs|overdose|self harm|suicide|suicidal|"
        "breakdown|break down|breaks down|brakes down|brake down|break up|broken down|disrupt|disruption|"
        "engage|engagement|comply|compliance|"
        "cooperate|co operate|cooperation|cope|succeed|success|successful|fail|failure|outcome|outcomes|"
        "proceedings|court|care order|supervision order|win|lose|return home|go home|get the children back|"
        "get the kids back|get her children back|get his children back|get them back|get the baby back|"
        "reunification|rehabilitation|sustain|sustained|change|improve|deteriorate|violent|violence|exploit|"
        "exploited|exploitation|cse|cce|county lines|radicalised|radicalized|pregnant again|stay with|"
        "leave him|leave her|split up|reconcile|last|stable|stability|turn up|attend|stick|survive|"
        "end up|become|grow up|be removed|be adopted|go into care|enter care|harm the baby|harm the children|"
        "do it again|happen again|repeat|recur|recurrence|escalate|get worse|continue|back on our books|"
        "back on the books|back in care|back in court|back on a plan|come back|problems|problem)",
    ),
    # ---- statutory and professional decisions --------------------------------------------------------
    "STAT_STRONG": (
        "should (the |this |these |her |his |their |)(child|children|baby|kids|young person|siblings|he|she|"
        "they|him|her|them|boy|girl|twins|infant|person|adult|resident|service user|client|x|mum|dad|"
        "the mother|the father|the parents|gran|the grandmother|the family|this family|the couple) (be|go|"
        "stay|"
        "remain|return|move|live) ",
        "should (we|i|the la|the local authority|social care|childrens services|children s services|the team|"
        "they|you) (remove|take|seek|apply|issue|start|initiate|hold|convene|call|go to|escalate|step up|"
        "step down|close|nfa|end|make|refer|accommodate|place|proceed|instigate|consider removal|"
        "progress|recommend|convene|de register|deregister|discharge|detain|section|approve|reject|"
        "stop|withdraw|reduce|increase|terminate|pursue|move|return|initiate|lodge|trigger|open|begin|launch|"
        "undertake|carry out|arrange|go for|ask for|request|seek to|apply to|take action)",
        "should (this|it|the case|this case|the referral|this referral|the contact|this contact|the matter|"
        "the plan|the cp plan|the order|the placement|this placement) (go|be|proceed|progress|escalate|move|"
        "step|stay|remain|end|continue|stop|close)",
        "is (the |)threshold (met|reached|crossed)",
        "(has|have) (the |)threshold (been |)(met|reached|crossed)",
        "(meet|meets|meeting|reach|reaches|cross|crosses|satisfy|satisfies) (the |any |a |)(threshold|"
        "thresholds|"
        "criteria|test|legal test|threshold criteria)",
        "(threshold|thresholds) (met|reached|crossed|or not)",
        "(above|below|under|over|at) (the |)threshold",
        "(does|do|would|will|could) (this|it|the case|this case|the referral|this referral|the family|"
        "this family|the concern|these concerns|the concerns|the situation|this situation|he|she|they|"
        "the child|this child) (meet|meets|reach|cross|qualify|count|warrant|justify|need|require|merit)",
        "(or|vs|versus) (child in need|cin|child protection|cp|early help|nfa|section 17|s17|section 47|s47|"
        "a section 47|a s47|section 42|s42|a section 42|safeguarding|universal services|level 2|level 3|"
        "level 4)",
        "(put|place|make) (the |this |these |)(child|children|baby|kids|x|him|her|them|family|siblings) "
        "(on|subject to|onto|under) (a |the |)(cp|child protection|cin|child in need|plan)",
        "is this (a child protection|significant harm|a s47|a section 47|a s42|a section 42|child "
        "protection|a cp case|"
        "a safeguarding|safeguarding|neglect|abuse|emotional abuse|a child in need|cin|cp|level 4|level 3|"
        "level 2|a care act|a mash|a lado|an early help|early help|a police matter|reportable)",
        "(does|do|did) (subj) (have|lack|lacks|has|retain) (the |)(mental |)capacity",
        "(has|have|lacks|lack|lacking) (the |)(mental |)capacity (to|for|regarding|around|about)",
        "(is|are) (subj) (capacitous|incapacitous|competent|gillick competent|fraser competent)",
        "(is|are) (subj|the applicant|the applicants|gran|grandma|the grandparents|the aunt|the uncle|"
        "the foster carer|the foster carers|the kinship carer|this carer|these carers|she a|he a|they a) "
        "(suitable|fit|able to care|capable|a suitable|a fit|a safe|good enough|a good enough|an adequate|"
        "adequate|appropriate|a good|good|bad|a bad|unfit|unsuitable|fit to|capable of|safe to care|"
        "a protective|protective enough|protective)",
        "(suitable|suitability|fit|unfit|unsuitable) (carer|carers|to care|as a carer|as carers|for "
        "fostering|"
        "to foster|to adopt|adopter|adopters|placement|special guardian|to look after|to parent|parent|"
        "parents|of the carer|of the carers|of the placement|of gran|of the grandparents|of her|of him|"
        "of them|as foster|as kinship|as special)",
        "(approve|reject|refuse) (her|him|them|the carer|the carers|the applicant|the applicants|gran|"
        "as a (foster |kinship |)carer|as carers|as foster carers|the placement|the adopters)",
        "recommend (removal|removing|adoption|closure|closing|nfa|escalation|escalating|a plan|a cp plan|"
        "care proceedings|a section|s47|s42|an icpc|a conference|step down|step up|stepping down|placement|"
        "approval|refusal|that the|that we|that i|that they|that he|that she|whether|if|what|a decision|"
        "an outcome|an order|an sgo|special guardianship|long term fostering|a move|contact|no contact|"
        "supervised contact|reunification|rehabilitation|return home|they|he|she)",
        "(what|which) would you recommend",
        "(need|needs) to be (on a plan|on a cp plan|on a child protection plan|subject to a plan|removed|"
        "accommodated|in care|placed|detained|sectioned|on a cin plan)",
        "(do|shall|must) (we|i) (remove|escalate|close|step down|step up|nfa|proceed|issue|go to|apply|start|"
        "initiate|convene|refer|intervene|act|end the plan|take action)",
        "(you would|youd|you d|would you|you should|should you|you) (step down|close|remove|escalate|nfa|"
        "approve|refuse|take to|accommodate|de register|deregister|discharge|adopt)",
        "(approve|agree|accept|grant|allow|authorise|authorize|sign off|support|fund|refuse|decline|reject|deny|"
        "turn down) or (approve|agree|accept|grant|allow|authorise|authorize|refuse|decline|reject|deny|not|"
        "turn down|turn it down|say no)",
        "recommend (a|an|the|which|what) (level|route|pathway|response|intervention|service|course|plan|option|"
        "next step|next steps|way forward|order|outcome|setting|placement|care home|decision|tier)",
        "ought (we|i|they|the la|the local authority|you) to",
        "(what|which) (do|would) you (recommend|advise|suggest (we|i) do|decide|choose)",
        "(would|do|did) you recommend",
        "(what|which) (option|course of action|outcome|decision|plan|route|pathway) (should|would|is best|"
        "is right|do you)",
        "what should (i|we|the la|the local authority|social care|the team) (do about|do with|do next|do now|"
        "do here|do in this case|decide|recommend|happen next)",
        "what should happen (to|with|next|now)",
        "what (decision|outcome) should",
        "make (the|a|this|that|my|our|the final) (decision|call|judgement|judgment|determination)",
        "(make|take|give|reach) (the|a|this|that|my|our) (threshold|final|statutory|safeguarding|placement|"
        "removal|capacity|best interests|eligibility|triage|mash|front door|funding|closure) (decision|call|"
        "determination|judgement|judgment)",
        "decide (whether|if|on|for|what|which|between|the outcome|the plan|the threshold|who|how|about)",
        "(advise|tell|let) (me |us |)(whether|if) (i|we|to|they|he|she|the|this|it|mum|dad) ",
        "(go|proceed|progress|move) to (icpc|conference|court|plo|legal|legal planning|strategy|panel|"
        "a strategy|an icpc|care proceedings|a conference|the courts|proceedings)",
        "(icpc|rcpc|conference|s47|section 47|strategy discussion|strategy meeting|legal planning|plo|"
        "care proceedings|s42|section 42|removal|escalation|closure|nfa|adoption|a plan|a cp plan|cp plan|"
        "an sgo|early help|cin|child in need|mash referral|lado referral|section 20|s20|dols|"
        "safeguarding enquiry) (is |are |would be |will be |be |was |)(or not|or no|needed|necessary|required|"
        "warranted|justified|appropriate|the right|the best|the correct)",
        "(case|referral|matter|contact) or (a |an |)(early help|social care|cin|child in need|cp|"
        "child protection|s47|section 47|nfa|police|mash|universal|safeguarding|care act) (case|referral|"
        "matter|contact|one)",
        "(do|does|did) (we|i|this|the family|the child|it|the case) (need|require|warrant|justify|merit) "
        "(a|an|to|the) (icpc|conference|s47|section 47|strategy|legal|plo|s42|section 42|escalat|remov|"
        "step|referral|cp|child protection|plan|enquiry|investigation|court|sgo)",
        "(is|are) (a|an|the) (icpc|rcpc|conference|s47|section 47|strategy discussion|strategy meeting|s42|"
        "section 42|plo|legal planning|care proceedings|removal|cp plan|child protection plan|enquiry|"
        "investigation|referral|escalation|closure|adoption|sgo|placement order|dols|section 20) (needed|"
        "necessary|required|warranted|justified|appropriate|the right|the best|called for|indicated)",
        "should there be (a|an)",
        "a case for (the |a |an |)(plo|public law outline|court|care proceedings|s47|section 47|icpc|"
        "conference|"
        "legal|strategy|early help|mash|lado|police|s42|section 42|court of protection)",
        "which of (todays|today s|these|the|my|our|those|this weeks|the following) (contacts|referrals|cases|"
        "families|children|people|adults|households|ones) (should|need|needs|go|goes|get|gets|must|is|are)",
        "what (outcome|decision|level|response|route|pathway) (to|should|would|do i|do we)",
        "(early help|nfa|no further action|assessment|s47|section 47|cin|child in need|strategy) or (nfa|"
        "early help|assessment|s47|section 47|cin|child in need|strategy|social care|no further action)",
        "(tell me|tell us|advise me|advise us) what to do",
        "what (action|actions|step|steps|response|course of action|intervention) (to take|we should take|"
        "i should take|is needed|should be taken|should i take|should we take)",
        "what (would|should) you do",
        "if you were (the|a|her|his|their|my) (social worker|practitioner|manager|team manager|decision "
        "maker|"
        "judge|chair|me)",
        "(flag|pick|choose|select|identify|highlight|list|name|tell me) (which|the) (family|families|child|"
        "children|"
        "case|cases|referral|referrals|contact|contacts|person|people|one|ones|household|households) (that |"
        "who |)"
        "(most|needs|need|should|is|are|at|requires|require|deserve|deserves)",
        "(visit|see|call|prioritise|prioritize|allocate|deal with|start with) (first|next|today first)",
        "(most needs|most need|needs it most|need it most|most in need|most urgent|most urgently|priority "
        "for allocation)",
        "(choose|pick|decide|select) between",
        "which (carer|carers|placement|option|family|parent|home|plan|relative|foster carer|foster placement|"
        "school|setting) (is|would be|will be|should be) (better|best|more suitable|safer|right|the right|"
        "the best)",
        "(triage|prioritise|prioritize|rank|sort|order|rag) (these|the|this|my|our|each|all|the following|"
        "todays|today s|this weeks|incoming|new) (contacts|referrals|cases|families|children|notifications|"
        "reports|concerns|visits|requests|assessments|contact|referral)",
        "which (referral|referrals|contact|contacts|case|cases|family|families|one|ones|of them|of these|"
        "children|child|adult|person) (should|to|need|needs|do i|do we|gets|get|goes|go|must|ought|deserve)",
        "(open|close|nfa|escalate|step down|step up|remove|keep|adopt|approve|continue|end) (or|vs|versus) "
        "(close|nfa|open|escalate|not|nah|no|step|keep|remove|leave|return|foster|reject|end|continue)",
        "can (we|i|they) (safely |now |)(close|step down|end|nfa|de register|deregister|discharge|return|"
        "reunify|remove|stop)",
        "is it (safe|time|right|appropriate|ok|okay|reasonable|justified|proportionate|necessary) to (close|"
        "step down|end|return|discharge|remove|escalate|reunify|adopt|section|detain|place|nfa|de register|"
        "deregister|stop)",
        "(ready|time) (to close|for closure|to step down|to end|to return|to reunify|to deregister|"
        "to de register|for discharge)",
        "(is|are) (he|she|they|mum|dad|the family|the child|the person|this person|the adult|the resident|x|"
        "this family) (eligible|entitled|qualify)",
        "(eligibility) (decision|determination)",
        "(meet|meets|meeting) (the |)(eligibility|national eligibility)",
        "(meet|meets|meeting|satisfy|satisfies) (the |)(care act |national |)(eligibility|threshold) "
        "(criteria|test|"
        "threshold)",
        "(what|which) (is|are) in (his|her|their|the child s|the childs|the children s|the childrens|x s) "
        "best interests",
        "best interests (determination|are to|is to|would be)",
        "(what|which) (level|tier) of (intervention|service|support|response|need) (should|does|do|is|are)",
        "(what|which) (level|tier|category) (is|are|should|does)",
    ),
    "TRIAGE_PICK": (
        "(flag|pick|choose|select|identify|highlight|list|name|mark|show me|tell me) which (family|families|"
        "child|"
        "children|case|cases|referral|referrals|contact|contacts|one|ones|household|households|people|person|"
        "adults|residents|of them|of these)",
    ),
    "URGENCY": (
        "(urgent|urgently|priority|prioritise|prioritize|first|need a visit|needs a visit|need visiting|"
        "needs visiting|attention|allocation|allocated|most concern|concern)",
    ),
    "YESNO": ("(yes or no|y n|yes no|y or n|true or false)",),
    "DOC_QUESTION": (
        "(letter|report|note|notes|wording|paragraph|sentence|email|template|agenda|headings|heading|minutes|"
        "chronology|summary|text|draft|invite|invitation|leaflet|form|section of my|my write up|spelling|"
        "grammar|"
        "tone|format|structure|font|layout)",
    ),
    "DRAFT_VERB": (
        "(summarise|summarize|rewrite|reword|rephrase|proofread|translate|draft|write|format|list|tidy|"
        "shorten|"
        "explain|describe|outline|improve|edit|correct|prepare|turn|convert|put together|pull out|highlight|"
        "record|minute|type up|write up)",
    ),
    "SITUATION": (
        "(situation|circumstances|case|next steps|what to do|way forward|what happens next|options|option|"
        "contact|contacts|referral|referrals|this one)",
    ),
    "STAT_QUESTION": (
        "which (is|would be|will be|option is) (better|best|safer|the better|the best|right|preferable|the "
        "right)",
        "be (made|appointed|given|granted|awarded|looked after|fostered|placed|accommodated)",
        "(reached|met|crossed|hit) (the |)(threshold|thresholds|criteria|threshold criteria)",
        "(assume|presume|presuming|assuming) capacity",
        "(need|needs|require|requires|warrant|warrants) (a|an) (mental capacity|mental capacity act|"
        "capacity|mca|"
        "dols|best interests|care act|section 42|s42|s47|section 47|parenting|child protection|strategy) "
        "(assessment|enquiry|discussion|meeting|conference)",
        "be (supervised|unsupervised|stopped|suspended|reduced|increased|allowed|restricted|changed|moved)",
        "(reasonable|proportionate|justified|appropriate|right|necessary|fair|wise) to (remove|close|"
        "escalate|"
        "adopt|place|separate|section|detain|return|end|stop|take|step down|nfa|issue|apply)",
        "be (closed|stepped down|stepped up|escalated|ended|removed|adopted|placed|accommodated|discharged|"
        "detained|"
        "sectioned|deregistered|de registered|nfad|approved|refused|returned home|reunified|made subject)",
        "be (right|appropriate|best|suitable|the right option|the best option|the right plan|the best plan|"
        "in his best interests|in her best interests|in their best interests|justified|proportionate|"
        "necessary)",
        "(placement|carer|carers|home|setting|accommodation|provision|unit|school) (is |are |)(suitable|"
        "unsuitable|"
        "appropriate|inappropriate|right|good enough|safe enough)",
        "better off (in|at|with|living|staying|going)",
        "(able to|capable of) (make|making) (his|her|their|x s|x) own (decision|decisions)",
        "(able to|capable of) (decide|deciding|consent|consenting|understand the decision)",
        "(does|do|would|will|could|can) (subj) (qualify|meet the criteria|meet criteria|meet eligibility)",
        "(a good|the right|a suitable|a bad|the best|a safe|a poor) (fit|match) (for|with)",
        "(done|made|shown|changed) enough (to|for) (come off|step down|end|close|return|get|have|be|keep|"
        "stay|go)",
        "(the right|the best|a suitable|the wrong|a safe|an unsafe|the safest) (person|people|carer|carers|place|"
        "home|family|option|relative|setting) (to|for)",
        "(take|bring|send|refer|escalate) (this|it|the case|this case|the family|this family|the referral|"
        "this one|them|him|her) (to|up to) (legal|court|conference|strategy|panel|plo|legal planning|"
        "legal gateway|the lado|lado|icpc|a conference|a strategy|safeguarding|the police|the courts)",
        "ready to (come off|step down|be stepped down|end|close|go home|return home|return|leave care|"
        "be discharged|live independently|have unsupervised|manage alone|be deregistered|move on)",
        "(pass|passes|qualify|qualifies|count|counts|do|does|work|cut it) as (a |an |the |)(special guardian|"
        "special guardians|carer|carers|foster carer|foster carers|kinship carer|kinship carers|adopter|"
        "adopters|guardian|guardians|connected person|connected persons|suitable|appropriate|safe)",
        "(make|making|take|taking|makes) (his|her|their|x s|x|subj s|subj) own (decision|decisions|choices|"
        "choice)",
        "(got|have|has|lack|lacks|lacking|retain|retains) (the |)(mental |)capacity",
        "(keep|stay|remain|go|live|return|move|be placed|be kept) (in|into|with|at|to) (foster care|care|a "
        "care home|"
        "residential care|a nursing home|the unit|kinship care|a children s home|supported accommodation)",
        "(escalate|step down|step up|close|nfa|remove|adopt|refer|intervene) (or|or not|or nah|or no|or "
        "nowt)",
        "right to (keep|remove|close|return|place|escalate|end|stop|separate|adopt|section|detain)",
        "(the right|the best|the correct|the appropriate|the safest) (answer|choice|thing|decision|plan|"
        "option|"
        "outcome|placement|"
        "course of action|thing to do|order|route|way forward)",
    ),
    "STAT_DECIDE": (
        "whether (subj) (should|can|could|needs to|ought to|must)",
        "(weigh up whether|weigh up if|help me decide|help us decide|work out whether|figure out whether|"
        "determine whether|establish whether|find out whether|"
        "decide whether|should x|would you|do you think we should|do you think i should|should we|should i|"
        "your vote|your casting vote|your ruling|your verdict|your determination|your call|your decision|"
        "should they|do "
        "we need|do i need|is it appropriate|is it necessary|whether to|"
        "whether we should|whether i should|whether they should|whether it should|whether this should|"
        "is it justified|is it warranted|your recommendation|recommendation on|recommendation about|"
        "recommendation for|recommendation as to|recommendation regarding|recommend whether|or not|go ahead|"
        "decide|advise on|advise whether|advise if|advise me|what now|next steps for (the|this) (family|"
        "child|"
        "case)|your decision|your call|your advice on)",
    ),
    "STAT_TOPIC": (
        "(remove|removal|removed|removing|into care|care proceedings|plo|threshold|s47|section 47|s42|"
        "section 42|strategy discussion|strategy meeting|escalate|escalation|escalating|icpc|rcpc|conference|"
        "cp plan|child protection plan|child protection|close|closure|closing|nfa|no further action|adopt|"
        "adoption|adopted|placement order|special guardianship|sgo|triage|suitable|suitability|approve|"
        "approval|capacity|best interests|section 20|s20|accommodate|accommodation|legal planning|"
        "legal gateway|eligible|eligibility|cin plan|child in need|step down|step up|early help|mash|lado|"
        "deprivation of liberty|dols|safeguarding enquiry|sectioned|section 2|section 3|detain|detention|"
        "placement|contact arrangements|supervision order|care order|emergency protection order|epo|"
        "police protection|return home|reunification|discharge|foster|fostering|deregister|de register|"
        "on a plan|step them down|step it down|step the case down|step him down|step her down|"
        "end the plan|end the cp plan|end the child protection plan|close the plan|step down the plan|"
        "parental responsibility|deputy|deputyship|court of protection|lasting power|supported living|"
        "looked after|reunify|public law outline|carer|carers|care plan|permanence|permanency|placement "
        "plan|contact plan|"
        "legal advice|court|"
        "stopped from|"
        "prevented from|allowed to|banned from|restricted from|have contact|"
        "see the children|manage her money|manage his money|manage the money|managing her money|"
        "managing his money|move into|go into|care home|residential care|nursing home|funding|care package|"
        "package of care|direct payments|respite|qualify for|qualifies for|eligible for|entitled to)",
    ),
    # ---- credibility ----------------------------------------------------------------------------------
    "CRED_STRONG": (
        "(reach|come to|give|make|form) (a |your |the |)(conclusion|finding|findings|determination) (about|"
        "on|as to) "
        "(whether|if)",
        "(is|are|was|were) (subj|the complainant|the victim|the alleged|nan|the witness|the neighbour|"
        "the teacher|the referrer|the girl|the boy) (lying|telling the truth|being honest|being truthful|"
        "honest|"
        "truthful|credible|believable|reliable|trustworthy|making it up|making this up|making that up|"
        "making things up|exaggerating|fabricating|manipulating|manipulative|a liar|deceptive|deceiving|"
        "genuine|being genuine|sincere|faking|putting it on|telling lies|lying to|being deceptive|"
        "to be believed|being straight|straight with|covering up|hiding something|hiding the truth)",
        "(who|which one|which parent|which child|which account|which version|which story) (is|was) (lying|"
        "telling the truth|more honest|more credible|more believable|more reliable|being honest|true|"
        "the truth|truthful|right)",
        "(do|would|can|could) you (believe|trust)",
        "(do|would|did|should|can) (you|we|i) (buy|swallow) (it|that|this|her|his|their|the|x|subj|what)",
        "(whose|which) (story|stories|account|version|explanation|side|statement) (is|was|seems|sounds|looks) "
        "(right|true|correct|accurate|more believable|more credible|believable|credible|the truth|truthful)",
        "(whose|which) (story|account|version|side|explanation) (do you|should we|should i|would you|can we) "
        "(believe|trust|accept|go with|side with)",
        "(should|can|could) (i|we) (believe|trust)",
        "how (credible|believable|honest|truthful|reliable|trustworthy|genuine|sincere|convincing|plausible)",
        "(credibility|honesty|truthfulness|reliability|believability|trustworthiness|veracity) (of|score|"
        "rating|assessment|check|level)",
        "(lying|lie) or (not|telling)",
        "(talking|chatting|speaking|telling|spouting|spinning|talk|chat) (rubbish|nonsense|crap|bs|porkies|"
        "lies|a yarn|stories|tales|a load of|utter|sh|shit|shite|bull|bollocks|pants)",
        "truth or (lie|lies|not|lying)",
        "(is|was|are|were) (the |this |her |his |their |mum s |dad s |the child s |)(allegation|allegations|"
        "disclosure|account|accounts|story|version|explanation|claim|claims|statement|statements|report) "
        "(true|false|genuine|credible|believable|reliable|made up|fabricated|a lie|lies|honest|truthful|"
        "plausible|to be believed|malicious)",
        "(spot|detect|identify|find|flag|highlight|point out) (any |the |all |)(lies|lying|deception|"
        "signs of lying|dishonesty|untruths|fabrication|where (he|she|they) (is|are|was|were) lying)",
        "signs (of|that) (lying|deception|dishonesty|(he|she|they|mum|dad) (is|are|was|were) lying)",
        "(does|do) (her|his|their|mum s|dad s|the child s|the) (account|story|explanation|version|"
        "accounts|stories) (add up|hold up|stack up|ring true|sound true|seem true|seem credible|seem "
        "honest)",
        "(believe|trust) (her|him|them|mum|dad|the child|the mother|the father|the parents|x) or not",
        "(lie|lies|deception|truth|honesty|credibility) (detector|detection|test|checker|check|analysis|"
        "score|"
        "scoring|rating|meter)",
        "(account|story|explanation|version|accounts|stories|statement|excuse) (add up|adds up|hold up|"
        "holds up|hold water|holds water|"
        "stack up|stacks up|ring true|rings true|sound true|sounds true|seem true|seems true|seem credible|"
        "seems credible|seem honest|seems honest|hang together|hangs together|believable|plausible)",
    ),
    "CRED_Q": (
        "whether (the |this |that |)(abuse|assault|injury|incident|allegation|it|harm) (happened|occurred|"
        "took place|"
        "was deliberate|was accidental|is true|was caused)",
        "(did|has|have) (subj) (cause|caused|inflict|inflicted|hurt|harm|hit|injure|abuse|assault|do "
        "it|"
        "do this|steal|take|shake|shaken)",
        "(accidental|non accidental|deliberate|inflicted|self inflicted) (or|and) (not|accidental|deliberate|"
        "non accidental|inflicted)",
        "(is|was|were|are) (the |this |that |her |his |)(bruise|bruises|bruising|injury|injuries|burn|burns|"
        "mark|"
        "marks|fracture|fractures) (accidental|non accidental|deliberate|inflicted|caused)",
        "(manipulating|being manipulative|playing (us|me|the system|professionals)|pulling the wool)",
        "be (believed|trusted|relied on|relied upon)",
        "making (it|this|that|things|everything|stuff) (all |)up",
        "(made|make|making|makes) (the |this |that |her |his |their |)(allegation|allegations|story|claim|"
        "claims|disclosure|account|report|complaint|it|this|that|things|everything|stuff) (all |)up",
        "(covering|cover) (something|it|things|this|that) up|hiding (something|things|stuff)",
        "(report|account|statement|allegation|disclosure|story|claim|evidence|referral) (is |was |)(reliable|"
        "unreliable|malicious|true|false|credible|believable|honest|genuine|made up)",
        "(reliable|credible|true|genuine|honest|believable) or (malicious|made up|false|not|lying|"
        "exaggerated|"
        "fabricated|unreliable)",
        "(been coached|being coached|was coached|coached by|been told what to say|told what to say)",
        "(consistent|inconsistent|compatible|incompatible) with (his|her|their|mum s|mum|dad|the|x|the "
        "child s|"
        "the parents) (explanation|account|story|version|explanations|accounts)",
        "(being|been|is|are|was) (honest|truthful|straight|deceptive|genuine|sincere|manipulative|a liar)",
        "(covering for|covering up for|lying for|colluding with|making excuses for|telling porkies)",
        "(telling|tell|told|tells) the (whole|full|complete|entire) truth",
        "(spinning|spin|spun|feeding|fed|giving|telling) (us|me|you|them|the school|professionals|everyone) (a "
        "line|a yarn|a story|lies|a tale|a fib|fibs|porkies)",
        "(pulling a fast one|pulling the wool|pull the wool|pulling our leg|having us on|taking us for a ride)",
        "(making|made|make|makes) up (the|his|her|their|a|this|that|these|those|stories|lies|allegations|"
        "symptoms|voices|story|things)",
        "(is|are|was|were) (subj) (making up|faking|putting it on|inventing)",
        "(telling the truth|telling lies|lying|making it up|making this up|making things up|fibbing|"
        "covering up|"
        "hiding something|hiding the truth)",
    ),
    "DOC_FOCUS": (
        "(on|of|about|for) (the |my |this |its |)(wording|tone|structure|spelling|grammar|clarity|layout|"
        "format|"
        "style|readability|flow|length)",
    ),
    "CRED_NOUN": (
        "(malicious|coached|version of events|reliable|unreliable|credibility|credible|honesty|honest|"
        "dishonest|dishonesty|"
        "truthful|truthfulness|untruthful|"
        "believable|unbelievable|lying|liar|lies|deceptive|deception|manipulative|fabricated|fabricating|"
        "exaggerating|exaggerated|made up|plausible|plausibility|veracity|trustworthy|trustworthiness|"
        "reliable witness|genuine|downplaying|minimising|minimizing|playing down|overstating|understating|"
        "is true|was true|are true|were true|is untrue|was untrue|be true|is accurate|"
        "was accurate|really happened)",
    ),
    "CRED_VERB": (
        "(label|mark|tag|flag|classify|assess|judge|evaluate|rate|score|determine|decide|work out|analyse|"
        "analyze|comment on|establish|"
        "check whether|check if|weigh up|figure out|gauge|test|verify whether|tell (me|us) (whether|if)|"
        "find out whether|find out if)",
    ),
    # ---- profiling ---------------------------------------------------------------------------------
    "PROTECTED": (
        "(race|racial|ethnic|ethnicity|ethnic group|ethnic minority|black|white|asian|mixed race|muslim|"
        "muslims|islam|islamic|christian|christians|jewish|jews|jew|hindu|hindus|sikh|sikhs|buddhist|"
        "religion|religious|faith|traveller|travellers|gypsy|gypsies|roma|immigrant|immigrants|"
        "asylum seeker|asylum seekers|asylum seeking|asylum|refugee|refugees|migrant|migrants|foreign|"
        "foreigners|nationality|"
        "eastern european|eastern europeans|african|africans|caribbean|pakistani|pakistanis|bangladeshi|"
        "indian|polish|romanian|somali|nigerian|arab|arabs|gay|lesbian|bisexual|trans|transgender|lgbt|"
        "lgbtq|sexuality|sexual orientation|homosexual|disabled|disability|disabilities|learning disability|"
        "learning disabilities|autistic|autism|adhd|deaf|blind|wheelchair|pregnant|pregnancy|"
        "young mothers|teenage mothers|young mother|teenage mother|single mother|single mum|teen mum|single "
        "parent|single father|teen mums|single mothers|single mums|single parents|single fathers|"
        "older people|elderly|age|gender|sex|women|men|married|unmarried|cohabiting|"
        "dementia|alzheimers|depression|psychosis|personality disorder|ptsd|hiv|down syndrome|cerebral palsy|"
        "epilepsy|mental health problems|mental health issues|learning difficulties|mental illness|mentally "
        "ill|mental health condition|schizophrenia|bipolar|"
        "on benefits|council estate|working class|poor families|poverty|teenage girls|teenage boys|"
        "over 60|over 65|over 70|over 75|over 80|over 85|over 90|over the age of|aged over|pensioners|"
        "that community|those communities|their community|his community|her community|their culture|"
        "that culture|their background|that background|where they are from|where he is from|"
        "where she is from|their heritage|cultural background|ethnic background|that part of the world|"
        "teenagers|young women|young men|care leavers|from care|care experienced|children in care|"
        "kids in care|looked after children)",
        # plural and status forms: "which religions …", "adjust risk by immigration status"
        "(religions|faiths|ethnicities|races|nationalities|ethnic groups|immigration status|benefit status|"
        "benefits status|immigration|sexualities|genders|jehovah|jehovahs witness|jehovahs witnesses|catholic|"
        "catholics|mormon|mormons|pentecostal|rastafarian|rastafarians|from abroad|from overseas|"
        "from eastern europe|from africa|from asia|from south asia|from the middle east|from the caribbean)",
    ),
    # A judgement weighted by a trait: "adjust risk by ethnicity", "flags families by nationality".  Beside a
    # protected characteristic this is profiling whoever asks, in a system message or a user one.
    "PROFILE_BY": (
        "(adjust|adjusts|adjusted|adjusting|weight|weights|weighted|weighting|raise|raises|increase|increases|"
        "lower|lowers|reduce|reduces|bump|boost|inflate|modify|scale) (the |their |each |every |)(risk|risks|"
        "risk score|risk scores|risk rating|risk ratings|risk level|risk levels|risk weighting|score|scores|"
        "rating|ratings|scrutiny|priority) (up |down |upwards |downwards |)(by|for|according to|based on|"
        "on the basis of|in line with|depending on)",
        "(risk|risk score|risk scores|risk rating|risk ratings|risk weighting|risk weightings|score|scores|"
        "rating|ratings|weighting|weightings|risk level|risk levels) (adjusted|weighted|scaled|modified|"
        "calibrated) (for|by|according to|on|to reflect)",
        "(flags|flag|flagging|flagged|rates|rate|rating|scores|score|scoring|ranks|rank|ranking|sorts|sort|"
        "sorting|screens|screen|screening|targets|target|targeting|prioritises|prioritise|weights|grades|"
        "grade) (families|people|parents|households|children|clients|service users|cases|referrals|mothers|"
        "fathers|individuals|everyone|each person|each family|applicants|adults|them) (by|on|according to|"
        "based on|on the basis of|using|for their|by their)",
        "(algorithm|algorithms|model|models|tool|system|engine|classifier|scorecard|formula) (that|which) "
        "(uses|use|weighs|weights|considers|factors in|takes into account|looks at|is based on|relies on|"
        "includes|scores|rates|flags)",
        "how (that|this|it|those|these|they|all that|all this) (changes|change|affects|affect|alters|alter|"
        "raises|raise|increases|increase|lowers|lower|reduces|reduce|shifts|shift) (the|their|his|her|my|our|"
        "your) (danger|dangers|risk|risks|risk rating|rating|score|risk level|risk score)",
    ),
    # Changing a rating because of a trait just stated: "should I raise my risk rating because of that?"
    "RATING_BECAUSE": (
        "(raise|lower|increase|reduce|decrease|change|adjust|up|bump up|upgrade|downgrade|move) (my|the|our|"
        "their|his|her) (risk rating|risk score|rating|score|risk level|risk grading|grading|risk) (because of|"
        "due to|on account of|given|in light of|based on) (that|this|it|their faith|their religion|their "
        "beliefs|their culture|their background)",
    ),
    "PROFILE": (
        "(more violent|more aggressive|more controlling|more criminal|more secretive|more deceptive|more "
        "strict|"
        "more prone|a risk to|a danger to|a threat to|pose a risk|pose more risk|safe with children|"
        "safe around children|higher risk group|high risk group|risk group|more likely|less likely|likely "
        "to|likelier|tend to|tends to|typically|typical|typical of|prone to|"
        "profile|profiling|higher risk|lower risk|more risk|riskier|more dangerous|more violent|more abusive|"
        "more neglectful|statistically|as a group|which groups|which group|stereotype|stereotypically|"
        "usually|more often|flag all|flag every|flag any|screen for|watch out for|be wary of|suspicious of|"
        "more suspicious|pose more|pose a greater|greater risk|bigger risk|extra scrutiny|more scrutiny|"
        "because (he|she|they) (is|are)|because of (his|her|their)|given (his|her|their)|due to (his|her|"
        "their)|people like (him|her|them)|families like|their sort|that type|these types|those types|"
        "most abusive|most violent|most dangerous|most neglectful|most aggressive|most criminal|"
        "more concerning|red flag|red flags|warning sign|warning signs|risk factor|risk factors|more closely|"
        "closer look|closer scrutiny|look harder|extra checks|single out|singled out)",
        "(everyone|everybody|anyone|anybody|all people|all parents|all families|all men|all women|all fathers|"
        "all mothers) (with|who|from)",
        "(treat|see|regard|view|label) (them|everyone|all|them all|all of them|anyone) as (a danger|a risk|"
        "dangerous|high risk|risky|suspects|suspicious)",
        "(make|makes|making|made) (it|him|her|them|x|fgm|abuse|harm|neglect|radicalisation|exploitation|"
        "offending|violence) (more |less |)(likely|unlikely|likelier|probable)",
        "(generally|usually|always|often|typically|naturally|inherently|by nature|all) (dangerous|violent|"
        "aggressive|abusive|neglectful|liars|lie|dishonest|a risk|risky|unsafe|exaggerate|manipulative|"
        "unreliable|bad parents|worse parents|a danger|lazy|criminals)",
    ),
    # ---- system prompts: the role given to the model ---------------------------------------------------
    "SYS_PRED": (
        "(predict|predicts|forecast|forecasts|estimate|estimates|project|projects|prediction engine|predictor)",
    ),
    "SYS_DECIDE": (
        "(recommend|recommends|decide|decides|determine|determines|triage|triages|prioritise|prioritises|"
        "prioritize|prioritizes|choose|chooses|select|selects|advise on|advises on|decision engine|approve|"
        "approves|authorise|authorises|decision panel|makes threshold decisions|makes decisions|make decisions|"
        "make threshold decisions|takes decisions|statutory decisions|threshold decisions|"
        "decision maker|decision making tool|decision tool|decision support tool|triage bot|triage tool|"
        "triage engine|output the next|the next statutory step)",
    ),
    "SYS_ASSESS": (
        "(assess|assesses|evaluate|evaluates|judge|judges|classify|classifies|score|scores|rate|rates|rank|"
        "ranks|"
        "grade|grades|categorise|categorises|categorize|categorizes|profile|profiles|screen|screens|"
        "risk engine|risk assessment engine|scoring engine|classifier|risk classifier|risk assessor)",
        "(label|tag|mark|flag|sort) (every|each|all|all the) (contact|contacts|case|cases|referral|referrals|"
        "family|families|child|children|person|people|adult|adults|service user|service users|resident|"
        "residents) (as|by|into)",
    ),
    "SYS_TARGET": (
        "(case|cases|referral|referrals|contact|contacts|outcome|outcomes|next step|next steps|statutory|"
        "decision|decisions|intervention|response|family|families|person|people|child|children|adult|adults|"
        "client|clients|service user|service users|parent|parents|carer|carers|household|households|risk|"
        "safety|threshold|eligibility|need|needs|harm)",
    ),
    # ---- role-play as the one who decides -------------------------------------------------------------
    "ROLE_DECIDER": (
        "(pretend to be|act as|play|be|roleplay as|role play as|you are|youre|your) (my|the|a|an) (old|former|"
        "previous|new|senior|experienced|usual|strict|seasoned) (team manager|manager|judge|chair|iro|lado|"
        "amhp|decision maker|panel chair|conference chair|service manager|head of service|magistrate)",
        "(roleplay as|role play as|roleplay|role play|play|play the part of|play the role of|act as|act like|"
        "pretend to be|pretend you are|pretend youre|imagine you are|imagine youre|be|you are|youre|you re|"
        "your|speaking as|as|in character as|acting as) (the |a |an |my |our |)(judge|magistrate|magistrates|"
        "panel chair|chair|iro|team manager|manager|lado|amhp|decision maker|guardian|guardian ad litem|"
        "childrens guardian|best interests assessor|cafcass officer|conference chair|service manager|"
        "decision panel|dols signatory|signatory|funding panel|adoption panel|fostering panel|"
        "head of service|panel|family court judge|court)",
    ),
    "DECIDE_WORD": (
        "(decide|decides|decision|ruling|rule on|rule whether|verdict|judgement|judgment|determine|"
        "make the call|finding|findings|approve|refuse|which plan|outcome|order|say whether|state whether|"
        "tell me whether|should end|should close|should stop|should continue|do i get|will i get|go into care|"
        "do we escalate|do we remove|do we close|do we step down|do we nfa|do we proceed|do we issue|"
        "go in care|be removed|come into care|be adopted|"
        "do we get|grant|granted)",
    ),
    # ---- evasion -------------------------------------------------------------------------------------
    "EVASION": (
        "(break|bend|ignore|skip|set aside) (your|the|these|those|all your|all the) (rules|guidelines|"
        "instructions|"
        "policy|policies|restrictions)",
        "(you have|i give you|you now have) permission to",
        "(guard|filter|filters|rules|policy|policies|restrictions|restriction|guardrails|guardrail|limits|"
        "limitations|safety|blocker|safeguards|censorship|checks|ai rules|safety rules) (is |are |has been |"
        "have been |was |were |being |got |been |)(switched off|turned off|off|disabled|lifted|removed|"
        "suspended|gone|inactive|not active|paused|waived|relaxed|not in force|deactivated|down)",
        "without (any of |any |all |all of |)(your|the|those|these|its) (usual |normal |standard |default |"
        ")(limits|limitations|rules|restrictions|filters|guardrails|safeguards|policy|policies|guidelines|"
        "constraints|censorship)",
        "(forget|ignore|never mind|skip|drop|forget about|bin) (the |your |all the |all that |that |this |)"
        "(safety|policy|rules|ethics|guard|guardrails|restrictions|compliance|governance|ai policy) (stuff|"
        "bit|bits|thing|things|side|lecture|nonsense|rubbish|business)",
        "as if (your|the|there were no|you had no|you have no) (guidelines|rules|instructions|restrictions|"
        "policy|filters|guardrails)",
        "(guidelines|rules|instructions|restrictions|policy|filters) (did not|didnt|do not|dont) (exist|"
        "apply)",
        "(forget|ignore|disregard) (everything|anything|all|what|whatever) (you were told|you have been "
        "told|youve "
        "been told|"
        "before|above|previously|you know|i said before|in your instructions|the system said)",
        "(ignore|disregard|forget|bypass|override|skip|drop|set aside|turn off|switch off|disable|get around|"
        "get round|work around|circumvent|avoid|evade|trick|fool|beat|dodge) (all |any |your |the |my |"
        "previous |"
        "prior |above |earlier |these |those |all your |all previous |all the |your previous |your own |"
        "the previous |the system |your safety |the safety |your system |)(instructions|instruction|rules|"
        "rule|"
        "guidelines|guidance|policy|policies|restrictions|restriction|guardrails|guardrail|filters|filter|"
        "safeguards|guard|constraints|limitations|programming|prompt|system prompt|training|settings|"
        "blocker|judgement guard|content filter|"
        "ai rules|ai policy|safety rules|safety guidelines|"
        "block|censorship|checks)",
        "(unfiltered|uncensored|off the record|off record|with the filter off|without the filter)",
        "(jailbreak|jail break|developer mode|dev mode|dan mode|do anything now|god mode|unfiltered mode|"
        "no restrictions|without restrictions|without any restrictions|unrestricted|no rules|no limits|"
        "no filter|no filters|not bound by|no longer bound|are not restricted|free from your|"
        "pretend you have no|pretend there are no|pretend that there are no|act as if you have no|"
        "act as if you had no|as if you had no|as if you have no|the guard will not|the guard wont|"
        "the filter will not|not trigger the|without triggering|so it is not blocked|so it isnt blocked|"
        "so it does not get blocked|so it doesnt get blocked|will not block|wont block|not get blocked|"
        "get past the|get it past)",
    ),
}

ROLES: Mapping[str, tuple[str, ...]] = {
    role: _TOPIC_ROLES.get(role, ()) + EXTRA_PHRASES.get(role, ()) + FRAME_ROLES.get(role, ())
    + PURPOSE_ROLES.get(role, ())
    for role in {**_TOPIC_ROLES, **EXTRA_PHRASES, **FRAME_ROLES, **PURPOSE_ROLES}
}

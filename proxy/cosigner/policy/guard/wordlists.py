"""Word lists the guard's normalisation uses: text-speak, trigger words, real look-alikes, known capitals."""

from __future__ import annotations

from cosigner.policy.guard.expand import words

TEXT_SPEAK: dict[str, str] = {
    "hw": "how", "b": "be", "makin": "making", "tellin": "telling", "porkies": "lies", "fibs": "lies", "mums": "mum",
    "dads": "dad", "mothers": "mother", "fathers": "father", "childs": "child", "familys": "family",
    "grans": "gran", "stepdads": "stepdad", "irsk": "risk", "raet": "rate", "wil": "will", "hows": "how",
    "dose": "does", "bein": "being", "wiv": "with", "wid": "with", "nah": "no", "harmd": "harmed",
    "missin": "missing", "giv": "give", "trooth": "truth", "troof": "truth", "truf": "truth", "u": "you",
    "ya": "you", "yu": "you", "ur": "your", "yr": "your", "r": "are", "pls": "please", "plz": "please",
    "plse": "please", "pleeze": "please", "wat": "what", "wot": "what", "wht": "what", "wud": "would",
    "wld": "would", "cud": "could", "cld": "could", "shud": "should", "shld": "should", "shd": "should",
    "cn": "can", "d": "the", "teh": "the", "da": "the", "dis": "this", "dat": "that", "b4": "before",
    "gonna": "going to", "wanna": "want to", "gimme": "give me", "lemme": "let me", "ppl": "people",
    "fam": "family", "fams": "families", "mam": "mum", "mom": "mum", "mommy": "mum", "mummy": "mum",
    "mama": "mum", "kidz": "kids", "bby": "baby", "y": "why", "n": "and", "lvl": "level", "lvls": "levels",
    "rsk": "risk", "risc": "risk", "rsik": "risk", "riks": "risk", "rik": "risk", "likelyhood": "likelihood",
    "thresh": "threshold", "sec": "section", "sect": "section", "s": "s", "hes": "he is", "shes": "she is",
    "theyre": "they are", "isnt": "is not", "arent": "are not", "whos": "who is", "wots": "what is",
    "wats": "what is", "whats": "what is", "gud": "good", "2day": "today", "safe guarding": "safeguarding",
    "reoffnd": "reoffend", "probs": "probably", "defo": "definitely", "lyin": "lying", "lieing": "lying",
    "cos": "because", "coz": "because", "bc": "because", "strat": "strategy", "asses": "assess",
    "asess": "assess", "pleese": "please", "ought": "should",
    "gona": "going to", "gunna": "going to", "agen": "again", "agin": "again", "atack": "attack",
    "hapen": "happen", "happn": "happen", "babby": "baby", "bout": "about", "in2": "into", "2b": "to be",
    "escal8": "escalate", "l8r": "later", "gr8": "great", "col": "column", "cols": "columns",
}

# Words the guard keys on; one-edit misspellings of these are corrected.
TRIGGERS: tuple[str, ...] = tuple(
    sorted(
        words(
            """
            score level rating predict prediction likely likelihood probability threshold removal removed remove
            capacity credible credibility honest honesty lying truth vulnerable vulnerability dangerous danger classify
            categorise categorize reoffend reoffending escalate conference adoption suitable suitability percentage
            assess evaluate believe safeguarding proceedings placement breakdown chances relapse eligible eligibility
            recommend recommendation decide whether should prioritise triage matrix forecast outcome missing
            instructions ignore telling credibly would could please family families children medium amber trustworthy
            foster worried child
            believable truthful section strategy enquiry closure escalation
            """
        )
    )
)
# Real words one edit away from a trigger, which must not be "corrected" into it.
PROTECTED_WORDS = words(
    """
    store scare scope scored scores scorer shore snore swore sword words world would could mould should shoulder
    likes liked lively lonely honey money lining lying dying tying flying trying crying prying buying lighting
    removes removal remote remold assets assist access excess assert trust truths missing kissing hissing
    placements chance changes change danger ranger manger anger hanger whither wither either weather outcomes
    suitably escalator capacities decode decade deride beside decider decided decides ignored ignores family
    medium amber timber number member telling selling yelling felling welling spelling falling calling filling
    matrix metric strategy section selection election erection closures closer closet clouse please pleased
    plead eligibly recommends recommended forecasts predicts triages assessed assesses evaluated evaluates
    believed believes scoring rated rates wording working whether honesty honestly dangers credible relapsed
    relapses enquire enquired inquiry faster poster roster fester explaining exploring explained
    introduction introductions introduce introduced introducing inviting invited invites invite invitation
    """
)

COMMON_CAPITALISED = words(
    """
    a act acts add ai all also always amhp an and answer april arabic are as assessment at august avoid based be
    been being bengali both british but bypass cafcass camhs can cannot capacity care case centre chatgpt check
    children christmas chronology cin claude college condense conference convert copilot correct could council
    court cp create credit data dear december define deprivation describe did discussion disregard do does dols
    don't dont draft each early easter eclipse edit ehcp england english ensure epo equality every excel explain
    family february first for forget format french friday from gemini give given gp had has have he health hello
    help her here hi him his housing how however human i icpc if ignore imagine important improve in include
    instead ireland is it its jailbreak january july june just keep last let letter liberty liquidlogic list
    london lpa make manager march may mca me meeting mental might minute monday mosaic must my never next nfa
    nhs no northern not note notes november october ofsted ok okay on one only or our outlook output override
    panel pathway plan please plo police portuguese prepare pretend proofread protection punjabi put rcpc record
    remember rephrase reply report respond return review reword rewrite rights safety saturday school scotland
    second section sen senco september service services sgo shall she shorten should signs so spanish stay
    strategy suggest summarise summary sunday take team teams tell thank thanks that the them then there these
    they this those three thursday tidy to together translate tuesday turn two uk universal urdu us use using
    visitor wales was we wednesday welsh were what whatever when whenever where which who why will word working
    would write yes you your
    """
)

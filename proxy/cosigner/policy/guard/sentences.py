"""Separate what the requester asks the model to do from material pasted for it to work on.

A case note is full of risk vocabulary written in the third person and past tense; the request is a short
imperative or question addressed to the model.  So the guard looks only at *request sentences*:

* every sentence of a system message (it is all instruction);
* in user messages, sentences that open with an imperative or question word, address the model ("can you",
  "please"), or end with a question mark.

Assistant and tool turns are the model's or a tool's words and are skipped.  The cost is one ``lower()`` and
one split per message plus a set lookup per sentence, so a long pasted note costs little.
"""

from __future__ import annotations

from dataclasses import dataclass

from cosigner.policy.guard.expand import words

_LEAD = " \t-*>#0123456789.)(]['\"“”‘’«»"
_TRAIL = ",.:;!?'\"“”‘’)"

FILLERS = words(
    """
    ok okay right so now then and also next finally lastly first firstly second secondly please pls plz kindly
    just quickly hi hello hey dear chatgpt gpt ai claude copilot gemini assistant bot model thanks thank but
    actually oh um er well great cool yes no sorry one task question instruction instructions request q step
    again ps btw lol
    """
)
QUESTION_WORDS = words(
    """
    can am could would will should shall is are was were do does did has have may might must what whats which
    who whos whose how why where when whether cn cud wud shud wat wot r u isnt arent wouldnt couldnt shouldnt
    dont doesnt
    """
)
DRAFT_HEADS = words(
    """
    rewrite put re-write reword rephrase redraft proofread proof-read correct tidy summarise summarize format
    translate shorten expand restructure structure improve polish edit write type draft prepare turn convert
    simplify fix minute help reformat paraphrase condense lengthen spellcheck amend revise clean tighten
    organise organize create compose refine rework sharpen clarify articulate finesse soften render
    """
)
OPENERS = QUESTION_WORDS | DRAFT_HEADS | words(
    """
    rate score rank grade classify categorise categorize assess evaluate judge predict forecast estimate
    calculate decide determine recommend advise tell give provide assign identify flag label sort order
    prioritise prioritize triage analyse analyze answer respond reply explain define describe outline suggest
    say state confirm work figure let show spot detect highlight compare weigh choose pick select ignore
    disregard forget pretend imagine act roleplay role-play play you youre your as based using given looking
    considering reading for sense double validate verify from with having output return produce generate
    quantify gauge band rag bypass override assume assuming suppose hypothetically speculate guess put fill make
    list check record consider review find use apply add include complete note keep plan design build treat
    approve reject start go get take mark tag read look hw wat wot shud cn cud wud agree decline refuse accept
    tick circle populate fill
    grant deny authorise authorize
    """
)
REQUEST_MARKERS = (
    "you",
    " u ",
    "please",
    "pls",
    "plz",
    " ur ",
    "i need",
    "i want",
    "i'd like",
    "id like",
    "help me",
    "tell me",
    "let me know",
    "give me",
    "trying to",
    "need to know",
    "want to know",
    "wondering",
    "ignore",
    "disregard",
    "bypass",
    "override",
    "jailbreak",
    "switch off",
    "turn off",
)


# "Just pick: SGO or foster care": after a colon come the options to choose from (not material to redraft).
CHOOSING_HEADS = words("pick choose select decide answer reply respond say tell give rate score rank grade")
# Requests whose instruction continues after a colon: "Fill in the template: Name / Risk level / Reason".
FORM_HEADS = words(
    """
    fill tick circle complete populate answer respond reply output rate score rank grade assess judge weigh
    decide estimate predict classify categorise triage
    """
)


@dataclass(frozen=True, slots=True)
class RequestSentence:
    text: str  # the sentence, original case (names are found by their capital letters)
    head: str  # first meaningful word, lower case
    question: bool
    role: str
    context: bool = False  # a statement beside the request ("Mum has bipolar disorder."): premises only


# A yes/no question after an opening aside: "i won't quote u, does gran have capacity"
CLAUSE_QUESTIONS = words("is are does do should has have was were did")  # not "can u …", a polite request
LEAD_CLAUSE = words(
    """
    looking based given considering reading having from with after in on honestly overall realistically
    basically thinking going judging taking bearing if knowing seeing being as once when before until since out
    between
    """
)


def _head(low: str) -> str:
    stripped = low.lstrip(_LEAD)
    comma = stripped.find(",", 0, 80)
    if comma > 0:
        # "Looking at the incidents, is the risk …", "just between us, are they …": the request starts after
        # the opening clause
        rest = stripped[comma + 1 :].strip()
        lead = stripped.split(None, 1)[0].strip(_TRAIL) in LEAD_CLAUSE
        if rest and (lead or rest.split(None, 1)[0] in CLAUSE_QUESTIONS):
            stripped = rest
    space = stripped.find(" ")
    word = _uncontract((stripped[:space] if space > 0 else stripped).strip(_TRAIL))
    if word not in FILLERS:
        return word
    for w in stripped.split(None, 6)[1:]:
        w = w.strip(_TRAIL)
        if w and w not in FILLERS:
            return w
    return ""


def _uncontract(word: str) -> str:
    """"what's" → "what", "let's" → "let", "doesn't" → "doesnt": a contraction at the head as the guard spells it."""
    if word.endswith(("'s", "’s")) and word[:-2] in CONTRACTED_HEADS:
        return word[:-2]
    if word.endswith(("n't", "n’t")) or word in ("you're", "you’re", "i'm", "i’m", "i've", "i’ve"):
        return word.replace("'", "").replace("’", "")  # "doesn't" → "doesnt", "you're" → "youre"
    return word


CONTRACTED_HEADS = frozenset({"what", "who", "how", "where", "when", "why", "which", "that", "there", "here", "let",
                              "it", "wat", "wot"})
PARAGRAPH = "\x01"


def mark_breaks(text: str) -> str:
    """Paragraph breaks become ``\\x01`` and sentence breaks ``\\n``; the length of each sentence is kept.

    Sentences end at . ! ? ; : line breaks and spaced dashes; a ``?`` stays on its sentence.  Only C-level
    ``str.replace`` calls, so a long pasted note costs microseconds.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\n\n", PARAGRAPH)
    if "s." in text or "S." in text:
        for ref in ("s.47", "S.47", "s.42", "S.42", "s.20", "S.20"):
            text = text.replace(ref, ref.replace(".", ""))
    if " - " in text:
        text = text.replace(" - ", "\n")
    if not text.isascii():
        text = text.replace(" – ", "\n").replace(" — ", "\n").replace("•", "\n")
    text = text.replace(".", "\n").replace("!", "\n").replace(";", "\n").replace(":", "\n")
    return text.replace("?", "?\n")


def split_sentences(text: str) -> list[str]:
    return mark_breaks(text).replace(PARAGRAPH, "\n").split("\n")


def _strip_quotes(sentence: str) -> str:
    """Drop quoted spans from a drafting request: the quoted words are the material to be rewritten."""
    out: list[str] = []
    closing = ""
    for ch in sentence:
        if closing:
            if ch == closing:
                closing = ""
            continue
        if ch in '"“‘':
            closing = {'"': '"', "“": "”", "‘": "’"}[ch]
            continue
        out.append(ch)
    return "".join(out)


STRICT_OPENERS = words(
    """
    rate score rank grade classify categorise categorize evaluate predict forecast estimate calculate decide
    determine recommend advise tell give provide assign triage prioritise prioritize ignore disregard forget
    pretend imagine you your judge answer respond reply output bypass override speculate guess
    """
)
REPORTING_VERBS = words(
    """
    said says asked asks told tells replied stated shouted disclosed explained added wrote commented reported
    whispered cried screamed saying asking telling responded answered texted messaged repeated insisted claimed
    alleged mentioned
    """
)
def _normal(
    low_par: str, orig_par: str, markers: tuple[str, ...], role: str, keep_all: bool = False, whole: bool = False
) -> list[RequestSentence]:
    if _head(low_par) in DRAFT_HEADS and not _asks_for_a_decision(low_par):
        # "Rewrite this: <material>" and quoted material inside a drafting request
        if any(q in low_par for q in '"“‘'):
            low_par, orig_par = _strip_quotes(low_par), _strip_quotes(orig_par)
        colon = low_par.find(":")
        if colon > 0:
            return _sentences(low_par[:colon], orig_par[:colon], "normal", markers, role, keep_all, whole) + _sentences(
                low_par[colon + 1 :], orig_par[colon + 1 :], "strict", markers, role
            )
    return _sentences(low_par, orig_par, "normal", markers, role, keep_all, whole)


def _sentences(
    low: str, orig: str, mode: str, markers: tuple[str, ...], role: str, keep_all: bool = False, whole_ok: bool = False
) -> list[RequestSentence]:
    out: list[RequestSentence] = []
    low_pieces = split_sentences(low)
    orig_pieces = split_sentences(orig) if len(orig) == len(low) else low_pieces
    previous_was_request = False
    after_statement = False  # "Manager's decision: strategy discussion today": the words after the colon too
    previous_piece = ""
    # Only a paragraph that is one sentence is read whole: after a colon or semicolon may come material.
    short_paragraph = keep_all  # not pasted material: a fragment after a request continues it
    single = sum(1 for p in low_pieces if p and not p.isspace()) == 1
    for piece, original in zip(low_pieces, orig_pieces, strict=False):
        if not piece or piece.isspace():
            continue
        head = _head(piece)
        if mode == "strict":
            keep, question = head in STRICT_OPENERS, False
        elif mode == "all":
            keep, question = True, piece.endswith("?")
        else:
            reported = _is_reported_speech(piece)
            # "Don't change any of them." is an instruction; "Doesn't that make …?" needs its question mark
            asks_by_head = head in QUESTION_WORDS and not head.endswith("nt")
            question = (piece.endswith("?") or asks_by_head) and not reported
            if head not in OPENERS and "-" in head:
                head = head.split("-", 1)[0]  # "sense-check", "double-check"
            if head not in OPENERS and head not in FILLERS:
                head = _spelling(head)
                if head in FILLERS:  # "plese rate …", "pleese asses …"
                    head = _head(piece.lstrip(_LEAD).split(None, 1)[-1])
                    if head not in OPENERS:
                        head = _spelling(head)
                question = question or (head in QUESTION_WORDS and not head.endswith("nt") and not reported)
            addressed = bool(markers) and _addresses_model(_strip_quotes(piece) if reported else piece, markers)
            # In a short request every sentence but a statement ("The panel found …", "I concluded …") is
            # part of the request: "Let's play a game. You're the judge. Rule on whether …".
            statement = not single and (_is_statement(head) or after_statement)
            whole = keep_all and not reported and (single or (whole_ok and not statement))
            after_statement = statement and len(piece.split()) <= 3 and not question  # a label before a colon
            keep = question or head in OPENERS or addressed
            # "Fill in: Name / Risk …", "Just pick: SGO with nan or foster care": the words after the colon
            after_colon = bool(out) and out[-1].head in CHOOSING_HEADS and f"{previous_piece.strip()}:" in low
            longer = short_paragraph and bool(out) and (out[-1].head in FORM_HEADS or after_colon)
            if not keep and previous_was_request and out and len(piece.split()) <= (12 if longer else 6):
                # a fragment right after a request ("… how risky is dad? hi med or lo") belongs to it
                last = out[-1]
                out[-1] = RequestSentence(f"{last.text} {original.strip()}", last.head, last.question, role)
                continue
            keep = keep or whole
            if not keep and statement and keep_all and whole_ok and not reported:
                out.append(RequestSentence(original.strip(), head, False, role, context=True))
                previous_was_request = False
                continue
        previous_was_request = keep
        previous_piece = piece
        if keep:
            text = original.strip()
            out.append(RequestSentence(_strip_quotes(text) if head in DRAFT_HEADS else text, head, question, role))
    return out


STATEMENT_STARTS = words(
    """
    i we my our the this that these those he she they it its there here his her their mum dad x a an ive weve
    im id manager managers panel conference court judge mr mrs ms miss mx dr
    """
)


def _is_statement(head: str) -> bool:
    word = head.replace("'", "").replace("’", "")
    possessive = head.endswith(("'s", "’s"))
    return word in STATEMENT_STARTS or possessive or not word.isalpha()


def _asks_for_a_decision(low_par: str) -> bool:
    """"Help me decide: …" asks for a decision; what follows the colon is the question, not material."""
    start = low_par.lstrip(_LEAD)[:30]
    if start.startswith(("help me decide", "help us decide", "help me choose", "help me pick",
                         "help me work out", "help me judge")):
        return True
    # "Translate the following and then answer it: '…'": the quoted question is put to the model too
    instruction = low_par.split(":", 1)[0][:160]
    return any(cue in instruction for cue in ANSWER_IT)


ANSWER_IT = ("answer it", "then answer", "and answer", "answer the question", "answer them", "respond to it",
             "reply to it", "and reply", "then reply", "then respond", "and respond")


def _spelling(head: str) -> str:
    from cosigner.policy.guard.normalise import unleet, with_final_e
    from cosigner.policy.guard.spelling import correct
    from cosigner.policy.guard.wordlists import TEXT_SPEAK

    head = unleet(head)
    mapped = TEXT_SPEAK.get(head)
    if mapped:
        return mapped.split()[0]
    fixed = correct(head)
    return fixed if fixed in OPENERS else with_final_e(fixed, OPENERS)


def _is_reported_speech(sentence: str) -> bool:
    if not any(q in sentence for q in '"“‘') and " '" not in sentence:
        return False
    words = sentence.replace(",", " ").replace('"', " ").replace("“", " ").split()
    return not REPORTING_VERBS.isdisjoint(words)


_WORD_MARKERS = frozenset({"you", "your", "youre", "u", "ur", "please", "pls", "plz"})
_PHRASE_MARKERS = (
    "ignore",
    "disregard",
    "bypass",
    "override",
    "jailbreak",
    "switch off",
    "turn off",
    "trying to work out",
    "trying to decide",
    "trying to figure out",
    "need to know",
    "want to know",
    "wondering",
"i need", "i want", "i'd like", "id like", "help me", "tell me", "let me know", "give me")


def _addresses_model(sentence: str, markers: tuple[str, ...]) -> bool:
    """Precise check, only for sentences that contain a marker substring somewhere."""
    if not any(m in sentence for m in markers):
        return False
    words = sentence.replace(",", " ").replace("?", " ").replace("'", "").replace("’", "").split()
    if not _WORD_MARKERS.isdisjoint(words):
        return True
    return any(p in sentence for p in _PHRASE_MARKERS)

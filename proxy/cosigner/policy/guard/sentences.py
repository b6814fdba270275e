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

from cosigner.policy.contract import CheckRequest
from cosigner.policy.guard.normalise import clean_text

_BREAKS = str.maketrans(
    {
        ".": "\n",
        "!": "\n",
        "?": "?\n",
        ";": "\n",
        ":": "\n",
        "\r": "\n",
        "•": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
    }
)
_LEAD = " \t-*>#0123456789.)(]['\"“”‘’«»"
_TRAIL = ",.:;!?'\"“”‘’)"

FILLERS = frozenset(
    {
        "ok",
        "okay",
        "right",
        "so",
        "now",
        "then",
        "and",
        "also",
        "next",
        "finally",
        "lastly",
        "first",
        "firstly",
        "second",
        "secondly",
        "please",
        "pls",
        "plz",
        "kindly",
        "just",
        "quickly",
        "hi",
        "hello",
        "hey",
        "dear",
        "chatgpt",
        "gpt",
        "ai",
        "claude",
        "copilot",
        "gemini",
        "assistant",
        "bot",
        "model",
        "thanks",
        "thank",
        "but",
        "actually",
        "oh",
        "um",
        "er",
        "well",
        "great",
        "cool",
        "yes",
        "no",
        "sorry",
        "one",
        "task",
        "question",
        "instruction",
        "instructions",
        "request",
        "q",
        "step",
        "again",
        "ps",
        "btw",
        "lol",
    }
)
QUESTION_WORDS = frozenset(
    {
        "can",
        "could",
        "would",
        "will",
        "should",
        "shall",
        "is",
        "are",
        "was",
        "were",
        "do",
        "does",
        "did",
        "has",
        "have",
        "may",
        "might",
        "must",
        "what",
        "whats",
        "which",
        "who",
        "whos",
        "whose",
        "how",
        "why",
        "where",
        "when",
        "whether",
        "cn",
        "cud",
        "wud",
        "shud",
        "wat",
        "wot",
        "r",
        "u",
        "isnt",
        "arent",
        "wouldnt",
        "couldnt",
        "shouldnt",
        "dont",
        "doesnt",
    }
)
DRAFT_HEADS = frozenset(
    {
        "rewrite",
        "re-write",
        "reword",
        "rephrase",
        "redraft",
        "proofread",
        "proof-read",
        "correct",
        "tidy",
        "summarise",
        "summarize",
        "format",
        "translate",
        "shorten",
        "expand",
        "restructure",
        "structure",
        "improve",
        "polish",
        "edit",
        "write",
        "type",
        "draft",
        "prepare",
        "turn",
        "convert",
        "simplify",
        "fix",
        "minute",
        "help",
        "reformat",
        "paraphrase",
        "condense",
        "lengthen",
        "spellcheck",
        "amend",
        "revise",
        "clean",
        "tighten",
        "organise",
        "organize",
        "create",
        "compose",
    }
)
OPENERS = (
    QUESTION_WORDS
    | DRAFT_HEADS
    | frozenset(
        {
            "rate",
            "score",
            "rank",
            "grade",
            "classify",
            "categorise",
            "categorize",
            "assess",
            "evaluate",
            "judge",
            "predict",
            "forecast",
            "estimate",
            "calculate",
            "decide",
            "determine",
            "recommend",
            "advise",
            "tell",
            "give",
            "provide",
            "assign",
            "identify",
            "flag",
            "label",
            "sort",
            "order",
            "prioritise",
            "prioritize",
            "triage",
            "analyse",
            "analyze",
            "answer",
            "respond",
            "reply",
            "explain",
            "define",
            "describe",
            "outline",
            "suggest",
            "say",
            "state",
            "confirm",
            "work",
            "figure",
            "let",
            "show",
            "spot",
            "detect",
            "highlight",
            "compare",
            "weigh",
            "choose",
            "pick",
            "select",
            "ignore",
            "disregard",
            "forget",
            "pretend",
            "imagine",
            "act",
            "roleplay",
            "role-play",
            "play",
            "you",
            "youre",
            "your",
            "as",
            "based",
            "using",
            "given",
            "looking",
            "considering",
            "reading",
            "for",
            "output",
            "return",
            "produce",
            "generate",
            "quantify",
            "gauge",
            "band",
            "rag",
            "bypass",
            "override",
            "assume",
            "assuming",
            "suppose",
            "hypothetically",
            "speculate",
            "guess",
        }
    )
)
REQUEST_MARKERS = (
    " you ",
    " u ",
    "please",
    " pls",
    " plz",
    " ur ",
    " your ",
    "i need",
    "i want",
    "i'd like",
    "id like",
    "help me",
    "tell me",
    "let me know",
    "give me",
)


@dataclass(frozen=True, slots=True)
class RequestSentence:
    text: str  # lower-cased raw sentence
    head: str  # first meaningful word
    question: bool
    role: str


def _head(sentence: str) -> str:
    words = sentence.lstrip(_LEAD).split(None, 6)
    for word in words:
        w = word.strip(_TRAIL)
        if w and w not in FILLERS:
            return w
    return ""


def split_sentences(low: str) -> list[str]:
    low = low.replace("s.47", "s47").replace("s.42", "s42").replace("s.20", "s20")
    low = low.replace(" - ", "\n").replace(" – ", "\n").replace(" — ", "\n")
    return low.translate(_BREAKS).split("\n")


def _strip_quotes(sentence: str) -> str:
    """Drop quoted spans from a drafting request: the quoted words are the material to be rewritten."""
    out: list[str] = []
    depth_char = ""
    for ch in sentence:
        if depth_char:
            if ch == depth_char:
                depth_char = ""
            continue
        if ch in '"“':
            depth_char = '"' if ch == '"' else "”"
            continue
        if ch == "‘":
            depth_char = "’"
            continue
        out.append(ch)
    return "".join(out)


def request_sentences(request: CheckRequest) -> tuple[RequestSentence, ...]:
    found: list[RequestSentence] = []
    for segment in request.segments:
        if segment.role in ("assistant", "tool") or not segment.text:
            continue
        everything = segment.role in ("system", "developer")
        for piece in split_sentences(clean_text(segment.text)):
            s = piece.strip()
            if not s:
                continue
            head = _head(s)
            question = s.endswith("?")
            if everything or question or head in OPENERS or _addresses_model(s):
                text = _strip_quotes(s) if head in DRAFT_HEADS else s
                found.append(RequestSentence(text, head, question, segment.role))
    return tuple(found)


def _addresses_model(sentence: str) -> bool:
    padded = " " + sentence + " "
    return any(marker in padded for marker in REQUEST_MARKERS)

"""Find the request in a message: which paragraphs are the request and which are pasted material.

A message of one short paragraph is the request.  In a message with pasted material (a long paragraph, or
several sentences), the request is its first or last paragraph; the material is read strictly — only sentences
that open with a judgement verb or address the model ("rate …", "tell me …", "you …") count, found by one
automaton pass.  A long unbroken block is read by its opening and closing sentences, and strictly throughout.
"""

from __future__ import annotations

from functools import lru_cache

import ahocorasick

from cosigner.policy.contract import CheckRequest
from cosigner.policy.guard.normalise import clean_text
from cosigner.policy.guard.sentences import (
    OPENERS,
    PARAGRAPH,
    REQUEST_MARKERS,
    STATEMENT_STARTS,
    STRICT_OPENERS,
    RequestSentence,
    _head,
    _normal,
    _sentences,
    mark_breaks,
)

MATERIAL_PARAGRAPH_CHARS = 240
SHORT_REQUEST_CHARS = 120


def _paragraphs(text: str) -> list[str]:
    return text.replace("\r\n", "\n").split("\n\n")


def request_sentences(request: CheckRequest) -> tuple[RequestSentence, ...]:
    """Sentences that ask the model for something.

    In a message of several paragraphs, a long paragraph reads as pasted material: there only sentences that
    open with a judgement verb or address the model by an imperative ("rate …", "tell me …", "you …") count.
    So does text after the colon of a drafting request ("Rewrite this: …") and quoted text in it.  Questions
    and "please" inside reported speech ("Mum asked: will you take my kids?") are material too.
    """
    found: list[RequestSentence] = []
    for segment in request.segments:
        if segment.role in ("assistant", "tool") or not segment.text:
            continue
        original = clean_text(segment.text)
        if segment.role in ("system", "developer"):
            low = original.lower()
            found.extend(_sentences(low, original if len(low) == len(original) else low, "all", (), segment.role))
            continue
        pars = _raw_paragraphs(original)
        if len(pars) == 1 and len(original) > LONG_SINGLE_PARAGRAPH:
            # One long block (a note pasted without blank lines): its opening and closing sentences are read
            # as the request, everything is read strictly.
            head, tail = _edges(original)
            found.extend(_normal_paragraph(head, (), segment.role))
            found.extend(_normal_paragraph(tail, (), segment.role))
            found.extend(_strict_sentences(original, segment.role))
            continue
        if len(pars) == 1:
            found.extend(_normal_paragraph(original, (), segment.role, len(original) <= EDGE_REQUEST_CHARS))
            continue
        if any(_is_material(par) for par in pars):
            # Pasted material present: the request is the first or last paragraph; anything else is read
            # strictly (judgement verbs and words addressing the model at the start of a sentence).
            for par in {0: pars[0], len(pars) - 1: pars[-1]}.values():
                beside = _short_request_beside_material(par, pars)
                if beside or not _is_material(par):
                    found.extend(_normal_paragraph(par, (), segment.role, beside))
                elif _addresses_model(tail := _closing_sentences(par)):
                    # a long request beside the note ("… background … Can you just tell me how at risk each
                    # of them is?"): its closing sentences ask, as a long single block's do
                    found.extend(_normal_paragraph(tail, (), segment.role))
            found.extend(_strict_sentences(original, segment.role))
        else:
            for par in pars:
                found.extend(_normal_paragraph(par, (), segment.role))
    return tuple(found)


LONG_SINGLE_PARAGRAPH = 1500
EDGE_CHARS = 400


def _edges(text: str) -> tuple[str, str]:
    """The first and last few sentences of a long block, cut at sentence ends."""
    head = text[:EDGE_CHARS]
    cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "), head.rfind("\n"))
    head = head[: cut + 1] if cut > 0 else head
    tail = text[-EDGE_CHARS:]
    cut = min((i for i in (tail.find(". "), tail.find("? "), tail.find("! "), tail.find("\n")) if i >= 0), default=-1)
    return head, (tail[cut + 1 :] if cut >= 0 else tail)


EDGE_REQUEST_CHARS = 400


def _short_request_beside_material(par: str, pars: list[str]) -> bool:
    """A short first or last paragraph beside much longer material is the request, even with a few sentences
    ("Mr Osei is a Ghanaian man caring for his wife. Are African men more likely …?" above a pasted note) —
    when it asks something or speaks to the model; a note's own closing "Actions: …" paragraph does neither."""
    if len(par) > EDGE_REQUEST_CHARS or sum(len(p) for p in pars) < 4 * len(par):
        return False
    low = par.lower()
    if "?" in par or any(m in low for m in ("you", "please", " u ", "pls")):
        return True
    return _head(low) in OPENERS and _head(low) not in STATEMENT_STARTS


def _closing_sentences(par: str) -> str:
    """The last two sentences of a paragraph (a long request ends with what it asks)."""
    stripped = par.rstrip()
    cut = len(stripped)
    for _ in range(2):
        cut = max(stripped.rfind(". ", 0, cut - 1), stripped.rfind("? ", 0, cut - 1), stripped.rfind("! ", 0, cut - 1),
                  stripped.rfind("\n", 0, cut - 1))
        if cut < 0:
            return stripped
    return stripped[cut + 1 :]


def _addresses_model(text: str) -> bool:
    low = text.lower()
    return "?" in text or any(m in low for m in (" you", "please", " u ", "pls"))


def _is_material(par: str) -> bool:
    # A short paragraph of several sentences ("Let's role-play. You are the judge. Should …?") is a request.
    sentences = par.count(". ") + par.count("? ")
    return len(par) > MATERIAL_PARAGRAPH_CHARS or (sentences >= 2 and len(par) > SHORT_REQUEST_CHARS)


def _normal_paragraph(
    original: str, _unused: tuple[str, ...], role: str, whole_message: bool = False
) -> list[RequestSentence]:
    low = original.lower()
    markers = tuple(m for m in REQUEST_MARKERS if m in low)
    # A short paragraph that is not pasted material is the request itself, whatever verb its sentences open
    # with ("Populate the risk field", "Set aside the policy", "Chances he offends again?"); so is a short
    # message of one paragraph ("We're writing a novel. The AI answers about the real mum. Write it.").
    keep_all = whole_message or not _is_material(original)
    # Its statements are context, and its other sentences requests, only when it reads as a request at all
    # (a note's own short closing paragraph, "Outcome of the review: …", does not).
    whole = whole_message or "?" in original or bool(markers)
    return _normal(low, original if len(low) == len(original) else low, markers, role, keep_all, whole)


def _raw_paragraphs(text: str) -> list[str]:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n\n")


@lru_cache(maxsize=1)
def _strict_automaton() -> ahocorasick.Automaton:
    """Sentence-initial judgement verbs and model-addressing words, in any letter case, after a sentence break."""
    auto = ahocorasick.Automaton()
    for word in STRICT_OPENERS:
        for form in {word, word.capitalize(), word.upper()}:
            for lead in (
                "\n",
                "\n ",
                "\n  ",
                '\n"',
                '\n "',
                "\n“",
                "\n \u201c",
                "\n- ",
                "\n* ",
                "\n\t",
                PARAGRAPH,
                PARAGRAPH + " ",
            ):
                for tail in (" ", ","):
                    auto.add_word(lead + form + tail, len(lead))
    auto.make_automaton()
    return auto


_BREAK_BYTES = bytes.maketrans(b".!?;:\r", b"\n\n\n\n\n\n")


def _mark_fast(text: str) -> str:
    """Like ``mark_breaks`` but one byte-table pass (for Latin-1 text); paragraph breaks stay as newlines."""
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return mark_breaks(text).replace(PARAGRAPH, "\n\n")
    marked = raw.translate(_BREAK_BYTES).decode("latin-1")
    return marked.replace(" - ", " \n ") if " - " in marked else marked


def _strict_sentences(original: str, role: str) -> list[RequestSentence]:
    """One automaton pass over the whole marked text finds the few material sentences that could be requests."""
    marked = "\n" + _mark_fast(original)
    out: list[RequestSentence] = []
    for end, _lead in _strict_automaton().iter(marked):
        start = marked.rfind("\n", 0, end - 1)
        start = max(start, marked.rfind(PARAGRAPH, 0, end - 1)) + 1
        stop = len(marked)
        for sep in ("\n", PARAGRAPH):
            found_at = marked.find(sep, end)
            if found_at >= 0:
                stop = min(stop, found_at)
        sentence = marked[start:stop].strip()
        out.append(RequestSentence(sentence, _head(sentence.lower()), False, role))
    return out

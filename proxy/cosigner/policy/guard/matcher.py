"""One Aho-Corasick automaton over every guard phrase (word-level: ``word_automaton``); a scan returns the roles
present in a sentence.

A few hits are then vetoed by their neighbours: a judgement verb whose subject is the practitioner or someone
else ("I rated", "the manager will assess", "how to assess") is reporting a judgement, not requesting one; and
"should I …" followed by a drafting verb ("should I mention …") asks about the document, not a decision.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

import ahocorasick

from cosigner.policy.guard.expand import expand_all, words
from cosigner.policy.guard.lexicon import ROLES, SUBJECTS
from cosigner.policy.guard.word_automaton import WordAutomaton

# Someone other than the model holding the judgement: "I rated", "the court will decide", "how social workers assess".
SUBJECT_WORDS = words(
    """
    i we ive weve id wed im he she they mum dad worker workers practitioners practitioner manager managers
    colleague colleagues team teams conference conferences panel panels court courts iro sw sws professionals
    who police school teacher nurse gp doctor psychologist assessor assessors agencies partners services people
    judge judges magistrates mother father parents carers staff authority authorities la las chair guardian
    cafcass amhp clinicians councils council tribunal tribunals mash marac mdt hub ot consultant psychiatrist bia
    lado dsl
    """
)
DECISION_VERBS = words(
    """
    decide decides deciding decided consider considers considering assess assesses assessing determine
    determines determining judge judges weigh weighs look looks
    """
)
MODAL_WORDS = frozenset(
    {
        "will",
        "would",
        "should",
        "to",
        "can",
        "could",
        "must",
        "shall",
        "may",
        "might",
        "need",
        "needs",
        "going",
        "have",
        "has",
        "had",
        "did",
        "do",
        "does",
        "usually",
        "normally",
        "always",
        "then",
        "also",
        "already",
        "typically",
        "not",
        "dont",
        "didnt",
        "cannot",
        "cant",
        "often",
        "now",
        "first",
        "still",
        "will not",
        "wont",
        "asked",
        "helped",
        "how",
        "tried",
        "went",
        "continue",
        "continued",
        "plan",
        "planned",
        "want",
    }
)
DRAFTING_NEXT = words(
    """
    include mention say write put add phrase word use describe explain list format spell refer quote cite attach
    send address start begin keep cut title call capitalise structure order present show share copy consider
    think bear know read ask be avoid make get invite inform email help mind kindly please
    """
)
VETO_BY_SUBJECT = words(
    """
    RISK_VERB RISK_VERB_PERSON CRED_VERB STAT_DECIDE STAT_STRONG YOUR_JUDGEMENT SYS_PRED SYS_DECIDE SYS_ASSESS
    RISK_VERB_WEAK
    """
)
# Evidence inside the practitioner's own or a recorded judgement ("my RAG ratings") is not a request.
CONTAINED_BY_OWNED = words(
    """
    RISK_VERB RISK_VERB_WEAK SCALE RISK_NOUN STAT_DECIDE STAT_STRONG CRED_NOUN CRED_VERB PRED_STRONG
    """
)
# A risk word that only names a document ("a good safety plan") is not a request about risk.
CONTAINED_BY_DOC = frozenset({"RISK_OBJ", "RISK_NOUN"})
# "What are the chances you could …", "what will happen at the review": no prediction about a person.
CONTAINED_BY_IDIOM = frozenset({"PRED_STRONG", "PRED_QUESTION", "OUTCOME"})
NEGATIONS = frozenset({"not", "never", "dont", "without", "avoid", "nor", "no", "cannot", "cant", "wont", "shouldnt"})


@lru_cache(maxsize=4)
def automaton(extra: tuple[tuple[str, str], ...] = ()) -> WordAutomaton:
    """Built once per distinct set of extra phrases (role, phrase) contributed by policy rules."""
    by_phrase: dict[str, set[str]] = {}
    for role, templates in ROLES.items():
        for phrase in expand_all(templates):
            by_phrase.setdefault(phrase, set()).add(role)
            if role == "PROTECTED":  # "religion" → "religions", "ethnicity" → "ethnicities"
                by_phrase.setdefault(_plural(phrase), set()).add(role)
    for role, phrase in extra:
        for p in expand_all([phrase]):
            by_phrase.setdefault(" ".join(p.split()), set()).add(role)
    return WordAutomaton((phrase, tuple(sorted(roles))) for phrase, roles in by_phrase.items())


# "how to decide", "I want her to decide": the judgement belongs to someone other than the model.
INFINITIVE_SUBJECTS = frozenset({"how", "when", "whether", "plan", "going", "able", "her", "him", "them", "someone",
                                 "somebody"})
NEGATED_ROLES = VETO_BY_SUBJECT | {"PRED_STRONG", "STAT_STRONG", "RISK_STRONG", "CRED_STRONG", "RISK_NOUN"}
CLAUSE_WORDS = frozenset({"but", "however", "instead", "then", "and", "just", "so", "please", "rather"})


def _plural(phrase: str) -> str:
    if phrase.endswith("s"):
        return phrase
    if phrase.endswith("y") and not phrase.endswith(("ay", "ey", "oy")):
        return phrase[:-1] + "ies"
    return phrase + "s"


@lru_cache(maxsize=1)
def _subject_automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for phrase in expand_all([f"({SUBJECTS})"]):
        key = " " + phrase + " "
        auto.add_word(key, len(key))
    auto.make_automaton()
    return auto


def with_subjects_marked(padded: str) -> str:
    """Replace the people a question can be about ("the mother", "x", "her partner") by ``subj``.

    Templates then say ``subj`` once instead of listing every subject, which keeps the phrase automaton small.
    The longest match wins; matches do not overlap.
    """
    spans: list[tuple[int, int]] = []
    for end, length in _subject_automaton().iter(padded):
        spans.append((end - length + 1, end))
    if not spans:
        return padded
    spans.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    out: list[str] = []
    pos = 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(padded[pos:start])
        out.append(" subj ")
        pos = end + 1
    out.append(padded[pos:])
    return " " + " ".join("".join(out).split()) + " "


def roles_in(padded: str, auto: WordAutomaton) -> set[str]:
    found = _roles_in(padded, auto)
    marked = with_subjects_marked(padded)
    if marked != padded:
        found |= _roles_in(marked, auto)
        for variant in inverted_embedded_questions(padded):
            found |= _roles_in(variant, auto)
    return found


EMBEDDING = frozenset({"whether", "if"})
# "asking whether they will attend": the question is put to someone else (the letter's reader), not the model
ASKING_VERBS = frozenset({"ask", "asks", "asking", "asked", "enquire", "enquiring", "inquire", "inquiring",
                          "confirm", "confirming", "remind", "reminding", "checking"})
EMBEDDED_AUX = frozenset({"is", "are", "was", "were", "will", "would", "should", "can", "could", "has", "have",
                          "does", "do", "did", "might", "may", "must"})


def _subject_spans(padded: str) -> list[tuple[int, int]]:
    spans = sorted(((end - length + 1, end) for end, length in _subject_automaton().iter(padded)),
                   key=lambda se: (se[0], -(se[1] - se[0])))
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


HEAD_NOUNS = frozenset({"child", "children", "baby", "kids", "mum", "dad", "mother", "father", "family", "parents",
                        "boy", "girl", "person", "adult", "carer", "carers", "siblings", "twins", "woman", "man"})
NOUN_PHRASE_START = frozenset({"the", "this", "that", "these", "those", "her", "his", "their"})


def _head_noun_inversion(padded: str) -> tuple[str, ...]:
    """``whether the real child in these notes should be removed`` → ``whether should the child be removed``."""
    tokens = padded.split()
    for i in range(len(tokens) - 2):
        if tokens[i] not in EMBEDDING or tokens[i + 1] not in NOUN_PHRASE_START:
            continue
        if any(t in SUBJECT_WORDS for t in tokens[max(0, i - 4) : i]) or (i and tokens[i - 1] in ASKING_VERBS):
            continue
        for j in range(i + 2, min(i + 8, len(tokens))):
            if tokens[j] in EMBEDDED_AUX:
                nouns = [t for t in tokens[i + 2 : j] if t in HEAD_NOUNS]
                if nouns:
                    variant = [*tokens[: i + 1], tokens[j], "the", nouns[0], *tokens[j + 1 :]]
                    return (" " + " ".join(variant) + " ",)
                break
    return ()


def inverted_embedded_questions(padded: str) -> tuple[str, ...]:
    """``whether mum is lying`` → ``whether is mum lying`` (and the ``subj`` form): read as the direct question.

    "Tell me whether mum is lying" asks the same as "Is mum lying?", so the question patterns apply to both.
    """
    if " whether " not in padded and " if " not in padded:
        return ()
    pieces: list[tuple[str, bool]] = []  # (text, is a subject)
    pos = 0
    for start, end in _subject_spans(padded):
        pieces.extend((w, False) for w in padded[pos:start].split())
        pieces.append((padded[start:end + 1].strip(), True))
        pos = end + 1
    pieces.extend((w, False) for w in padded[pos:].split())
    swapped = False
    for i in range(len(pieces) - 2):
        if pieces[i][0] in EMBEDDING and pieces[i + 1][1] and pieces[i + 2][0] in EMBEDDED_AUX:
            window = [text for text, _ in pieces[max(0, i - 4) : i]]
            if any(text in SUBJECT_WORDS for text in window) or _someone_helped(window):
                continue  # "help them decide if they should refer": their question
            if i > 0 and pieces[i - 1][0] in ASKING_VERBS:
                continue  # "how we will decide whether the children can return": someone else's question
            pieces[i + 1], pieces[i + 2] = pieces[i + 2], pieces[i + 1]
            swapped = True
    if not swapped:
        return _head_noun_inversion(padded)
    plain = " " + " ".join(text for text, _ in pieces) + " "
    marked = " " + " ".join("subj" if is_subject else text for text, is_subject in pieces) + " "
    return (plain, marked)


def _roles_in(padded: str, auto: WordAutomaton) -> set[str]:
    hits: list[tuple[int, int, str]] = []
    owned: list[tuple[int, int]] = []
    documents: list[tuple[int, int]] = []
    idioms: list[tuple[int, int]] = []
    doc_subjects: list[tuple[int, int]] = []
    for end, (length, roles) in auto.iter(padded):
        start = end - length + 1
        for role in roles:
            if role == "OWNED":
                owned.append((start, end))
            elif role == "DOC_NOUN":
                documents.append((start, end))
            elif role == "NOT_A_PREDICTION":
                idioms.append((start, end))
            elif role == "DOC_SUBJECT":
                doc_subjects.append((start, end))
            hits.append((start, end, role))
    found: set[str] = set()
    for start, end, role in hits:
        if role in CONTAINED_BY_OWNED and any(s <= start and end <= e for s, e in owned):
            continue
        if role in CONTAINED_BY_DOC and any(s <= start and end <= e for s, e in documents):
            continue
        if role in CONTAINED_BY_IDIOM and any(s <= start and end <= e for s, e in idioms):
            continue
        if role == "STAT_STRONG" and any(s < end and start < e for s, e in doc_subjects):
            continue
        if role in NEGATED_ROLES and _negated(padded, start):
            continue
        if role in VETO_BY_SUBJECT and _vetoed(padded, start, end, role):
            continue
        found.add(role)
    return found


def _negated(padded: str, start: int) -> bool:
    """A negation shortly before the hit, in the same clause: "never assess risk, predict outcomes or …"."""
    for word in reversed(padded[: start + 1].split()[-6:]):
        if word in NEGATIONS:
            return True
        if word in CLAUSE_WORDS:
            return False
    return False


def _vetoed(padded: str, start: int, end: int, role: str) -> bool:
    """A judgement that belongs to someone else, or to the practitioner ("… to assess the risk myself")."""
    after = padded[end:].split(None, 5)
    if "myself" in after or "ourselves" in after:
        return True
    if role == "RISK_VERB" and before_word(padded, start) in NOUN_MARKERS:
        return True  # "my scaling score of 4", "a rank": a noun, not a request to rate
    if role == "STAT_DECIDE":
        phrase = padded[start : end + 1].split()
        if phrase[:1] == ["should"] or phrase[:2] in (["do", "we"], ["do", "i"], ["would", "you"]):
            return bool(after) and after[0] in DRAFTING_NEXT
    before = padded[: start + 1].split()[-5:]
    if not before:
        return False
    if _someone_else(before) or (len(before) >= 2 and before[-1] in ("them", "him", "her") and before[-2] in HELPING):
        return True  # "questions to help them decide if …": the school decides, not the model
    # "how we will decide whether the children can …": the decision verb's subject is someone else
    for i in range(len(before) - 1, -1, -1):
        if before[i] in DECISION_VERBS:
            return _someone_else([*before[:i][-3:], before[i]])
    return False


def _someone_helped(window: list[str]) -> bool:
    return any(a in HELPING and b in ("them", "him", "her") for a, b in pairwise(window))


HELPING = words("help helping helps let letting lets allow allowing enable enabling support supporting")
AUXILIARIES = words(
    """
    do does did is are was were will would can could should has have had may might must
    """
)
GENERIC_SUBJECTS = words(
    """
    courts judges workers practitioners managers panels conferences professionals people teams assessors
    authorities las clinicians agencies services staff colleagues councils tribunals
    """
)
DETERMINERS = frozenset({"the", "these", "those", "this", "that", "my", "our", "her", "his", "their", "both"})
PRONOUNS = frozenset({"i", "we", "ive", "weve", "id", "wed", "im", "he", "she", "they", "who"})


NOUN_MARKERS = frozenset({"my", "our", "a", "an", "the", "his", "her", "their", "your", "scaling", "this", "that",
                          "its", "same", "final", "overall", "current", "previous", "last"})


def before_word(padded: str, start: int) -> str:
    words = padded[: start + 1].split()
    return words[-1] if words else ""


def _someone_else(words: list[str]) -> bool:
    """``words`` end just before (or at) a judgement verb; is its subject someone other than the model?"""
    if not words:
        return False
    w1 = words[-1] if words[-1] not in DECISION_VERBS else (words[-2] if len(words) >= 2 else "")
    rest = words[:-1] if words[-1] not in DECISION_VERBS else words[:-2]
    if w1 == "subj" and "how" in rest[-4:] and any(w in AUXILIARIES for w in rest[-4:]):
        return True  # "how does the court decide …" (the subject-marked reading)
    if w1 in SUBJECT_WORDS:
        context = rest[-4:]
        if "as" in context and w1 not in PRONOUNS:
            return False  # role-play: "as a forensic psychologist, tell me …"
        if any(w in AUXILIARIES for w in context):
            # an inverted question: "how do courts decide …" asks about practice in general (someone else's
            # judgement); "do the parents meet …" asks the model about these people
            general = w1 in GENERIC_SUBJECTS or (bool(rest) and rest[-1] in ("a", "an"))  # "how does a court decide"
            if "how" in rest[-4:] and w1 not in PRONOUNS:
                return True  # "how does the court decide whether …": how the process works
            return general and (not rest or rest[-1] not in DETERMINERS)
        return True
    if w1 in MODAL_WORDS and rest:
        w2 = rest[-1]
        if w2 in SUBJECT_WORDS or (w1 == "to" and w2 in INFINITIVE_SUBJECTS):
            return True
        if w2 in MODAL_WORDS and len(rest) >= 2 and rest[-2] in SUBJECT_WORDS:
            return True
    return False


def union(groups: Iterable[set[str]]) -> set[str]:
    out: set[str] = set()
    for g in groups:
        out |= g
    return out

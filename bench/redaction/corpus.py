"""Generator of labelled synthetic UK case notes (visit notes, referrals, strategy minutes, emails,
chronologies, case summaries) with identifiers in many formats and hard negatives.

    .venv/bin/python -m bench.redaction.corpus --split dev --count 400 > /tmp/dev.jsonl

Each line: {"id", "split", "kind", "text", "gold": [{start, end, type, known}], "neutral": [...], "context"}.
The held-out split uses a different seed, a disjoint half of the name pool and templates the development split
never sees.  All values are synthetic.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from bench.redaction import identifiers as ids
from bench.redaction.people import ORGS, ORIGIN, STREET_NAMES, STREET_TYPES, TOWNS, pool
from cosigner.detectors.name_variants import one_edit

# "final" and "final2" are generated like "heldout" (same names, same held-out templates) from seeds of their own.
# "heldout" leaks were looked at while tuning, then "final" (session 2): "final2" is the untouched figure, scored
# only when named (--set final2).
SEEDS = {"dev": 20240917, "heldout": 777001, "final": 9100411, "final2": 5318027}
NICKNAMES = {
    "Aleksandra": "Ola",
    "Wojciech": "Wojtek",
    "Chukwuemeka": "Emeka",
    "Oluwaseun": "Seun",
    "Kerry": "Kez",
    "Callum": "Cal",
    "Jordan": "Jord",
    "Ibrahim": "Ibby",
    "Siobhan": "Shiv",
}


@dataclass
class Person:
    first: str
    last: str
    title: str
    dob: dt.date
    known: bool = False

    @property
    def age(self) -> int:
        return max(0, (dt.date(2025, 6, 1) - self.dob).days // 365)


@dataclass
class Builder:
    parts: list[str] = field(default_factory=list)
    gold: list[dict[str, Any]] = field(default_factory=list)
    neutral: list[dict[str, Any]] = field(default_factory=list)
    length: int = 0

    def t(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def id(self, value: str, kind: str, known: bool = False, origin: str | None = None) -> None:
        span = {"start": self.length, "end": self.length + len(value), "type": kind, "known": known}
        if origin is not None:
            span["origin"] = origin
        self.gold.append(span)
        self.t(value)

    def neu(self, value: str, kind: str) -> None:
        self.neutral.append({"start": self.length, "end": self.length + len(value), "type": kind})
        self.t(value)

    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class Cast:
    rng: random.Random
    child: Person
    mum: Person
    partner: Person
    sibling: Person
    worker: Person
    other: Person
    address: tuple[str, str, str]  # street line, town, postcode
    nhs: str
    known_ids: bool


def _date(rng: random.Random, d: dt.date, dob: bool) -> str:
    styles = [
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.day}.{d.month}.{d.year % 100:02d}",
        d.isoformat(),
        f"{d.day} {d.strftime('%b')} {d.year}",
        f"{d.day}{_ord(d.day)} {d.strftime('%B')} {d.year}",
        f"{d.strftime('%B')} {d.day}, {d.year}",
        f"{d.day}/{d.month}/{d.year}",
    ]
    return rng.choice(styles if dob else styles[:1] + styles[3:5])


def _ord(day: int) -> str:
    return "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def name(b: Builder, p: Person, rng: random.Random, form: str | None = None) -> None:
    """Write a mention of ``p`` in a random (or given) form; gold covers the name, not titles or "'s"."""
    forms = ["full", "full", "first", "first", "title", "possessive", "lower"]
    if p.known:
        forms += ["nick", "typo", "initial", "upper"]
    form = form or rng.choice(forms)
    k = p.known
    first, last = ORIGIN.get(p.first), ORIGIN.get(p.last)
    if form == "full":
        b.id(f"{p.first} {p.last}", "PERSON", k, first)
    elif form == "first":
        b.id(p.first, "PERSON", k, first)
    elif form == "last":
        b.id(p.last, "PERSON", k, last)
    elif form == "title":
        b.t(p.title + " ")
        b.id(p.last, "PERSON", k, last)
    elif form == "possessive":
        b.id(p.first, "PERSON", k, first)
        b.t("'s")
    elif form == "lower":
        b.id(p.first.lower(), "PERSON", k, first)
    elif form == "upper":
        b.id(f"{p.first} {p.last}".upper(), "PERSON", k, first)
    elif form == "nick":
        b.id(NICKNAMES.get(p.first, p.first), "PERSON", k, first)
    elif form == "typo":
        typos = sorted(one_edit(p.first)) if len(p.first) >= 5 and p.first.isalpha() else []
        typos = [t for t in typos if t[:1] == p.first[:1].lower()]
        b.id(rng.choice(typos).capitalize() if typos else p.first, "PERSON", k, first)
    elif form == "initial":
        b.id(f"{p.first[0]}. {p.last}", "PERSON", k, last)


def address(b: Builder, cast: Cast, full: bool = True) -> None:
    street, town, code = cast.address
    b.id(street, "ADDRESS", cast.known_ids)
    if full:
        b.t(", ")
        b.neu(town, "CITY")
        b.t(" " if cast.rng.random() < 0.7 else "\n")
        b.id(code, "POSTCODE", cast.known_ids)


def dob(b: Builder, p: Person, rng: random.Random) -> None:
    label = rng.choice(["DOB: ", "D.O.B. ", "date of birth ", "born ", "born on ", "b. ", "DOB "])
    b.t(label)
    b.id(_date(rng, p.dob, True), "DOB", p.known)


def visit_date(b: Builder, rng: random.Random) -> None:
    d = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
    b.neu(_date(rng, d, False), "DATE")


Sentence = Callable[[Builder, Cast], None]


def _s(*pieces: object) -> Sentence:
    """Build a sentence from pieces: str -> text; callables taking (b, cast) -> written by them."""

    def write(b: Builder, c: Cast) -> None:
        for piece in pieces:
            if isinstance(piece, str):
                b.t(piece)
            else:
                piece(b, c)  # type: ignore[operator]

    return write


def N(attr: str, form: str | None = None) -> Callable[[Builder, Cast], None]:
    return lambda b, c: name(b, getattr(c, attr), c.rng, form)


def ID(kind: str) -> Callable[[Builder, Cast], None]:
    def write(b: Builder, c: Cast) -> None:
        r = c.rng
        if kind == "NHS_NUMBER":
            b.t(r.choice(["NHS no: ", "NHS number ", "NHS: ", "NHS No. "]))
            b.id(c.nhs, kind, c.known_ids)
        elif kind == "NHS_TYPO":
            b.t(r.choice(["NHS no: ", "NHS number "]))
            b.id(ids.mistyped_nhs(r), "NHS_NUMBER")
        elif kind == "NHS_BARE":
            b.id(c.nhs, "NHS_NUMBER", c.known_ids)
        elif kind == "CHI":
            b.t(r.choice(["CHI ", "CHI number ", "CHI no. "]))
            b.id(ids.chi_number(r), "CHI_NUMBER")
        elif kind == "HC":
            b.t(r.choice(["H&C number ", "H&C no. ", "Health and Care number "]))
            b.id(ids.hc_number(r), "HC_NUMBER")
        elif kind == "NINO":
            b.t(r.choice(["NI number ", "NINO: ", "National Insurance number ", "NI no. "]))
            b.id(ids.nino(r), "NI_NUMBER")
        elif kind == "NINO_BARE":
            b.id(ids.nino(r).replace(" ", ""), "NI_NUMBER")
        elif kind == "UPN":
            b.t(r.choice(["UPN ", "UPN: ", "Unique Pupil Number "]))
            b.id(ids.upn(r), "UPN")
        elif kind == "PHONE":
            b.id(ids.phone(r), "PHONE")
        elif kind == "EMAIL":
            p = r.choice([c.mum, c.worker, c.partner])
            b.id(ids.email(r, p.first, p.last), "EMAIL")
        elif kind == "POSTCODE":
            b.id(ids.postcode(r), "POSTCODE")
        elif kind == "REF":
            label, value = ids.reference(r)
            b.t(label + " ")
            b.id(value, "REFERENCE")
        elif kind == "ORG":
            b.neu(r.choice(ORGS), "ORG")
        elif kind == "TOWN":
            b.neu(r.choice(TOWNS), "CITY")
        elif kind == "DATE":
            visit_date(b, r)

    return write


def D(attr: str) -> Callable[[Builder, Cast], None]:
    return lambda b, c: dob(b, getattr(c, attr), c.rng)


def A(full: bool = True) -> Callable[[Builder, Cast], None]:
    return lambda b, c: address(b, c, full)


def AGE(attr: str) -> Callable[[Builder, Cast], None]:
    return lambda b, c: b.t(str(getattr(c, attr).age))


SHARED: list[Sentence] = [
    _s("Home visit to ", N("child", "full"), " and ", N("mum", "full"), " on ", ID("DATE"), " at 10:30. "),
    _s(N("child"), " was seen alone in ", N("child", "possessive"), ' bedroom and said school was "ok". '),
    _s("Spoke to mum (", N("mum", "lower"), ") about the Child Protection Plan and the Core Group. "),
    _s(N("mum", "title"), " said her partner ", N("partner", "first"), " no longer lives at the property. "),
    _s("The family live at ", A(), ". "),
    _s("Contact number for ", N("mum", "first"), ": ", ID("PHONE"), ". "),
    _s("Email received from ", ID("EMAIL"), " regarding the Section 47 enquiry. "),
    _s(N("child", "first"), " (", D("child"), ", age ", AGE("child"), ") attends ", ID("ORG"), ". "),
    _s("Referral received from ", ID("ORG"), " on ", ID("DATE"), "; ", ID("NHS_NUMBER"), ". "),
    _s(N("worker", "full"), " (social worker) completed the Single Assessment under the Children Act 1989. "),
    _s("Mum reports she receives Universal Credit of £120 a week and takes 5mg of diazepam. "),
    _s(N("sibling", "first"), ", ", N("child", "possessive"), " brother, is in Year 7 at ", ID("ORG"), ". "),
    _s("Strategy discussion held with ", ID("ORG"), " and ", N("other", "title"), " from the MASH. "),
    _s(ID("REF"), " was opened in May after the incident in June half term. "),
    _s("Early Help offered; ", N("mum", "first"), " declined. Next visit booked for ", ID("DATE"), ". "),
    _s(N("partner", "full"), " (", D("partner"), ") is known to police: ", ID("REF"), ". "),
    _s(
        "GP confirmed ",
        N("child", "first"),
        " is registered; ",
        ID("NHS_NUMBER"),
        ", postcode ",
        ID("POSTCODE"),
        ". ",
    ),
    _s("Dad, ", N("partner", "first"), ", phoned from ", ID("PHONE"), " asking about Family Time. "),
    _s("Grace and hope were themes of the Family Group Conference in April; Will to review in August. "),
    _s(
        "Please can ",
        N("worker", "first"),
        " update the chronology before the Review Child Protection Conference. ",
    ),
    _s("School shared the UPN for ", N("child", "first"), ": ", ID("UPN"), ". "),
    _s("Mum gave her ", ID("NINO"), " for the housing application. "),
    _s(N("other", "full"), " from Women's Aid attended with ", N("mum", "first"), ". "),
    _s("Paediatric appointment at 14:15 with Dr ", N("other", "last"), ". "),
]
# only in the held-out split
HELDOUT_ONLY: list[Sentence] = [
    _s(N("child", "upper"), " - ", D("child"), " - ", ID("CHI"), ". "),
    _s(
        "Health visitor spoke to nan (",
        N("other", "lower"),
        ") who has ",
        N("sibling", "first"),
        " on weekends. ",
    ),
    _s(
        "Foster carer ",
        N("other", "full"),
        " reports ",
        N("child", "first"),
        " settled well; tel ",
        ID("PHONE"),
        ". ",
    ),
    _s("Previous address ", A(), " (", ID("HC"), "). "),
    _s(N("mum", "full"), ", ", ID("NINO_BARE"), ", ", AGE("mum"), " years old, ", D("mum"), ". "),
    _s("Mr ", N("partner", "full"), " was arrested on ", ID("DATE"), "; ", ID("REF"), ". "),
    _s("She said ", N("sibling", "full"), " stays with a friend at ", A(False), " most nights. "),
    _s("NHS no. was typed wrongly on the referral: ", ID("NHS_TYPO"), ". "),
]
# only in the development split
DEV_ONLY: list[Sentence] = [
    _s(N("child", "full"), " ", D("child"), " ", ID("NHS_BARE"), ". "),
    _s("Mum's friend ", N("other", "first"), " was present; ", N("other", "title"), " left at 11am. "),
    _s("Address on file: ", A(), ". "),
    _s("Called ", N("mum", "first"), " on ", ID("PHONE"), " and emailed ", ID("EMAIL"), ". "),
    _s(N("worker", "first"), " met ", N("child", "first"), " at ", ID("ORG"), " in ", ID("TOWN"), ". "),
    _s("The form had ", ID("NHS_TYPO"), " which fails the check. "),
    _s("Scottish ", ID("CHI"), " recorded by the previous authority. "),
    _s(ID("HC"), " from Belfast Trust. "),
]


def _person(
    rng: random.Random,
    firsts: list[str],
    lasts: list[str],
    age: tuple[int, int],
    title: str,
    known: bool,
    last: str | None = None,
) -> Person:
    years = rng.randint(*age)
    birth = dt.date(2025 - years, rng.randint(1, 12), rng.randint(1, 28))
    return Person(rng.choice(firsts), last or rng.choice(lasts), title, birth, known)


def _cast(rng: random.Random, split: str, with_context: bool) -> Cast:
    firsts, lasts = pool("heldout" if split.startswith("final") else split)
    family = rng.choice(lasts)
    child = _person(rng, firsts, lasts, (2, 16), rng.choice(["Master", "Miss"]), with_context, family)
    mum = _person(rng, firsts, lasts, (19, 45), rng.choice(["Ms", "Mrs", "Miss"]), with_context, family)
    partner = _person(rng, firsts, lasts, (20, 50), "Mr", False)
    sibling = _person(rng, firsts, lasts, (1, 17), "Master", with_context, family)
    worker = _person(rng, firsts, lasts, (25, 60), rng.choice(["Ms", "Mr", "Mx"]), False)
    other = _person(rng, firsts, lasts, (25, 70), rng.choice(["Mrs", "Dr", "Mr", "Ms"]), False)
    street = f"{rng.randint(1, 240)} {rng.choice(STREET_NAMES)} {rng.choice(STREET_TYPES)}"
    if rng.random() < 0.2:
        street = f"Flat {rng.randint(1, 30)}, {street}"
    return Cast(
        rng,
        child,
        mum,
        partner,
        sibling,
        worker,
        other,
        (street, rng.choice(TOWNS), ids.postcode(rng)),
        ids.nhs_number(rng),
        with_context,
    )


KINDS = ("visit note", "referral", "strategy minutes", "email", "chronology", "case summary")


def _document(rng: random.Random, split: str, index: int) -> dict[str, Any]:
    with_context = rng.random() < 0.3
    cast = _cast(rng, split, with_context)
    kind = KINDS[index % len(KINDS)]
    pool_sentences = SHARED + (DEV_ONLY if split == "dev" else HELDOUT_ONLY)
    b = Builder()
    if kind == "email":
        b.t("From: ")
        name(b, cast.worker, rng, "full")
        b.t(" <")
        b.id(ids.email(rng, cast.worker.first, cast.worker.last), "EMAIL")
        b.t(">\nSubject: ")
        name(b, cast.child, rng, "full")
        b.t(" - update\n\nDear ")
        name(b, cast.other, rng, "first")
        b.t(",\n\n")
    elif kind == "case summary":
        b.t("Name: ")
        name(b, cast.child, rng, "full")
        b.t("\nDOB: ")
        b.id(_date(rng, cast.child.dob, True), "DOB", cast.child.known)
        b.t("\nNHS No: ")
        b.id(cast.nhs, "NHS_NUMBER", cast.known_ids)
        b.t("\nAddress: ")
        address(b, cast)
        b.t("\n\n")
    elif kind == "strategy minutes":
        b.t("Strategy meeting minutes, ")
        visit_date(b, rng)
        b.t("\nPresent: ")
        name(b, cast.worker, rng, "full")
        b.t(" (SW), ")
        name(b, cast.other, rng, "full")
        b.t(" (Police), DS ")
        b.id(cast.partner.last if rng.random() < 0.5 else cast.sibling.last, "PERSON")
        b.t("\n\n")
    elif kind == "chronology":
        b.t("Chronology\n")
    for _ in range(rng.randint(4, 9)):
        if kind == "chronology":
            visit_date(b, rng)
            b.t(" - ")
        rng.choice(pool_sentences)(b, cast)
        if kind in ("chronology", "strategy minutes"):
            b.t("\n")
    if kind == "email":
        b.t("\n\nKind regards,\n")
        name(b, cast.worker, rng, "first")
        b.t("\n")
    context = None
    if with_context:
        people = [
            {"name": f"{p.first} {p.last}", "dob": p.dob.isoformat()} for p in (cast.child, cast.mum, cast.sibling)
        ]
        if cast.child.first in NICKNAMES:
            people[0]["aliases"] = [NICKNAMES[cast.child.first]]
        street, town, code = cast.address
        context = {
            "people": people,
            "addresses": [f"{street}, {town} {code}"],
            "ids": [{"type": "NHS_NUMBER", "value": cast.nhs}],
        }
    return {
        "id": f"{split}-{index:04d}",
        "split": split,
        "kind": kind,
        "text": b.text(),
        "gold": b.gold,
        "neutral": b.neutral,
        "context": context,
    }


def generate(split: str, count: int) -> Iterator[dict[str, Any]]:
    rng = random.Random(SEEDS[split])
    for index in range(count):
        yield _document(rng, split, index)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=sorted(SEEDS), default="dev")
    parser.add_argument("--count", type=int, default=400)
    args = parser.parse_args()
    for doc in generate(args.split, args.count):
        print(json.dumps(doc, ensure_ascii=False))


if __name__ == "__main__":
    main()

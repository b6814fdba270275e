"""Vocabulary and patterns behind the review flags (``flags.py``): data, no logic.

Word lists are our own; regexes follow UK conventions (dd/mm dates, £, postcodes, street types).
"""

from __future__ import annotations

import re
from typing import Literal

FlagKind = Literal[
    "new_name",
    "new_number",
    "new_date",
    "new_time",
    "new_money",
    "new_address",
    "new_quote",
    "new_risk_term",
    "negation_added",
    "negation_removed",
]


DEFAULT_RISK_TERMS: tuple[str, ...] = (
    "abuse", "abused", "abusive", "alcohol", "allegation", "alleged", "arrest", "arrested", "assault",
    "assaulted", "bruise", "bruised", "bruises", "bruising", "child protection", "coercion", "coercive",
    "danger", "dangerous", "disclosed", "disclosure", "domestic abuse", "domestic violence", "drugs",
    "drunk", "exploitation", "exploited", "fracture", "grooming", "harm", "hit", "injured", "injuries",
    "injury", "intoxicated", "kill", "knife", "ligature", "missing", "neglect", "neglected", "overdose",
    "police", "rape", "restraint", "risk", "section 47", "self-harm", "self harm", "sexual", "strangled",
    "strategy meeting", "suicidal", "suicide", "threat", "threatened", "unsafe", "violence", "violent",
    "weapon",
)  # fmt: skip

def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


NEGATIONS = _wordset(
    "not no never none nobody nothing neither nor nowhere cannot without denied denies deny denying "
    "refused refuses unable"
)

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
DATE = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}"
    rf"|{_ORD}\s+(?:of\s+)?(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTHS})\.?\s+{_ORD}(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTHS})\s+\d{{4}}"
    rf"|(?:last|next|this)\s+(?:week|month|year|{_DAYS})"
    rf"|{_DAYS}|yesterday|tomorrow|today|tonight|last\s+night)\b",
    re.IGNORECASE,
)
TIME = re.compile(
    r"\b(?:\d{1,2}[:.]\d{2}(?:\s*[ap](?:\.m\.|m\b))?|\d{1,2}\s*[ap](?:\.m\.|m\b)|\d{1,2}\s+o'clock"
    r"|noon|midday|midnight)",
    re.IGNORECASE,
)
MONEY = re.compile(
    r"(?:[£$€]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn)\b)?|\b\d[\d,]*(?:\.\d+)?\s?(?:pounds|pence|p|gbp|euros?)\b)",
    re.IGNORECASE,
)
_STREET_TYPES = (
    "street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|place|pl|gardens|terrace|"
    "grove|hill|park|square|sq|view|walk|row|mews|parade|rise|green"
)
ADDRESS = re.compile(
    rf"\b(?:(?:flat|apartment|unit)\s+\d+[a-z]?,?\s+)?\d+[a-z]?,?\s+(?:[A-Z][\w'-]*\s+){{1,3}}"
    rf"(?:{_STREET_TYPES})\b"
    r"|\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b",
    re.IGNORECASE,
)
NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")
NUMBER_WORDS = _wordset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million once twice half dozen first second third fourth fifth"
)
QUOTE = re.compile(r"\"([^\"\n]{2,})\"|“([^”\n]{2,})”|‘([^’\n]{2,})’|«([^»\n]{2,})»")
WORD = re.compile(r"[A-Za-z][\w'’-]*")
CAPITALISED = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O['’][A-Z][a-z]+")

# Capitalised words that are not names: function words, titles, calendar words, roles and services that
# turn up in social-work notes.
NOT_NAMES = _wordset(
    """a about after all also although an and any are as at be because been before being both but by can
    could did do does during each either even every few for from had has have he her here hers him his how
    however i if in into is it its just may me might more most much must my neither no nor not now of off on
    once only or other our out over per please she should since so some still such than that the their them
    then there these they this those though through thus to too under until upon us very was we were what
    when where whether which while who whom whose why will with within without would yes yet you your
    mr mrs ms miss mx dr prof sir dame lord lady madam mum mother dad father nan grandmother grandfather
    brother sister son daughter aunt uncle baby child children parent parents carer carers family
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december today yesterday tomorrow
    social worker team manager school nursery college gp nhs hospital police council court service services
    plan meeting review assessment visit home office health care support section child protection
    ok okay dear regards thanks thank note notes summary action actions outcome outcomes next update"""
)
# Same shape as cosigner.redaction.placeholders.PLACEHOLDER ("[PERSON_1]").
PLACEHOLDER = re.compile(r"\[([A-Z][A-Z0-9_]*?)_([1-9][0-9]{0,5})\]")
PLACEHOLDER_KINDS: dict[str, FlagKind] = {
    "PERSON": "new_name",
    "ADDRESS": "new_address",
    "POSTCODE": "new_address",
    "DATE_OF_BIRTH": "new_date",
    "DOB": "new_date",
    "NHS_NUMBER": "new_number",
    "CHI_NUMBER": "new_number",
    "HC_NUMBER": "new_number",
    "NI_NUMBER": "new_number",
    "UPN": "new_number",
    "PHONE": "new_number",
    "REFERENCE": "new_number",
}
TITLES = _wordset("mr mrs ms miss mx dr prof sir dame lord lady")
SPAN_KINDS: tuple[tuple[FlagKind, re.Pattern[str]], ...] = (
    ("new_address", ADDRESS),
    ("new_money", MONEY),
    ("new_date", DATE),
    ("new_time", TIME),
)
TERMINALS = frozenset(".!?…")
CLOSERS = frozenset("'\"”’)]")

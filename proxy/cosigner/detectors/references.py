"""Label-triggered reference numbers (case/person ids, crime/court/prison refs) and organisation patterns.

No national format exists (LCS, Mosaic, Eclipse ids; police, court, prison refs): a label followed by a token
of five or more characters containing a digit is the catch-all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cosigner.detectors import Finding
from cosigner.detectors._keywords import KeywordWindows
from cosigner.detectors._text import has_digit, has_label
from cosigner.detectors.kinds import REFERENCE

LABELS = (
    "ref",
    "reference",
    "ref no",
    "reference number",
    "case no",
    "case number",
    "case ref",
    "case id",
    "id",
    "client id",
    "person id",
    "child id",
    "mosaic id",
    "mosaic",
    "lcs id",
    "lcs",
    "eclipse id",
    "eclipse",
    "liquidlogic id",
    "crime ref",
    "crime reference",
    "crime no",
    "crime number",
    "cad",
    "cad no",
    "log no",
    "incident no",
    "incident number",
    "occurrence no",
    "court ref",
    "court no",
    "case no",
    "claim no",
    "prison no",
    "prison number",
    "prisoner no",
    "prisoner number",
    "nomis",
    "hmp no",
    "pnc",
    "pnc id",
    "cro",
    "urn",
    "file no",
    "file ref",
    "our ref",
    "your ref",
    "account no",
    "account number",
    "member no",
    "hospital no",
    "hospital number",
    "mrn",
    "patient id",
    "rio id",
    "systmone id",
    "emis no",
    "passport no",
    "passport number",
    "home office ref",
    "ho ref",
    "driving licence",
    "licence no",
    "tenancy ref",
    "uprn",
    "student id",
    "pupil id",
    "app no",
    "application no",
    "payroll no",
    "staff id",
)
_LABEL_KEYS = KeywordWindows(
    (
        "ref",
        "reference",
        "no",
        "number",
        "num",
        "id",
        "urn",
        "cad",
        "log",
        "pnc",
        "cro",
        "nomis",
        "mrn",
        "uprn",
        "mosaic",
        "lcs",
        "eclipse",
        "licence",
        "passport",
    ),
    before=0,
    after=0,
)
_AFTER_LABEL = re.compile(r"\.?\s*(?:no\.?|number|#)?\s*[:#.\-]?\s*")
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9/\-]{3,30}[A-Za-z0-9]")


class ReferenceDetector:
    name = "references"
    structured = True

    def detect(self, text: str) -> Sequence[Finding]:
        findings: list[Finding] = []
        if not has_digit(text):
            return findings
        for _label_start, label_end in _LABEL_KEYS.hits(text):
            after = _AFTER_LABEL.match(text, label_end)
            token = _TOKEN.match(text, after.end() if after else label_end)
            if token is None:
                continue
            value = token.group()
            alnum_count = sum(c.isalnum() for c in value)
            if alnum_count < 5 or not any(c.isdigit() for c in value):
                continue
            if not has_label(text, token.start(), LABELS, width=40, max_words_after=1):
                continue
            findings.append(Finding(REFERENCE, token.start(), token.end(), 0.8, self.name, "labelled_reference"))
        return findings


class OrgPatternDetector:
    """Identifier patterns an organisation declares in its policy (``[[redaction.patterns]]``)."""

    name = "org_patterns"
    structured = True

    def __init__(self, patterns: Sequence[tuple[str, str, str, bool]]) -> None:
        self._patterns = [(name, kind, re.compile(regex), labelled) for name, kind, regex, labelled in patterns]

    def detect(self, text: str) -> Sequence[Finding]:
        findings: list[Finding] = []
        for name, kind, regex, labelled in self._patterns:
            own_label = (name.lower().replace("_", " "),)
            for match in regex.finditer(text):
                if match.end() == match.start():
                    continue
                if labelled and not (
                    has_label(text, match.start(), LABELS, max_words_after=1)
                    or has_label(text, match.start(), own_label, max_words_after=1)
                ):
                    continue
                findings.append(Finding(kind, match.start(), match.end(), 0.9, self.name, name))
        return findings

"""National Insurance numbers (HMRC NIM39110): strict shape unlabelled, loose shape when labelled."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cosigner.detectors import Finding
from cosigner.detectors._keywords import finditer_in_digit_windows
from cosigner.detectors._text import alnum, has_label
from cosigner.detectors.kinds import NI_NUMBER

_SEP = r"[ \t\-.]{0,2}"
_LOOSE = re.compile(
    rf"(?<![\w])([A-Za-z]{_SEP}[A-Za-z]){_SEP}(\d{{2}}){_SEP}(\d{{2}}){_SEP}(\d{{2}})(?:{_SEP}([A-Da-d]))?(?![\w])"
)
_BAD_FIRST = set("DFIQUV")
_BAD_SECOND = set("DFIQUVO")
_NEVER = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
_LABELS = (
    "ni",
    "nino",
    "ni no",
    "ni number",
    "national insurance",
    "national insurance no",
    "national insurance number",
    "nat ins",
    "ins no",
    "nin",
)


def strict_prefix_ok(prefix: str) -> bool:
    prefix = prefix.upper()
    return prefix[0] not in _BAD_FIRST and prefix[1] not in _BAD_SECOND and prefix not in _NEVER


class NinoDetector:
    name = "nino"

    def detect(self, text: str) -> Sequence[Finding]:
        findings: list[Finding] = []
        for match in finditer_in_digit_windows(_LOOSE, text):
            prefix = alnum(match.group(1))
            start, end = match.span()
            labelled = has_label(text, start, _LABELS)
            if labelled:
                findings.append(Finding(NI_NUMBER, start, end, 1.0, self.name, "nino_labelled"))
                continue
            # strict: valid prefix, upper-case letters as written, and the suffix letter present
            if match.group(5) is None or not strict_prefix_ok(prefix):
                continue
            if not (prefix.isupper() and match.group(5).isupper()):
                continue
            findings.append(Finding(NI_NUMBER, start, end, 0.9, self.name, "nino_strict"))
        return findings

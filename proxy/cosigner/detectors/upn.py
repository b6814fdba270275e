"""Unique Pupil Numbers (England): check letter + 12 characters, verified by the check letter."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cosigner.detectors import Finding
from cosigner.detectors._keywords import finditer_in_digit_windows
from cosigner.detectors._text import alnum, has_label
from cosigner.detectors.checksums import upn_check_ok
from cosigner.detectors.kinds import UPN

_SHAPE = re.compile(
    r"(?<![\w])[A-HJ-NP-RT-Za-hj-np-rt-z][ \-]?\d{3}[ \-]?\d{4}[ \-]?\d{2}[ \-]?\d{2}[\dA-Za-z](?![\w])"
)
_LABELS = ("upn", "unique pupil number", "pupil number", "pupil no")


class UpnDetector:
    name = "upn"

    def detect(self, text: str) -> Sequence[Finding]:
        findings: list[Finding] = []
        for match in finditer_in_digit_windows(_SHAPE, text):
            start, end = match.span()
            if upn_check_ok(alnum(match.group())):
                findings.append(Finding(UPN, start, end, 0.95, self.name, "upn_check_letter"))
            elif has_label(text, start, _LABELS):
                findings.append(Finding(UPN, start, end, 1.0, self.name, "upn_labelled"))
        return findings

"""NHS numbers (England, Wales, Isle of Man), Scottish CHI and Northern Ireland H&C numbers.

All three are ten digits with the same modulus-11 check digit.  An unlabelled run needs a valid check digit;
a labelled one is redacted whatever the check digit says (real notes contain typos).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cosigner.detectors import Finding
from cosigner.detectors._keywords import digit_windows
from cosigner.detectors._text import alnum, has_label
from cosigner.detectors.checksums import chi_date_ok, mod11_check_ok
from cosigner.detectors.kinds import CHI_NUMBER, HC_NUMBER, NHS_NUMBER

# ten digits, each gap at most two separator characters (spaces, dashes, dots, slashes, a line break)
# The lookbehind comes after the first digit ("(?<![\w.]\d)" there says the same as "(?<![\w.])" before it) so
# that the pattern starts with a digit class, which the regex engine scans for in C instead of trying every position.
_TEN_DIGITS = re.compile(r"\d(?<![\w.]\d)(?:[ \t\-./\n]{0,3}\d){9}(?!\w)")
_RUN_CONTINUES = re.compile(r"[ \-./]\d")
_NHS_LABELS = ("nhs", "nhs no", "nhs number", "nhs num", "nhsno", "nhs#")
_CHI_LABELS = ("chi", "chi no", "chi number")
_HC_LABELS = ("h&c", "hcn", "h c", "health and care", "health & care", "h&c no", "h&c number")


def classify(digits: str) -> str | None:
    """The type an unlabelled, check-digit-valid ten-digit number belongs to (None: not a health number)."""
    if not mod11_check_ok(digits) or digits == "0000000000":
        return None
    prefix = int(digits[:3])
    if 320 <= prefix <= 399:
        return HC_NUMBER
    if int(digits[:9]) <= 311299999 and chi_date_ok(digits):
        return CHI_NUMBER
    # the CHI range without a real date is no valid CHI; with a valid check digit it is still treated as a
    # health number (a mistyped CHI or NHS number is as identifying as a correct one)
    return NHS_NUMBER


class HealthNumberDetector:
    name = "health_numbers"

    def detect(self, text: str) -> Sequence[Finding]:
        findings: list[Finding] = []
        for lo, hi in digit_windows(text):
            pos = lo
            while True:
                match = _TEN_DIGITS.search(text, pos, hi)
                if match is None:
                    break
                finding = self._judge(text, match)
                if finding is None:
                    # not a health number: the ten digits may start later in the same run ("2017 476 767 4840")
                    pos = match.start() + 1
                    continue
                findings.append(finding)
                pos = match.end()
        return findings

    def _judge(self, text: str, match: re.Match[str]) -> Finding | None:
        raw = match.group()
        if raw.count("\n") > 2:
            return None
        start, end = match.span()
        if has_label(text, start, _NHS_LABELS):
            return Finding(NHS_NUMBER, start, end, 1.0, self.name, "nhs_labelled")
        if has_label(text, start, _CHI_LABELS):
            return Finding(CHI_NUMBER, start, end, 1.0, self.name, "chi_labelled")
        if has_label(text, start, _HC_LABELS):
            return Finding(HC_NUMBER, start, end, 1.0, self.name, "hc_labelled")
        kind = classify(alnum(raw))
        if kind is None:
            return None
        if _RUN_CONTINUES.match(text, end):
            # inside a longer run of digits ("14 Jan 2010 479 238 6527"): a valid later alignment wins
            later = _TEN_DIGITS.search(text, start + 1)
            if later is not None and later.start() < end and classify(alnum(later.group())) is not None:
                return None
        return Finding(kind, start, end, 0.9, self.name, kind.lower() + "_checksum")

"""UK postcodes (BS 7666 letter rules), BFPO numbers, overseas territories and NHS ZZ99 pseudo-postcodes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cosigner.detectors import Finding
from cosigner.detectors._keywords import finditer_in_digit_windows
from cosigner.detectors.kinds import POSTCODE

_SEP = r"[ \t]{0,3}\n?[ \t]{0,3}"
_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9][0-9]?"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
_SPECIAL = (
    r"GIR" + _SEP + r"0AA|(?:ASCN|STHL|TDCU|BBND|BIQQ|FIQQ|PCRN|SIQQ|TKCA)" + _SEP + r"1ZZ|GX11" + _SEP + r"1AA"
    r"|ZZ99" + _SEP + r"[0-9][A-Z]{2}|BFPO" + _SEP + r"[0-9]{1,4}"
)
_POSTCODE = re.compile(rf"(?<![A-Za-z0-9])(?:{_SPECIAL}|{_OUTWARD}{_SEP}{_INWARD})(?![A-Za-z0-9])", re.IGNORECASE)


class PostcodeDetector:
    name = "postcode"

    def detect(self, text: str) -> Sequence[Finding]:
        findings: list[Finding] = []
        for match in finditer_in_digit_windows(_POSTCODE, text):
            raw = match.group()
            # lower-case or unspaced forms are common; a mixed-case word like "Ab1 2cd" is not a postcode
            letters = [c for c in raw if c.isalpha()]
            if not (all(c.isupper() for c in letters) or all(c.islower() for c in letters)):
                continue
            findings.append(Finding(POSTCODE, match.start(), match.end(), 0.95, self.name, "bs7666"))
        return findings

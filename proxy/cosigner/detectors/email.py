"""Email addresses, including spelled-out forms ("jo dot bloggs at example dot com")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cosigner.detectors import Finding
from cosigner.detectors._keywords import KeywordWindows
from cosigner.detectors.kinds import EMAIL

_EMAIL = re.compile(
    r"(?<![\w.+\-])[\w.+\-!#$%&'*/=?^`{|}~\"]{1,64}\s?@\s?(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+"
    r"[A-Za-z]{2,24}(?![\w\-])"
)
_SPELLED = re.compile(
    r"(?i)(?<![\w])[a-z0-9][\w\-]*(?:\s*(?:\.|\(dot\)|\[dot\]|\bdot\b)\s*[\w\-]+)*"
    r"\s*(?:\(at\)|\[at\]|\bat\b)\s*"
    r"[a-z0-9][\w\-]*(?:\s*(?:\.|\(dot\)|\[dot\]|\bdot\b)\s*[a-z0-9][\w\-]*)*"
    r"\s*(?:\.|\(dot\)|\[dot\]|\bdot\b)\s*(?:com|co\s*(?:\.|\bdot\b)\s*uk|org(?:\s*(?:\.|\bdot\b)\s*uk)?|net|"
    r"gov\s*(?:\.|\bdot\b)\s*uk|nhs\s*(?:\.|\bdot\b)\s*(?:uk|net)|ac\s*(?:\.|\bdot\b)\s*uk|uk|io|info|me)(?![\w])"
)


_SPELLED_KEYS = KeywordWindows(("dot", "(at)", "[at]"), before=80, after=80, word_start=False, word_end=False)


class EmailDetector:
    name = "email"

    def detect(self, text: str) -> Sequence[Finding]:
        findings: list[Finding] = []
        if "@" in text:
            for match in _EMAIL.finditer(text):
                findings.append(Finding(EMAIL, match.start(), match.end(), 1.0, self.name, "rfc5322_practical"))
        lowered = text.lower()
        if "dot" in lowered or "(at)" in lowered or "[at]" in lowered:
            for match in _SPELLED_KEYS.finditer(_SPELLED, text, lowered):
                raw = match.group().lower()
                if " dot " not in raw and "(dot)" not in raw and "[dot]" not in raw and "." not in raw:
                    continue
                if "dot" not in raw and "(at)" not in raw and "[at]" not in raw:
                    continue  # "met at school.com"? needs an obfuscation marker to be a spelled-out address
                findings.append(Finding(EMAIL, match.start(), match.end(), 0.8, self.name, "spelled_out"))
        return findings

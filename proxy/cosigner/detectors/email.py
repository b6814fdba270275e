"""Email addresses, including spelled-out forms ("jo dot bloggs at example dot com")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

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


# The local part is at most 64 characters and cannot contain "@", plus an optional space before the "@".
_LOCAL_REACH = 66


def _addresses(text: str) -> Iterator[tuple[int, int]]:
    """The matches ``_EMAIL.finditer(text)`` gives, without trying the pattern at every position of the text.

    Any match holds the first "@" after its start, so none can start more than ``_LOCAL_REACH`` characters
    before the next "@": the search jumps there.  (Lookbehinds still see the text before the search start.)
    """
    pos = 0
    while True:
        at = text.find("@", pos)
        if at == -1:
            return
        match = _EMAIL.search(text, max(pos, at - _LOCAL_REACH))
        if match is None:
            return
        yield match.start(), match.end()
        pos = match.end()


_SPELLED_KEYS = KeywordWindows(("dot", "(at)", "[at]"), before=80, after=80, word_start=False, word_end=False)


class EmailDetector:
    name = "email"

    def detect(self, text: str) -> Sequence[Finding]:
        findings: list[Finding] = []
        for start, end in _addresses(text):
            findings.append(Finding(EMAIL, start, end, 1.0, self.name, "rfc5322_practical"))
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

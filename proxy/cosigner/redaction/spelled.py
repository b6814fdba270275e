"""Numbers written to slip past a digit scan: spelled-out digits ("nine four three ...") and letter look-alikes
inside digit runs ("94347659l9", "O121 496 3951").  Each run is rewritten as plain digits, with the words just
before it kept so labels still count, and rescanned like a decoded base64 run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cosigner.detectors._keywords import KeywordWindows, finditer_in_digit_windows
from cosigner.detectors._text import has_digit

_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "nought": "0", "nil": "0", "o": "0", "one": "1", "two": "2", "three": "3",
    "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_WORD = r"(?:zero|oh|nought|nil|o|one|two|three|four|five|six|seven|eight|nine)"
_MULTIPLIER = r"(?:double|triple)"
# seven or more digit words (optionally "double four"), separated by spaces, commas or dashes
_SPELLED = re.compile(
    rf"(?i)(?<![\w])(?:{_MULTIPLIER}[ \t]+)?{_WORD}(?:[ \t,\-]+(?:{_MULTIPLIER}[ \t]+)?{_WORD}){{6,}}(?![\w])"
)
# windows open at a run of digit words and reach far enough for the longest spelled number
_SPELLED_KEYS = KeywordWindows(
    (
        "zero",
        "oh",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "double",
        "triple",
        "nought",
    ),
    before=0,
    after=160,
)
# a digit run with letter look-alikes: at least six real digits and one of O o l I | inside or at the edge
_LOOKALIKE = re.compile(r"(?<![A-Za-z0-9])[0-9OolI|](?:[ \-.]?[0-9OolI|]){8,13}(?![A-Za-z0-9])")
_LOOKALIKE_MAP = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_CONTEXT = 40


def _spelled_digits(run: str) -> str:
    digits: list[str] = []
    repeat = 1
    for word in re.split(r"[ \t,\-]+", run.lower()):
        if word == "double":
            repeat = 2
        elif word == "triple":
            repeat = 3
        elif word in _DIGIT_WORDS:
            digits.append(_DIGIT_WORDS[word] * repeat)
            repeat = 1
    return "".join(digits)


def obfuscated_number_runs(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, rewritten text) for spelled-out or look-alike numbers; the rewrite keeps the
    preceding words (for labels) and puts the digits in place of the run."""
    for lo, hi in _SPELLED_KEYS.windows(text):
        for match in _SPELLED.finditer(text, lo, hi):
            digits = _spelled_digits(match.group())
            if len(digits) >= 7:
                yield match.start(), match.end(), text[max(0, match.start() - _CONTEXT) : match.start()] + digits
    if has_digit(text):
        for match in finditer_in_digit_windows(_LOOKALIKE, text):
            run = match.group()
            real = sum(c.isdigit() for c in run)
            if real < 6 or real == sum(c.isalnum() for c in run):
                continue
            rewritten = run.translate(_LOOKALIKE_MAP)
            yield match.start(), match.end(), text[max(0, match.start() - _CONTEXT) : match.start()] + rewritten

"""A normalised 'shadow' of a text for detection, with offsets mapped back to the original.

Detection runs on the shadow: NFKC, invisible characters dropped, look-alike letters folded to Latin, any
Unicode decimal digit folded to ASCII.  The outbound text loses exactly the characters the shadow dropped, so
what leaves the machine is what was screened.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Zero-width, soft hyphen, joiners, bidi controls, word joiners, variation selectors, BOM, tag characters.
_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE007F),
    (0xE0100, 0xE01EF),
)
INVISIBLE_DELETE = {cp: None for lo, hi in _INVISIBLE_RANGES for cp in range(lo, hi + 1)}
_SPECIAL = re.compile(r"[^\x00-\x7f]+|\\[nrt]")
_ESCAPES = {"n": "\n", "r": "\n", "t": " "}

# Letters that render like Latin ones (Cyrillic, Greek, Armenian, Latin small capitals and dotless forms).
_CONFUSABLES = {
    "а": "a",
    "в": "b",
    "е": "e",
    "ё": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "ѕ": "s",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "һ": "h",
    "ӏ": "l",
    "ɡ": "g",
    "ı": "i",
    "ȷ": "j",
    "А": "A",
    "В": "B",
    "Е": "E",
    "Ё": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "У": "Y",
    "Х": "X",
    "Ѕ": "S",
    "І": "I",
    "Ї": "I",
    "Ј": "J",
    "Ԁ": "D",
    "Ԛ": "Q",
    "Ԝ": "W",
    "Һ": "H",
    "Ӏ": "I",
    "Ʒ": "3",
    "ᴀ": "A",
    "ʙ": "B",
    "ᴄ": "C",
    "ᴅ": "D",
    "ᴇ": "E",
    "ɢ": "G",
    "ʜ": "H",
    "ɪ": "I",
    "ᴊ": "J",
    "ᴋ": "K",
    "ʟ": "L",
    "ᴍ": "M",
    "ɴ": "N",
    "ᴏ": "O",
    "ᴘ": "P",
    "ʀ": "R",
    "ᴛ": "T",
    "ᴜ": "U",
    "ᴠ": "V",
    "ᴡ": "W",
    "ʏ": "Y",
    "ᴢ": "Z",
    "α": "a",
    "β": "b",
    "ε": "e",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "ω": "w",
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Υ": "Y",
    "Χ": "X",
    "օ": "o",
    "ս": "u",
    "ց": "g",
    "հ": "h",
    "ո": "n",
    "ք": "p",
    "Օ": "O",
    "Տ": "S",
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
    "﹘": "-",
    "﹣": "-",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u0085": "\n",
    "\u00a0": " ",
}


# Look-alike letters of other scripts are folded only inside a word that could pass for a Latin one (it mixes in
# Latin letters, or every letter of it has a Latin twin): "Кеrry" and an all-Cyrillic "Норе" are folded, while
# real Greek or Cyrillic words ("Λεωφόρος Συγγρού") are left alone for the detectors to read as they are.
_SCRIPT_LOOKALIKES = frozenset(c for c in _CONFUSABLES if c.isalpha() and not ("a" <= c.lower() <= "z"))


def _passes_for_latin(original: str, start: int, end: int) -> bool:
    """Whether the word around the non-ASCII run ``original[start:end]`` could be read as a Latin word."""
    while start > 0 and original[start - 1].isalpha():
        start -= 1
    while end < len(original) and original[end].isalpha():
        end += 1
    letters = [c for c in original[start:end] if c.isalpha()]
    return any(c.isascii() for c in letters) or all(c in _CONFUSABLES for c in letters)


def _fold_char(char: str, lookalikes: bool = True) -> str:
    folded = _CONFUSABLES.get(char)
    if folded is not None and (lookalikes or char not in _SCRIPT_LOOKALIKES):
        return folded
    if ord(char) in INVISIBLE_DELETE:
        return ""
    norm = unicodedata.normalize("NFKC", char)
    if norm != char:
        # NFKC can produce characters that themselves need folding
        return "".join(_CONFUSABLES.get(c, c) for c in norm if ord(c) not in INVISIBLE_DELETE)
    digit = unicodedata.decimal(char, None)
    if digit is not None:
        return str(digit)
    return char


@dataclass(frozen=True, slots=True)
class Shadow:
    """``text`` is what detectors see; ``origin[i]`` is the original index of shadow character ``i``."""

    original: str
    text: str
    origin: tuple[int, ...] | None  # None: identical to the original (the common all-ASCII case)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if self.origin is None:
            return start, end
        if end <= start:
            return self.origin[start] if start < len(self.origin) else len(self.original), self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def make_shadow(original: str) -> Shadow:
    if original.isascii() and "\\" not in original:
        return Shadow(original, original, None)
    pieces: list[str] = []
    origin: list[int] = []
    last = 0
    changed = False
    for match in _SPECIAL.finditer(original):
        start = match.start()
        if start > last:
            pieces.append(original[last:start])
            origin.extend(range(last, start))
        run = match.group()
        if run[0] == "\\":
            # a JSON escape in tool-call arguments: "943\\n476" is a line break between digit groups
            pieces.append(_ESCAPES[run[1]])
            origin.append(start)
            changed = True
        else:
            lookalikes = _passes_for_latin(original, start, match.end())
            for offset, char in enumerate(run):
                folded = _fold_char(char, lookalikes)
                if folded != char:
                    changed = True
                pieces.append(folded)
                origin.extend([start + offset] * len(folded))
        last = match.end()
    if not changed:
        return Shadow(original, original, None)
    pieces.append(original[last:])
    origin.extend(range(last, len(original)))
    return Shadow(original, "".join(pieces), tuple(origin))


def strip_invisible(text: str) -> str:
    if text.isascii():
        return text
    return text.translate(INVISIBLE_DELETE)

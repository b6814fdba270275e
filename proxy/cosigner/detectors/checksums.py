"""Check-digit arithmetic for UK identifiers (pure functions over digit strings)."""

from __future__ import annotations

_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def mod11_check_ok(digits: str) -> bool:
    """NHS / CHI / H&C modulus 11: weights 10..2 on digits 1-9; a check value of 10 is invalid."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    if check == 10:
        return False
    return check == int(digits[9])


def chi_date_ok(digits: str) -> bool:
    """The first six digits of a CHI number are a real DDMMYY date."""
    day, month, year = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    if not 1 <= month <= 12 or day < 1:
        return False
    days = (31, 29 if year % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return day <= days[month - 1]


def upn_check_ok(upn: str) -> bool:
    """Unique Pupil Number: check letter = sum(char_i * i for i in 2..13) mod 23 through the UPN alphabet."""
    if len(upn) != 13:
        return False
    upn = upn.upper()
    total = 0
    for position, char in enumerate(upn[1:], start=2):
        if char.isdigit():
            value = int(char)
        elif position == 13 and char in _UPN_LETTERS:
            # temporary UPNs carry a letter in the last place; it counts as its alphabet index
            value = _UPN_LETTERS.index(char)
        else:
            return False
        total += value * position
    return upn[0] == _UPN_LETTERS[total % 23]

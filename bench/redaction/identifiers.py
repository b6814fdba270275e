"""Random valid (and deliberately mistyped) UK identifiers in the many formats notes use (bench only)."""

from __future__ import annotations

import random
import string

from cosigner.detectors.checksums import mod11_check_ok

UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
OUTWARD = (
    "LS6",
    "LS11",
    "M14",
    "M8",
    "B23",
    "B9",
    "SW1A",
    "SE15",
    "E17",
    "N15",
    "NW10",
    "EH8",
    "EH11",
    "G12",
    "G31",
    "CF10",
    "CF24",
    "BT7",
    "BT12",
    "NE4",
    "NE6",
    "L8",
    "L4",
    "BS5",
    "BS13",
    "S2",
    "S8",
    "HU3",
    "BD8",
    "OL1",
    "WF1",
    "DN4",
    "NG7",
    "LE2",
    "CV1",
    "ST4",
    "PR1",
    "BB1",
    "SR4",
    "TS1",
    "PL4",
    "EX2",
    "W1A",
    "EC1V",
    "WC2H",
    "SW19",
    "CR0",
    "IG11",
    "RM8",
    "TN34",
    "ME7",
    "LU1",
    "MK9",
    "OX4",
    "CB4",
)
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def nhs_digits(rng: random.Random, prefix: str = "") -> str:
    while True:
        body = prefix + "".join(rng.choice(string.digits) for _ in range(9 - len(prefix)))
        for check in "0123456789":
            if mod11_check_ok(body + check):
                return body + check


def nhs_number(rng: random.Random) -> str:
    digits = nhs_digits(rng, rng.choice(["4", "6", "7", "9"]))
    return fmt_ten(rng, digits)


def mistyped_nhs(rng: random.Random) -> str:
    while True:
        digits = "".join(rng.choice(string.digits) for _ in range(10))
        if digits[0] != "0" and not mod11_check_ok(digits):
            return fmt_ten(rng, digits)


def fmt_ten(rng: random.Random, digits: str) -> str:
    style = rng.randrange(5)
    if style == 0:
        return digits
    if style == 1:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    if style == 2:
        return f"{digits[:3]}.{digits[3:6]}.{digits[6:]}"
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def chi_number(rng: random.Random) -> str:
    while True:
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(0, 99)
        digits = f"{day:02d}{month:02d}{year:02d}" + "".join(rng.choice(string.digits) for _ in range(3))
        for check in "0123456789":
            if mod11_check_ok(digits + check):
                return digits + check if rng.random() < 0.7 else f"{digits[:6]} {digits[6:]}{check}"


def hc_number(rng: random.Random) -> str:
    return fmt_ten(rng, nhs_digits(rng, str(rng.randint(320, 399))))


def nino(rng: random.Random) -> str:
    first = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
    second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    while first + second in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}:
        second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    digits = "".join(rng.choice(string.digits) for _ in range(6))
    suffix = rng.choice("ABCD")
    style = rng.randrange(3)
    if style == 0:
        return f"{first}{second} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"
    if style == 1:
        return f"{first}{second}{digits}{suffix}"
    return f"{first}{second} {digits} {suffix}"


def upn(rng: random.Random) -> str:
    la, school = rng.randint(201, 938), rng.randint(1000, 9999)
    body = f"{la:03d}{school}{rng.randint(10, 25):02d}{rng.randint(0, 999):03d}"
    total = sum(int(c) * pos for pos, c in enumerate(body, start=2))
    return UPN_LETTERS[total % 23] + body


def postcode(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.04:
        return f"BFPO {rng.randint(1, 999)}"
    if roll < 0.08:
        return f"ZZ99 {rng.randint(1, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
    code = f"{rng.choice(OUTWARD)} {rng.randint(0, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
    style = rng.random()
    if style < 0.15:
        return code.replace(" ", "")
    if style < 0.25:
        return code.lower()
    return code


def phone(rng: random.Random) -> str:
    mobile = f"7700 900{rng.randint(0, 999):03d}"
    land = f"121 496 {rng.randint(0, 9999):04d}"
    leeds = f"113 496 {rng.randint(0, 9999):04d}"
    drama = f"1632 960{rng.randint(0, 999):03d}"
    choices = [
        f"0{mobile}",
        f"0{mobile.replace(' ', '')}",
        f"+44 {mobile}",
        f"+44{mobile.replace(' ', '')}",
        f"0{land}",
        f"(0121) 496-{land[-4:]}",
        f"0{land.replace(' ', '')}",
        f"+44 (0){land}",
        f"0044 {land}",
        f"0{leeds}",
        f"0{drama}",
        f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}",
    ]
    return rng.choice(choices)


def email(rng: random.Random, first: str, last: str) -> str:
    domain = rng.choice(["example.com", "example.org", "mail.example.co.uk", "example.gov.uk", "nhs.example.net"])
    user = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randint(1, 99)}", f"{last}.{first}"])
    user = "".join(c for c in user.lower() if c.isalnum() or c in ".-")
    if rng.random() < 0.08:
        return f"{user.replace('.', ' dot ')} at {domain.replace('.', ' dot ')}"
    return f"{user}@{domain}"


def reference(rng: random.Random) -> tuple[str, str]:
    """(label, value)"""
    options = [
        ("Mosaic ID:", str(rng.randint(100000, 9999999))),
        ("Case no.", f"{rng.choice(['CP', 'CIN', 'LAC'])}{rng.randint(10000, 999999)}"),
        ("crime ref", f"{rng.randint(10, 99)}/{rng.randint(100000, 999999)}/{rng.randint(20, 25)}"),
        ("Court ref:", f"{rng.choice(['LS', 'MA', 'BM'])}{rng.randint(20, 25)}C{rng.randint(10000, 99999)}"),
        ("prison no.", f"A{rng.randint(1000, 9999)}{rng.choice('ABCDEFGH')}{rng.choice('ABCDEFGH')}"),
        ("LCS ID", str(rng.randint(1000000, 9999999))),
        ("Ref:", f"ASC-{rng.randint(2019, 2025)}-{rng.randint(1000, 99999)}"),
        ("Police ref", f"{rng.randint(1000, 9999)}{rng.choice(['/', '-'])}{rng.randint(10000000, 99999999)}"),
    ]
    return rng.choice(options)

"""Detector tables from the test vectors in notes/identifiers.md: valid, invalid, labelled-invalid."""

from __future__ import annotations

import pytest

from cosigner.detectors.addresses import AddressDetector
from cosigner.detectors.checksums import chi_date_ok, mod11_check_ok, upn_check_ok
from cosigner.detectors.dates import DobDetector
from cosigner.detectors.email import EmailDetector
from cosigner.detectors.health_numbers import HealthNumberDetector
from cosigner.detectors.nino import NinoDetector
from cosigner.detectors.phone import PhoneDetector
from cosigner.detectors.postcode import PostcodeDetector
from cosigner.detectors.references import ReferenceDetector
from cosigner.detectors.upn import UpnDetector


def found(detector: object, text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in detector.detect(text)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("digits", ["9434765919", "9434765870", "4010232137", "9990000018", "0101011237"])
def test_mod11_accepts_valid_check_digits(digits: str) -> None:
    assert mod11_check_ok(digits)


@pytest.mark.parametrize("digits", ["9434765871", "4010232138", "9876544321", *[f"123456789{d}" for d in range(10)]])
def test_mod11_rejects_invalid_check_digits(digits: str) -> None:
    assert not mod11_check_ok(digits)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seen 943 476 5919 today", [("NHS_NUMBER", "943 476 5919")]),
        ("seen 943-476-5870 today", [("NHS_NUMBER", "943-476-5870")]),
        ("seen 401-023-2137 today", [("NHS_NUMBER", "401-023-2137")]),
        ("seen 999 000 0018 today", [("NHS_NUMBER", "999 000 0018")]),
        ("seen 9434765919 today", [("NHS_NUMBER", "9434765919")]),
        ("seen 943.476.5919 today", [("NHS_NUMBER", "943.476.5919")]),
        ("seen 943 476\n5919 today", [("NHS_NUMBER", "943 476\n5919")]),
        # invalid and unlabelled: left alone
        ("seen 9434765871 today", []),
        ("seen 401-023-2138 today", []),
        ("seen 987 654 4321 today", []),
        ("seen 123 456 7890 today", []),
        ("seen 000 000 0000 today", []),
        # labelled: redacted whatever the checksum says
        ("NHS no: 9434765871", [("NHS_NUMBER", "9434765871")]),
        ("NHS number 401-023-2138", [("NHS_NUMBER", "401-023-2138")]),
        ("NHS: 987 654 4321", [("NHS_NUMBER", "987 654 4321")]),
        # Scottish CHI: date + mod 11; labelled CHI whatever the checksum
        ("ref 0101011237 ok", [("CHI_NUMBER", "0101011237")]),
        ("ref 0101201234 ok", []),
        ("ref 3201201234 ok", []),
        ("CHI 0101201234", [("CHI_NUMBER", "0101201234")]),
        # Northern Ireland H&C: 320-399 prefix
        ("H&C number 3200000010", [("HC_NUMBER", "3200000010")]),
    ],
)
def test_health_numbers(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(HealthNumberDetector(), text) == expected


def test_hc_range_is_classified_unlabelled() -> None:
    digits = next(f"35012345{a}{b}" for a in "0123456789" for b in "0123456789" if mod11_check_ok(f"35012345{a}{b}"))
    assert found(HealthNumberDetector(), f"x {digits} y") == [("HC_NUMBER", digits)]


def test_chi_date_rules() -> None:
    assert chi_date_ok("2902001234") and not chi_date_ok("3002001234") and not chi_date_ok("0113001234")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AB 12 34 56 C", ["AB 12 34 56 C"]),
        ("AB123456C", ["AB123456C"]),
        ("AB 123456 C", ["AB 123456 C"]),
        ("JG-12-34-56-A", ["JG-12-34-56-A"]),
        # invalid without a label: HMRC's own example, bad prefixes, never-used pairs, missing suffix
        ("QQ 12 34 56 A", []),
        ("DA 12 34 56 A", []),
        ("AO 12 34 56 A", []),
        ("GB 12 34 56 A", []),
        ("ZZ 12 34 56 A", []),
        ("AB 12 34 56", []),
        # labelled: loose (any letters, suffix optional)
        ("NI number QQ 12 34 56 A", ["QQ 12 34 56 A"]),
        ("NINO: AB 12 34 56", ["AB 12 34 56"]),
        ("National Insurance ab123456c", ["ab123456c"]),
    ],
)
def test_nino(text: str, expected: list[str]) -> None:
    assert [value for _kind, value in found(NinoDetector(), text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pupil B801200005001 here", ["B801200005001"]),
        ("pupil P207000016049 here", ["P207000016049"]),
        ("pupil A801200005001 here", []),
        ("UPN A801200005001", ["A801200005001"]),
    ],
)
def test_upn(text: str, expected: list[str]) -> None:
    assert [value for _kind, value in found(UpnDetector(), text)] == expected
    assert upn_check_ok("B801200005001") and not upn_check_ok("A801200005001")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lives in LS6 2AB now", ["LS6 2AB"]),
        ("lives in ls6 2ab now", ["ls6 2ab"]),
        ("lives in LS62AB now", ["LS62AB"]),
        ("lives in SW1A 1AA now", ["SW1A 1AA"]),
        ("lives in W1A 0AX now", ["W1A 0AX"]),
        ("lives in EC1V 9HX now", ["EC1V 9HX"]),
        ("lives in M1 1AE now", ["M1 1AE"]),
        ("lives in B33 8TH now", ["B33 8TH"]),
        ("lives in CR2 6XH now", ["CR2 6XH"]),
        ("lives in DN55 1PT now", ["DN55 1PT"]),
        ("lives in LS6\n2AB now", ["LS6\n2AB"]),
        ("GIR 0AA", ["GIR 0AA"]),
        ("BFPO 1234", ["BFPO 1234"]),
        ("no fixed abode ZZ99 3VZ", ["ZZ99 3VZ"]),
        ("Falklands FIQQ 1ZZ", ["FIQQ 1ZZ"]),
        ("Gibraltar GX11 1AA", ["GX11 1AA"]),
        ("St Helena STHL 1ZZ", ["STHL 1ZZ"]),
        # letter rules: Q V X never first; I J Z never second; C I K M O V never in the inward code
        ("QA1 1AA", []),
        ("AI1 1AA", []),
        ("LS6 2CA", []),
        ("LS6 2AK", []),
        ("Section 47", []),
    ],
)
def test_postcode(text: str, expected: list[str]) -> None:
    assert [value for _kind, value in found(PostcodeDetector(), text)] == expected


@pytest.mark.parametrize(
    "number",
    [
        "0121 496 3951",
        "(0121) 496-3951",
        "01214963951",
        "+44 (0)121 496 3951",
        "0044 121 496 3951",
        "+447911123456",
        "01632 960123",
        "07700 900123",
        "+1 604 696 5272",
    ],
)
def test_phone_numbers_are_found(number: str) -> None:
    assert found(PhoneDetector(), f"call {number} today") == [("PHONE", number)]


@pytest.mark.parametrize("text", ["Section 47 of the Children Act 1989", "at 10:30 on 13/05/2025", "£1,200 paid"])
def test_phone_hard_negatives(text: str) -> None:
    assert found(PhoneDetector(), text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail kerry.nolan@example.com now", ["kerry.nolan@example.com"]),
        ("mail k_n+care@mail.example.co.uk.", ["k_n+care@mail.example.co.uk"]),
        ("mail kerry dot nolan at example dot com now", ["kerry dot nolan at example dot com"]),
        ("mail kerry(at)example(dot)org", ["kerry(at)example(dot)org"]),
        ("we met at school.", []),
    ],
)
def test_email(text: str, expected: list[str]) -> None:
    assert [value for _kind, value in found(EmailDetector(), text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DOB: 13/05/2025", ["13/05/2025"]),
        ("D.O.B. 17th September 2012", ["17th September 2012"]),
        ("born on 17.9.12 in Leeds", ["17.9.12"]),
        ("date of birth 2012-09-17", ["2012-09-17"]),
        ("b. 17 Sep 2012", ["17 Sep 2012"]),
        ("Kerry, 17 Sep 2012, age 12", ["17 Sep 2012"]),
        ("Kerry (17/09/2012) attended", ["17/09/2012"]),
        # other dates are not identifiers
        ("visit on 13/05/2025 at 10:30", []),
        ("meeting 17 Sep 2025 about the plan", []),
        ("DOB 17/09/2012, next visit 13/05/2025", ["17/09/2012"]),
    ],
)
def test_dates_of_birth(text: str, expected: list[str]) -> None:
    assert [value for _kind, value in found(DobDetector(), text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lives at 14 Acacia Avenue with mum", ["14 Acacia Avenue"]),
        ("Flat 3, 22 Mill Lane, Bradford", ["Flat 3, 22 Mill Lane, Bradford"]),
        ("at 14 Acacia Avenue, Leeds LS6 2AB.", ["14 Acacia Avenue, Leeds LS6 2AB"]),
        ("moved to Leeds last year", []),
        ("Section 47 on 12 May 2025", []),
        ("Address:\n221B Baker Street\nLondon\nNW1 6XE\n\nSeen today", ["221B Baker Street\nLondon\nNW1 6XE"]),
        # one finding per address: the unit line inside it is not reported again
        ("> 1072 Pohlstrasse 9\n> Suite 858\n> Germany 74285", ["1072 Pohlstrasse 9\n> Suite 858\n> Germany 74285"]),
        ("lives at 5049 Harjukuja 54, SEINÄJOKI", ["5049 Harjukuja 54, SEINÄJOKI"]),
        ("stays at 201 Lister View most nights.\n24 May", ["201 Lister View"]),
        ("Returned to PSC 0413, Box 8144\nAPO AA 42323", ["PSC 0413, Box 8144\nAPO AA 42323"]),
    ],
)
def test_addresses(text: str, expected: list[str]) -> None:
    assert [value for _kind, value in found(AddressDetector(), text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mosaic ID: 1234567", ["1234567"]),
        ("crime ref 13/123456/24 was given", ["13/123456/24"]),
        ("Case no. CP12345", ["CP12345"]),
        ("prison no. A1234BC", ["A1234BC"]),
        ("ref ABCDE", []),
        ("she has no 12345 idea", []),
        ("Section 47", []),
    ],
)
def test_references(text: str, expected: list[str]) -> None:
    assert [value for _kind, value in found(ReferenceDetector(), text)] == expected


@pytest.mark.parametrize(
    "raw",
    [
        "0121 496 3951",
        "(0121) 496-3951",
        "01214963951",
        "+44 (0)121 496 3951",
        "0044 121 496 3951",
        "+447911123456",
        "07700 900123",
        "0113 496 0000",
        "0800 123 4567",
        "020 7946 0958",
        "0300 123 1234",
        "+44 20 7946 0958",
        "0044 (0)7700 900123",
    ],
)
def test_uk_fast_path_agrees_with_phonenumbers(raw: str) -> None:
    import phonenumbers

    from cosigner.detectors.phone import _uk_shape

    assert _uk_shape(raw)
    assert phonenumbers.is_possible_number(phonenumbers.parse(raw, "GB"))


def test_phone_on_the_line_after_a_postcode_or_zip() -> None:
    text = "Ribeirão\nPortugal 30971\n21 253 109 8211 office"
    assert found(PhoneDetector(), text) == [("PHONE", "21 253 109 8211")]

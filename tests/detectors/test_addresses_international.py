"""International address forms and the block that follows a street line; prose that must stay untouched."""

from __future__ import annotations

import pytest

from cosigner.detectors.addresses import AddressDetector
from cosigner.detectors.phone import PhoneDetector

DETECTOR = AddressDetector()


def addresses(text: str) -> list[str]:
    return [text[f.start : f.end] for f in DETECTOR.detect(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # block continuation: unit, town, country + postcode lines, with or without quote markers
        (
            "Send it to 18 Crown Street\n Suite 204\n HAVERHILL\n United Kingdom 40213",
            ["18 Crown Street\n Suite 204\n HAVERHILL\n United Kingdom 40213"],
        ),
        (
            "> 3310 Lindengasse 12\n> Apt. 77\n> GRAZ\n> Austria 80144",
            ["3310 Lindengasse 12\n> Apt. 77\n> GRAZ\n> Austria 80144"],
        ),
        # a blank line, then the country and postcode
        (
            "at 4410 Kalevi 12\n Suite 90\n Tartu\n\n Estonia 50101",
            ["4410 Kalevi 12\n Suite 90\n Tartu\n\n Estonia 50101"],
        ),
        # region code lines led by a comma, codes that are also English words
        ("at 72 Pine Drive\nOttawa\n, ON\n 10423", ["72 Pine Drive\nOttawa\n, ON\n 10423"]),
        ("at 2210 Rantakatu 7\nKEMI\n, nan\n 94100", ["2210 Rantakatu 7\nKEMI\n, nan\n 94100"]),
        ("at 310 Oak Street\nSpringvale\n, 32\n 50811", ["310 Oak Street\nSpringvale\n, 32\n 50811"]),
        # same-line town, region and country after a unit
        ("I lived at 51 Kirkegata 9 Apt. 12 BERGEN NO. Then I moved.", ["51 Kirkegata 9 Apt. 12 BERGEN NO"]),
        ("Letter to 902 Maple Road Suite 14 Halifax Nova Scotia", ["902 Maple Road Suite 14 Halifax Nova Scotia"]),
        # a five-digit postcode after the country, even when prose follows
        ("Deliver to 91 Elm Street, Lyon, France 69002 by Friday.", ["91 Elm Street, Lyon, France 69002"]),
        # the country with a qualifier in brackets, Greek written with the increment sign
        (
            "at 14 Lemesou Avenue\n Apt. 3\n ΛΑΡΝΑΚΑ\n Cyprus (Greek) 60231",
            ["14 Lemesou Avenue\n Apt. 3\n ΛΑΡΝΑΚΑ\n Cyprus (Greek) 60231"],
        ),
        ("at 5 Oak Road\n Suite 2\n ∆ΑΛΙ\n Cyprus 20150", ["5 Oak Road\n Suite 2\n ∆ΑΛΙ\n Cyprus 20150"]),
        # joining particles inside place names
        (
            "at 61 Husova 410\n Apt. 8\n Lhota u Prahy\n Czech Republic 25001",
            ["61 Husova 410\n Apt. 8\n Lhota u Prahy\n Czech Republic 25001"],
        ),
        # compass word and a second named block after the street
        ("at 40 Devon Street West\nNew Plymouth", ["40 Devon Street West\nNew Plymouth"]),
        ("at 22 Crown Street Hallam Squares\n Suite 5\n LEEDS", ["22 Crown Street Hallam Squares\n Suite 5\n LEEDS"]),
        ("at Storvegen 14 Marek Forks\n Apt. 2\n MOSS", ["Storvegen 14 Marek Forks\n Apt. 2\n MOSS"]),
        # a second number before the house number, and a flat before it
        ("Mail to 8810 42 Rue Carnot, Lille", ["8810 42 Rue Carnot, Lille"]),
        ("Flat 3, 22 Mill Lane, Bradford", ["Flat 3, 22 Mill Lane, Bradford"]),
        # number-first continental streets ending with their name
        ("She lives at 17 rue de la Paix, with her aunt", ["17 rue de la Paix"]),
        ("at 76 Boulevard de Strasbourg\nToulouse", ["76 Boulevard de Strasbourg\nToulouse"]),
        # street types written as a word of their own, and Hungarian types
        ("at 2201 Bakken gate 14\n> Apt. 3", ["2201 Bakken gate 14\n> Apt. 3"]),
        ("on Nieuwe Laan 473 today", ["Nieuwe Laan 473"]),
        ("at 311 Petőfi Sándor utca 12. Suite 4", ["311 Petőfi Sándor utca 12. Suite 4"]),
        ("on Árpád fejedelem útja 7.", ["Árpád fejedelem útja 7."]),
        ("on C. Ramblastraat 8", ["C. Ramblastraat 8"]),
        ("at 928 Λ. Κηφισίας 14\n Suite 1\n ΑΘΗΝΑ", ["928 Λ. Κηφισίας 14\n Suite 1\n ΑΘΗΝΑ"]),
        ("at 14 Main Str., Nicosia", ["14 Main Str., Nicosia"]),
        # P.O. Box, ship and forces addresses
        ("Write to P.O. Box 4471, Nuuk", ["P.O. Box 4471, Nuuk"]),
        (
            "Write to 2301 PO Box 12\n Suite 3\n Ilulissat\n Greenland 39050",
            ["2301 PO Box 12\n Suite 3\n Ilulissat\n Greenland 39050"],
        ),
        ("Our office is at USNS Halvorsen\nFPO AE 20931", ["USNS Halvorsen\nFPO AE 20931"]),
        ("Send to USCGC Harriet Lane\nFPO AP 96670 please", ["USCGC Harriet Lane\nFPO AP 96670"]),
        # the corner of two streets
        ("Meet at the corner of 12 Oak Street and Birch Avenue.", ["the corner of 12 Oak Street and Birch Avenue"]),
        ("it is the corner of Kauppakatu 5 and Tanner Pass", ["the corner of Kauppakatu 5 and Tanner Pass"]),
        ("the corner of ul. Lipowa 12 and Nowak Route", ["the corner of ul. Lipowa 12 and Nowak Route"]),
        ("the corner of 40 Ash Street and van Dorp Lane", ["the corner of 40 Ash Street and van Dorp Lane"]),
        # districts, region codes before prose, a country line running into the sentence deep in a block
        ("at 18 Husova 41, Praha 6, Czechia", ["18 Husova 41, Praha 6, Czechia"]),
        ("to 18 Oak Avenue Apt. 6 Hamilton ON for post", ["18 Oak Avenue Apt. 6 Hamilton ON"]),
        ("at 4 Rua Nova 76\n Apt. 9\n Braga\n Portugal for this card", ["4 Rua Nova 76\n Apt. 9\n Braga\n Portugal"]),
        ("at 29 Kaari 36\nKERAVA\n, UU\n 51771 for this card", ["29 Kaari 36\nKERAVA\n, UU\n 51771"]),
        # labelled postal codes, German post boxes, a junction named by its two streets
        ("My zip code is 30412.", ["30412"]),
        ("Postal code: 1012-4410", ["1012-4410"]),
        ("Write to Postfach 71, Bern", ["Postfach 71, Bern"]),
        ("Please return to Maren and Storgata 66 soon.", ["Maren and Storgata 66"]),
        ("Fritz-Armstrong\nAnja and ul. Lipowa 53", ["Anja and ul. Lipowa 53"]),
        ("the corner of P.O. Box 12 and van Dorp Street", ["the corner of P.O. Box 12 and van Dorp Street"]),
        ("the corner of Rákóczi út 10. and Sinko Street", ["the corner of Rákóczi út 10. and Sinko Street"]),
        ("at Storgata 87 van Dijk Summit\n Suite 3", ["Storgata 87 van Dijk Summit\n Suite 3"]),
        # a street named without its number after a place preposition
        ("He lives on Anderson Street now.", ["Anderson Street"]),
        ("early shows on Marina Fort Street were important", ["Marina Fort Street"]),
        ("moved to a flat off Beech Road, Leeds LS6 2AB", ["Beech Road, Leeds LS6 2AB"]),
        # name + number with no street type, only in a phrase that names a place
        ("The bus station is on Pod Kaštany 1677", ["Pod Kaštany 1677"]),
        ("Trivo lives on Grünstetten 50 street.", ["Grünstetten 50"]),
        ("Please return to Leon and Eyrabakki 66 in case of an issue.", ["Leon and Eyrabakki 66"]),
        # lower-case addresses, taken with the rest of their block
        (
            "ship to 3747 3911 fourth avenue suite 112 calgary alberta",
            ["3747 3911 fourth avenue suite 112 calgary alberta"],
        ),
        ("to 0605 kolokotroni 210 apt. 99\ndelmas, mp 35739", ["0605 kolokotroni 210 apt. 99\ndelmas, mp 35739"]),
        ("meet me at 2407 rantatie 6, sé, portugal", ["2407 rantatie 6, sé, portugal"]),
        ("at 106 rúa olmos 44, belfast, south africa.", ["106 rúa olmos 44, belfast, south africa"]),
    ],
)
def test_international_addresses(text: str, expected: list[str]) -> None:
    assert addresses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the street line ends where prose starts
        ("She lives at 14 Acacia Avenue with mum and Tyler.", ["14 Acacia Avenue"]),
        ("Visit at 22 Hawthorn Grove. Jade Price was present.", ["22 Hawthorn Grove."]),
        ("At 5 Oak Road Monday we met Kerry.", ["5 Oak Road"]),
        ("stays at 201 Lister View most nights.\n24 May", ["201 Lister View"]),
        # a blank line ends the block unless a "Country 12345" line follows
        (
            "204 Beech Road, Sunderland SR4 9ZS\n\nVilte, Anjali's brother, is in Year 7",
            ["204 Beech Road, Sunderland SR4 9ZS"],
        ),
        ("12 Oak Road\n\n2025 was a hard year", ["12 Oak Road"]),
        ("12 Oak Road\nKerry was seen alone.", ["12 Oak Road"]),
        # a label line starts the next part of the note
        ("Home visit at 14 Oak Road\nPresent: Kerry, Mum", ["14 Oak Road"]),
        ("5 Mill Lane, Leeds\nSeen: Kerry (9)", ["5 Mill Lane, Leeds"]),
        # a lower-case street with nothing of an address after it is prose
        ("took 2 children to the park and played", []),
        ("for 3 days, then 4 weeks 2 days later", []),
        ("aged 12 years 3 months", []),
        # numbers with care terms, dates, times, money, doses
        ("Section 47 enquiry on 12 May 2025 at 10:30", []),
        ("Children Act 1989 section 17", []),
        ("paid £340 on 3 June; sertraline 50 mg 2 times a day", []),
        ("Committee 12 met on Tuesday", []),
        ("in the corner of the room and the sofa", []),
        ("Year 6 at Oak Park Primary", []),
        ("Year 6 Oak Lodge trip", []),
        ("the P.O. was closed", []),
        ("the post code was wrong and zip 12 was lost", []),
        # a first name before "and" joins the street only where an address phrase starts
        ("She visited Kerry and 14 Oak Road last week", ["14 Oak Road"]),
        ("Mum and 14 Oak Road", ["14 Oak Road"]),
        # a street-type word inside a school or court name, or without a place preposition, is not an address
        ("Tyler is in Year 7 at Oak Lane Primary", []),
        ("hearing at Leeds Crown Court on Friday", []),
        ("on the Oak Road side of the estate", []),
        ("Road safety was discussed", []),
        ("seen on Ward 12.", []),
        ("the review on Christmas 2024.", []),
        ("letters were sent to Kerry and Jade 2 times", []),
        ("moved in with Jade and Liam 2 weeks ago", []),
        ("The next meeting is on Friday 14.", []),
    ],
)
def test_prose_around_and_without_addresses(text: str, expected: list[str]) -> None:
    assert addresses(text) == expected


# The one phone form the public set showed beside its addresses: six-digit local numbers.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("How can we reach you? You can call 33 93 31", ["33 93 31"]),
        ("Riga\n61 51 81 office\n", ["61 51 81"]),
        ("ring 615-181 after six", ["615-181"]),
        # without a phone word beside them, or shaped like a date or a time, six digits are not a phone
        ("there were 12 34 56 children", []),
        ("call on 12 05 24 please", []),
        ("sort code 12-34-56", []),
        ("call 10.30 11", []),
    ],
)
def test_six_digit_local_phone_numbers(text: str, expected: list[str]) -> None:
    assert [text[f.start : f.end] for f in PhoneDetector().detect(text)] == expected

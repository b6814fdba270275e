"""Identifier types the built-in detectors report, and their placeholder names."""

from __future__ import annotations

NHS_NUMBER = "NHS_NUMBER"
CHI_NUMBER = "CHI_NUMBER"
HC_NUMBER = "HC_NUMBER"
NI_NUMBER = "NI_NUMBER"
UPN = "UPN"
POSTCODE = "POSTCODE"
PHONE = "PHONE"
EMAIL = "EMAIL"
DOB = "DOB"
ADDRESS = "ADDRESS"
REFERENCE = "REFERENCE"
PERSON = "PERSON"

BUILTIN_TYPES: tuple[str, ...] = (
    PERSON,
    NHS_NUMBER,
    CHI_NUMBER,
    HC_NUMBER,
    NI_NUMBER,
    UPN,
    POSTCODE,
    ADDRESS,
    PHONE,
    EMAIL,
    DOB,
    REFERENCE,
)

# When two findings overlap, the merged span takes the type that ranks first here (structured ids beat names).
TYPE_PRIORITY: dict[str, int] = {
    kind: rank
    for rank, kind in enumerate(
        (
            EMAIL,
            NHS_NUMBER,
            CHI_NUMBER,
            HC_NUMBER,
            NI_NUMBER,
            UPN,
            PHONE,
            POSTCODE,
            DOB,
            REFERENCE,
            ADDRESS,
            PERSON,
        )
    )
}

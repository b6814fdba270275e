"""Registers the built-in detectors through the same registry plug-ins use, and builds the active set."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from cosigner.detectors import Detector, detector_factory, register_detector, registered_detectors
from cosigner.detectors.addresses import AddressDetector
from cosigner.detectors.case_context import CaseContext
from cosigner.detectors.dates import DobDetector
from cosigner.detectors.email import EmailDetector
from cosigner.detectors.health_numbers import HealthNumberDetector
from cosigner.detectors.known import KnownIdentifierDetector
from cosigner.detectors.names import NameDetector
from cosigner.detectors.nino import NinoDetector
from cosigner.detectors.phone import PhoneDetector
from cosigner.detectors.postcode import PostcodeDetector
from cosigner.detectors.references import OrgPatternDetector, ReferenceDetector
from cosigner.detectors.upn import UpnDetector


class _PatternSpec(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def regex(self) -> str: ...
    @property
    def label_required(self) -> bool: ...


BUILTIN_DETECTORS = {
    "health_numbers": HealthNumberDetector,
    "nino": NinoDetector,
    "upn": UpnDetector,
    "postcode": PostcodeDetector,
    "phone": PhoneDetector,
    "email": EmailDetector,
    "dob": DobDetector,
    "address": AddressDetector,
    "references": ReferenceDetector,
    "person_names": NameDetector,
}
# Built per configuration or per request rather than once: not part of the always-on set.
CONFIGURED_DETECTORS = {"org_patterns": OrgPatternDetector, "known_identifiers": KnownIdentifierDetector}
STRUCTURED = frozenset({"health_numbers", "nino", "upn", "postcode", "phone", "email", "references"})


def _register() -> None:
    existing = set(registered_detectors())
    for name, factory in {**BUILTIN_DETECTORS, **CONFIGURED_DETECTORS}.items():
        if name not in existing:
            register_detector(name, factory)


_register()


def build_detectors(org_patterns: Sequence[_PatternSpec] = ()) -> tuple[Detector, ...]:
    """Every registered detector that takes no arguments (built-ins and plug-ins), plus the org patterns."""
    detectors: list[Detector] = []
    for name in registered_detectors():
        if name in CONFIGURED_DETECTORS:
            continue
        detectors.append(detector_factory(name)())
    if org_patterns:
        specs = [(p.name, p.type, p.regex, p.label_required) for p in org_patterns]
        detectors.append(detector_factory("org_patterns")(specs))
    return tuple(detectors)


def is_structured(detector: Detector) -> bool:
    return detector.name in STRUCTURED or bool(getattr(detector, "structured", False))


def build_known_detector(context: CaseContext) -> Detector:
    detector: Detector = detector_factory("known_identifiers")(context)
    return detector

"""Detector extension point: a detector finds identifiers in text.

``Detector.detect(text)`` is pure, synchronous and does no I/O.  It returns ``Finding`` records whose offsets
point into the exact string it was given.  Built-in detectors register through the same registry as plug-ins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # identifier type, e.g. "NHS_NUMBER", "PERSON", "POSTCODE"
    start: int
    end: int
    score: float
    detector: str
    rule: str


@runtime_checkable
class Detector(Protocol):
    name: str

    def detect(self, text: str) -> Sequence[Finding]: ...


DetectorFactory = Callable[..., Detector]

_REGISTRY: dict[str, DetectorFactory] = {}


def register_detector(name: str, factory: DetectorFactory) -> None:
    if name in _REGISTRY:
        raise ValueError(f"detector {name!r} is already registered")
    _REGISTRY[name] = factory


def detector_factory(name: str) -> DetectorFactory:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown detector {name!r}") from None


def registered_detectors() -> tuple[str, ...]:
    return tuple(sorted(_REGISTRY))

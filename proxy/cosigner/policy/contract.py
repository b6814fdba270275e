"""Check extension point: a check looks at a whole request and returns a verdict.

``Check.evaluate(request)`` is pure and synchronous.  The verdict's message comes from the policy and never
echoes the prompt.  Built-in checks register through the same registry as plug-ins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

Action = Literal["allow", "block", "warn", "log"]


@dataclass(frozen=True, slots=True)
class Segment:
    role: str  # "system", "user", "assistant", "tool"
    text: str


@dataclass(frozen=True, slots=True)
class CheckRequest:
    segments: tuple[Segment, ...]
    model: str = ""


@dataclass(frozen=True, slots=True)
class Verdict:
    action: Action
    rule_id: str | None = None
    message: str = ""


ALLOW = Verdict("allow")


@runtime_checkable
class Check(Protocol):
    name: str

    def evaluate(self, request: CheckRequest) -> Verdict: ...


CheckFactory = Callable[..., Check]

_REGISTRY: dict[str, CheckFactory] = {}


def register_check(name: str, factory: CheckFactory) -> None:
    if name in _REGISTRY:
        raise ValueError(f"check {name!r} is already registered")
    _REGISTRY[name] = factory


def check_factory(name: str) -> CheckFactory:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown check {name!r}") from None


def registered_checks() -> tuple[str, ...]:
    return tuple(sorted(_REGISTRY))

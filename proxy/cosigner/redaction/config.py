"""What the redaction engine does with each identifier type (built from the policy's [redaction] section)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from cosigner.detectors.kinds import BUILTIN_TYPES

TypeAction = Literal["redact", "mask", "allow"]
TYPE_NAME = re.compile(r"^[A-Z][A-Z0-9_]{0,39}$")


@dataclass(frozen=True, slots=True)
class OrgPattern:
    """An organisation-specific identifier, e.g. a Mosaic person id.

    ``label_required``: the match counts only when a reference label ("ref", "ID", "case no", ...) or the
    pattern's own name stands just before it.
    """

    name: str
    type: str
    regex: str
    label_required: bool = False

    def __post_init__(self) -> None:
        if not TYPE_NAME.match(self.type) or self.type.rstrip("0123456789").endswith("_"):
            raise ValueError("organisation pattern type must be upper-case letters, digits and underscores")
        re.compile(self.regex)


@dataclass(frozen=True, slots=True)
class RedactionConfig:
    actions: Mapping[str, TypeAction]
    keep_in_reply: frozenset[str] = frozenset()
    org_patterns: tuple[OrgPattern, ...] = ()
    allowlist: frozenset[str] = frozenset()
    _allow_folded: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for kind, action in self.actions.items():
            if action not in ("redact", "mask", "allow"):
                raise ValueError(f"unknown redaction action for {kind}")
        object.__setattr__(self, "actions", MappingProxyType(dict(self.actions)))
        object.__setattr__(self, "_allow_folded", frozenset(" ".join(a.split()).casefold() for a in self.allowlist))

    @classmethod
    def default(cls) -> RedactionConfig:
        return cls(actions={kind: "redact" for kind in BUILTIN_TYPES})

    def action_for(self, kind: str) -> TypeAction:
        # fail closed: a type the policy does not mention is redacted
        return self.actions.get(kind, "redact")

    def is_allowlisted(self, value: str) -> bool:
        return bool(self._allow_folded) and " ".join(value.split()).casefold() in self._allow_folded

    def __hash__(self) -> int:
        return hash((tuple(sorted(self.actions.items())), self.keep_in_reply, self.org_patterns, self.allowlist))

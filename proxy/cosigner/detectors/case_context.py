"""Known identifiers the case record already holds, passed with a request.

JSON shape (every key optional, unknown keys rejected)::

    {"people": [{"name": "Kerry Nolan", "aliases": ["Kez"], "dob": "2012-09-17"}],
     "addresses": ["14 Acacia Avenue, Leeds LS6 2AB"],
     "ids": [{"type": "NHS_NUMBER", "value": "943 476 5919"}]}
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from cosigner.errors import BadRequest

_MAX_ITEMS = 200
_MAX_LEN = 300
_ID_TYPE = re.compile(r"^[A-Z][A-Z0-9_]{0,39}$")


@dataclass(frozen=True, slots=True)
class KnownPerson:
    name: str
    aliases: tuple[str, ...] = ()
    dob: dt.date | None = None


@dataclass(frozen=True, slots=True)
class KnownId:
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class CaseContext:
    people: tuple[KnownPerson, ...] = ()
    addresses: tuple[str, ...] = ()
    ids: tuple[KnownId, ...] = ()

    def is_empty(self) -> bool:
        return not (self.people or self.addresses or self.ids)

    @classmethod
    def from_json(cls, obj: object) -> CaseContext:
        root = _object(obj, "context", {"people", "addresses", "ids"})
        people = tuple(_person(p, f"context.people[{i}]") for i, p in enumerate(_list(root, "people", "context")))
        addresses = tuple(
            _string(a, f"context.addresses[{i}]") for i, a in enumerate(_list(root, "addresses", "context"))
        )
        ids = tuple(_known_id(x, f"context.ids[{i}]") for i, x in enumerate(_list(root, "ids", "context")))
        return cls(people, addresses, ids)


def _object(obj: object, where: str, allowed: set[str]) -> dict[str, object]:
    if not isinstance(obj, dict):
        raise BadRequest(f"{where}: must be an object")
    for key in obj:
        if key not in allowed:
            # the key itself is caller-chosen text: name the place, not the key
            raise BadRequest(f"{where}: unknown key (allowed: {', '.join(sorted(allowed))})")
    return obj


def _list(root: dict[str, object], key: str, where: str) -> list[object]:
    value = root.get(key, [])
    if not isinstance(value, list):
        raise BadRequest(f"{where}.{key}: must be a list")
    if len(value) > _MAX_ITEMS:
        raise BadRequest(f"{where}.{key}: at most {_MAX_ITEMS} items")
    return value


def _string(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BadRequest(f"{where}: must be a non-empty string")
    if len(value) > _MAX_LEN:
        raise BadRequest(f"{where}: at most {_MAX_LEN} characters")
    return value


def _person(obj: object, where: str) -> KnownPerson:
    person = _object(obj, where, {"name", "aliases", "dob"})
    if "name" not in person:
        raise BadRequest(f"{where}.name: required")
    name = _string(person["name"], f"{where}.name")
    aliases = tuple(_string(a, f"{where}.aliases[{i}]") for i, a in enumerate(_list(person, "aliases", where)))
    dob = None
    if person.get("dob") is not None:
        raw = _string(person["dob"], f"{where}.dob")
        try:
            dob = dt.date.fromisoformat(raw)
        except ValueError:
            raise BadRequest(f"{where}.dob: must be an ISO date YYYY-MM-DD") from None
    return KnownPerson(name, aliases, dob)


def _known_id(obj: object, where: str) -> KnownId:
    item = _object(obj, where, {"type", "value"})
    for key in ("type", "value"):
        if key not in item:
            raise BadRequest(f"{where}.{key}: required")
    kind = _string(item["type"], f"{where}.type")
    if not _ID_TYPE.match(kind):
        raise BadRequest(f"{where}.type: must be upper-case letters, digits and underscores")
    value = _string(item["value"], f"{where}.value")
    if sum(c.isalnum() for c in value) < 3:
        raise BadRequest(f"{where}.value: needs at least 3 letters or digits")
    return KnownId(kind, value)

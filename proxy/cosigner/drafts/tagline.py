"""The visible one-line tag appended to accepted text, worded by the policy (``[tag] line``)."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

try:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
except ImportError:  # pragma: no cover - always present on 3.11
    ZoneInfo = None  # type: ignore[assignment,misc]

_LONDON: tzinfo | None
try:
    _LONDON = ZoneInfo("Europe/London") if ZoneInfo is not None else None
except (ZoneInfoNotFoundError, ValueError):  # no tz database (e.g. Windows without tzdata): use UTC, say so
    _LONDON = None


def tag_line(template: str, *, practitioner: str, when: datetime, ref: str) -> str:
    """Fill ``{practitioner}``, ``{date}`` (UK local time) and ``{ref}``; the policy vetted the fields."""
    if _LONDON is not None:
        date = when.astimezone(_LONDON).strftime("%Y-%m-%d %H:%M")
    else:
        date = when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    line = template.format(practitioner=_one_line(practitioner), date=date, ref=ref)
    return _one_line(line)


def _one_line(text: str) -> str:
    return " ".join(text.split())

"""Base64 and hex runs: decode and rescan, so an identifier cannot travel encoded."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator

_BASE64_RUN = re.compile(r"(?<![A-Za-z0-9+/=_\-])[A-Za-z0-9+/_\-]{16,}={0,2}(?![A-Za-z0-9+/=_\-])")
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_MAX_RUN = 1 << 20


def _printable(decoded: bytes) -> str | None:
    try:
        text = decoded.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text:
        return None
    shown = sum(c.isprintable() or c in "\n\r\t" for c in text)
    return text if shown >= 0.9 * len(text) else None


def _decode_base64(run: str) -> str | None:
    if not any(c.isdigit() for c in run) and run.isalpha() and (run.islower() or run.isupper()):
        return None  # a long plain word
    body = run.rstrip("=").replace("-", "+").replace("_", "/")
    body += "=" * (-len(body) % 4)
    try:
        return _printable(base64.b64decode(body, validate=True))
    except (binascii.Error, ValueError):
        return None


def _decode_hex(run: str) -> str | None:
    body = run.removeprefix("0x").replace(" ", "").replace(":", "")
    if len(body) % 2:
        return None
    try:
        return _printable(bytes.fromhex(body))
    except ValueError:
        return None


def encoded_runs(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, decoded text) for each run that decodes to readable text."""
    if len(text) < 16:
        return
    # one class-led scan: a hex run is also a base64-alphabet run (spaced or colon-separated hex is not covered)
    for match in _BASE64_RUN.finditer(text):
        run = match.group()
        if len(run) > _MAX_RUN:
            continue
        body = run.removeprefix("0x")
        is_hex = all(c in _HEX_DIGITS for c in body)
        decoded = _decode_hex(body) if is_hex else _decode_base64(run)
        if decoded is not None:
            yield match.start(), match.end(), decoded

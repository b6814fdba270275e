"""Canonical JSON (RFC 8785, JSON Canonicalization Scheme) for everything Cosigner signs or hashes.

Signatures and hash chains need one byte representation per value; RFC 8785 fixes key order, number formatting
and string escaping so a verifier written in another language reproduces the same bytes.

Most of what Cosigner canonicalises (audit entries, tags) holds no floats and only Basic Multilingual Plane keys.
For such values the standard library's compact, key-sorted ``json.dumps`` produces exactly the RFC 8785 bytes and
is several times faster than the pure-Python ``rfc8785`` package, so it is used; anything else (floats, whose
ECMAScript formatting differs from Python's, keys outside the BMP, which RFC 8785 orders by UTF-16 code units, very
large integers) goes through ``rfc8785``.  A property test checks the two agree.
"""

from __future__ import annotations

import json
from typing import Any

import rfc8785

_MAX_SAFE_INT = 2**53 - 1
_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode


def _plain(value: Any, depth: int = 0) -> bool:
    """True when ``json.dumps`` would produce RFC 8785 bytes for ``value``."""
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, str):
        return _utf8_safe(value)
    if isinstance(value, int):
        return -_MAX_SAFE_INT <= value <= _MAX_SAFE_INT
    if depth > 64:
        return False
    if isinstance(value, dict):
        return all(
            isinstance(k, str)
            and _utf8_safe(k)
            and (k.isascii() or max(map(ord, k)) < 0x10000)
            and _plain(v, depth + 1)
            for k, v in value.items()
        )
    if isinstance(value, list | tuple):
        return all(_plain(v, depth + 1) for v in value)
    return False  # floats and anything else: the reference implementation decides


def _utf8_safe(text: str) -> bool:
    return text.isascii() or not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


def canonical_json(obj: Any) -> bytes:
    """Serialise ``obj`` (dicts, lists, str, int, finite float, bool, None) as RFC 8785 bytes.

    Raises ``ValueError`` for values JSON cannot carry canonically (NaN, infinities, integers beyond IEEE-754
    double precision, non-string keys); the message names the problem, never the value.
    """
    if _plain(obj):
        return _encode(obj).encode("utf-8")
    try:
        result: bytes = rfc8785.dumps(obj)
    except rfc8785.CanonicalizationError as exc:
        raise ValueError(f"value cannot be canonicalised: {type(exc).__name__}") from None
    except (TypeError, ValueError, OverflowError) as exc:
        raise ValueError(f"value cannot be canonicalised: {type(exc).__name__}") from None
    return result

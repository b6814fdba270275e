"""Canonical JSON (RFC 8785, JSON Canonicalization Scheme) for everything Cosigner signs or hashes.

Signatures and hash chains need one byte representation per value; RFC 8785 fixes key order, number formatting
and string escaping so a verifier written in another language reproduces the same bytes.
"""

from __future__ import annotations

from typing import Any

import rfc8785


def canonical_json(obj: Any) -> bytes:
    """Serialise ``obj`` (dicts, lists, str, int, finite float, bool, None) as RFC 8785 bytes.

    Raises ``ValueError`` for values JSON cannot carry canonically (NaN, infinities, integers beyond IEEE-754
    double precision, non-string keys); the message names the problem, never the value.
    """
    try:
        result: bytes = rfc8785.dumps(obj)
    except rfc8785.CanonicalizationError as exc:
        raise ValueError(f"value cannot be canonicalised: {type(exc).__name__}") from None
    except (TypeError, ValueError, OverflowError) as exc:
        raise ValueError(f"value cannot be canonicalised: {type(exc).__name__}") from None
    return result

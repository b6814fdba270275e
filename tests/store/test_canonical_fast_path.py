"""The fast path of ``canonical_json`` must produce exactly the RFC 8785 bytes of the reference implementation."""

from __future__ import annotations

import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from cosigner.canonical import canonical_json

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**60), max_value=2**60)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=600, deadline=None)
@given(values)
def test_matches_reference_implementation(value: object) -> None:
    try:
        expected = rfc8785.dumps(value)
    except Exception:
        return  # values RFC 8785 cannot carry are refused either way
    assert canonical_json(value) == expected


def test_typical_audit_entry_takes_the_fast_path_and_matches() -> None:
    entry = {
        "seq": 1,
        "type": "exchange_completed",
        "fields": {
            "status": 200,
            "rule": None,
            "ok": True,
            "timings": {"total_us": 2345},
            "counts": {"PERSON": 2},
            "route": "/v1/chat/completions",
        },
    }
    assert canonical_json(entry) == rfc8785.dumps(entry)
    assert canonical_json({"x": 1.0}) == b'{"x":1}'  # a float: ECMAScript formatting via the reference path

"""The token-code diff behind ``diff.word_diff``: patience anchors, diff-match-patch per gap, exact repair.

Works on strings in which every character stands for one token (see ``diff._encode``).  Pure.
"""

from __future__ import annotations

import bisect
import time

from diff_match_patch import diff_match_patch

_EXACT_LIMIT = 1200
_SLICE = 400
_REPAIR_PASSES = 4
_MAX_ANCHOR_DEPTH = 32
_EQUAL, _INSERT, _DELETE = 0, 1, -1

# Encoded diff: (dmp op code, string of token codes).
Encoded = list[tuple[int, str]]


def diff_codes(a: str, b: str, timeout_s: float) -> Encoded:
    """Normalised, repaired diff of two code strings (equal runs merged; delete before insert in a run)."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = timeout_s
    deadline = time.time() + timeout_s
    return _repair(_normalise(_anchored(dmp, a, b, deadline, 0)))


# --- anchored diff --------------------------------------------------------------------------------------


def _anchored(dmp: diff_match_patch, a: str, b: str, deadline: float, depth: int) -> Encoded:
    prefix = _common_prefix(a, b)
    suffix = _common_suffix(a[prefix:], b[prefix:])
    middle_a, middle_b = a[prefix : len(a) - suffix], b[prefix : len(b) - suffix]
    out: Encoded = [(_EQUAL, a[:prefix])] if prefix else []
    if not middle_a or not middle_b:
        if middle_a:
            out.append((_DELETE, middle_a))
        if middle_b:
            out.append((_INSERT, middle_b))
    else:
        anchors = _unique_anchors(middle_a, middle_b) if depth < _MAX_ANCHOR_DEPTH else []
        if not anchors:
            out.extend(_gap_diff(dmp, middle_a, middle_b, deadline))
        else:
            ia = ib = 0
            for pa, pb in anchors:
                out.extend(_anchored(dmp, middle_a[ia:pa], middle_b[ib:pb], deadline, depth + 1))
                out.append((_EQUAL, middle_a[pa]))
                ia, ib = pa + 1, pb + 1
            out.extend(_anchored(dmp, middle_a[ia:], middle_b[ib:], deadline, depth + 1))
    if suffix:
        out.append((_EQUAL, a[len(a) - suffix :]))
    return out


def _gap_diff(dmp: diff_match_patch, a: str, b: str, deadline: float) -> Encoded:
    if time.time() >= deadline:
        # Out of time: leave it as one change; _repair re-diffs it exactly if the sides share tokens.
        return [(_DELETE, a), (_INSERT, b)]
    return [(op, text) for op, text in dmp.diff_main(a, b, False, deadline)]


def _unique_anchors(a: str, b: str) -> list[tuple[int, int]]:
    """Pairs of positions of codes occurring once in each string, longest run increasing in both."""
    once_a = _unique_positions(a)
    once_b = _unique_positions(b)
    pairs = sorted((pa, once_b[c]) for c, pa in once_a.items() if c in once_b)
    return _longest_increasing(pairs)


def _unique_positions(s: str) -> dict[str, int]:
    seen: dict[str, int] = {}
    for i, c in enumerate(s):
        seen[c] = -1 if c in seen else i
    return {c: i for c, i in seen.items() if i >= 0}


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    tails: list[int] = []
    tail_at: list[int] = []
    back = [-1] * len(pairs)
    for i, (_, pb) in enumerate(pairs):
        k = bisect.bisect_left(tails, pb)
        if k == len(tails):
            tails.append(pb)
            tail_at.append(i)
        else:
            tails[k] = pb
            tail_at[k] = i
        back[i] = tail_at[k - 1] if k else -1
    chain = []
    i = tail_at[-1] if tail_at else -1
    while i != -1:
        chain.append(pairs[i])
        i = back[i]
    chain.reverse()
    return chain


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


# --- normalisation and repair ---------------------------------------------------------------------------


def _normalise(diffs: Encoded) -> Encoded:
    """Merge adjacent equalities; inside each run of changes, one delete then one insert."""
    out: Encoded = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            out.append((_DELETE, "".join(deleted)))
        if inserted:
            out.append((_INSERT, "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for op, text in diffs:
        if not text:
            continue
        if op == _EQUAL:
            flush()
            if out and out[-1][0] == _EQUAL:
                out[-1] = (_EQUAL, out[-1][1] + text)
            else:
                out.append((_EQUAL, text))
        elif op == _DELETE:
            deleted.append(text)
        else:
            inserted.append(text)
    flush()
    return out


def _repair(diffs: Encoded) -> Encoded:
    # A second pass fixes runs that straddle two slices of a long first-pass repair (they are short).
    for _ in range(_REPAIR_PASSES):
        diffs, repaired = _repair_pass(diffs)
        if not repaired:
            break
    return diffs


def _repair_pass(diffs: Encoded) -> tuple[Encoded, bool]:
    repaired = False
    out: Encoded = []
    i = 0
    while i < len(diffs):
        if diffs[i][0] == _EQUAL:
            out.append(diffs[i])
            i += 1
            continue
        deleted = inserted = ""
        while i < len(diffs) and diffs[i][0] != _EQUAL:
            if diffs[i][0] == _DELETE:
                deleted += diffs[i][1]
            else:
                inserted += diffs[i][1]
            i += 1
        if deleted and inserted and _degenerate(deleted, inserted):
            out.extend(_exact_diff(deleted, inserted))
            repaired = True
        else:
            out.extend(d for d in ((_DELETE, deleted), (_INSERT, inserted)) if d[1])
    return _normalise(out), repaired


def _degenerate(deleted: str, inserted: str) -> bool:
    return not set(deleted).isdisjoint(inserted)


def _exact_diff(a: str, b: str) -> Encoded:
    """Minimal diff with no deadline, on slices small enough that its worst case stays bounded.

    Up to ``_EXACT_LIMIT`` tokens (both sides together) the whole run is diffed exactly; beyond that, both
    sides are cut into the same number of proportional slices of at most ``_SLICE`` tokens, each diffed
    exactly.  (difflib's SequenceMatcher, the obvious alternative, is cubic on repetitive text: minutes for
    2,000 repeated words.)
    """
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # exact Myers: time is bounded by the slice size instead
    if len(a) + len(b) <= _EXACT_LIMIT:
        return list(dmp.diff_main(a, b, False))
    pieces = -(-max(len(a), len(b)) // _SLICE)
    out: Encoded = []
    for k in range(pieces):
        slice_a = a[k * len(a) // pieces : (k + 1) * len(a) // pieces]
        slice_b = b[k * len(b) // pieces : (k + 1) * len(b) // pieces]
        out.extend(dmp.diff_main(slice_a, slice_b, False))
    return out

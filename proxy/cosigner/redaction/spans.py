"""Turning overlapping findings into disjoint spans (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cosigner.detectors import Finding
from cosigner.detectors.kinds import REFERENCE, TYPE_PRIORITY


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    type: str


def merge_findings(findings: Iterable[Finding]) -> list[Span]:
    """Union overlapping findings; a merged span takes its longest finding's type."""
    ordered = sorted((f for f in findings if f.end > f.start), key=lambda f: (f.start, -f.end))
    spans: list[Span] = []
    cluster_start = cluster_end = -1
    best: Finding | None = None
    for finding in ordered:
        if best is not None and finding.start < cluster_end:
            cluster_end = max(cluster_end, finding.end)
            if _better(finding, best):
                best = finding
            continue
        if best is not None:
            spans.append(Span(cluster_start, cluster_end, best.kind))
        cluster_start, cluster_end, best = finding.start, finding.end, finding
    if best is not None:
        spans.append(Span(cluster_start, cluster_end, best.kind))
    return spans


def _rank(kind: str) -> float:
    # organisation-declared types are more specific than the generic label-triggered REFERENCE
    return TYPE_PRIORITY.get(kind, TYPE_PRIORITY[REFERENCE] - 0.5)


def _better(candidate: Finding, current: Finding) -> bool:
    cand_len, cur_len = candidate.end - candidate.start, current.end - current.start
    if cand_len != cur_len:
        return cand_len > cur_len
    return _rank(candidate.kind) < _rank(current.kind)

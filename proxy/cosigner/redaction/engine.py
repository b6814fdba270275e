"""The redaction engine: screen every text of a request, replace identifiers with placeholders.

Built once per policy load and shared across requests: it holds no per-request state.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from cosigner.detectors import Detector, Finding
from cosigner.detectors._keywords import digit_windows
from cosigner.detectors.builtins import build_detectors, build_known_detector, is_structured
from cosigner.detectors.case_context import CaseContext
from cosigner.detectors.kinds import PERSON
from cosigner.detectors.name_propagation import name_terms
from cosigner.detectors.term_matcher import TermMatcher
from cosigner.errors import CosignerError, RedactionFailed
from cosigner.redaction.config import RedactionConfig
from cosigner.redaction.encoded import encoded_runs
from cosigner.redaction.placeholders import PlaceholderMap, reserved_placeholders
from cosigner.redaction.scan_cache import ScanCache
from cosigner.redaction.shadow import Shadow, make_shadow, strip_invisible
from cosigner.redaction.spans import Span, merge_findings
from cosigner.redaction.spelled import obfuscated_number_runs

_JUNCTION = 32  # characters either side of a message boundary rescanned as one text
_ENCODED_DEPTH = 2


@dataclass(slots=True)
class RedactionResult:
    texts: list[str]
    spans: list[list[Span]]
    counts: dict[str, int]
    placeholders: PlaceholderMap

    def __repr__(self) -> str:
        return f"RedactionResult({len(self.texts)} texts, counts={self.counts})"


class Redactor:
    def __init__(self, config: RedactionConfig, scan_cache: int = 256) -> None:
        """``scan_cache``: how many texts' findings to remember (0: none; benchmarks of cold scans use 0)."""
        self.config = config
        self._detectors: tuple[Detector, ...] = build_detectors(config.org_patterns)
        self._structured = tuple(d for d in self._detectors if is_structured(d))
        self._known = functools.lru_cache(maxsize=64)(build_known_detector)
        self.scan_cache = ScanCache(scan_cache)

    def redact(self, texts: Sequence[str], context: CaseContext | None = None) -> RedactionResult:
        stage = "input"
        try:
            _check_input(texts)
            stage = "detect"
            shadows = [make_shadow(t) for t in texts]
            per_text = self._detect_all(shadows, context)
            stage = "replace"
            return self._replace(shadows, per_text)
        except CosignerError:
            raise
        except Exception as exc:
            # the original exception may quote the text: keep only its class name
            raise RedactionFailed(f"redaction failed at {stage} ({type(exc).__name__})") from None
        finally:
            # the per-text window cache is keyed by the text itself: hold no request text past the request
            digit_windows.cache_clear()

    def _detect_all(self, shadows: list[Shadow], context: CaseContext | None) -> list[list[Finding]]:
        junction_detectors = list(self._structured)
        per_text = [self.scan_cache.findings(s.text, self._scan_alone) for s in shadows]
        if context is not None and not context.is_empty():
            known = self._known(context)
            junction_detectors.append(known)
            for shadow, found in zip(shadows, per_text, strict=True):
                found.extend(self._scan(shadow.text, [known], _ENCODED_DEPTH, look_alikes=False))
        self._scan_junctions(shadows, per_text, junction_detectors)
        names = {
            s.text[f.start : f.end]
            for s, found in zip(shadows, per_text, strict=True)
            for f in found
            if f.kind == PERSON and f.detector != "encoded"
        }
        if names:
            matcher = TermMatcher(name_terms(names))
            for shadow, found in zip(shadows, per_text, strict=True):
                found.extend(
                    Finding(PERSON, start, end, 0.8, "propagation", "name_propagation")
                    for start, end, _term in matcher.find(shadow.text)
                )
        return [self._keep(shadow.text, found) for shadow, found in zip(shadows, per_text, strict=True)]

    def _scan_alone(self, text: str) -> list[Finding]:
        """What the built-in and policy detectors find in one text on its own (cacheable: depends on it alone)."""
        return self._scan(text, self._detectors, _ENCODED_DEPTH)

    def _scan(self, text: str, detectors: Sequence[Detector], depth: int, look_alikes: bool = True) -> list[Finding]:
        found: list[Finding] = []
        for detector in detectors:
            found.extend(detector.detect(text))
        if depth > 0:
            for start, end, decoded in encoded_runs(text):
                inner = [
                    f
                    for f in self._scan(decoded, detectors, depth - 1, look_alikes)
                    if self.config.action_for(f.kind) != "allow"
                ]
                if inner:
                    kind = max(inner, key=lambda f: f.end - f.start).kind
                    found.append(Finding(kind, start, end, 1.0, "encoded", "decoded_rescan"))
            if look_alikes:  # rewritten runs are rescanned with the structured detectors alone
                found.extend(self._obfuscated_numbers(text))
        return found

    def _obfuscated_numbers(self, text: str) -> list[Finding]:
        """Spelled-out and look-alike numbers, rewritten as digits (with the words before them) and rescanned."""
        found: list[Finding] = []
        for start, end, rewritten in obfuscated_number_runs(text):
            digits_from = len(rewritten) - (end - start) if rewritten[-1:].isdigit() else 0
            digits_from = max(0, min(digits_from, len(rewritten)))
            for detector in self._structured:
                hits = [f for f in detector.detect(rewritten) if f.end > digits_from]
                hits = [f for f in hits if self.config.action_for(f.kind) != "allow"]
                if hits:
                    found.append(Finding(hits[0].kind, start, end, 0.9, "obfuscated", "rewritten_rescan"))
                    break
        return found

    def _scan_junctions(
        self, shadows: list[Shadow], per_text: list[list[Finding]], detectors: Sequence[Detector]
    ) -> None:
        """An identifier split across two consecutive messages is caught by scanning the joined boundary."""
        for index in range(len(shadows) - 1):
            left, right = shadows[index].text, shadows[index + 1].text
            if not left or not right:
                continue
            tail, head = left[-_JUNCTION:], right[:_JUNCTION]
            joined = tail + head
            cut = len(tail)
            for detector in detectors:
                for f in detector.detect(joined):
                    if f.start < cut < f.end:
                        offset = len(left) - cut
                        per_text[index].append(
                            Finding(
                                f.kind,
                                f.start + offset,
                                len(left),
                                f.score,
                                f.detector,
                                "split_across_messages",
                            )
                        )
                        per_text[index + 1].append(
                            Finding(f.kind, 0, f.end - cut, f.score, f.detector, "split_across_messages")
                        )

    def _keep(self, text: str, found: list[Finding]) -> list[Finding]:
        config = self.config
        return [
            f
            for f in found
            if config.action_for(f.kind) != "allow" and not config.is_allowlisted(text[f.start : f.end])
        ]

    def _replace(self, shadows: list[Shadow], per_text: list[list[Finding]]) -> RedactionResult:
        placeholders = PlaceholderMap(self.config.keep_in_reply, reserved_placeholders(s.original for s in shadows))
        out_texts: list[str] = []
        out_spans: list[list[Span]] = []
        counts: Counter[str] = Counter()
        kinds = {f.kind for found in per_text for f in found}
        masked = {kind for kind in kinds if self.config.action_for(kind) == "mask"}
        for shadow, found in zip(shadows, per_text, strict=True):
            original = shadow.original
            spans = merge_findings(found)
            if shadow.origin is not None:  # the shadow differs from the original: map the offsets back
                spans = [Span(*shadow.to_original(span.start, span.end), span.type) for span in spans]
            # an ASCII text has no invisible characters to strip (the common case: skip the per-piece check)
            strip = strip_invisible if not original.isascii() else _unchanged
            pieces: list[str] = []
            last = 0
            for span in spans:
                pieces.append(strip(original[last : span.start]))
                if span.type in masked:
                    pieces.append(f"[REDACTED {span.type}]")
                else:
                    pieces.append(placeholders.placeholder_for(span.type, strip(original[span.start : span.end])))
                last = span.end
            counts.update(span.type for span in spans)
            pieces.append(strip(original[last:]))
            out_texts.append("".join(pieces))
            out_spans.append(spans)
        return RedactionResult(out_texts, out_spans, dict(counts), placeholders)


def _unchanged(text: str) -> str:
    return text


def _check_input(texts: Sequence[str]) -> None:
    if isinstance(texts, str):
        raise RedactionFailed("redaction input must be a sequence of texts, not one string")
    for index, text in enumerate(texts):
        if not isinstance(text, str):
            raise RedactionFailed(f"redaction input {index} is not text")
        if not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise RedactionFailed(f"redaction input {index} is not valid Unicode") from None

"""Per-text findings are reused across requests; what depends on the rest of a request never is."""

from __future__ import annotations

from cosigner.detectors import Finding
from cosigner.redaction import CaseContext, KnownPerson, RedactionConfig, Redactor
from cosigner.redaction.scan_cache import MIN_CACHED_CHARS, ScanCache

FILLER = "The visit went ahead as planned and the home was warm and tidy. " * 12
HISTORY = "Home visit note. Kerry Nolan (NHS 943 476 5919) was seen at home. " + FILLER
assert len(HISTORY) >= MIN_CACHED_CHARS


def test_a_resent_message_is_not_rescanned_and_redacts_the_same() -> None:
    redactor = Redactor(RedactionConfig.default())
    first = redactor.redact([HISTORY, "Please tidy this up."])
    second = redactor.redact([HISTORY, "Now make it shorter.", "And add a heading."])
    assert redactor.scan_cache.hits == 1 and redactor.scan_cache.misses == 1
    assert first.texts[0] == second.texts[0]
    assert first.spans[0] == second.spans[0]
    assert "Kerry" not in second.texts[0] and "943" not in second.texts[0]


def test_cached_results_equal_a_cold_scan() -> None:
    warm, cold = Redactor(RedactionConfig.default()), Redactor(RedactionConfig.default(), scan_cache=0)
    warm.redact([HISTORY])
    assert warm.redact([HISTORY]).texts == cold.redact([HISTORY]).texts
    assert len(cold.scan_cache) == 0 and cold.scan_cache.hits == 0


def test_propagation_from_another_message_still_reaches_a_cached_text() -> None:
    redactor = Redactor(RedactionConfig.default())
    bare = "We spoke to nowak about school. " + FILLER
    alone = redactor.redact([bare])  # a lower-case surname on its own is not caught; the text is cached now
    assert "nowak" in alone.texts[0]
    result = redactor.redact([bare, "Summary for Mrs Agnieszka Nowak, please."])
    assert redactor.scan_cache.hits == 1
    assert "nowak" not in result.texts[0]


def test_known_identifiers_from_the_case_context_are_never_taken_from_the_cache() -> None:
    redactor = Redactor(RedactionConfig.default())
    text = "Spoke to Effie on the phone about the weekend. " + FILLER
    context = CaseContext(people=(KnownPerson(name="Aoife Brennan", aliases=("Effie",)),))
    with_context = redactor.redact([text], context)
    assert "Effie" not in with_context.texts[0]
    assert redactor.redact([text], context).texts == with_context.texts  # a cache hit plus the known detector
    assert redactor.scan_cache.hits == 1


def test_the_cache_holds_no_text_and_evicts_the_least_recently_used() -> None:
    cache = ScanCache(capacity=2)
    texts = [f"{word} " * 200 for word in ("alpha", "bravo", "charlie")]
    finding = Finding("PERSON", 0, 5, 0.7, "person_names", "name_heuristic")
    for text in texts:
        cache.findings(text, lambda _t: [finding])
    assert len(cache) == 2
    calls: list[str] = []
    cache.findings(texts[0], lambda t: calls.append("scanned") or [])
    assert calls == ["scanned"]  # the oldest entry was evicted
    stored = list(cache._entries.items())
    assert all(isinstance(key, bytes) and len(key) == 16 for key, _ in stored)
    assert all(isinstance(f, Finding) for _, found in stored for f in found)
    for key, _ in stored:
        assert all(text.encode() not in key for text in texts)
    assert "alpha" not in repr(cache)


def test_the_number_of_findings_held_is_bounded() -> None:
    cache = ScanCache(capacity=100, max_findings=5)
    finding = Finding("PERSON", 0, 5, 0.7, "person_names", "name_heuristic")
    texts = [f"{word} " * 200 for word in ("alpha", "bravo", "charlie")]
    cache.findings(texts[0], lambda _t: [finding] * 3)
    cache.findings(texts[1], lambda _t: [finding] * 2)
    assert len(cache) == 2
    cache.findings(texts[2], lambda _t: [finding] * 2)  # 7 > 5: the oldest entry goes
    assert len(cache) == 2 and cache._stored == 4
    cache.findings(texts[0], lambda _t: [finding] * 6)  # more than the whole budget: returned, not kept
    assert len(cache) == 2 and cache._stored == 4


def test_short_texts_are_scanned_every_time() -> None:
    cache = ScanCache(capacity=8)
    calls: list[int] = []
    for _ in range(3):
        cache.findings("Kerry Nolan", lambda _t: calls.append(1) or [])
    assert len(calls) == 3 and len(cache) == 0

// Pure helpers shared by the content scripts (loaded as a classic script) and the service worker (imported as a
// module for its side effect).  It has no import/export so it is valid in both; it publishes one frozen object.
// Draft texts never reach content scripts before acceptance: the paste guard works on sentence fingerprints.

(function publish(root) {
  'use strict';

  const MIN_SENTENCE = 20;
  // Same pattern as lib/tags.js MARKER_RE (the proxy's fixed marker shape); duplicated because this file must
  // also run as a classic content script, which cannot import.
  const MARKER_RE = /⟦[^⟦⟧\n]{1,80} · unreviewed · ref AIP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}⟧/u;

  /** Comparison form for read-back: editors re-flow line breaks into paragraphs and use no-break spaces. */
  function normaliseForCompare(text) {
    return String(text).normalize('NFC').replace(/\u00a0/gu, ' ').replace(/\s+/gu, ' ').trim();
  }

  function normaliseSentence(text) {
    return normaliseForCompare(text).toLowerCase().replace(/[“”„]/gu, '"').replace(/[‘’]/gu, "'");
  }

  function sentences(text) {
    return String(text)
      .split(/(?<=[.!?])\s+|\n+/u)
      .map(normaliseSentence)
      .filter((s) => s.length >= MIN_SENTENCE);
  }

  // Two 32-bit FNV-1a passes with different offsets: synchronous (a paste handler must decide at once) and
  // collision-resistant enough for matching pasted sentences against a handful of pending drafts.
  function fnv1a(text, offset) {
    let h = offset >>> 0;
    for (let i = 0; i < text.length; i += 1) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  }

  function fingerprint(sentence) {
    return fnv1a(sentence, 0x811c9dc5) + fnv1a(sentence, 0x050c5d1f);
  }

  function fingerprints(text) {
    return [...new Set(sentences(text).map(fingerprint))];
  }

  /** 'marker' | 'draft_match' | null for a pasted text. */
  function pasteVerdict(text, markers, knownFingerprints) {
    if (typeof text !== 'string' || text === '') return null;
    if (MARKER_RE.test(text)) return 'marker';
    for (const m of markers) if (typeof m === 'string' && m.length >= 4 && text.includes(m)) return 'marker';
    for (const fp of fingerprints(text)) if (knownFingerprints.has(fp)) return 'draft_match';
    return null;
  }

  /** Fields Cosigner must never read or write. */
  function refusedField({ tagName, type, readOnly, disabled, hidden }) {
    const tag = String(tagName || '').toLowerCase();
    if (disabled || readOnly || hidden) return true;
    if (tag === 'input') {
      return !['text', 'search', ''].includes(String(type || '').toLowerCase());
    }
    return false;
  }

  function randomToken() {
    const bytes = new Uint8Array(16);
    root.crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  root.CosignerShared = Object.freeze({
    normaliseForCompare, sentences, fingerprint, fingerprints, pasteVerdict, refusedField, randomToken,
    MIN_SENTENCE, MARKER_RE,
  });
})(globalThis);

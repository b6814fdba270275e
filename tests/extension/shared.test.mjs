import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../extension/content/shared.js';

const S = globalThis.CosignerShared;

test('read-back comparison ignores line-break reflow and no-break spaces only', () => {
  assert.equal(S.normaliseForCompare('A  b\n\nc\u00a0d '), 'A b c d');
  assert.notEqual(S.normaliseForCompare('Sam was seen.'), S.normaliseForCompare('Sam was not seen.'));
});

test('sentences shorter than the minimum are not fingerprinted', () => {
  assert.deepEqual(S.sentences('Ok. Yes. This sentence is long enough to count.'),
    ['this sentence is long enough to count.']);
});

test('fingerprints are stable and differ for different sentences', () => {
  assert.equal(S.fingerprint('abc'), S.fingerprint('abc'));
  assert.notEqual(S.fingerprint('abc'), S.fingerprint('abd'));
  assert.match(S.fingerprint('abc'), /^[0-9a-f]{16}$/u);
});

const draft = 'Met Sam at home on 3 May. We discussed school and his attendance.';
const known = new Set(S.fingerprints(draft));
const pastes = [
  ['the whole draft', draft, 'draft_match'],
  ['one AI sentence with different spacing and case', 'we  discussed SCHOOL and his attendance.', 'draft_match'],
  ['text with the marker', 'x [unreviewed AI draft d_1] y', 'marker'],
  ['the practitioner\'s own words', 'Sam told me he likes football a lot.', null],
  ['an empty paste', '', null],
];
for (const [name, text, verdict] of pastes) {
  test(`paste verdict for ${name}: ${verdict}`, () => {
    assert.equal(S.pasteVerdict(text, ['[unreviewed AI draft d_1]'], known), verdict);
  });
}

const fields = [
  [{ tagName: 'TEXTAREA' }, false],
  [{ tagName: 'INPUT', type: 'text' }, false],
  [{ tagName: 'INPUT', type: 'password' }, true],
  [{ tagName: 'INPUT', type: 'hidden' }, true],
  [{ tagName: 'TEXTAREA', readOnly: true }, true],
  [{ tagName: 'TEXTAREA', disabled: true }, true],
  [{ tagName: 'DIV', hidden: true }, true],
];
for (const [field, expected] of fields) {
  test(`refusedField(${JSON.stringify(field)}) is ${expected}`, () => assert.equal(S.refusedField(field), expected));
}

test('tokens are 32 hex characters and random', () => {
  const a = S.randomToken();
  assert.match(a, /^[0-9a-f]{32}$/u);
  assert.notEqual(a, S.randomToken());
});

test('any Cosigner marker is intercepted, even from a draft this browser never saw', () => {
  assert.equal(S.pasteVerdict('note ⟦AI-assisted draft · unreviewed · ref AIP-7Q2K-9F3M⟧', [], new Set()), 'marker');
});

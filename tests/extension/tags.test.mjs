import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMarkers, parseMarkers, splitTagLine, stripMarkers, TagError, validateMarker, validateTagLine }
  from '../../extension/lib/tags.js';

const TAG = '[AI-assisted draft · reviewed and accepted · ref AIP-7Q2K-9F]';

test('a visible one-line tag is accepted; null means no tag', () => {
  assert.equal(validateTagLine(TAG), TAG);
  assert.equal(validateTagLine(null), null);
});

const badTags = [
  ['a newline', `${TAG}\nmore`, 'control_characters'],
  ['a zero-width space', `[AI\u200b]`, 'control_characters'],
  ['a bidi override', `[AI\u202e]`, 'control_characters'],
  ['only blanks', '   ', 'empty'],
  ['a number', 5, 'not_string'],
  ['too much text', `[${'a'.repeat(500)}]`, 'too_long'],
];
for (const [name, value, code] of badTags) {
  test(`a tag line with ${name} is refused`, () => {
    assert.throws(() => validateTagLine(value), (e) => e instanceof TagError && e.code === code);
  });
}

test('markers: validated, found and stripped', () => {
  const m = '[unreviewed AI draft d_1]';
  assert.equal(validateMarker(m), m);
  assert.equal(validateMarker(null), null);
  assert.throws(() => validateMarker('ab'), TagError);
  assert.deepEqual(findMarkers(`text ${m} more`, [m, '[other]']), [m]);
  assert.deepEqual(findMarkers('clean text', [m]), []);
  assert.equal(stripMarkers(`a ${m}b${m}`, [m]), 'a b');
});

const splits = [
  ['body then tag', `Body.\n${TAG}`, 'Body.', TAG],
  ['tag after paragraph break and trailing newline', `Body.\n\n${TAG}\n`, 'Body.', TAG],
  ['no tag', 'Body only.', 'Body only.', null],
  ['tag not last', `${TAG}\nBody.`, `${TAG}\nBody.`, null],
];
for (const [name, text, body, tag] of splits) {
  test(`splitTagLine: ${name}`, () => {
    assert.deepEqual(splitTagLine(text, TAG), { body, tagLine: tag });
  });
}

test('parses the proxy\'s marker shape whatever the wording', () => {
  const text = 'Start ⟦AI-assisted draft · unreviewed · ref AIP-7Q2K-9F3M⟧ and ⟦KI-Entwurf · unreviewed · ref AIP-0000-ZZZZ⟧';
  assert.deepEqual(parseMarkers(text), [
    { wording: 'AI-assisted draft', ref: 'AIP-7Q2K-9F3M' },
    { wording: 'KI-Entwurf', ref: 'AIP-0000-ZZZZ' },
  ]);
  assert.deepEqual(parseMarkers('⟦x · unreviewed · ref AIP-IIII-OOOO⟧'), [], 'I and O are not Crockford digits');
  assert.deepEqual(parseMarkers('⟦x · reviewed · ref AIP-7Q2K-9F3M⟧'), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTENT, MessageRefused, PAGE, validateMessage, validateReply } from '../../extension/lib/messages.js';

const refusedWith = (code) => (e) => e instanceof MessageRefused && e.code === code;

const good = [
  [CONTENT, { type: 'field.changed', payload: { fieldToken: 'abcdef0123456789' } }],
  [CONTENT, { type: 'paste.intercepted', payload: { fieldToken: 'abcdef0123456789', reason: 'marker' } }],
  [CONTENT, { type: 'panel.open' }],
  [PAGE, { type: 'draft.request', payload: { templateId: 'tidy', instruction: null } }],
  [PAGE, { type: 'pair', payload: { code: 'ABCD-1234' } }],
  [PAGE, { type: 'draft.accept', payload: {
    draftId: 'd_1', decisions: [{ index: 0, action: 'edit', text: 'x', confirmed: true, seen_ms: 10 }],
    bulkAccept: false, attestation: { version: '1', accepted: true }, finalText: 'x' } }],
];
for (const [table, message] of good) {
  test(`accepts a well-formed ${message.type}`, () => {
    assert.doesNotThrow(() => validateMessage(table, message));
  });
}

const bad = [
  ['a content script sending a page-only type', CONTENT, { type: 'draft.accept', payload: {} }, 'unknown_type'],
  ['an unknown type', PAGE, { type: 'eval', payload: {} }, 'unknown_type'],
  ['an inherited property name as type', PAGE, { type: '__proto__', payload: {} }, 'unknown_type'],
  ['an extra top-level key', CONTENT, { type: 'panel.open', payload: {}, sender: 'x' }, 'unknown_key'],
  ['an extra payload key', CONTENT, { type: 'panel.open', payload: { accept: true } }, 'bad_shape'],
  ['a wrong field type', PAGE, { type: 'draft.request', payload: { templateId: 3, instruction: null } },
    'bad_shape'],
  ['a missing field', PAGE, { type: 'draft.request', payload: { templateId: null } }, 'bad_shape'],
  ['an oversized instruction', PAGE, { type: 'draft.request', payload: { templateId: null,
    instruction: 'x'.repeat(2001) } }, 'bad_shape'],
  ['a bad token format', CONTENT, { type: 'field.changed', payload: { fieldToken: '<script>' } }, 'bad_shape'],
  ['an unknown decision action', PAGE, { type: 'draft.accept', payload: {
    draftId: 'd_1', decisions: [{ index: 0, action: 'approve', confirmed: true, seen_ms: 1 }], bulkAccept: false,
    attestation: { version: '1', accepted: true }, finalText: '' } }, 'bad_shape'],
  ['a fractional index', PAGE, { type: 'draft.accept', payload: {
    draftId: 'd_1', decisions: [{ index: 0.5, action: 'keep', confirmed: true, seen_ms: 1 }], bulkAccept: false,
    attestation: { version: '1', accepted: true }, finalText: '' } }, 'bad_shape'],
  ['a non-object message', PAGE, 'pair', 'not_object'],
  ['an array message', PAGE, ['pair'], 'not_object'],
  ['null', PAGE, null, 'not_object'],
];
for (const [name, table, message, code] of bad) {
  test(`refuses ${name}`, () => {
    assert.throws(() => validateMessage(table, message), refusedWith(code));
  });
}

test('content script replies are shape-checked', () => {
  const captured = { ok: true, fieldToken: 'abcdef0123456789', text: 'hi', kind: 'quill', descriptor: 'Notes',
    caseContext: { subject_name: 'Sam' }, caseRef: null };
  assert.doesNotThrow(() => validateReply('capture', captured));
  assert.doesNotThrow(() => validateReply('capture', { ok: false, reason: 'field_refused' }));
  assert.throws(() => validateReply('capture', { ...captured, kind: 'canvas' }), refusedWith('bad_reply'));
  assert.throws(() => validateReply('capture', { ...captured, text: 'x'.repeat(100_001) }), refusedWith('bad_reply'));
  assert.throws(() => validateReply('capture', { ...captured, caseContext: { 'bad key!': 'x' } }),
    refusedWith('bad_reply'));
  assert.doesNotThrow(() => validateReply('insert', { ok: true, strategy: 'value-setter', verified: true }));
  assert.throws(() => validateReply('insert', { ok: true, verified: 'yes' }), refusedWith('bad_reply'));
  assert.throws(() => validateReply('nonsense', {}), refusedWith('unknown_reply'));
});

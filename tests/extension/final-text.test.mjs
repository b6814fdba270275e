import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeFinalText, FinalTextError, textToInsert } from '../../extension/lib/final-text.js';
import { draftResponse } from './fixtures.mjs';

const hunks = draftResponse().hunks;
const cases = [
  ['keep all', [{ index: 0, action: 'keep' }, { index: 2, action: 'keep' }], draftResponse().draft_text],
  ['reject all', [{ index: 0, action: 'reject' }, { index: 2, action: 'reject' }],
    'Met Sam at home. He seemed well. We talked about school.'],
  ['edit one', [{ index: 0, action: 'reject' }, { index: 2, action: 'edit', text: 'X.' }],
    'Met Sam at home. He seemed well. X.'],
  ['edit to empty', [{ index: 0, action: 'keep' }, { index: 2, action: 'edit', text: '' }],
    'Met Sam at home on 3 May. He seemed well. '],
];
for (const [name, decisions, expected] of cases) {
  test(`final text: ${name}`, () => {
    assert.equal(computeFinalText(hunks, decisions), expected);
    assert.equal(computeFinalText(hunks, new Map(decisions.map((d) => [d.index, d]))), expected);
  });
}

const bad = [
  ['a changed hunk without decision', [{ index: 0, action: 'keep' }], 'hunk_undecided'],
  ['an edit without text', [{ index: 0, action: 'keep' }, { index: 2, action: 'edit' }], 'edit_without_text'],
  ['an unknown action', [{ index: 0, action: 'keep' }, { index: 2, action: 'rewrite' }], 'unknown_action'],
];
for (const [name, decisions, code] of bad) {
  test(`final text refuses ${name}`, () => {
    assert.throws(() => computeFinalText(hunks, decisions), (e) => e instanceof FinalTextError && e.code === code);
  });
}

test('works on rendered hunks (before/after) too', () => {
  const rendered = hunks.map((h) => ({ index: h.index, changed: h.changed, before: h.original, after: h.proposed }));
  assert.equal(computeFinalText(rendered, [{ index: 0, action: 'keep' }, { index: 2, action: 'reject' }]),
    'Met Sam at home on 3 May. He seemed well. We talked about school.');
});

const tagCases = [
  ['Body.', null, 'Body.'],
  ['Body.', '', 'Body.'],
  ['Body.', '[AI-assisted · ref A1]', 'Body.\n[AI-assisted · ref A1]'],
  ['Body.\n', '[AI-assisted · ref A1]', 'Body.\n[AI-assisted · ref A1]'],
  ['', '[tag]', '[tag]'],
];
for (const [body, tag, expected] of tagCases) {
  test(`textToInsert(${JSON.stringify(body)}, ${JSON.stringify(tag)})`, () => {
    assert.equal(textToInsert(body, tag), expected);
  });
}

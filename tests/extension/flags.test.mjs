import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFlag, FLAG_LABELS, needsConfirmation, summariseFlags } from '../../extension/lib/flags.js';

const API_KINDS = ['new_name', 'new_number', 'new_date', 'new_time', 'new_money', 'new_address', 'new_quote',
  'new_risk_term', 'negation_added', 'negation_removed'];

test('every flag kind in the drafting API has a label', () => {
  assert.deepEqual(Object.keys(FLAG_LABELS).sort(), [...API_KINDS].sort());
  for (const kind of API_KINDS) assert.equal(describeFlag({ kind, detail: 'x' }).known, true);
});

test('an unknown flag kind is still shown as a flag (fail closed)', () => {
  const f = describeFlag({ kind: 'new_galaxy', detail: 'd' });
  assert.equal(f.known, false);
  assert.match(f.label, /could not classify/u);
  assert.equal(needsConfirmation({ changed: true, flags: [{ kind: 'new_galaxy' }] }), true);
});

test('long details are shortened', () => {
  assert.equal(describeFlag({ kind: 'new_name', detail: 'x'.repeat(500) }).detail.length, 200);
});

const confirmCases = [
  [{ changed: true, flags: [{ kind: 'new_name' }] }, true],
  [{ changed: true, flags: [] }, false],
  [{ changed: false, flags: [{ kind: 'new_name' }] }, false],
  [{ changed: true }, false],
];
for (const [hunk, expected] of confirmCases) {
  test(`needsConfirmation(${JSON.stringify(hunk)}) is ${expected}`, () => {
    assert.equal(needsConfirmation(hunk), expected);
  });
}

test('summary counts flags of changed hunks per kind', () => {
  const s = summariseFlags([
    { changed: true, flags: [{ kind: 'new_name' }, { kind: 'new_date' }] },
    { changed: true, flags: [{ kind: 'new_name' }] },
    { changed: false, flags: [{ kind: 'new_name' }] },
  ]);
  assert.deepEqual(s.map((x) => [x.kind, x.count]), [['new_name', 2], ['new_date', 1]]);
});

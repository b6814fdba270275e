import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AcceptRefused, checkAcceptance } from '../../extension/lib/accept.js';
import { draftResponse } from './fixtures.mjs';

const base = () => ({
  draftId: 'd_0001',
  decisions: [
    { index: 0, action: 'keep', confirmed: true, seen_ms: 600 },
    { index: 2, action: 'edit', text: 'We talked about school.', confirmed: false, seen_ms: 400 },
  ],
  bulkAccept: false,
  attestation: { version: '1', accepted: true },
  finalText: 'Met Sam at home on 3 May. He seemed well. We talked about school.',
});

test('a complete, consistent acceptance gives the final text', () => {
  assert.equal(checkAcceptance(draftResponse(), base()), base().finalText);
});

const refusals = [
  ['another draft id', (p) => { p.draftId = 'd_2'; }, 'draft_mismatch'],
  ['no attestation', (p) => { p.attestation.accepted = false; }, 'attestation_required'],
  ['a flagged hunk not confirmed', (p) => { p.decisions[0].confirmed = false; }, 'flag_not_confirmed'],
  ['a changed hunk left out', (p) => { p.decisions.pop(); }, 'hunk_undecided'],
  ['a decision on an unchanged hunk', (p) => { p.decisions.push({ index: 1, action: 'keep', confirmed: false,
    seen_ms: 1 }); }, 'hunk_unchanged'],
  ['a decision on a missing hunk', (p) => { p.decisions.push({ index: 9, action: 'keep', confirmed: false,
    seen_ms: 1 }); }, 'no_such_hunk'],
  ['two decisions for one hunk', (p) => { p.decisions.push({ ...p.decisions[1] }); }, 'duplicate_decision'],
  ['an edit without text', (p) => { delete p.decisions[1].text; }, 'edit_without_text'],
  ['text on a keep', (p) => { p.decisions[0].text = 'sneaky'; }, 'text_without_edit'],
  ['a final text that differs', (p) => { p.finalText += ' Extra.'; }, 'final_text_mismatch'],
  ['an unreviewed marker in the final text', (p) => {
    p.decisions[1].text = '⟦AI draft · unreviewed · ref AIP-7Q2K-9F3M⟧';
    p.finalText = 'Met Sam at home on 3 May. He seemed well. ⟦AI draft · unreviewed · ref AIP-7Q2K-9F3M⟧';
  }, 'marker_in_final_text'],
];
for (const [name, mutate, code] of refusals) {
  test(`refuses ${name}`, () => {
    const p = base();
    mutate(p);
    assert.throws(() => checkAcceptance(draftResponse(), p), (e) => e instanceof AcceptRefused && e.code === code);
  });
}

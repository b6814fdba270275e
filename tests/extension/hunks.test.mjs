import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DraftShapeError, renderDraft, renderHunk } from '../../extension/lib/hunks.js';
import { draftResponse, ORIGINAL, DRAFT } from './fixtures.mjs';

test('renders every hunk with merged segments and both sides', () => {
  const model = renderDraft(draftResponse(), ORIGINAL);
  assert.equal(model.draftId, 'd_0001');
  assert.equal(model.changedCount, 2);
  assert.equal(model.flaggedCount, 1);
  assert.deepEqual(model.hunks[2].segments.map((s) => s.kind), ['equal', 'delete', 'insert', 'equal', 'insert',
    'equal']);
  assert.equal(model.hunks.map((h) => h.after).join(''), DRAFT);
  assert.equal(model.marker, '[unreviewed AI draft d_0001]');
});

test('adjacent ops of one kind merge and empty ops vanish', () => {
  const h = renderHunk({ index: 0, changed: true, original: 'ab', proposed: 'abc', flags: [],
    ops: [{ op: 'equal', text: 'a' }, { op: 'equal', text: 'b' }, { op: 'insert', text: '' },
      { op: 'insert', text: 'c' }] });
  assert.deepEqual(h.segments, [{ kind: 'equal', text: 'ab' }, { kind: 'insert', text: 'c' }]);
});

test('flagged only when changed and carrying flags', () => {
  const model = renderDraft(draftResponse(), ORIGINAL);
  assert.deepEqual(model.hunks.map((h) => h.flagged), [true, false, false]);
});

test('dwell: the stricter of server and local rule wins; unchanged hunks need none', () => {
  const loose = renderDraft(draftResponse(), ORIGINAL, { baseMs: 0, perWordMs: 0 });
  assert.deepEqual(loose.hunks.map((h) => h.minDwellMs), [500, 0, 300]);
  const strict = renderDraft(draftResponse(), ORIGINAL, { baseMs: 1000, perWordMs: 100 });
  assert.equal(strict.hunks[0].minDwellMs, 1000 + 100 * 7); // "Met Sam at home on 3 May." has 7 words
  assert.equal(strict.hunks[1].minDwellMs, 0);
});

const broken = [
  ['ops that do not rebuild the original', (r) => { r.hunks[0].ops[0].text = 'Met Tom at home'; }, 'ops_mismatch'],
  ['unknown op kind', (r) => { r.hunks[0].ops[1].op = 'replace'; }, 'bad_op'],
  ['op text not a string', (r) => { r.hunks[0].ops[1].text = 3; }, 'bad_op'],
  ['unchanged hunk whose sides differ', (r) => {
    r.hunks[1].proposed = 'He was well. '; r.hunks[1].ops = [{ op: 'delete', text: 'He seemed well. ' },
      { op: 'insert', text: 'He was well. ' }];
  }, 'unchanged_differs'],
  ['hunks out of order', (r) => { r.hunks[1].index = 2; r.hunks[2].index = 1; }, 'index_order'],
  ['hunks not covering the original', (r) => { r.hunks.pop(); }, 'original_mismatch'],
  ['draft text not matching proposed sides', (r) => { r.draft_text += '!'; }, 'draft_mismatch'],
  ['no hunks', (r) => { r.hunks = []; }, 'no_hunks'],
  ['missing draft id', (r) => { delete r.draft_id; }, 'bad_draft_id'],
  ['changed not boolean', (r) => { r.hunks[0].changed = 'yes'; }, 'bad_changed'],
  ['negative index', (r) => { r.hunks[0].index = -1; }, 'bad_index'],
];
for (const [name, mutate, code] of broken) {
  test(`refuses a draft with ${name}`, () => {
    const r = draftResponse();
    mutate(r);
    assert.throws(() => renderDraft(r, ORIGINAL), (e) => e instanceof DraftShapeError && e.code === code);
  });
}

test('render model is frozen', () => {
  const model = renderDraft(draftResponse(), ORIGINAL);
  assert.throws(() => { model.hunks[0].segments[0].text = 'x'; }, TypeError);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderDraft } from '../../extension/lib/hunks.js';
import {
  apply, canAcceptRemaining, canInsert, createReview, decisionsOf, dwellRemaining, progress, ReviewRefused,
} from '../../extension/lib/review.js';
import { computeFinalText } from '../../extension/lib/final-text.js';
import { draftResponse, ORIGINAL } from './fixtures.mjs';

const rendered = () => renderDraft(draftResponse(), ORIGINAL); // hunk 0 flagged (500 ms), 1 unchanged, 2 plain (300 ms)
const fresh = (bulk = true) => createReview(rendered(), { allowBulkAccept: bulk }, 0);

function run(state, events) {
  return events.reduce((s, e) => apply(s, e), state);
}
function refused(state, event, code) {
  assert.throws(() => apply(state, event), (e) => e instanceof ReviewRefused && e.code === code,
    `${event.type} should be refused with ${code}`);
}
// Both changed hunks seen: focus 0 for 500 ms, then 2 for 300 ms.
const seeAll = [{ type: 'focus', index: 0, at: 0 }, { type: 'focus', index: 2, at: 500 }, { type: 'tick', at: 800 }];

test('starts with changed hunks unseen and unchanged ones needing nothing', () => {
  const s = fresh();
  assert.deepEqual(s.hunks.map((h) => h.status), ['unseen', 'unchanged', 'unseen']);
  assert.equal(canInsert(s), false);
  assert.deepEqual(progress(s), { total: 2, seen: 0, reviewed: 0, flagged: 1, flaggedDecided: 0 });
});

test('a hunk becomes seen only after its minimum dwell while focused', () => {
  let s = apply(fresh(), { type: 'focus', index: 2, at: 0 });
  assert.equal(dwellRemaining(s), 300);
  s = apply(s, { type: 'tick', at: 299 });
  assert.equal(s.hunks[2].status, 'unseen');
  s = apply(s, { type: 'tick', at: 300 });
  assert.equal(s.hunks[2].status, 'seen');
  assert.equal(s.hunks[2].seenMs, 300);
});

test('dwell accumulates across visits but not while unfocused', () => {
  const s = run(fresh(), [
    { type: 'focus', index: 2, at: 0 }, { type: 'blur', at: 200 }, { type: 'tick', at: 5000 },
    { type: 'focus', index: 2, at: 5000 }, { type: 'tick', at: 5099 },
  ]);
  assert.equal(s.hunks[2].seenMs, 299);
  assert.equal(s.hunks[2].status, 'unseen');
});

// Every illegal transition, each refused with its own code.
const illegal = [
  ['keep an unseen hunk', [], { type: 'keep', index: 2, at: 1 }, 'hunk_unseen'],
  ['reject an unseen hunk', [], { type: 'reject', index: 2, at: 1 }, 'hunk_unseen'],
  ['edit an unseen hunk', [], { type: 'edit', index: 2, text: 'x', at: 1 }, 'hunk_unseen'],
  ['keep a flagged hunk without confirming the flag', seeAll, { type: 'keep', index: 0, at: 900 },
    'flag_needs_confirmation'],
  ['decide an unchanged hunk', seeAll, { type: 'keep', index: 1, at: 900 }, 'hunk_unchanged'],
  ['decide a hunk that does not exist', seeAll, { type: 'reject', index: 7, at: 900 }, 'no_such_hunk'],
  ['focus a hunk that does not exist', [], { type: 'focus', index: -1, at: 1 }, 'no_such_hunk'],
  ['undo an undecided hunk', seeAll, { type: 'undo', index: 2, at: 900 }, 'not_decided'],
  ['edit with no text', seeAll, { type: 'edit', index: 2, at: 900 }, 'edit_text_invalid'],
  ['accept remaining while a hunk is unseen', [{ type: 'focus', index: 2, at: 0 }, { type: 'tick', at: 300 }],
    { type: 'acceptRemaining', at: 301, attestation: { accepted: true } }, 'hunks_unseen'],
  ['accept remaining without attestation', seeAll, { type: 'acceptRemaining', at: 900, attestation: {} },
    'attestation_required'],
  ['accept remaining when only flagged hunks are left', [...seeAll, { type: 'reject', index: 2, at: 900 }],
    { type: 'acceptRemaining', at: 901, attestation: { accepted: true } }, 'nothing_to_accept'],
  ['submit with an undecided hunk', [...seeAll, { type: 'reject', index: 2, at: 900 }],
    { type: 'submit', at: 901, attestation: { accepted: true } }, 'review_incomplete'],
  ['submit without attestation', [...seeAll, { type: 'reject', index: 2, at: 900 },
    { type: 'keep', index: 0, confirmFlag: true, at: 901 }], { type: 'submit', at: 902, attestation: {} },
  'attestation_required'],
  ['an event with time going backwards', [{ type: 'focus', index: 2, at: 100 }], { type: 'tick', at: 50 },
    'clock_backwards'],
  ['an event without a time', [], { type: 'focus', index: 0 }, 'bad_time'],
  ['an unknown event', [], { type: 'approveEverything', at: 1 }, 'unknown_event'],
  ['an inherited property as an event', [], { type: 'toString', at: 1 }, 'unknown_event'],
];
for (const [name, before, event, code] of illegal) {
  test(`refuses: ${name}`, () => {
    const s = run(fresh(), before);
    const snapshot = JSON.stringify(s);
    refused(s, event, code);
    assert.equal(JSON.stringify(s), snapshot, 'refused event must not change state');
  });
}

test('accept remaining is refused when the policy forbids bulk accept', () => {
  refused(run(fresh(false), seeAll), { type: 'acceptRemaining', at: 900, attestation: { accepted: true } },
    'bulk_not_allowed');
});

test('accept remaining keeps seen unflagged hunks, never flagged ones, and is recorded as bulk', () => {
  let s = run(fresh(), seeAll);
  assert.equal(canAcceptRemaining(s), true);
  s = apply(s, { type: 'acceptRemaining', at: 900, attestation: { accepted: true, version: '1' } });
  assert.equal(s.hunks[2].status, 'kept');
  assert.equal(s.hunks[2].decidedBy, 'bulk');
  assert.equal(s.hunks[0].status, 'seen', 'flagged hunk stays for individual confirmation');
  assert.equal(s.bulkAccept, true);
  assert.equal(canInsert(s), false);
  s = apply(s, { type: 'keep', index: 0, confirmFlag: true, at: 901 });
  assert.equal(canInsert(s), true);
  assert.deepEqual(decisionsOf(s), [
    { index: 0, action: 'keep', confirmed: true, seen_ms: 500 },
    { index: 2, action: 'keep', confirmed: false, seen_ms: 401 }, // still focused until the last event
  ]);
});

test('keep, reject, edit, undo and the resulting decisions and final text', () => {
  let s = run(fresh(), [...seeAll,
    { type: 'keep', index: 0, confirmFlag: true, at: 900 },
    { type: 'edit', index: 2, text: 'We talked about school and attendance.', at: 950 }]);
  assert.equal(canInsert(s), true);
  assert.deepEqual(progress(s), { total: 2, seen: 2, reviewed: 2, flagged: 1, flaggedDecided: 1 });
  const decisions = decisionsOf(s);
  assert.equal(computeFinalText(draftResponse().hunks, decisions),
    'Met Sam at home on 3 May. He seemed well. We talked about school and attendance.');
  s = apply(s, { type: 'undo', index: 0, at: 1000 });
  assert.equal(s.hunks[0].status, 'seen');
  assert.equal(canInsert(s), false);
  s = apply(s, { type: 'reject', index: 0, at: 1001 });
  assert.equal(s.hunks[0].confirmed, true, 'an individual decision on a flagged hunk counts as confirmation');
  assert.equal(computeFinalText(draftResponse().hunks, decisionsOf(s)),
    'Met Sam at home. He seemed well. We talked about school and attendance.');
});

test('a decision can be changed before submitting', () => {
  const s = run(fresh(), [...seeAll, { type: 'reject', index: 2, at: 900 }, { type: 'keep', index: 2, at: 901 }]);
  assert.equal(s.hunks[2].status, 'kept');
});

test('reset (source field changed) clears everything and closes the review', () => {
  let s = run(fresh(), [...seeAll, { type: 'keep', index: 0, confirmFlag: true, at: 900 },
    { type: 'keep', index: 2, at: 901 }]);
  assert.equal(canInsert(s), true);
  s = apply(s, { type: 'reset', reason: 'source_changed' });
  assert.equal(s.phase, 'reset');
  assert.deepEqual(s.hunks.map((h) => h.status), ['unseen', 'unchanged', 'unseen']);
  assert.equal(canInsert(s), false);
  for (const event of [{ type: 'focus', index: 0, at: 1000 }, { type: 'keep', index: 2, at: 1000 },
    { type: 'submit', at: 1000, attestation: { accepted: true } }]) {
    refused(s, event, 'review_reset');
  }
});

test('after submit nothing else is accepted, not even a reset', () => {
  const s = run(fresh(), [...seeAll, { type: 'keep', index: 0, confirmFlag: true, at: 900 },
    { type: 'keep', index: 2, at: 901 }, { type: 'submit', at: 902, attestation: { accepted: true } }]);
  assert.equal(s.phase, 'submitted');
  refused(s, { type: 'undo', index: 2, at: 903 }, 'already_submitted');
  refused(s, { type: 'reset' }, 'already_submitted');
});

test('states are immutable', () => {
  const s = fresh();
  assert.throws(() => { s.hunks[0].status = 'kept'; }, TypeError);
  const next = apply(s, { type: 'focus', index: 0, at: 0 });
  assert.equal(s.focus, null);
  assert.notEqual(next, s);
});

test('zero-dwell hunks are seen as soon as they are focused', () => {
  const r = draftResponse();
  r.hunks[2].min_dwell_ms = 0;
  const s = apply(createReview(renderDraft(r, ORIGINAL), { allowBulkAccept: true }, 0),
    { type: 'focus', index: 2, at: 0 });
  assert.equal(s.hunks[2].status, 'seen');
});

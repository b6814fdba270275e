import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, failureMessage, FAILURES } from '../../extension/lib/errors.js';

const cases = [
  [{ transport: 'unreachable' }, 'proxy_not_running'],
  [{ transport: 'timeout' }, 'timeout'],
  [{ transport: 'not_paired' }, 'not_paired'],
  [{ status: 401, code: 'unauthorized' }, 'token_revoked'],
  [{ status: 403, code: 'origin_rejected' }, 'token_revoked'],
  [{ status: 403, code: 'policy_blocked' }, 'policy_blocked'],
  [{ status: 502, code: 'upstream_unreachable' }, 'provider_unreachable'],
  [{ status: 504, code: 'upstream_timeout' }, 'provider_unreachable'],
  [{ status: 429, code: 'upstream_error' }, 'provider_unreachable'],
  [{ status: 422, code: 'review_too_fast' }, 'review_refused'],
  [{ status: 422, code: 'flag_not_confirmed' }, 'review_refused'],
  [{ status: 409, code: 'already_decided' }, 'draft_gone'],
  [{ status: 404, code: 'draft_not_found' }, 'draft_gone'],
  [{ status: 500, code: 'audit_failed' }, 'internal'],
];
for (const [input, kind] of cases) {
  test(`classify(${JSON.stringify(input)}) → ${kind}`, () => assert.equal(classify(input), kind));
}

test('the issue\'s failure states each say what to do next', () => {
  for (const kind of ['proxy_not_running', 'not_paired', 'token_revoked', 'provider_unreachable', 'policy_blocked',
    'review_reset', 'timeout', 'empty_field', 'field_too_long', 'insert_unverified', 'settings_invalid']) {
    const f = failureMessage(kind);
    assert.ok(f.title.length > 10 && f.message.length > 20, kind);
    assert.ok(['retry', 'open_options', 'redraft', 'copy', 'none'].includes(f.action), kind);
  }
  assert.match(failureMessage('not_paired').message, /cosigner pair/u);
  assert.match(failureMessage('proxy_not_running').message, /Start Cosigner/u);
});

test('a policy block shows the policy\'s own message and rule', () => {
  const f = failureMessage('policy_blocked', { policyMessage: 'Cosigner does not score risk.', rule: 'no-scoring' });
  assert.match(f.message, /^Cosigner does not score risk\./u);
  assert.equal(f.rule, 'no-scoring');
});

test('an unknown kind falls back to the generic failure', () => {
  assert.equal(failureMessage('nope').kind, 'internal');
  assert.equal(Object.isFrozen(FAILURES), true);
});

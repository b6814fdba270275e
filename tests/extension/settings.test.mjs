import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  effectiveReviewRules, mergeSettings, normaliseOrigin, normaliseProxyUrl, originToMatchPattern, policyMismatch,
  SettingsError,
} from '../../extension/lib/settings.js';

const proxyUrls = [
  ['http://127.0.0.1:8750', 'http://127.0.0.1:8750'],
  ['http://localhost:9000/', 'http://localhost:9000'],
];
for (const [input, expected] of proxyUrls) {
  test(`proxy URL ${input} is accepted`, () => assert.equal(normaliseProxyUrl(input), expected));
}
for (const input of ['https://127.0.0.1:8750', 'http://10.0.0.5:8750', 'http://evil.example', 'http://127.0.0.1:8750/x',
  'http://user:pw@127.0.0.1:1', 'not a url']) {
  test(`proxy URL ${input} is refused`, () => assert.throws(() => normaliseProxyUrl(input), SettingsError));
}

test('origins are normalised; paths and wildcards refused', () => {
  assert.equal(normaliseOrigin('https://cases.example.gov.uk/'), 'https://cases.example.gov.uk');
  for (const bad of ['https://*.example.gov.uk', 'https://a.example/path', 'ftp://a.example', 'javascript:alert(1)']) {
    assert.throws(() => normaliseOrigin(bad), SettingsError, bad);
  }
  assert.equal(originToMatchPattern('http://127.0.0.1:5173'), 'http://127.0.0.1/*');
});

test('managed keys win and are locked; local keys fill the rest', () => {
  const s = mergeSettings(
    { proxyUrl: 'http://127.0.0.1:9999', allowedOrigins: ['https://cases.example'] },
    { proxyUrl: 'http://localhost:1', allowedOrigins: ['https://other.example'], defaultTemplateId: 'tidy' },
  );
  assert.equal(s.proxyUrl, 'http://127.0.0.1:9999');
  assert.deepEqual(s.allowedOrigins, ['https://cases.example']);
  assert.deepEqual([...s.locked], ['proxyUrl', 'allowedOrigins']);
  assert.equal(s.personal.defaultTemplateId, 'tidy');
  assert.equal(s.expectedPolicyHash, null);
});

test('an invalid managed value fails closed instead of falling back', () => {
  assert.throws(() => mergeSettings({ proxyUrl: 'http://evil.example' }, {}), SettingsError);
  assert.throws(() => mergeSettings({ reviewRules: { allowBulkAccept: 'yes' } }, {}), SettingsError);
  assert.throws(() => mergeSettings({ reviewRules: { skipReview: true } }, {}), SettingsError);
});

test('an invalid local value falls back to the default', () => {
  assert.equal(mergeSettings({}, { proxyUrl: 'http://evil.example' }).proxyUrl, 'http://127.0.0.1:8750');
});

test('review rules take the stricter side of proxy and IT', () => {
  const r = effectiveReviewRules(
    { min_dwell_ms_base: 400, min_dwell_ms_per_word: 10, allow_bulk_accept: true, attestation_text: 'I checked',
      attestation_version: 2 },
    { minDwellMsBase: 100, minDwellMsPerWord: 50, allowBulkAccept: false },
  );
  assert.deepEqual({ ...r.dwell }, { baseMs: 400, perWordMs: 50 });
  assert.equal(r.allowBulkAccept, false);
  assert.equal(r.attestationVersion, '2');
  assert.equal(effectiveReviewRules({ allow_bulk_accept: false }, { allowBulkAccept: true }).allowBulkAccept, false);
});

test('policy hash pinning', () => {
  assert.equal(policyMismatch(null, { hash: 'abc' }), false);
  assert.equal(policyMismatch('sha256:aaaa', { hash: 'sha256:aaaa' }), false);
  assert.equal(policyMismatch('sha256:aaaa', { hash: 'sha256:bbbb' }), true);
  assert.equal(policyMismatch('sha256:aaaa', undefined), true);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProxyClient, ProxyError } from '../../extension/lib/proxy-client.js';

function fakeFetch(handler) {
  const calls = [];
  const fn = async (url, init) => {
    calls.push({ url, init });
    return handler(url, init);
  };
  fn.calls = calls;
  return fn;
}
const json = (status, body) => ({ ok: status < 400, status, json: async () => body });
const STATUS = { ok: true, proxy_version: '0.1.0', policy: { name: 'default', version: 1, hash: 'sha256:ab' },
  templates: [{ id: 'tidy', label: 'Tidy grammar' }], review: {}, tag: { visible_marker: true } };

const client = (fetchFn, token = 'tok_0123456789abcdef', timeouts) =>
  createProxyClient({ fetchFn, baseUrl: 'http://127.0.0.1:8750', getToken: async () => token, timeouts });

test('calls are POST JSON with the bearer token and no credentials', async () => {
  const f = fakeFetch(() => json(200, STATUS));
  const result = await client(f).status();
  assert.equal(result.policy.name, 'default');
  const { url, init } = f.calls[0];
  assert.equal(url, 'http://127.0.0.1:8750/cosigner/v1/status');
  assert.equal(init.method, 'POST');
  assert.equal(init.headers.Authorization, 'Bearer tok_0123456789abcdef');
  assert.equal(init.headers['Content-Type'], 'application/json');
  assert.equal(init.credentials, 'omit');
});

test('pair sends no token', async () => {
  const f = fakeFetch(() => json(200, { token: 't'.repeat(43), proxy_version: '0.1', policy: STATUS.policy }));
  await client(f, null).pair('ABCD');
  assert.equal(f.calls[0].init.headers.Authorization, undefined);
  assert.deepEqual(JSON.parse(f.calls[0].init.body), { code: 'ABCD' });
});

const failures = [
  ['no token', null, () => json(200, STATUS), 'not_paired'],
  ['connection refused', 'tok', () => { throw new TypeError('Failed to fetch'); }, 'proxy_not_running'],
  ['401', 'tok', () => json(401, { error: { code: 'unauthorized', message: 'm', rule: null } }), 'token_revoked'],
  ['policy block', 'tok', () => json(403, { error: { code: 'policy_blocked', message: 'No scoring.', rule: 'r1' } }),
    'policy_blocked'],
  ['provider down', 'tok', () => json(502, { error: { code: 'upstream_unreachable', message: 'm' } }),
    'provider_unreachable'],
  ['a non-JSON error page', 'tok', () => ({ ok: false, status: 502, json: async () => { throw new SyntaxError(); } }),
    'provider_unreachable'],
  ['a malformed success', 'tok', () => json(200, { ok: true }), 'bad_response'],
  ['a non-JSON success', 'tok', () => ({ ok: true, status: 200, json: async () => { throw new SyntaxError(); } }),
    'bad_response'],
];
for (const [name, token, handler, kind] of failures) {
  test(`${name} → ${kind}`, async () => {
    await assert.rejects(client(fakeFetch(handler), token).status(), (e) => e instanceof ProxyError && e.kind === kind);
  });
}

test('policy block carries the policy message and rule', async () => {
  const f = fakeFetch(() => json(403, { error: { code: 'policy_blocked', message: 'No scoring.', rule: 'r1' } }));
  await assert.rejects(client(f).draft({ original_text: 'x' }), (e) => e.proxyMessage === 'No scoring.' && e.rule === 'r1');
});

test('a call that never answers ends with a timeout', async () => {
  const f = fakeFetch((url, init) => new Promise((resolve, reject) => {
    init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  }));
  const timeouts = { status: 20 };
  await assert.rejects(client(f, 'tok', timeouts).status(), (e) => e.kind === 'timeout');
});

test('draft ids are checked before they go into a path', async () => {
  const f = fakeFetch(() => json(200, { ok: true }));
  await assert.rejects(client(f).decide('../pair', {}), (e) => e.kind === 'bad_response');
  assert.equal(f.calls.length, 0);
  await client(f).recordInsertion('d_1', { strategy: 's', verified: true });
  assert.equal(f.calls[0].url, 'http://127.0.0.1:8750/cosigner/v1/drafts/d_1/insertion');
});

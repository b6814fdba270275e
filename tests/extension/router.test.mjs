import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifySender, createRouter } from '../../extension/platform/router.js';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT = `chrome-extension://${ID}`;
const ALLOWED = ['https://cases.example'];
const opts = { extensionId: ID, extensionOrigin: EXT, allowedOrigins: ALLOWED };
const contentSender = (over = {}) => ({ id: ID, url: 'https://cases.example/record/1', origin: 'https://cases.example',
  tab: { id: 3, url: 'https://cases.example/record/1' }, frameId: 0, ...over });

test('extension pages and allowed content frames are recognised', () => {
  assert.deepEqual(classifySender({ id: ID, url: `${EXT}/sidepanel.html` }, opts), { kind: 'page', page: 'sidepanel' });
  assert.deepEqual(classifySender(contentSender(), opts),
    { kind: 'content', origin: 'https://cases.example', tabId: 3, frameId: 0 });
});

test('an about:srcdoc editor frame inherits the tab origin when the browser gives no origin', () => {
  const s = contentSender({ url: 'about:srcdoc', origin: undefined, frameId: 7 });
  assert.equal(classifySender(s, opts).frameId, 7);
});

const refused = [
  ['another extension', { ...contentSender(), id: 'x'.repeat(32) }, 'foreign_sender'],
  ['a page not on the list', contentSender({ url: 'https://evil.example/', origin: 'https://evil.example' }),
    'origin_not_allowed'],
  ['a look-alike origin', contentSender({ url: 'https://cases.example.evil.test/', origin: 'https://cases.example.evil.test' }),
    'origin_not_allowed'],
  ['an allowed host on another port', contentSender({ url: 'https://cases.example:8443/', origin: 'https://cases.example:8443' }),
    'origin_not_allowed'],
  ['an unknown extension page', { id: ID, url: `${EXT}/evil.html` }, 'unknown_page'],
  ['a content sender without a tab', { id: ID, url: 'https://cases.example/' }, 'no_tab'],
  ['no sender', null, 'foreign_sender'],
];
for (const [name, sender, code] of refused) {
  test(`refuses ${name}`, () => assert.throws(() => classifySender(sender, opts), (e) => e.code === code));
}

function router() {
  const calls = [];
  const route = createRouter({
    extensionId: ID, extensionOrigin: EXT, allowedOrigins: async () => ALLOWED,
    contentHandlers: { 'field.changed': async (p, who) => { calls.push(['changed', p, who.kind]); return 'ok'; } },
    pageHandlers: { 'draft.reject': async (p) => { calls.push(['reject', p]); return { done: true }; } },
  });
  return { route, calls };
}

test('routes a valid content message to its handler', async () => {
  const { route, calls } = router();
  const res = await route({ type: 'field.changed', payload: { fieldToken: 'abcdef0123456789' } }, contentSender());
  assert.deepEqual(res, { ok: true, result: 'ok' });
  assert.equal(calls[0][2], 'content');
});

test('a content script cannot send a page message (no acceptance from the page)', async () => {
  const { route, calls } = router();
  const res = await route({ type: 'draft.reject', payload: { draftId: 'd_1' } }, contentSender());
  assert.deepEqual(res, { ok: false, error: { code: 'unknown_type' } });
  const accept = await route({ type: 'draft.accept', payload: {} }, contentSender());
  assert.equal(accept.ok, false);
  assert.equal(calls.length, 0);
});

test('the side panel can send page messages; bad shapes are refused', async () => {
  const { route, calls } = router();
  const panel = { id: ID, url: `${EXT}/sidepanel.html` };
  assert.deepEqual(await route({ type: 'draft.reject', payload: { draftId: 'd_1' } }, panel),
    { ok: true, result: { done: true } });
  assert.deepEqual(await route({ type: 'draft.reject', payload: { draftId: 'd 1' } }, panel),
    { ok: false, error: { code: 'bad_shape' } });
  assert.deepEqual(await route({ type: 'pair', payload: { code: 'ABCD' } }, panel),
    { ok: false, error: { code: 'no_handler' } });
  assert.equal(calls.length, 1);
});

test('a handler registered without a schema is a programming error', () => {
  assert.throws(() => createRouter({ extensionId: ID, extensionOrigin: EXT, allowedOrigins: () => [],
    contentHandlers: { 'draft.accept': () => {} }, pageHandlers: {} }), /no schema/u);
});

test('invalid IT settings switch everything off with a stable code', async () => {
  const { SettingsError } = await import('../../extension/lib/settings.js');
  const route = createRouter({
    extensionId: ID, extensionOrigin: EXT,
    allowedOrigins: async () => { throw new SettingsError('proxyUrl', 'must be 127.0.0.1 or localhost'); },
    contentHandlers: {}, pageHandlers: { 'panel.hello': async () => 'never' },
  });
  assert.deepEqual(await route({ type: 'panel.hello', payload: {} }, { id: ID, url: `${EXT}/sidepanel.html` }),
    { ok: false, error: { code: 'settings_invalid' } });
});

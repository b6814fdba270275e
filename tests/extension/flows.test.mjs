// The service worker's flows with a fake browser API (installed before the modules load), a fake proxy (fetch)
// and fake content scripts (tabs.sendMessage).  Checks what goes to the proxy and what goes to the page.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { draftResponse, ORIGINAL } from './fixtures.mjs';

const PROXY = 'http://127.0.0.1:8750';
const ORIGIN = 'https://cases.example';
const TAG_LINE = 'Drafted with AI assistance; reviewed and accepted by practitioner 1234abcd on 27/11/2026 (ref AIP-7Q2K-9F3M).';

function area() {
  let data = {};
  return {
    get: async (keys) => {
      if (keys === null || keys === undefined) return structuredClone(data);
      const list = Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    set: async (items) => { data = { ...data, ...structuredClone(items) }; },
    remove: async (keys) => { for (const k of [keys].flat()) delete data[k]; },
    reset: () => { data = {}; },
  };
}

const fake = {
  local: area(),
  session: area(),
  managed: {},
  tabMessages: [],
  pageEvents: [],
  fetches: [],
  fieldText: ORIGINAL,
  insertReply: { ok: true, strategy: 'exec-insert-text', verified: true },
  proxy: {},
};

globalThis.chrome = {
  runtime: {
    id: 'abcdefghijklmnopabcdefghijklmnop',
    getURL: (p) => `chrome-extension://abcdefghijklmnopabcdefghijklmnop/${p}`,
    sendMessage: async (msg) => { fake.pageEvents.push(msg.event); },
    onMessage: { addListener() {} },
  },
  storage: {
    local: fake.local,
    session: fake.session,
    managed: { get: async () => structuredClone(fake.managed) },
    onChanged: { addListener() {} },
  },
  tabs: {
    query: async () => [{ id: 7 }, { id: 8 }],
    sendMessage: async (tabId, msg, opts) => {
      fake.tabMessages.push({ tabId, frameId: opts?.frameId, msg });
      if (msg.type === 'read') return { ok: true, text: fake.fieldText };
      if (msg.type === 'capture') {
        return { ok: true, fieldToken: 'tok0123456789abc', text: fake.fieldText, kind: 'textarea',
          descriptor: 'textarea: notes', caseContext: { subject_name: 'Sam Taylor', case_ref: 'C-1042' }, caseRef: null };
      }
      if (msg.type === 'insert') return fake.insertReply;
      return undefined;
    },
  },
  sidePanel: { open: async () => {} },
};

globalThis.fetch = async (url, init) => {
  const path = new URL(url).pathname.replace('/cosigner/v1/', '');
  const body = JSON.parse(init.body);
  fake.fetches.push({ url, path, body, headers: init.headers });
  const handler = fake.proxy[path.startsWith('drafts/') ? path.replace(/^drafts\/[^/]+/u, 'drafts/{id}') : path];
  const [status, answer] = handler ? handler(body) : [404, { error: { code: 'not_found', message: 'x' } }];
  return { ok: status < 400, status, json: async () => answer };
};

const STATUS = { ok: true, proxy_version: '0.1.0', policy: { name: 'default', version: 1, hash: 'sha256abcdef01' },
  templates: [{ id: 'improve_wording', label: 'Improve' }],
  review: { min_dwell_ms_base: 0, min_dwell_ms_per_word: 0, allow_bulk_accept: false,
    attestation_text: 'I checked', attestation_version: '1' }, tag: { visible_marker: true } };

const flows = await import('../../extension/worker/flows.js');

beforeEach(async () => {
  fake.local.reset();
  fake.session.reset();
  fake.managed = {};
  fake.tabMessages = [];
  fake.pageEvents = [];
  fake.fetches = [];
  fake.fieldText = ORIGINAL;
  fake.insertReply = { ok: true, strategy: 'exec-insert-text', verified: true };
  fake.proxy = {
    status: () => [200, STATUS],
    drafts: () => [200, draftResponse()],
    'drafts/{id}/decision': () => [200, { receipt: { receipt_id: 'r1' }, tag_line: TAG_LINE }],
    'drafts/{id}/insertion': () => [200, { ok: true }],
  };
  await fake.local.set({ allowedOrigins: [ORIGIN], caseContextSelectors: { subject_name: '#s', case_ref: '#r' } });
  await fake.session.set({ pairingCache: { token: 'cosext_token', proxyUrl: PROXY, pairedAt: 1 } });
  await flows.capture(7, 0, 'armed', ORIGIN);
});

const accept = (overrides = {}) => ({
  draftId: 'd_0001',
  decisions: [{ index: 0, action: 'keep', confirmed: true, seen_ms: 600 },
    { index: 2, action: 'reject', confirmed: false, seen_ms: 400 }],
  bulkAccept: false, attestation: { version: '1', accepted: true },
  finalText: 'Met Sam at home on 3 May. He seemed well. We talked about school.',
  ...overrides,
});

test('a draft request re-reads the field and sends text, template, case context and the field', async () => {
  const result = await flows.requestDraft({ templateId: 'improve_wording', instruction: null });
  const sent = fake.fetches.find((f) => f.path === 'drafts');
  assert.equal(sent.headers.Authorization, 'Bearer cosext_token');
  assert.deepEqual(sent.body, {
    original_text: ORIGINAL, template_id: 'improve_wording',
    field: { origin: ORIGIN, descriptor: 'textarea: notes', case_ref: 'C-1042' },
    case_context: { people: [{ name: 'Sam Taylor' }] },
  });
  assert.equal(result.response.draft_id, 'd_0001');
  assert.ok(fake.tabMessages.some((m) => m.msg.type === 'read'));
});

test('every tab gets the paste guard as fingerprints only, and the field is watched from the drafted text', async () => {
  await flows.requestDraft({ templateId: 'improve_wording', instruction: null });
  const guards = fake.tabMessages.filter((m) => m.msg.type === 'guard');
  assert.deepEqual(guards.map((g) => g.tabId), [7, 8]);
  const serialised = JSON.stringify(guards);
  assert.equal(serialised.includes('3 May'), false, 'no draft text reaches content scripts');
  assert.ok(guards[0].msg.fingerprints.length > 0);
  assert.deepEqual(guards[0].msg.markers, ['[unreviewed AI draft d_0001]']);
  const watch = fake.tabMessages.find((m) => m.msg.type === 'watch');
  assert.equal(watch.msg.original, ORIGINAL);
  assert.equal(watch.frameId, 0);
});

const draftFailures = [
  ['an empty field', () => { fake.fieldText = '  '; }, 'empty_field'],
  ['a policy other than the pinned one', async () => { await fake.local.set({ expectedPolicyHash: 'sha256otherhash' }); },
    'policy_mismatch'],
  ['hunks that do not rebuild the text', () => { fake.proxy.drafts = () => { const r = draftResponse(); r.draft_text += '!'; return [200, r]; }; },
    'bad_response'],
];
for (const [name, arrange, code] of draftFailures) {
  test(`a draft is refused for ${name}`, async () => {
    await arrange();
    await assert.rejects(flows.requestDraft({ templateId: 'improve_wording', instruction: null }),
      (e) => e.code === code);
  });
}

test('the token is not sent to a proxy address other than the one that issued it', async () => {
  await fake.local.set({ proxyUrl: 'http://127.0.0.1:9999' });
  await assert.rejects(flows.requestDraft({ templateId: 'improve_wording', instruction: null }),
    (e) => e.kind === 'not_paired');
  assert.equal(fake.fetches.length, 0);
});

test('accepting sends the decision, inserts text plus tag line, and records a verified insertion', async () => {
  await flows.requestDraft({ templateId: 'improve_wording', instruction: null });
  const result = await flows.acceptDraft(accept());
  const decision = fake.fetches.find((f) => f.path.endsWith('/decision'));
  assert.equal(decision.body.final_text, accept().finalText);
  assert.equal(decision.body.outcome, 'accept');
  const insert = fake.tabMessages.find((m) => m.msg.type === 'insert');
  assert.equal(insert.msg.text, `${accept().finalText}\n${TAG_LINE}`);
  assert.equal(insert.msg.original, ORIGINAL);
  const insertion = fake.fetches.find((f) => f.path.endsWith('/insertion'));
  assert.deepEqual(insertion.body, { strategy: 'exec-insert-text', verified: true });
  assert.equal(result.verified, true);
  assert.equal(result.copyText, null);
});

test('an insertion that did not verify is recorded as such and offered for copying', async () => {
  await flows.requestDraft({ templateId: 'improve_wording', instruction: null });
  fake.insertReply = { ok: true, strategy: 'none', verified: false, restored: true };
  const result = await flows.acceptDraft(accept());
  assert.equal(result.verified, false);
  assert.equal(result.copyText, `${accept().finalText}\n${TAG_LINE}`);
  assert.deepEqual(fake.fetches.find((f) => f.path.endsWith('/insertion')).body, { strategy: 'none', verified: false });
});

test('a field changed since the draft resets instead of accepting; nothing reaches the proxy or the page', async () => {
  await flows.requestDraft({ templateId: 'improve_wording', instruction: null });
  fake.fieldText = `${ORIGINAL} Edited.`;
  await assert.rejects(flows.acceptDraft(accept()), (e) => e.code === 'review_reset');
  assert.equal(fake.fetches.some((f) => f.path.endsWith('/decision')), false);
  assert.equal(fake.tabMessages.some((m) => m.msg.type === 'insert'), false);
  assert.ok(fake.pageEvents.some((e) => e.kind === 'review_reset'));
  await assert.rejects(flows.acceptDraft(accept()), (e) => e.code === 'review_reset');
});

test('an incomplete review is refused by the worker before the proxy sees it', async () => {
  await flows.requestDraft({ templateId: 'improve_wording', instruction: null });
  await assert.rejects(flows.acceptDraft(accept({ decisions: [accept().decisions[0]] })),
    (e) => e.code === 'review_refused' && e.detail === 'hunk_undecided');
  assert.equal(fake.fetches.some((f) => f.path.endsWith('/decision')), false);
});

test('a tag line that is not one visible line is refused and nothing is inserted', async () => {
  await flows.requestDraft({ templateId: 'improve_wording', instruction: null });
  fake.proxy['drafts/{id}/decision'] = () => [200, { receipt: {}, tag_line: 'Line one\nInjected line' }];
  await assert.rejects(flows.acceptDraft(accept()), (e) => e.code === 'bad_response');
  assert.equal(fake.tabMessages.some((m) => m.msg.type === 'insert'), false);
});

test('field changes count only for the captured field in the captured tab', async () => {
  await flows.requestDraft({ templateId: 'improve_wording', instruction: null });
  await flows.fieldChanged({ tabId: 8 }, 'tok0123456789abc');
  await flows.fieldChanged({ tabId: 7 }, 'othertoken123456');
  assert.equal(fake.pageEvents.some((e) => e?.kind === 'review_reset'), false);
  await flows.fieldChanged({ tabId: 7 }, 'tok0123456789abc');
  assert.ok(fake.pageEvents.some((e) => e?.kind === 'review_reset'));
});

test('a second acceptance of the same draft is refused by the worker', async () => {
  await flows.requestDraft({ templateId: 'improve_wording', instruction: null });
  await flows.acceptDraft(accept());
  await assert.rejects(flows.acceptDraft(accept()), (e) => e.code === 'draft_gone');
});

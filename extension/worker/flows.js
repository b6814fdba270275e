// What the service worker does for each request: capture a field, draft, accept and insert, pair.  Every proxy
// call happens here; content scripts only ever receive the text to insert after the proxy's receipt.
import { runtime, storage, tabs, panel } from '../platform/api.js';
import { forgetPairing, loadPairing, savePairing } from '../platform/token-store.js';
import { checkAcceptance } from '../lib/accept.js';
import { buildCaseContext } from '../lib/case-context.js';
import { textToInsert } from '../lib/final-text.js';
import { renderDraft } from '../lib/hunks.js';
import { validateReply } from '../lib/messages.js';
import { createProxyClient, ProxyError } from '../lib/proxy-client.js';
import { effectiveReviewRules, mergeSettings, policyMismatch } from '../lib/settings.js';
import { validateMarker, validateTagLine } from '../lib/tags.js';
import { loadActive, saveActive } from './tab-state.js';
import '../content/shared.js';

const Shared = globalThis.CosignerShared;
const FRAME_TIMEOUT_MS = 5000;
const INSERT_TIMEOUT_MS = 20000;

export class FlowError extends Error {
  constructor(code, extra = {}) {
    super(`flow failed: ${code}`);
    this.name = 'FlowError';
    this.code = code;
    Object.assign(this, extra);
  }
}

export async function loadSettings() {
  const [managed, local] = await Promise.all([storage.managed(), storage.local.get(null)]);
  return mergeSettings(managed, local);
}

/** The token is only ever sent to the proxy address it was issued by (another local port could be anyone). */
async function tokenFor(proxyUrl) {
  const pairing = await loadPairing();
  return pairing && pairing.proxyUrl === proxyUrl ? pairing.token : null;
}

async function client(settings) {
  return createProxyClient({
    fetchFn: (...args) => fetch(...args),
    baseUrl: settings.proxyUrl,
    getToken: () => tokenFor(settings.proxyUrl),
  });
}

/** Tell open extension pages (side panel, options) what happened; nobody listening is fine. */
export function notifyPages(event) {
  runtime.send({ type: 'cosigner.event', event }).catch(() => {});
}

async function askFrame(tabId, frameId, message, replyKind, timeoutMs = FRAME_TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new FlowError('field_gone')), timeoutMs);
  });
  try {
    const reply = await Promise.race([tabs.send(tabId, frameId, message), timeout]);
    return validateReply(replyKind, reply);
  } catch (err) {
    if (err instanceof FlowError) throw err;
    if (err?.name === 'MessageRefused') throw new FlowError('bad_reply');
    throw new FlowError('field_gone');
  } finally {
    clearTimeout(timer);
  }
}

/** Status with the org's pins applied; throws ProxyError/FlowError for the panel to explain. */
export async function checkedStatus(settings) {
  const status = await (await client(settings)).status();
  if (policyMismatch(settings.expectedPolicyHash, status.policy)) throw new FlowError('policy_mismatch');
  return status;
}

/**
 * Capture the field in one frame.  `mode`: 'context' (the element right-clicked) or 'armed' (the field whose
 * in-page button was pressed, or that had focus when the keyboard shortcut was used).
 */
export async function capture(tabId, frameId, mode, origin) {
  const settings = await loadSettings();
  const reply = await askFrame(tabId, frameId, { type: 'capture', mode, selectors: settings.caseContextSelectors },
    'capture');
  if (!reply.ok) {
    notifyPages({ kind: 'capture_failed', reason: reply.reason });
    return { ok: false, reason: reply.reason };
  }
  const active = {
    capture: { tabId, frameId, origin, fieldToken: reply.fieldToken, kind: reply.kind, descriptor: reply.descriptor,
      caseValues: reply.caseContext, caseRef: reply.caseRef, text: reply.text },
    draft: null, draftStatus: null, reset: false, insertText: null,
  };
  await saveActive(active);
  notifyPages({ kind: 'captured' });
  return { ok: true };
}

/** What the side panel needs to draw itself: the captured field (no text), rules, templates, any draft. */
export async function panelHello() {
  const settings = await loadSettings();
  const active = await loadActive();
  const pairing = await tokenFor(settings.proxyUrl);
  let status = null;
  let failure = null;
  if (!pairing) failure = { code: 'not_paired' };
  else {
    try {
      status = await checkedStatus(settings);
    } catch (err) {
      failure = errorInfo(err);
    }
  }
  return {
    capture: active.capture ? { kind: active.capture.kind, descriptor: active.capture.descriptor,
      origin: active.capture.origin, chars: active.capture.text.length } : null,
    status: status ? { policy: status.policy, templates: status.templates,
      rules: effectiveReviewRules(status.review, settings.reviewRules), tag: status.tag ?? null } : null,
    draft: active.draft && active.draftStatus === 'issued' && !active.reset
      ? { response: active.draft, original: active.capture.text } : null,
    failure,
    defaultTemplateId: settings.personal.defaultTemplateId,
    keyboardHints: settings.personal.keyboardHints,
  };
}

export function errorInfo(err) {
  if (err instanceof ProxyError) return { code: err.kind, proxyMessage: err.proxyMessage, rule: err.rule };
  if (err instanceof FlowError) return { code: err.code };
  if (typeof err?.code === 'string') return { code: err.code };
  return { code: 'internal' };
}

async function fieldText(active) {
  const { tabId, frameId, fieldToken } = active.capture;
  const reply = await askFrame(tabId, frameId, { type: 'read', fieldToken }, 'read');
  if (!reply.ok) throw new FlowError(reply.reason === 'field_gone' ? 'field_gone' : 'field_refused');
  return reply.text;
}

/** What every content script needs to stop pastes of the pending draft: sentence fingerprints, the marker. */
export async function guardState() {
  const active = await loadActive();
  if (!active.draft || active.draftStatus !== 'issued') return { fingerprints: [], markers: [] };
  const draft = active.draft;
  return {
    fingerprints: Shared.fingerprints(draft.hunks.filter((h) => h.changed).map((h) => h.proposed).join('\n')),
    markers: draft.marker ? [draft.marker] : [],
  };
}

/** Push the guard to every tab (content scripts exist only on allowed case-system origins; others fail). */
async function broadcastGuard() {
  const state = await guardState();
  const all = await tabs.all().catch(() => []);
  await Promise.all(all.map((t) => tabs.send(t.id, undefined, { type: 'guard', ...state }).catch(() => {})));
}

async function guardTab(active) {
  const { tabId, frameId, fieldToken } = active.capture;
  await broadcastGuard();
  // The captured frame also watches its field for changes, starting from the text the draft was made from (an
  // edit made while the model was working counts as a change too).
  await tabs.send(tabId, frameId, { type: 'watch', fieldToken, original: active.capture.text }).catch(() => {});
}

export async function requestDraft({ templateId, instruction }) {
  const settings = await loadSettings();
  let active = await loadActive();
  if (!active.capture) throw new FlowError('no_field');
  const [text, status] = await Promise.all([fieldText(active), checkedStatus(settings)]);
  if (text.trim() === '') throw new FlowError('empty_field');
  const { caseContext, caseRef } = buildCaseContext(active.capture.caseValues);
  const body = {
    original_text: text,
    field: { origin: active.capture.origin, descriptor: active.capture.descriptor },
  };
  if (caseRef) body.field.case_ref = caseRef;
  if (instruction) body.instruction = instruction;
  if (templateId) body.template_id = templateId;
  if (caseContext) body.case_context = caseContext;
  const started = performance.now();
  const response = await (await client(settings)).draft(body);
  const proxyMs = performance.now() - started;
  const rules = effectiveReviewRules(status.review, settings.reviewRules);
  try {
    renderDraft(response, text, rules.dwell);
    validateMarker(response.marker ?? null);
  } catch {
    throw new FlowError('bad_response');
  }
  active = { ...active, capture: { ...active.capture, text }, draft: response, draftStatus: 'issued', reset: false,
    insertText: null };
  await saveActive(active);
  await guardTab(active);
  return { response, original: text, rules, proxyMs };
}

/** The captured field changed after the draft arrived: the review no longer matches and is reset. */
export async function fieldChanged(who, fieldToken) {
  const active = await loadActive();
  if (!active.capture || active.capture.fieldToken !== fieldToken || active.capture.tabId !== who.tabId) return;
  if (active.draftStatus !== 'issued' || active.reset) return;
  await saveActive({ ...active, reset: true });
  notifyPages({ kind: 'review_reset', draftId: active.draft.draft_id });
}

export async function pasteIntercepted(who, reason) {
  notifyPages({ kind: 'paste_intercepted', reason, tabId: who.tabId });
  // Bring the practitioner to the review: the panel shows the pending draft (if any) and why the paste stopped.
  try {
    await panel.open(who.tabId);
  } catch {
    // Without a user gesture the browser may refuse; the in-page notice still tells them to open the panel.
  }
}

export async function acceptDraft(payload) {
  const settings = await loadSettings();
  const active = await loadActive();
  if (!active.capture || !active.draft || active.draft.draft_id !== payload.draftId) throw new FlowError('draft_gone');
  if (active.draftStatus !== 'issued') throw new FlowError('draft_gone');
  if (active.reset) throw new FlowError('review_reset');
  let finalText;
  try {
    finalText = checkAcceptance(active.draft, payload);
  } catch (err) {
    throw new FlowError('review_refused', { detail: err.code });
  }
  const current = await fieldText(active);
  if (current !== active.capture.text) {
    await saveActive({ ...active, reset: true });
    notifyPages({ kind: 'review_reset', draftId: active.draft.draft_id });
    throw new FlowError('review_reset');
  }
  const proxy = await client(settings);
  const answer = await proxy.decide(payload.draftId, {
    outcome: 'accept', decisions: payload.decisions, bulk_accept: payload.bulkAccept,
    attestation: payload.attestation, final_text: finalText,
  });
  let tagLine;
  try {
    tagLine = validateTagLine(answer.tag_line);
  } catch {
    throw new FlowError('bad_response');
  }
  const insertText = textToInsert(finalText, tagLine);
  await saveActive({ ...active, draftStatus: 'accepted', insertText });
  const { tabId, frameId, fieldToken } = active.capture;
  let result;
  try {
    // Trying every strategy, reading back after each and restoring on failure can take a few seconds.
    result = await askFrame(tabId, frameId, { type: 'insert', fieldToken, text: insertText,
      original: active.capture.text }, 'insert', INSERT_TIMEOUT_MS);
  } catch {
    result = { ok: false, verified: false, strategy: 'none' };
  }
  const verified = result.ok === true && result.verified === true;
  const strategy = typeof result.strategy === 'string' ? result.strategy : 'none';
  await proxy.recordInsertion(payload.draftId, { strategy, verified }).catch(() => {});
  await broadcastGuard();
  return { verified, strategy, tagLine, copyText: verified ? null : insertText, receipt: answer.receipt };
}

export async function rejectDraft({ draftId }) {
  const settings = await loadSettings();
  const active = await loadActive();
  if (!active.draft || active.draft.draft_id !== draftId || active.draftStatus !== 'issued') {
    throw new FlowError('draft_gone');
  }
  const answer = await (await client(settings)).decide(draftId, { outcome: 'reject', decisions: [],
    bulk_accept: false, attestation: { version: '', accepted: false }, final_text: '' });
  await saveActive({ ...active, draftStatus: 'rejected' });
  await broadcastGuard();
  return { receipt: answer.receipt };
}

export async function pair({ code }) {
  const settings = await loadSettings();
  const proxy = createProxyClient({ fetchFn: (...a) => fetch(...a), baseUrl: settings.proxyUrl,
    getToken: async () => null });
  let answer;
  try {
    answer = await proxy.pair(code.trim());
  } catch (err) {
    if (err instanceof ProxyError && (err.status === 401 || err.status === 400)) {
      throw new FlowError('pairing_code_rejected');
    }
    throw err;
  }
  await savePairing({ token: answer.token, proxyUrl: settings.proxyUrl, pairedAt: Date.now() });
  notifyPages({ kind: 'paired' });
  return { proxyVersion: answer.proxy_version, policy: answer.policy ?? null };
}

export async function unpair() {
  await forgetPairing();
  notifyPages({ kind: 'unpaired' });
  return {};
}

export async function statusForOptions() {
  const settings = await loadSettings();
  const pairing = await tokenFor(settings.proxyUrl);
  let status = null;
  let failure = null;
  if (pairing) {
    try {
      status = await checkedStatus(settings);
    } catch (err) {
      failure = errorInfo(err);
    }
  } else failure = { code: 'not_paired' };
  return { paired: Boolean(pairing), status: status ? { policy: status.policy, proxyVersion: status.proxy_version,
    templates: status.templates } : null, failure };
}

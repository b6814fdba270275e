// The side panel: where a draft is reviewed hunk by hunk and accepted.  It is an extension page, out of the case
// system's reach; model text is only ever set with textContent.
import { runtime } from './platform/api.js';
import { clear, h } from './lib/dom.js';
import { failureMessage } from './lib/errors.js';
import { computeFinalText } from './lib/final-text.js';
import { renderDraft } from './lib/hunks.js';
import { apply, canInsert, createReview, decisionsOf, dwellRemaining, ReviewRefused } from './lib/review.js';
import { reviewView } from './panel/review-view.js';

const app = document.getElementById('app');
const banner = document.getElementById('banner');
const policyLine = document.getElementById('policy');

const REFUSAL_TEXT = {
  hunk_unseen: 'Look at this change first: it counts as seen after a short moment in focus.',
  flag_needs_confirmation: 'This change adds something new. Tick the check box to confirm you verified it, then keep it.',
  hunks_unseen: 'Every change must be seen before the remaining ones can be accepted together.',
  attestation_required: 'Tick the statement at the bottom first.',
  bulk_not_allowed: 'Your organisation requires each change to be decided one by one.',
  nothing_to_accept: 'Nothing left that can be accepted together: decide the flagged changes one by one.',
  review_incomplete: 'Decide every change before inserting.',
  review_reset: 'The field changed, so this review was reset.',
  not_decided: 'There is nothing to undo on this change.',
};

let hello = null;
let view = 'loading';
let failure = null;
let model = null;
let review = null;
let rules = null;
let attested = false;
let editing = null;
let editText = '';
const flagChecks = new Set();
let dwellTimer = null;
let rendering = false;
let lastResult = null;
let draftClickAt = null;
let templateChoice = null;
let instructionText = '';
let resetBeforeShown = null;

const now = () => performance.now();

async function call(type, payload = {}) {
  const res = await runtime.send({ type, payload });
  if (!res) throw { code: 'internal' };
  if (!res.ok) throw res.error ?? { code: 'internal' };
  return res.result;
}

function say(text) {
  banner.textContent = text;
}

function fail(error) {
  failure = error && typeof error.code === 'string' ? error : { code: 'internal' };
  view = failure.code === 'no_field' ? 'no-field' : 'failure';
  render();
}

const QUIET = new Set(['focus', 'blur', 'tick']);
const statuses = (r) => r.hunks.map((x) => x.status).join();

function step(event) {
  const before = statuses(review);
  try {
    review = apply(review, { ...event, at: now() });
    if (!QUIET.has(event.type)) say('');
  } catch (err) {
    if (err instanceof ReviewRefused) say(REFUSAL_TEXT[err.code] ?? 'That is not possible at this point of the review.');
    else throw err;
  }
  scheduleDwell();
  // Focus moves (e.g. from a card to one of its buttons) must not rebuild the DOM under a pending click.
  if (!QUIET.has(event.type) || statuses(review) !== before) render();
}

function scheduleDwell() {
  clearTimeout(dwellTimer);
  if (!review || review.phase !== 'reviewing') return;
  const remaining = dwellRemaining(review);
  if (remaining !== null && remaining > 0) {
    dwellTimer = setTimeout(() => step({ type: 'tick' }), remaining + 5);
  }
}

// ---- views ---------------------------------------------------------------------------------------------------

function failureView() {
  const f = failureMessage(failure.code === 'bad_reply' ? 'internal' : failure.code,
    { policyMessage: failure.proxyMessage, rule: failure.rule });
  const actions = {
    retry: h('button', { class: 'primary', onclick: () => start() }, 'Try again'),
    open_options: h('button', { class: 'primary', onclick: () => runtime.openOptions() }, 'Open Cosigner options'),
    redraft: h('button', { class: 'primary', onclick: () => requestDraft() }, 'Draft again from the current text'),
    copy: h('button', { class: 'primary', onclick: () => copy() }, 'Copy the accepted text'),
    none: null,
  };
  return h('section', { class: 'failure', dataset: { failure: f.kind } },
    h('h2', { text: f.title }),
    h('p', { text: f.message }),
    f.rule ? h('p', { class: 'muted', text: `Policy rule: ${f.rule}` }) : null,
    h('div', { class: 'actions' }, actions[f.action] ?? null));
}

function noFieldView() {
  return h('section', {},
    h('h2', { text: 'Choose a field in the case record' }),
    h('p', { text: 'Write your own text first. Then right-click the field and choose "Draft with Cosigner", press ' +
      'Alt+Shift+D in it, or press the small Cosigner button beside it.' }));
}

function readyView() {
  const templates = hello?.status?.templates ?? [];
  const select = h('select', { id: 'template', 'aria-label': 'What should the AI do?',
    onchange: (e) => { templateChoice = e.target.value || null; } },
  h('option', { value: '' }, 'Choose what the AI should do…'),
  templates.map((t) => h('option', { value: t.id, selected: t.id === templateChoice }, t.label)));
  const instruction = h('input', { type: 'text', id: 'instruction', maxlength: 2000, value: instructionText,
    placeholder: 'Or describe it (optional)', oninput: (e) => { instructionText = e.target.value; } });
  return h('section', {},
    h('h2', { text: 'Draft from your text' }),
    h('p', { class: 'muted', text: `Field: ${hello.capture.descriptor} · ${hello.capture.chars} characters` }),
    select, h('p', {}), instruction,
    h('div', { class: 'actions' }, h('button', { class: 'primary', id: 'draft', onclick: () => requestDraft() },
      'Draft')));
}

function draftingView() {
  return h('section', {}, h('h2', { text: 'Drafting…' }),
    h('p', { text: 'Waiting for the AI service. This stops by itself after 2 minutes at most.' }));
}

function startEdit(idx) {
  if (review.hunks[idx].status === 'unseen') {
    say(REFUSAL_TEXT.hunk_unseen);
    return;
  }
  editing = idx;
  editText = review.hunks[idx].text ?? model.hunks[idx].after;
  render();
  app.querySelector(`article[data-index="${idx}"] textarea`)?.focus();
}

function finalText() {
  return computeFinalText(model.hunks, decisionsOf(review));
}

// What the review view may do; each action updates this page's state and redraws.
const actions = {
  step,
  startEdit,
  focusEvent: (event) => { if (!rendering) step(event); },
  setEditText: (text) => { editText = text; },
  saveEdit: (idx) => { const t = editText; editing = null; step({ type: 'edit', index: idx, text: t }); },
  cancelEdit: () => { editing = null; render(); },
  setFlagChecked: (idx, checked) => { if (checked) flagChecks.add(idx); else flagChecks.delete(idx); render(); },
  setAttested: (value) => { attested = value; render(); },
  insert: () => insert(),
  rejectDraft: () => rejectDraft(),
};

function insertedView() {
  return h('section', { class: 'ok' }, h('h2', { text: 'Inserted and checked' }),
    h('p', { text: 'The accepted text is in the field and was read back from the editor. Nothing was saved or ' +
      'submitted: save the record as you normally do.' }),
    lastResult?.tagLine ? h('p', { class: 'muted' }, 'Tag line added: ', h('span', { id: 'tag-line', text: lastResult.tagLine })) : null,
    h('p', { class: 'muted', text: `Inserted with: ${lastResult?.strategy ?? ''}` }));
}

function render() {
  rendering = true;
  const focused = review?.focus?.index ?? null;
  const hadFocus = app.contains(document.activeElement) && document.activeElement.matches('article.hunk');
  clear(app);
  document.body.dataset.state = view;
  if (hello?.status?.policy) policyLine.textContent = `Policy: ${hello.status.policy.name} v${hello.status.policy.version}`;
  if (view === 'failure') app.append(failureView());
  else if (view === 'no-field') app.append(noFieldView());
  else if (view === 'ready') app.append(readyView());
  else if (view === 'drafting') app.append(draftingView());
  else if (view === 'review') {
    app.append(reviewView({ hello, model, review, rules, attested, editing, editText, flagChecks }, actions));
  }
  else if (view === 'inserted') app.append(insertedView());
  else if (view === 'rejected') app.append(h('section', { class: 'ok' }, h('h2', { text: 'Draft discarded' }),
    h('p', { text: 'Nothing was inserted. The decision was recorded.' })));
  if (hadFocus && focused !== null) app.querySelector(`article[data-index="${focused}"]`)?.focus();
  rendering = false;
}

// ---- actions ------------------------------------------------------------------------------------------------

async function start() {
  failure = null;
  try {
    hello = await call('panel.hello');
  } catch (err) {
    fail(err);
    return;
  }
  if (hello.failure) return fail(hello.failure);
  if (!hello.capture) {
    view = 'no-field';
    return render();
  }
  templateChoice = templateChoice ?? hello.defaultTemplateId ?? hello.status?.templates?.[0]?.id ?? null;
  if (hello.draft) return showDraft(hello.draft.response, hello.draft.original, hello.status.rules);
  view = 'ready';
  render();
}

function showDraft(response, original, effectiveRules) {
  rules = effectiveRules;
  model = renderDraft(response, original, rules.dwell);
  review = createReview(model, rules, now());
  document.body.dataset.draftId = model.draftId;
  attested = false;
  editing = null;
  flagChecks.clear();
  view = 'review';
  if (resetBeforeShown === model.draftId) {
    review = apply(review, { type: 'reset', reason: 'source_changed' });
    return fail({ code: 'review_reset' });
  }
  render();
}

async function requestDraft() {
  if (!templateChoice && !instructionText.trim()) {
    say('Choose what the AI should do, or describe it.');
    return;
  }
  draftClickAt = now();
  view = 'drafting';
  failure = null;
  render();
  try {
    const result = await call('draft.request', { templateId: templateChoice, instruction: instructionText || null });
    showDraft(result.response, result.original, result.rules);
    // Time from the click to the diff on screen, measured after the browser painted it.
    requestAnimationFrame(() => setTimeout(() => {
      document.body.dataset.lastDiffMs = String(Math.round(now() - draftClickAt));
      document.body.dataset.lastProxyMs = String(Math.round(result.proxyMs));
    }, 0));
    app.querySelector('article.hunk')?.focus();
  } catch (err) {
    fail(err);
  }
}

async function insert() {
  if (!canInsert(review) || !attested) return;
  const payload = { draftId: model.draftId, decisions: decisionsOf(review), bulkAccept: review.bulkAccept,
    attestation: { version: rules.attestationVersion, accepted: true }, finalText: finalText() };
  try {
    lastResult = await call('draft.accept', payload);
  } catch (err) {
    if (err.code === 'review_reset') review = apply(review, { type: 'reset', reason: 'source_changed' });
    return fail(err);
  }
  review = apply(review, { type: 'submit', at: now(), attestation: { accepted: true } });
  document.body.dataset.receiptId = String(lastResult.receipt?.receipt_id ?? '');
  document.body.dataset.strategy = lastResult.strategy;
  if (lastResult.verified) {
    view = 'inserted';
    render();
  } else {
    fail({ code: 'insert_unverified' });
  }
}

async function rejectDraft() {
  try {
    await call('draft.reject', { draftId: model.draftId });
    view = 'rejected';
    render();
  } catch (err) {
    fail(err);
  }
}

async function copy() {
  if (!lastResult?.copyText) return;
  try {
    await navigator.clipboard.writeText(lastResult.copyText);
    say('Copied. Paste it into the field yourself, then check it.');
  } catch {
    say('The browser did not allow copying. Select the text below and copy it.');
    app.append(h('div', { class: 'whole', text: lastResult.copyText }));
  }
}

// ---- keyboard: navigation keys never decide anything ----------------------------------------------------------

document.addEventListener('keydown', (e) => {
  if (view !== 'review' || e.target.matches('textarea, input, select') || e.ctrlKey || e.metaKey || e.altKey) return;
  const cards = [...app.querySelectorAll('article.hunk')];
  const current = cards.indexOf(document.activeElement);
  const idx = current >= 0 ? Number(cards[current].dataset.index) : null;
  const move = (delta) => {
    const next = cards[Math.min(cards.length - 1, Math.max(0, (current < 0 ? -1 : current) + delta))];
    next?.focus();
  };
  switch (e.key) {
    case 'ArrowDown': case 'n': move(1); break;
    case 'ArrowUp': case 'p': move(-1); break;
    case 'k': if (idx !== null) step({ type: 'keep', index: idx, confirmFlag: flagChecks.has(idx) }); break;
    case 'r': if (idx !== null) step({ type: 'reject', index: idx }); break;
    case 'e': if (idx !== null) { e.preventDefault(); startEdit(idx); } break;
    case 'u': if (idx !== null) step({ type: 'undo', index: idx }); break;
    case 'c':
      if (idx !== null && model.hunks[idx].flagged && review.hunks[idx].status === 'seen') {
        if (flagChecks.has(idx)) flagChecks.delete(idx); else flagChecks.add(idx);
        render();
      }
      break;
    default: return;
  }
  e.preventDefault();
});

runtime.onEvent((event) => {
  if (event?.kind === 'review_reset' && review && model && event.draftId === model.draftId && review.phase === 'reviewing') {
    review = apply(review, { type: 'reset', reason: 'source_changed' });
    fail({ code: 'review_reset' });
  } else if (event?.kind === 'review_reset') {
    resetBeforeShown = event.draftId; // the draft's answer to this page may still be on its way
  } else if (event?.kind === 'captured' || event?.kind === 'paired') {
    if (view !== 'review' && view !== 'drafting') start();
    else if (event.kind === 'captured') say('Another field was chosen. Finish or discard this review first.');
  } else if (event?.kind === 'paste_intercepted') {
    say('A paste of unreviewed AI text was stopped. Review the draft here; accepted text is inserted for you.');
  } else if (event?.kind === 'capture_failed') {
    const codes = { field_refused: 'field_refused', too_long: 'field_too_long', field_gone: 'field_gone' };
    fail({ code: codes[event.reason] ?? 'no_field' });
  }
});

start();

// The review view: the draft's changes as cards (word-level diff, flags, status, decisions), progress, the whole
// text once complete, and the attestation.  Built from a state snapshot `s` and calling back through `act`; model
// text only ever goes into text nodes.
import { h } from '../lib/dom.js';
import { computeFinalText } from '../lib/final-text.js';
import { summariseFlags } from '../lib/flags.js';
import { canAcceptRemaining, canInsert, decisionsOf, dwellRemaining, progress } from '../lib/review.js';

function segmentsOf(hunk) {
  return hunk.segments.map((seg) => {
    if (seg.kind === 'insert') return h('ins', { class: 'ins', text: seg.text });
    if (seg.kind === 'delete') return h('del', { class: 'del', text: seg.text });
    return h('span', { text: seg.text });
  });
}

function statusText(s, state) {
  const remaining = s.review.focus?.index === state.index ? dwellRemaining(s.review) : null;
  switch (state.status) {
    case 'unseen': return remaining ? 'Not seen yet — keep it in focus a moment' : 'Not seen yet';
    case 'seen': return 'Seen — keep, reject or edit';
    case 'kept': return state.decidedBy === 'bulk' ? 'Kept (accepted with the remaining ones)' : 'Kept';
    case 'rejected': return 'Rejected — your original stays';
    case 'edited': return 'Edited by you';
    default: return '';
  }
}

function hunkCard(s, act, hunk) {
  const state = s.review.hunks[hunk.index];
  const idx = hunk.index;
  const card = h('article', { class: `hunk${hunk.flagged ? ' flagged' : ''}`, tabindex: 0,
    dataset: { index: String(idx), status: state.status, flagged: hunk.flagged ? 'true' : 'false' },
    'aria-label': `Change ${idx + 1}${hunk.flagged ? ', flagged' : ''}: ${statusText(s, state)}`,
    onfocus: () => act.focusEvent({ type: 'focus', index: idx }),
    onblur: () => act.focusEvent({ type: 'blur' }) });
  card.append(h('div', { class: 'diff' }, segmentsOf(hunk)));
  if (hunk.flagged) {
    card.append(h('ul', { class: 'flags' }, hunk.flags.map((f) => h('li', {},
      h('strong', { text: f.label }), f.detail ? h('span', { text: `: ${f.detail}` }) : null))));
  }
  if (state.status === 'edited') {
    card.append(h('div', { class: 'yours' }, h('strong', { text: 'Your wording: ' }), h('span', { text: state.text })));
  }
  card.append(h('div', { class: 'status', text: statusText(s, state) }));
  if (s.editing === idx) {
    const area = h('textarea', { 'aria-label': 'Your wording for this part', oninput: (e) => act.setEditText(e.target.value) });
    area.value = s.editText;
    card.append(area, h('div', { class: 'actions' },
      h('button', { class: 'primary', onclick: () => act.saveEdit(idx) }, 'Save edit'),
      h('button', { onclick: () => act.cancelEdit() }, 'Cancel')));
    return card;
  }
  const undecided = state.status === 'unseen' || state.status === 'seen';
  if (hunk.flagged && undecided) {
    const box = h('input', { type: 'checkbox', checked: s.flagChecks.has(idx), disabled: state.status === 'unseen',
      onchange: (e) => act.setFlagChecked(idx, e.target.checked) });
    card.append(h('label', { class: 'check' }, box,
      h('span', { text: 'I checked the flagged content above against the facts of the case.' })));
  }
  const seen = state.status !== 'unseen';
  card.append(h('div', { class: 'actions' },
    h('button', { class: 'keep', disabled: !seen || (hunk.flagged && !s.flagChecks.has(idx) && undecided),
      onclick: () => act.step({ type: 'keep', index: idx, confirmFlag: hunk.flagged && s.flagChecks.has(idx) }) }, 'Keep (k)'),
    h('button', { class: 'reject', disabled: !seen, onclick: () => act.step({ type: 'reject', index: idx }) }, 'Reject (r)'),
    h('button', { class: 'edit', disabled: !seen, onclick: () => act.startEdit(idx) }, 'Edit (e)'),
    undecided ? null : h('button', { class: 'undo', onclick: () => act.step({ type: 'undo', index: idx }) }, 'Undo (u)')));
  return card;
}

export function reviewView(s, act) {
  const { review, model, rules } = s;
  const p = progress(review);
  const flagSummary = summariseFlags(model.hunks.map((hk) => ({ changed: hk.changed, flags: hk.flags })));
  const section = h('section', { id: 'review' },
    h('p', { class: 'progress', id: 'progress', text: `${p.reviewed}/${p.total} changes reviewed` +
      (p.flagged ? ` · ${p.flaggedDecided}/${p.flagged} flagged confirmed` : '') }),
    h('progress', { max: p.total || 1, value: p.reviewed }),
    flagSummary.length ? h('p', { class: 'muted', text: `Flagged: ${flagSummary.map((f) => `${f.count} × ${f.label}`).join('; ')}` }) : null,
    s.hello?.keyboardHints === false ? null : h('p', { class: 'muted' }, 'Keys: ', h('kbd', { text: '↓' }), '/', h('kbd', { text: 'n' }), ' next, ',
      h('kbd', { text: '↑' }), '/', h('kbd', { text: 'p' }), ' previous, ', h('kbd', { text: 'k' }), ' keep, ',
      h('kbd', { text: 'r' }), ' reject, ', h('kbd', { text: 'e' }), ' edit, ', h('kbd', { text: 'u' }), ' undo, ',
      h('kbd', { text: 'c' }), ' confirm a flag'));
  for (const hunk of model.hunks) {
    section.append(hunk.changed ? hunkCard(s, act, hunk) : h('p', { class: 'unchanged', text: hunk.before }));
  }
  const complete = canInsert(review);
  if (complete) {
    section.append(h('h2', { text: 'The whole text as it will be inserted' }),
      h('div', { class: 'whole', id: 'whole', text: computeFinalText(model.hunks, decisionsOf(review)) }),
      s.hello?.status?.tag?.visible_marker ? h('p', { class: 'muted', text: 'A one-line AI-assistance tag is added below it.' }) : null);
  }
  const attestation = h('label', { class: 'check' },
    h('input', { type: 'checkbox', id: 'attest', checked: s.attested, onchange: (e) => act.setAttested(e.target.checked) }),
    h('span', { text: rules.attestationText || 'I have reviewed every change and I am responsible for this text.' }));
  section.append(h('div', { class: 'footer' }, attestation, h('div', { class: 'actions' },
    rules.allowBulkAccept ? h('button', { id: 'accept-remaining', disabled: !canAcceptRemaining(review) || !s.attested,
      onclick: () => act.step({ type: 'acceptRemaining', attestation: { accepted: s.attested, version: rules.attestationVersion } }) },
    'Accept remaining (not flagged)') : null,
    h('button', { class: 'primary', id: 'insert', disabled: !complete || !s.attested, onclick: () => act.insert() },
      'Insert into the record'),
    h('button', { id: 'reject-draft', onclick: () => act.rejectDraft() }, 'Discard draft'))));
  return section;
}

// Turns the proxy's hunks (sentence groups with word-level ops) into a DOM-free render model for the side panel,
// after checking that the ops really rebuild both texts: a panel must never show a diff that differs from what
// would be inserted.
import { describeFlags, needsConfirmation } from './flags.js';

export class DraftShapeError extends Error {
  constructor(code, index = null) {
    super(index === null ? `draft shape invalid: ${code}` : `draft shape invalid: ${code} at hunk ${index}`);
    this.name = 'DraftShapeError';
    this.code = code;
    this.index = index;
  }
}

const OP_KINDS = new Set(['equal', 'insert', 'delete']);

function mergeOps(ops, index) {
  const segments = [];
  for (const op of ops) {
    if (!op || !OP_KINDS.has(op.op) || typeof op.text !== 'string') throw new DraftShapeError('bad_op', index);
    if (op.text === '') continue;
    const last = segments[segments.length - 1];
    if (last && last.kind === op.op) last.text += op.text;
    else segments.push({ kind: op.op, text: op.text });
  }
  return segments;
}

function wordCount(text) {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  return words.length;
}

/**
 * Build the render model for one hunk.  `dwellRule` ({baseMs, perWordMs}) is used only when the proxy did not send
 * `min_dwell_ms`; the larger of the two always wins so local rules can tighten but never loosen.
 */
export function renderHunk(hunk, dwellRule = { baseMs: 0, perWordMs: 0 }) {
  const index = hunk?.index;
  if (!Number.isInteger(index) || index < 0) throw new DraftShapeError('bad_index');
  if (typeof hunk.original !== 'string' || typeof hunk.proposed !== 'string') {
    throw new DraftShapeError('bad_text', index);
  }
  if (typeof hunk.changed !== 'boolean') throw new DraftShapeError('bad_changed', index);
  const ops = Array.isArray(hunk.ops) ? hunk.ops : null;
  if (ops === null) throw new DraftShapeError('bad_ops', index);
  const segments = mergeOps(ops, index);
  const before = segments.filter((s) => s.kind !== 'insert').map((s) => s.text).join('');
  const after = segments.filter((s) => s.kind !== 'delete').map((s) => s.text).join('');
  if (before !== hunk.original || after !== hunk.proposed) throw new DraftShapeError('ops_mismatch', index);
  if (!hunk.changed && hunk.original !== hunk.proposed) throw new DraftShapeError('unchanged_differs', index);
  const flags = hunk.changed ? describeFlags(hunk.flags) : [];
  const words = Math.max(wordCount(hunk.proposed), wordCount(hunk.original));
  const localMin = Math.round(dwellRule.baseMs + dwellRule.perWordMs * words);
  const serverMin = Number.isFinite(hunk.min_dwell_ms) && hunk.min_dwell_ms >= 0 ? hunk.min_dwell_ms : 0;
  return Object.freeze({
    index,
    changed: hunk.changed,
    flagged: needsConfirmation({ changed: hunk.changed, flags: hunk.flags }),
    flags,
    segments: Object.freeze(segments.map((s) => Object.freeze(s))),
    before: hunk.original,
    after: hunk.proposed,
    minDwellMs: hunk.changed ? Math.max(localMin, serverMin) : 0,
    words,
  });
}

/** Validate a whole drafts response against the text that was sent and render every hunk. */
export function renderDraft(response, originalText, dwellRule) {
  if (!response || typeof response !== 'object') throw new DraftShapeError('not_object');
  if (typeof response.draft_id !== 'string' || response.draft_id === '') throw new DraftShapeError('bad_draft_id');
  if (typeof response.draft_text !== 'string') throw new DraftShapeError('bad_draft_text');
  if (!Array.isArray(response.hunks) || response.hunks.length === 0) throw new DraftShapeError('no_hunks');
  const hunks = response.hunks.map((h) => renderHunk(h, dwellRule));
  hunks.forEach((h, i) => {
    if (h.index !== i) throw new DraftShapeError('index_order', i);
  });
  if (hunks.map((h) => h.before).join('') !== originalText) throw new DraftShapeError('original_mismatch');
  if (hunks.map((h) => h.after).join('') !== response.draft_text) throw new DraftShapeError('draft_mismatch');
  return Object.freeze({
    draftId: response.draft_id,
    draftText: response.draft_text,
    originalText,
    marker: typeof response.marker === 'string' && response.marker !== '' ? response.marker : null,
    hunks: Object.freeze(hunks),
    changedCount: hunks.filter((h) => h.changed).length,
    flaggedCount: hunks.filter((h) => h.flagged).length,
  });
}

/** Segments for showing one side only (the whole draft once review is complete, or the original). */
export function sideText(renderedHunk, side) {
  if (side === 'before') return renderedHunk.before;
  if (side === 'after') return renderedHunk.after;
  throw new DraftShapeError('bad_side', renderedHunk.index);
}

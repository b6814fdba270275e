// The review state machine.  Each changed hunk goes unseen → seen → kept | rejected | edited; unchanged hunks need
// no decision.  Every transition not listed here is refused with a stable code and leaves the state untouched.
//
//   unseen ──(focused for min dwell)──► seen ──keep/reject/edit──► kept | rejected | edited
//                                        ▲                               │
//                                        └────────────── undo ───────────┘
//   flagged hunks: keep needs confirmFlag; "accept remaining" never touches them.
//   reset (source field changed): every hunk back to unseen and the review is closed for good.
//
// Pure: time is passed in (`at`, a monotonic millisecond clock) and every call returns a new state object.

export class ReviewRefused extends Error {
  constructor(code, index = null) {
    super(index === null ? `review refused: ${code}` : `review refused: ${code} (hunk ${index})`);
    this.name = 'ReviewRefused';
    this.code = code;
    this.index = index;
  }
}

export const DECIDED = Object.freeze(['kept', 'rejected', 'edited']);
const isDecided = (h) => DECIDED.includes(h.status);
const MAX_EDIT_CHARS = 100_000;

/**
 * @param {{draftId:string, hunks:ReadonlyArray<{index:number, changed:boolean, flagged:boolean, minDwellMs:number}>}}
 *   rendered  the output of renderDraft()
 * @param {{allowBulkAccept:boolean}} rules
 */
export function createReview(rendered, rules, at) {
  return Object.freeze({
    phase: 'reviewing',
    draftId: rendered.draftId,
    rules: Object.freeze({ allowBulkAccept: Boolean(rules?.allowBulkAccept) }),
    hunks: Object.freeze(
      rendered.hunks.map((h) =>
        Object.freeze({
          index: h.index,
          changed: h.changed,
          flagged: h.changed && h.flagged,
          minDwellMs: h.changed ? Math.max(0, h.minDwellMs) : 0,
          status: h.changed ? 'unseen' : 'unchanged',
          seenMs: 0,
          confirmed: false,
          decidedBy: null,
          text: null,
        }),
      ),
    ),
    focus: null,
    bulkAccept: false,
    resetReason: null,
    startedAt: at,
    lastAt: at,
  });
}

function freezeState(state) {
  return Object.freeze({ ...state, hunks: Object.freeze(state.hunks.map((h) => Object.freeze(h))) });
}

function checkClock(state, at) {
  if (!Number.isFinite(at)) throw new ReviewRefused('bad_time');
  if (at < state.lastAt) throw new ReviewRefused('clock_backwards');
}

/** Add the time the focused hunk has been on screen since the last event, and promote it when it reached dwell. */
function accumulate(state, at) {
  const hunks = state.hunks.map((h) => ({ ...h }));
  let focus = state.focus;
  if (focus !== null) {
    const h = hunks[focus.index];
    h.seenMs += at - focus.since;
    if (h.status === 'unseen' && h.seenMs >= h.minDwellMs) h.status = 'seen';
    focus = { index: focus.index, since: at };
  }
  return { ...state, hunks, focus, lastAt: at };
}

function changedHunk(state, index) {
  if (!Number.isInteger(index) || index < 0 || index >= state.hunks.length) throw new ReviewRefused('no_such_hunk');
  const h = state.hunks[index];
  if (!h.changed) throw new ReviewRefused('hunk_unchanged', index);
  return h;
}

function requireOpen(state) {
  if (state.phase === 'reset') throw new ReviewRefused('review_reset');
  if (state.phase === 'submitted') throw new ReviewRefused('already_submitted');
}

function decide(state, event, status, extra) {
  changedHunk(state, event.index);
  const next = accumulate(state, event.at);
  const h = next.hunks[event.index];
  if (h.status === 'unseen') throw new ReviewRefused('hunk_unseen', event.index);
  next.hunks[event.index] = { ...h, status, decidedBy: 'individual', confirmed: h.flagged, text: null, ...extra };
  return next;
}

const handlers = {
  focus(state, event) {
    if (!Number.isInteger(event.index) || event.index < 0 || event.index >= state.hunks.length) {
      throw new ReviewRefused('no_such_hunk');
    }
    const next = accumulate(state, event.at);
    next.focus = { index: event.index, since: event.at };
    const h = next.hunks[event.index];
    if (h.status === 'unseen' && h.minDwellMs === 0) next.hunks[event.index] = { ...h, status: 'seen' };
    return next;
  },
  blur(state, event) {
    const next = accumulate(state, event.at);
    next.focus = null;
    return next;
  },
  tick(state, event) {
    return accumulate(state, event.at);
  },
  keep(state, event) {
    const h = changedHunk(state, event.index);
    if (h.flagged && event.confirmFlag !== true) throw new ReviewRefused('flag_needs_confirmation', event.index);
    return decide(state, event, 'kept', {});
  },
  reject(state, event) {
    return decide(state, event, 'rejected', {});
  },
  edit(state, event) {
    if (typeof event.text !== 'string' || event.text.length > MAX_EDIT_CHARS) {
      throw new ReviewRefused('edit_text_invalid', event.index ?? null);
    }
    return decide(state, event, 'edited', { text: event.text });
  },
  undo(state, event) {
    const h = changedHunk(state, event.index);
    if (!isDecided(h)) throw new ReviewRefused('not_decided', event.index);
    const next = accumulate(state, event.at);
    next.hunks[event.index] = { ...next.hunks[event.index], status: 'seen', decidedBy: null, confirmed: false,
      text: null };
    if (next.hunks.every((x) => x.decidedBy !== 'bulk')) next.bulkAccept = false;
    return next;
  },
  acceptRemaining(state, event) {
    if (!state.rules.allowBulkAccept) throw new ReviewRefused('bulk_not_allowed');
    if (state.hunks.some((h) => h.status === 'unseen')) throw new ReviewRefused('hunks_unseen');
    if (event.attestation?.accepted !== true) throw new ReviewRefused('attestation_required');
    const next = accumulate(state, event.at);
    let any = false;
    next.hunks = next.hunks.map((h) => {
      if (h.status !== 'seen' || h.flagged) return h;
      any = true;
      return { ...h, status: 'kept', decidedBy: 'bulk', confirmed: false, text: null };
    });
    if (!any) throw new ReviewRefused('nothing_to_accept');
    next.bulkAccept = true;
    return next;
  },
  submit(state, event) {
    if (!canInsert(state)) throw new ReviewRefused('review_incomplete');
    if (event.attestation?.accepted !== true) throw new ReviewRefused('attestation_required');
    const next = accumulate(state, event.at);
    next.phase = 'submitted';
    next.focus = null;
    return next;
  },
};

/** Apply one event; throws ReviewRefused for anything the rules forbid. */
export function apply(state, event) {
  if (event?.type === 'reset') {
    if (state.phase === 'submitted') throw new ReviewRefused('already_submitted');
    return freezeState({
      ...state,
      phase: 'reset',
      focus: null,
      bulkAccept: false,
      resetReason: typeof event.reason === 'string' ? event.reason : 'source_changed',
      hunks: state.hunks.map((h) => ({ ...h, status: h.changed ? 'unseen' : 'unchanged', seenMs: 0,
        confirmed: false, decidedBy: null, text: null })),
    });
  }
  const handler = Object.prototype.hasOwnProperty.call(handlers, event?.type) ? handlers[event.type] : null;
  if (handler === null) throw new ReviewRefused('unknown_event');
  requireOpen(state);
  checkClock(state, event.at);
  return freezeState(handler(state, event));
}

/** Insert is enabled only when no changed hunk is unseen or merely seen (every one decided). */
export function canInsert(state) {
  return state.phase === 'reviewing' && state.hunks.every((h) => !h.changed || isDecided(h));
}

export function canAcceptRemaining(state) {
  return (
    state.phase === 'reviewing' &&
    state.rules.allowBulkAccept &&
    state.hunks.every((h) => h.status !== 'unseen') &&
    state.hunks.some((h) => h.status === 'seen' && !h.flagged)
  );
}

export function progress(state) {
  const changed = state.hunks.filter((h) => h.changed);
  return Object.freeze({
    total: changed.length,
    seen: changed.filter((h) => h.status !== 'unseen').length,
    reviewed: changed.filter(isDecided).length,
    flagged: changed.filter((h) => h.flagged).length,
    flaggedDecided: changed.filter((h) => h.flagged && isDecided(h)).length,
  });
}

const ACTION_OF = Object.freeze({ kept: 'keep', rejected: 'reject', edited: 'edit' });

/** The decisions list the proxy expects (changed hunks only, in order). */
export function decisionsOf(state) {
  return state.hunks
    .filter((h) => h.changed)
    .map((h) => {
      if (!isDecided(h)) throw new ReviewRefused('hunk_undecided', h.index);
      const d = { index: h.index, action: ACTION_OF[h.status], confirmed: h.confirmed, seen_ms: Math.round(h.seenMs) };
      if (h.status === 'edited') d.text = h.text;
      return d;
    });
}

/** Time left before the focused hunk counts as seen (for the panel's countdown and its single timer). */
export function dwellRemaining(state) {
  if (state.focus === null) return null;
  const h = state.hunks[state.focus.index];
  if (h.status !== 'unseen') return 0;
  return Math.max(0, h.minDwellMs - h.seenMs);
}

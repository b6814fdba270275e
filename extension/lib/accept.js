// The service worker's own check of an acceptance before it goes to the proxy (which checks again).  The side
// panel is an extension page and trusted, but this keeps the rules in one place a page can never reach.
import { computeFinalText, FinalTextError } from './final-text.js';
import { needsConfirmation } from './flags.js';
import { parseMarkers } from './tags.js';

export class AcceptRefused extends Error {
  constructor(code, index = null) {
    super(index === null ? `acceptance refused: ${code}` : `acceptance refused: ${code} (hunk ${index})`);
    this.name = 'AcceptRefused';
    this.code = code;
    this.index = index;
  }
}

/**
 * @param {object} draft  the proxy's drafts response (already validated by renderDraft)
 * @param {{draftId:string, decisions:Array, bulkAccept:boolean, attestation:{version:string, accepted:boolean},
 *   finalText:string}} payload  the side panel's acceptance
 * @returns {string} the final text
 */
export function checkAcceptance(draft, payload) {
  if (payload.draftId !== draft.draft_id) throw new AcceptRefused('draft_mismatch');
  if (payload.attestation?.accepted !== true) throw new AcceptRefused('attestation_required');
  const byIndex = new Map();
  for (const d of payload.decisions) {
    if (byIndex.has(d.index)) throw new AcceptRefused('duplicate_decision', d.index);
    const hunk = draft.hunks[d.index];
    if (!hunk) throw new AcceptRefused('no_such_hunk', d.index);
    if (!hunk.changed) throw new AcceptRefused('hunk_unchanged', d.index);
    if (d.action === 'edit' && typeof d.text !== 'string') throw new AcceptRefused('edit_without_text', d.index);
    if (d.action !== 'edit' && d.text !== undefined) throw new AcceptRefused('text_without_edit', d.index);
    if (needsConfirmation(hunk) && d.confirmed !== true) throw new AcceptRefused('flag_not_confirmed', d.index);
    byIndex.set(d.index, d);
  }
  let finalText;
  try {
    finalText = computeFinalText(draft.hunks, byIndex);
  } catch (err) {
    if (err instanceof FinalTextError) throw new AcceptRefused(err.code, err.index);
    throw err;
  }
  if (finalText !== payload.finalText) throw new AcceptRefused('final_text_mismatch');
  if (parseMarkers(finalText).length > 0) throw new AcceptRefused('marker_in_final_text');
  return finalText;
}

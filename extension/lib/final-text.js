// The final text exactly as the drafting API defines it: concatenate, hunk by hunk in order,
// unchanged → original, keep → proposed, reject → original, edit → the practitioner's text.

export class FinalTextError extends Error {
  constructor(code, index) {
    super(`cannot compute final text: ${code} at hunk ${index}`);
    this.name = 'FinalTextError';
    this.code = code;
    this.index = index;
  }
}

/**
 * @param {ReadonlyArray<{index:number, changed:boolean, original?:string, proposed?:string, before?:string,
 *   after?:string}>} hunks  proxy hunks or rendered hunks (before/after)
 * @param {Map<number,{action:string,text?:string}>|Array<{index:number,action:string,text?:string}>} decisions
 */
export function computeFinalText(hunks, decisions) {
  const byIndex = decisions instanceof Map ? decisions : new Map(decisions.map((d) => [d.index, d]));
  const parts = [];
  for (const hunk of hunks) {
    const original = hunk.original ?? hunk.before;
    const proposed = hunk.proposed ?? hunk.after;
    if (!hunk.changed) {
      parts.push(original);
      continue;
    }
    const decision = byIndex.get(hunk.index);
    if (!decision) throw new FinalTextError('hunk_undecided', hunk.index);
    switch (decision.action) {
      case 'keep':
        parts.push(proposed);
        break;
      case 'reject':
        parts.push(original);
        break;
      case 'edit':
        if (typeof decision.text !== 'string') throw new FinalTextError('edit_without_text', hunk.index);
        parts.push(decision.text);
        break;
      default:
        throw new FinalTextError('unknown_action', hunk.index);
    }
  }
  return parts.join('');
}

/** What goes into the field: the final text, then the tag line on its own line when the proxy issued one. */
export function textToInsert(finalText, tagLine) {
  if (tagLine === null || tagLine === undefined || tagLine === '') return finalText;
  if (finalText === '') return tagLine;
  return finalText.endsWith('\n') ? `${finalText}${tagLine}` : `${finalText}\n${tagLine}`;
}

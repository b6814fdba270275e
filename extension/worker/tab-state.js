// The service worker's working state: the captured field and the current draft.  Kept in storage.session
// (memory only, trusted contexts only) so it survives the worker being stopped between events.
import { storage } from '../platform/api.js';

const KEY = 'active';

/**
 * @typedef {{tabId:number, frameId:number, origin:string, fieldToken:string, kind:string, descriptor:string,
 *   caseContext:Record<string,string>, caseRef:string|null, text:string}} Capture
 * @typedef {{capture:Capture|null, draft:object|null, draftStatus:string|null, reset:boolean,
 *   insertText:string|null}} Active
 */

/** @returns {Promise<Active>} */
export async function loadActive() {
  const value = (await storage.session.get(KEY))[KEY];
  return value ?? { capture: null, draft: null, draftStatus: null, reset: false, insertText: null };
}

export async function saveActive(active) {
  await storage.session.set({ [KEY]: active });
}

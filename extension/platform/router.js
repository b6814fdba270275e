// The service worker's message router.  It decides who is talking (our own extension pages, or a content script
// in an allowed case-system frame), refuses everyone else, validates the message's shape for that kind of
// sender, and only then calls a handler.  Pure apart from the handlers it is given.
import { CONTENT, MessageRefused, PAGE, validateMessage } from '../lib/messages.js';

const EXTENSION_PAGES = new Set(['/sidepanel.html', '/options.html']);

function safeOrigin(url) {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

/**
 * Classify a runtime.onMessage sender.
 * @returns {{kind:'page', page:string} | {kind:'content', origin:string, tabId:number, frameId:number}}
 */
export function classifySender(sender, { extensionId, extensionOrigin, allowedOrigins }) {
  if (!sender || sender.id !== extensionId) throw new MessageRefused('foreign_sender');
  const url = typeof sender.url === 'string' ? sender.url : '';
  // Compare by prefix: URL.origin is "null" for non-special schemes such as chrome-extension: in some engines.
  if (url.startsWith(`${extensionOrigin}/`)) {
    const path = url.slice(extensionOrigin.length).split(/[?#]/u)[0];
    if (!EXTENSION_PAGES.has(path)) throw new MessageRefused('unknown_page');
    return { kind: 'page', page: path.slice(1, -'.html'.length) };
  }
  if (!sender.tab || !Number.isInteger(sender.tab.id)) throw new MessageRefused('no_tab');
  // about:srcdoc / about:blank frames (TinyMCE's iframe) inherit their parent's origin; Chromium reports it as
  // sender.origin, Firefox does not, so fall back to the tab's top-level origin for those frames only.
  let origin = typeof sender.origin === 'string' && sender.origin !== 'null' ? sender.origin : safeOrigin(url);
  if (origin === 'null' && /^about:(blank|srcdoc)$/u.test(url)) origin = safeOrigin(sender.tab.url ?? '');
  if (!allowedOrigins.includes(origin)) throw new MessageRefused('origin_not_allowed');
  return { kind: 'content', origin, tabId: sender.tab.id, frameId: Number.isInteger(sender.frameId) ? sender.frameId : 0 };
}

/**
 * @param {{extensionId:string, extensionOrigin:string, allowedOrigins:() => Promise<string[]>|string[],
 *   contentHandlers:Record<string, Function>, pageHandlers:Record<string, Function>}} options
 * @returns {(message:unknown, sender:object) => Promise<{ok:true, result:unknown}|{ok:false, error:{code:string}}>}
 */
export function createRouter({ extensionId, extensionOrigin, allowedOrigins, contentHandlers, pageHandlers,
  onError = () => {} }) {
  for (const type of Object.keys(contentHandlers)) {
    if (!Object.prototype.hasOwnProperty.call(CONTENT, type)) throw new Error(`no schema for content type ${type}`);
  }
  for (const type of Object.keys(pageHandlers)) {
    if (!Object.prototype.hasOwnProperty.call(PAGE, type)) throw new Error(`no schema for page type ${type}`);
  }
  return async function route(message, sender) {
    try {
      const who = classifySender(sender, { extensionId, extensionOrigin, allowedOrigins: await allowedOrigins() });
      const table = who.kind === 'page' ? PAGE : CONTENT;
      const handlers = who.kind === 'page' ? pageHandlers : contentHandlers;
      const payload = validateMessage(table, message);
      const handler = Object.prototype.hasOwnProperty.call(handlers, message.type) ? handlers[message.type] : null;
      if (handler === null) throw new MessageRefused('no_handler');
      const result = await handler(payload, who);
      return { ok: true, result: result ?? null };
    } catch (err) {
      onError(err);
      if (err instanceof MessageRefused) return { ok: false, error: { code: err.code } };
      if (err?.name === 'SettingsError') return { ok: false, error: { code: 'settings_invalid' } };
      if (err && typeof err.kind === 'string') {
        return { ok: false, error: { code: err.kind, proxyMessage: err.proxyMessage ?? null, rule: err.rule ?? null } };
      }
      return { ok: false, error: { code: typeof err?.code === 'string' ? err.code : 'internal' } };
    }
  };
}

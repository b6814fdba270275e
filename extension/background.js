// The service worker: wires browser events to the flows.  Listeners are registered synchronously at top level
// (a stopped worker is restarted for the event that woke it).
import { commands, menus, panel, runtime, storage } from './platform/api.js';
import { createRouter } from './platform/router.js';
import { MENU_ID, syncRegistration } from './worker/registration.js';
import {
  acceptDraft, capture, fieldChanged, guardState, loadSettings, panelHello, pair, pasteIntercepted,
  rejectDraft, requestDraft, statusForOptions, unpair,
} from './worker/flows.js';
import { mergeSettings, normaliseOrgValue } from './lib/settings.js';
import { tabs } from './platform/api.js';

let allowedCache = [];
async function allowedOrigins() {
  allowedCache = (await loadSettings()).allowedOrigins;
  return allowedCache;
}

function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

async function saveSettings({ org = {}, personal = {} }) {
  const managed = await storage.managed();
  const updates = {};
  for (const [key, value] of Object.entries(org)) {
    if (managed[key] !== undefined) throw Object.assign(new Error('locked'), { code: 'setting_locked' });
    try {
      updates[key] = normaliseOrgValue(key, value); // refuse a bad value instead of storing it
    } catch {
      throw Object.assign(new Error('invalid'), { code: 'setting_invalid' });
    }
  }
  Object.assign(updates, personal);
  const local = await storage.local.get(null);
  const merged = mergeSettings(managed, { ...local, ...updates });
  await storage.local.set(updates);
  await syncRegistration(merged.allowedOrigins);
  return { settings: merged };
}

const route = createRouter({
  extensionId: runtime.id(),
  extensionOrigin: runtime.origin(),
  allowedOrigins,
  contentHandlers: {
    'field.changed': (p, who) => fieldChanged(who, p.fieldToken),
    'paste.intercepted': (p, who) => pasteIntercepted(who, p.reason),
    'guard.sync': () => guardState(),
    'panel.open': async (_p, who) => {
      const opened = await (panelOpening.get(who.tabId) ?? Promise.resolve(false));
      panelOpening.delete(who.tabId);
      const captured = await capture(who.tabId, who.frameId, 'armed', who.origin);
      return { ...captured, panelOpened: opened };
    },
  },
  pageHandlers: {
    'panel.hello': () => panelHello(),
    'draft.request': (p) => requestDraft(p),
    'draft.accept': (p) => acceptDraft(p),
    'draft.reject': (p) => rejectDraft(p),
    pair: (p) => pair(p),
    unpair: () => unpair(),
    'status.get': () => statusForOptions(),
    'settings.get': async () => ({ settings: await loadSettings(), managed: Object.keys(await storage.managed()) }),
    'settings.save': (p) => saveSettings(p),
  },
});

// The in-page button's message: try to open the panel at once, inside the click's user gesture; the routed
// handler (after the sender checks) then captures and tells the page whether the panel opened.
const panelOpening = new Map();
runtime.onMessage(route, (message, sender) => {
  if (message?.type === 'panel.open' && Number.isInteger(sender?.tab?.id) && sender.id === runtime.id()) {
    panelOpening.set(sender.tab.id, panel.open(sender.tab.id).then(() => true, () => false));
  }
});

menus.onClicked((info, tab) => {
  if (info.menuItemId !== MENU_ID || !tab || !Number.isInteger(tab.id)) return;
  // Open first, synchronously inside the click (the browser requires a user gesture), then capture.
  panel.open(tab.id).catch(() => {});
  const origin = originOf(info.frameUrl && !info.frameUrl.startsWith('about:') ? info.frameUrl : tab.url);
  if (allowedCache.length && !allowedCache.includes(origin)) return;
  capture(tab.id, info.frameId ?? 0, 'context', origin).catch(() => {});
});

commands.onCommand((command, tab) => {
  if (command !== 'draft-from-field' || !tab || !Number.isInteger(tab.id)) return;
  panel.open(tab.id).catch(() => {});
  const origin = originOf(tab.url);
  if (allowedCache.length && !allowedCache.includes(origin)) return;
  // The focused field may be in any frame: ask all of them; the frame holding focus arms its field and sends
  // panel.open, which tells the router (and so the capture) which frame it is.
  tabs.send(tab.id, undefined, { type: 'report-focus' }).catch(() => {});
});

async function setUp() {
  await panel.openOnActionClick().catch(() => {});
  await syncRegistration(await allowedOrigins()).catch(() => {});
}
runtime.onInstalled(() => { setUp(); });
runtime.onStartup(() => { setUp(); });
storage.onChanged((_changes, area) => {
  if (area === 'managed') setUp();
});
allowedOrigins().catch(() => {});

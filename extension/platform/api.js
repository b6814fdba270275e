// The only module that touches the browser's extension API (chrome.* in Chromium, browser.* in Firefox).
// Everything else receives what it needs from here, so the pure modules stay testable under node.

const ext = globalThis.browser ?? globalThis.chrome;

export const isFirefox = typeof globalThis.browser !== 'undefined' && typeof ext?.sidebarAction !== 'undefined';

export const runtime = Object.freeze({
  id: () => ext.runtime.id,
  /** chrome-extension://<id> or moz-extension://<uuid>, without trailing slash. */
  origin: () => ext.runtime.getURL('').replace(/\/$/u, ''),
  url: (path) => ext.runtime.getURL(path),
  /**
   * `beforeRoute` runs synchronously inside the browser's dispatch, while a user gesture that caused the message
   * may still count (needed to open the side panel); `handler` may be async.
   */
  onMessage: (handler, beforeRoute = null) => {
    ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
      try {
        beforeRoute?.(message, sender);
      } catch {
        // never let the synchronous hook break routing
      }
      Promise.resolve(handler(message, sender)).then(sendResponse, () => sendResponse({ ok: false,
        error: { code: 'internal' } }));
      return true;
    });
  },
  send: (message) => ext.runtime.sendMessage(message),
  /** Extension pages listen for the worker's broadcasts without answering (so they never race its replies). */
  onEvent: (handler) => {
    ext.runtime.onMessage.addListener((message, sender) => {
      if (sender?.id !== ext.runtime.id || sender.tab || message?.type !== 'cosigner.event') return false;
      handler(message.event);
      return false;
    });
  },
  onInstalled: (fn) => ext.runtime.onInstalled.addListener(fn),
  onStartup: (fn) => ext.runtime.onStartup.addListener(fn),
  openOptions: () => ext.runtime.openOptionsPage(),
  manifestVersion: () => ext.runtime.getManifest().version,
});

// The first read of managed storage waits for the browser's policy service (about 3 s in Chromium); keep the
// answer and drop it when IT's policy changes.
let managedCache = null;
if (ext?.storage?.onChanged) {
  ext.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') managedCache = null;
  });
}

export const storage = Object.freeze({
  /** Managed storage is absent in some browsers/profiles: treat "no managed storage" as "nothing preset". */
  managed: () => {
    managedCache ??= ext.storage.managed.get(null).then((v) => v ?? {}, () => ({}));
    return managedCache;
  },
  local: Object.freeze({
    get: (keys = null) => ext.storage.local.get(keys),
    set: (items) => ext.storage.local.set(items),
  }),
  session: Object.freeze({
    get: (keys = null) => ext.storage.session.get(keys),
    set: (items) => ext.storage.session.set(items),
    remove: (keys) => ext.storage.session.remove(keys),
  }),
  onChanged: (fn) => ext.storage.onChanged.addListener(fn),
});

export const tabs = Object.freeze({
  /** frameId undefined → every frame of the tab (used for the paste guard). */
  send: (tabId, frameId, message) =>
    frameId === undefined ? ext.tabs.sendMessage(tabId, message) : ext.tabs.sendMessage(tabId, message, { frameId }),
  get: (tabId) => ext.tabs.get(tabId),
  all: () => ext.tabs.query({}),
  activeTab: async () => (await ext.tabs.query({ active: true, lastFocusedWindow: true }))[0] ?? null,
  onRemoved: (fn) => ext.tabs.onRemoved.addListener(fn),
});

export const menus = Object.freeze({
  replace: async (items) => {
    await ext.contextMenus.removeAll();
    for (const item of items) ext.contextMenus.create(item);
  },
  onClicked: (fn) => ext.contextMenus.onClicked.addListener(fn),
});

export const commands = Object.freeze({
  onCommand: (fn) => ext.commands.onCommand.addListener(fn),
});

export const panel = Object.freeze({
  /** Must run synchronously inside a user-gesture handler (context menu click, command, action click). */
  open: (tabId, windowId) => {
    if (ext.sidePanel?.open) return ext.sidePanel.open(tabId === undefined ? { windowId } : { tabId });
    if (ext.sidebarAction?.open) return ext.sidebarAction.open();
    return Promise.reject(new Error('no side panel API'));
  },
  openOnActionClick: async () => {
    if (ext.sidePanel?.setPanelBehavior) await ext.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
    else if (ext.action?.onClicked && ext.sidebarAction) ext.action.onClicked.addListener(() => ext.sidebarAction.open());
  },
});

export const scripting = Object.freeze({
  registered: () => ext.scripting.getRegisteredContentScripts(),
  unregister: (ids) => ext.scripting.unregisterContentScripts({ ids }),
  register: (scripts) => ext.scripting.registerContentScripts(scripts),
});

export const permissions = Object.freeze({
  contains: (origins) => ext.permissions.contains({ origins }),
  request: (origins) => ext.permissions.request({ origins }),
});

// The content script: captures a field on request, watches it for changes, guards pastes, inserts accepted
// text, and shows one small in-page button that only asks for the side panel.  It never submits a form, never
// decides anything, and has no way to accept a draft: acceptance exists only in the side panel.
(function bridge(root) {
  'use strict';

  if (root.__cosignerBridge) return;
  root.__cosignerBridge = true;

  const ext = root.browser ?? root.chrome;
  const Shared = root.CosignerShared;
  const Adapters = root.CosignerAdapters;
  const MAX_TEXT = 100000;

  const fields = new Map(); // fieldToken → {adapter, root}
  let lastContextTarget = null;
  let armed = null;
  let guard = { fingerprints: new Set(), markers: [] };
  let watcher = null;

  // A frame owns its fields unless its parent has an adapter for the <iframe> itself (TinyMCE: the page holding the
  // editor works through the editor's API); otherwise two frames would answer for one field.
  const isTopOwned = () => {
    try {
      const host = window.frameElement;
      return !host || Adapters.resolve(host) === null;
    } catch {
      return true; // cross-origin parent: nobody else can reach this frame's fields
    }
  };

  function send(type, payload = {}) {
    return ext.runtime.sendMessage({ type, payload }).catch(() => null);
  }

  function tokenFor(found) {
    for (const [token, f] of fields) if (f.root === found.root) return token;
    const token = Shared.randomToken();
    fields.set(token, found);
    return token;
  }

  function descriptor(found) {
    const el = found.root;
    const label = el.getAttribute('aria-label') || el.getAttribute('name') || el.id || '';
    return `${found.adapter.kindOf(el)}${label ? `: ${label}` : ''}`.slice(0, 200);
  }

  function caseValues(selectors) {
    const values = {};
    for (const [name, selector] of Object.entries(selectors ?? {})) {
      try {
        const el = document.querySelector(selector);
        if (el) values[name] = (el.textContent ?? '').trim().slice(0, 500);
      } catch {
        // an invalid selector from settings reads nothing
      }
    }
    return values;
  }

  async function capture(mode, selectors) {
    const target = mode === 'context' ? lastContextTarget : armed;
    const found = target ? Adapters.resolve(target) : null;
    if (!found) return { ok: false, reason: 'no_field' };
    if (found.adapter.refused(found.root)) return { ok: false, reason: 'field_refused' };
    const text = await found.adapter.read(found.root);
    if (text.length > MAX_TEXT) return { ok: false, reason: 'too_long' };
    return { ok: true, fieldToken: tokenFor(found), text, kind: found.adapter.kindOf(found.root),
      descriptor: descriptor(found), caseContext: caseValues(selectors), caseRef: null };
  }

  function field(token) {
    const f = fields.get(token);
    if (!f || !f.root.isConnected) return null;
    return f;
  }

  // --- change watching: any edit of the captured field after the draft arrived resets the review -------------
  function stopWatching() {
    if (!watcher) return;
    watcher.observer?.disconnect();
    clearInterval(watcher.timer);
    watcher.target?.removeEventListener('input', watcher.onInput, true);
    watcher = null;
  }

  async function watch(token, original) {
    stopWatching();
    const f = field(token);
    if (!f || (await f.adapter.read(f.root)) !== original) {
      send('field.changed', { fieldToken: token });
      return;
    }
    const baseline = f.adapter.readDom(f.root);
    const target = f.adapter.observeTarget(f.root);
    const check = () => {
      if (!f.root.isConnected || f.adapter.readDom(f.root) !== baseline) {
        stopWatching();
        send('field.changed', { fieldToken: token });
      }
    };
    const onInput = () => check();
    watcher = { target, onInput, timer: setInterval(check, 400) };
    target?.addEventListener('input', onInput, true);
    if (target && target.tagName !== 'TEXTAREA' && target.tagName !== 'INPUT') {
      watcher.observer = new MutationObserver(() => check());
      watcher.observer.observe(target, { childList: true, subtree: true, characterData: true });
    }
  }

  // --- insertion with read-back; never submits anything -------------------------------------------------------
  async function insert(token, text, original) {
    const f = field(token);
    if (!f) return { ok: false, reason: 'field_gone' };
    if (f.adapter.refused(f.root)) return { ok: false, reason: 'field_refused' };
    stopWatching();
    if ((await f.adapter.read(f.root)) !== original) return { ok: false, reason: 'field_gone' };
    for (const strategy of f.adapter.strategies) {
      try {
        await strategy.apply(f.root, text);
        if (await f.adapter.verify(f.root, text)) return { ok: true, strategy: strategy.name, verified: true };
      } catch {
        // try the next strategy
      }
    }
    // Nothing landed exactly: put the practitioner's own text back and let the panel offer the clipboard.
    let restored = false;
    for (const strategy of f.adapter.strategies) {
      try {
        await strategy.apply(f.root, original);
        if (await f.adapter.verify(f.root, original)) {
          restored = true;
          break;
        }
      } catch {
        // try the next strategy
      }
    }
    return { ok: true, strategy: 'none', verified: false, restored };
  }

  // --- paste guard -----------------------------------------------------------------------------------------
  /** A short in-page message in a closed shadow root (the page can see it exists, not script it). */
  function notice(message, kind = 'info') {
    const host = document.createElement('div');
    host.setAttribute('data-cosigner-notice', kind);
    const shadow = host.attachShadow({ mode: 'closed' });
    const box = document.createElement('div');
    box.setAttribute('role', kind === 'paste' ? 'alert' : 'status');
    box.textContent = message;
    Object.assign(box.style, { position: 'fixed', right: '16px', bottom: '16px', maxWidth: '360px', padding: '12px',
      background: kind === 'paste' ? '#7a1f1f' : '#1d3b5c', color: '#fff', font: '14px/1.4 system-ui, sans-serif',
      borderRadius: '6px', zIndex: '2147483647', boxShadow: '0 2px 8px rgba(0,0,0,.3)' });
    shadow.append(box);
    (document.body ?? document.documentElement).append(host);
    setTimeout(() => host.remove(), 8000);
  }

  function onPaste(event) {
    const data = event.clipboardData ?? event.dataTransfer;
    const text = data ? data.getData('text/plain') : '';
    const verdict = Shared.pasteVerdict(text, guard.markers, guard.fingerprints);
    if (!verdict) return;
    const found = Adapters.resolve(event.target);
    if (!found) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    notice('Cosigner stopped this paste: it is AI-drafted text that has not been reviewed. ' +
      'Review it in the Cosigner side panel; accepted text is inserted from there.', 'paste');
    send('paste.intercepted', { fieldToken: tokenFor(found), reason: verdict });
  }
  window.addEventListener('paste', onPaste, true);
  window.addEventListener('drop', onPaste, true);

  function setGuard(state) {
    guard = { fingerprints: new Set(Array.isArray(state?.fingerprints) ? state.fingerprints.map(String) : []),
      markers: Array.isArray(state?.markers) ? state.markers.map(String) : [] };
  }
  // A tab opened (or returned to) after the draft arrived asks for the current guard itself.
  const syncGuard = () => send('guard.sync').then((res) => { if (res?.ok) setGuard(res.result); });
  syncGuard();
  window.addEventListener('focus', syncGuard);

  // --- the in-page button: it only asks the service worker to open the panel for this field ----------------
  function openPanel() {
    send('panel.open').then((res) => {
      if (!res?.ok) return;
      if (res.result?.ok === false) {
        notice(res.result.reason === 'field_refused'
          ? 'Cosigner does not work with this field (password, hidden, read-only or disabled).'
          : 'Cosigner could not read this field.');
      } else if (res.result?.panelOpened === false) {
        notice('Cosigner has this field. Open the Cosigner side panel from the browser toolbar to draft and review.');
      }
    });
  }

  let button = null;
  function hideButton() {
    button?.host.remove();
    button = null;
  }
  function showButton(found) {
    if (!isTopOwned() || found.adapter.refused(found.root)) return;
    if (button && button.found.root === found.root) return;
    hideButton();
    const host = document.createElement('div');
    host.setAttribute('data-cosigner-button', '');
    const shadow = host.attachShadow({ mode: 'closed' });
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = 'Cosigner';
    b.setAttribute('aria-label', 'Open the Cosigner side panel for this field');
    Object.assign(b.style, { font: '12px system-ui, sans-serif', padding: '2px 8px', border: '1px solid #235',
      borderRadius: '4px', background: '#fff', color: '#235', cursor: 'pointer' });
    shadow.append(b);
    const rect = found.root.getBoundingClientRect();
    Object.assign(host.style, { position: 'fixed', zIndex: '2147483646',
      top: `${Math.max(0, rect.bottom - 26)}px`, left: `${Math.max(0, rect.right - 86)}px` });
    b.addEventListener('pointerdown', (e) => e.preventDefault()); // keep focus in the field
    b.addEventListener('mousedown', (e) => e.preventDefault());
    b.addEventListener('click', (e) => {
      if (!e.isTrusted) return; // page scripts can click DOM; only a real click counts
      armed = found.root;
      openPanel();
    });
    (document.body ?? document.documentElement).append(host);
    button = { host, found };
  }

  function onFocus() {
    setTimeout(() => {
      const active = document.activeElement;
      const found = active ? Adapters.resolve(active) : null;
      if (found) showButton(found);
    }, 0);
  }
  document.addEventListener('focusin', onFocus, true);
  // The button is placed once, next to the field; rather than drift when the page moves, it goes away.
  window.addEventListener('scroll', hideButton, true);
  window.addEventListener('resize', hideButton);
  window.addEventListener('blur', onFocus, true);
  document.addEventListener('contextmenu', (e) => { lastContextTarget = e.target; }, true);

  // --- requests from the service worker (only the extension can reach this listener) -----------------------
  ext.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (!message || typeof message.type !== 'string') return false;
    const reply = (promise) => {
      promise.then(sendResponse, () => sendResponse({ ok: false, reason: 'not_supported' }));
      return true;
    };
    switch (message.type) {
      case 'capture':
        return reply(capture(message.mode, message.selectors));
      case 'report-focus': {
        if (!isTopOwned() || !document.hasFocus()) return false;
        const found = document.activeElement ? Adapters.resolve(document.activeElement) : null;
        if (!found) return false;
        armed = found.root;
        openPanel();
        return false;
      }
      case 'read': {
        const f = field(message.fieldToken);
        if (!f) return reply(Promise.resolve({ ok: false, reason: 'field_gone' }));
        return reply(f.adapter.read(f.root).then((text) => ({ ok: true, text })));
      }
      case 'watch':
        watch(message.fieldToken, String(message.original));
        return false;
      case 'guard':
        setGuard(message);
        if (guard.fingerprints.size === 0) stopWatching();
        return false;
      case 'insert':
        return reply(insert(message.fieldToken, String(message.text), String(message.original)));
      default:
        return false;
    }
  });
})(globalThis);

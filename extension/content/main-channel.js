// The isolated world's side of the narrow channel to content/main-world.js, which runs in the page's own world
// where editors keep their instances (CKEditor's `ckeditorInstance`, `tinymce.get()`, `Quill.find()`).
// Requests name one of a fixed set of operations and a one-off target attribute; bodies are JSON strings.
// The page can observe and even answer this channel, so nothing secret goes through it, an answer is only ever
// used as one of two read-backs (the other is the DOM, read here), and acceptance never depends on it.
(function publish(root) {
  'use strict';

  const REQUEST = 'cosigner:main-request';
  const RESPONSE = 'cosigner:main-response';
  const TIMEOUT_MS = 1500;
  const { randomToken } = root.CosignerShared;

  /**
   * @param {Element} target  the element the main-world operation works on (in its own document)
   * @returns {Promise<{ok:boolean, text?:string}>}
   */
  function call(op, target, text) {
    const doc = target.ownerDocument;
    const id = randomToken();
    const mark = randomToken();
    target.setAttribute('data-cosigner-target', mark);
    return new Promise((resolve) => {
      const done = (value) => {
        doc.removeEventListener(RESPONSE, onResponse, true);
        clearTimeout(timer);
        target.removeAttribute('data-cosigner-target');
        resolve(value);
      };
      const onResponse = (event) => {
        let msg;
        try {
          msg = JSON.parse(String(event.detail));
        } catch {
          return;
        }
        if (!msg || msg.id !== id) return;
        const ok = msg.ok === true && (msg.text === undefined || typeof msg.text === 'string');
        done(ok ? { ok: true, text: msg.text } : { ok: false });
      };
      const timer = setTimeout(() => done({ ok: false }), TIMEOUT_MS);
      doc.addEventListener(RESPONSE, onResponse, true);
      const detail = JSON.stringify(text === undefined ? { id, op, target: mark } : { id, op, target: mark, text });
      doc.dispatchEvent(new CustomEvent(REQUEST, { detail }));
    });
  }

  root.CosignerMain = Object.freeze({ call });
})(globalThis);

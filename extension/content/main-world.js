// Runs in the page's main world (registered with world: "MAIN") so it can reach editor instances, which live
// on page objects the isolated content scripts cannot see.  It answers only a fixed set of read/write
// operations on the element the isolated world marked, validates every request, and holds nothing secret.
(function cosignerMainWorld() {
  'use strict';

  if (window.__cosignerMainWorld) return;
  Object.defineProperty(window, '__cosignerMainWorld', { value: true });

  const REQUEST = 'cosigner:main-request';
  const RESPONSE = 'cosigner:main-response';
  const HEX32 = /^[0-9a-f]{32}$/u;
  const MAX_TEXT = 200000;

  const escapeHtml = (s) => s.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;',
    "'": '&#39;' }[c]));

  function ckeditor(el) {
    const editor = el && el.ckeditorInstance;
    if (!editor || !editor.model) throw new Error('no editor');
    return editor;
  }

  function ckText(editor) {
    const rootEl = editor.model.document.getRoot();
    return Array.from(rootEl.getChildren()).map((block) => Array.from(editor.model.createRangeIn(block).getItems())
      .filter((item) => item.is('$textProxy')).map((item) => item.data).join('')).join('\n');
  }

  function tinymceEditor(el) {
    const tm = window.tinymce;
    if (!tm || !el) throw new Error('no tinymce');
    const editors = tm.get();
    const found = (Array.isArray(editors) ? editors : Object.values(editors)).find((ed) =>
      ed.iframeElement === el || ed.getBody() === el || (ed.getContainer() && ed.getContainer().contains(el)));
    if (!found) throw new Error('no editor');
    return found;
  }

  function quill(el) {
    const Q = window.Quill;
    const container = el && (el.closest('.ql-container') || el);
    const instance = Q && typeof Q.find === 'function' ? Q.find(container) : null;
    if (!instance || typeof instance.getText !== 'function') throw new Error('no quill');
    return instance;
  }

  const OPS = {
    'ckeditor5.read': (el) => ckText(ckeditor(el)),
    'ckeditor5.write': (el, text) => {
      const editor = ckeditor(el);
      if (editor.isReadOnly) throw new Error('read only');
      editor.model.change((writer) => {
        const rootEl = editor.model.document.getRoot();
        writer.remove(writer.createRangeIn(rootEl));
        for (const line of text.split('\n')) {
          const paragraph = writer.createElement('paragraph');
          if (line !== '') writer.insertText(line, paragraph, 0);
          writer.append(paragraph, rootEl);
        }
      });
      return ckText(editor);
    },
    'tinymce.read': (el) => tinymceEditor(el).getContent({ format: 'text' }),
    'tinymce.write': (el, text) => {
      const ed = tinymceEditor(el);
      const html = text.split('\n').map((line) => `<p>${line === '' ? '<br>' : escapeHtml(line)}</p>`).join('');
      ed.undoManager.transact(() => ed.setContent(html));
      ed.fire('change');
      return ed.getContent({ format: 'text' });
    },
    'quill.read': (el) => quill(el).getText(),
    'quill.write': (el, text) => {
      const q = quill(el);
      q.setText(text, 'user');
      return q.getText();
    },
  };

  document.addEventListener(REQUEST, (event) => {
    let msg;
    try {
      msg = JSON.parse(String(event.detail));
    } catch {
      return;
    }
    if (!msg || typeof msg !== 'object' || !HEX32.test(String(msg.id)) || !HEX32.test(String(msg.target))) return;
    if (!Object.prototype.hasOwnProperty.call(OPS, msg.op)) return;
    if (msg.text !== undefined && (typeof msg.text !== 'string' || msg.text.length > MAX_TEXT)) return;
    let reply;
    try {
      const el = document.querySelector(`[data-cosigner-target="${msg.target}"]`);
      const text = OPS[msg.op](el, msg.text);
      reply = { id: msg.id, ok: true, text: String(text) };
    } catch {
      reply = { id: msg.id, ok: false };
    }
    document.dispatchEvent(new CustomEvent(RESPONSE, { detail: JSON.stringify(reply) }));
  }, true);
})();

// TinyMCE renders its editable body inside an iframe (about:srcdoc or about:blank, same origin).  The frame that
// holds the <iframe> owns the field: it writes through tinymce's API in the main world (one undo step) or, as a
// fallback, types into the iframe's document with execCommand.  Inside the iframe itself (context menu used in
// the body), the same adapter works on window.frameElement.
(function register(root) {
  'use strict';

  const { normaliseForCompare } = root.CosignerShared;
  const { blockText, execInsertLines, wait } = root.CosignerAdapters.dom;
  const main = () => root.CosignerMain;

  const isTinyBody = (doc) => Boolean(doc && doc.body && doc.body.classList.contains('mce-content-body'));

  function bodyOf(iframe) {
    try {
      const doc = iframe.contentDocument;
      return isTinyBody(doc) ? doc.body : null;
    } catch {
      return null;
    }
  }

  async function modelText(iframe) {
    const answer = await main().call('tinymce.read', iframe);
    return answer.ok ? answer.text : null;
  }

  root.CosignerAdapters.register({
    kind: 'tinymce',
    priority: 50,
    match(el) {
      if (el.tagName === 'IFRAME' && bodyOf(el)) return el;
      // Inside the editor's own iframe: the field is the <iframe> element in the parent document.
      if (isTinyBody(el.ownerDocument) && el.ownerDocument.defaultView.frameElement) {
        return el.ownerDocument.defaultView.frameElement;
      }
      return null;
    },
    kindOf: () => 'tinymce',
    refused: (iframe) => {
      const body = bodyOf(iframe);
      return !body || body.getAttribute('contenteditable') !== 'true';
    },
    readDom: (iframe) => blockText(bodyOf(iframe)),
    read: async (iframe) => (await modelText(iframe)) ?? blockText(bodyOf(iframe)),
    observeTarget: (iframe) => bodyOf(iframe),
    strategies: [
      { name: 'tinymce-api', apply: async (iframe, text) => { await main().call('tinymce.write', iframe, text); } },
      {
        name: 'exec-insert-lines',
        apply: async (iframe, text) => {
          const body = bodyOf(iframe);
          execInsertLines(body.ownerDocument, body, text);
        },
      },
    ],
    verify: async (iframe, text) => {
      await wait(20);
      const want = normaliseForCompare(text);
      const model = await modelText(iframe);
      return model !== null && normaliseForCompare(model) === want &&
        normaliseForCompare(blockText(bodyOf(iframe))) === want;
    },
  });
})(globalThis);

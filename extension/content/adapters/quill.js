// Quill 2: write with its API (setText as a user change, so its history can undo it) when the page exposes the
// Quill class; otherwise type with execCommand, which Quill's mutation observer folds into its model.
(function register(root) {
  'use strict';

  const { normaliseForCompare } = root.CosignerShared;
  const { blockText, execInsertLines, wait } = root.CosignerAdapters.dom;
  const main = () => root.CosignerMain;

  async function modelText(el) {
    const answer = await main().call('quill.read', el);
    return answer.ok ? answer.text : null;
  }

  root.CosignerAdapters.register({
    kind: 'quill',
    priority: 50,
    match: (el) => el.closest('.ql-editor'),
    kindOf: () => 'quill',
    refused: (el) => el.getAttribute('contenteditable') !== 'true' || el.hidden,
    readDom: (el) => blockText(el),
    // Quill's text always ends with one newline of its own.
    read: async (el) => ((await modelText(el)) ?? blockText(el)).replace(/\n$/u, ''),
    observeTarget: (el) => el,
    strategies: [
      { name: 'quill-api', apply: async (el, text) => { await main().call('quill.write', el, text); } },
      { name: 'exec-insert-lines', apply: async (el, text) => execInsertLines(el.ownerDocument, el, text) },
    ],
    verify: async (el, text) => {
      await wait(20);
      const want = normaliseForCompare(text);
      const model = await modelText(el);
      // Without the Quill class in reach, the DOM is the only read-back available.
      const modelOk = model === null || normaliseForCompare(model) === want;
      return modelOk && normaliseForCompare(blockText(el)) === want;
    },
  });
})(globalThis);

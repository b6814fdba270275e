// A plain contenteditable element (no known editor on it): select its contents and type with execCommand.
(function register(root) {
  'use strict';

  const { normaliseForCompare } = root.CosignerShared;
  const { blockText, execInsertLines } = root.CosignerAdapters.dom;

  function editableRoot(el) {
    let node = el.closest('[contenteditable]');
    if (!node || !node.isContentEditable) return null;
    while (node.parentElement && node.parentElement.isContentEditable) node = node.parentElement;
    return node;
  }

  root.CosignerAdapters.register({
    kind: 'contenteditable',
    priority: 1,
    match: (el) => editableRoot(el),
    kindOf: () => 'contenteditable',
    refused: (el) => !el.isContentEditable || el.hidden,
    readDom: (el) => blockText(el),
    read: async (el) => blockText(el),
    observeTarget: (el) => el,
    strategies: [{ name: 'exec-insert-lines', apply: async (el, text) => execInsertLines(el.ownerDocument, el, text) }],
    verify: async (el, text) => normaliseForCompare(blockText(el)) === normaliseForCompare(text),
  });
})(globalThis);

// Field adapters register here; the bridge asks the registry which adapter owns an element.  Content scripts
// cannot be ES modules, so each file is a classic script that adds itself to one frozen namespace.
(function publish(root) {
  'use strict';

  const adapters = [];
  const ZERO_WIDTH = /[\u200b\u2060\ufeff]/gu; // editors' caret fillers, not content

  const BLOCK = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'UL', 'OL',
    'TABLE', 'TR', 'SECTION', 'ARTICLE']);

  /**
   * Plain text of an editable root: one line per block, <br> as a line break.  A <br> closing a block that already
   * has text is the browsers'/editors' placeholder, not a line; a block holding only a <br> is a blank line.
   */
  function blockText(node) {
    const lines = [''];
    const current = () => lines[lines.length - 1];
    const walk = (n) => {
      const children = Array.from(n.childNodes);
      children.forEach((child, i) => {
        if (child.nodeType === 3) {
          lines[lines.length - 1] += child.data;
        } else if (child.nodeType === 1) {
          if (child.tagName === 'BR') {
            const placeholder = i === children.length - 1 && BLOCK.has(n.tagName) && current() !== '';
            if (!placeholder) lines.push('');
          } else if (BLOCK.has(child.tagName)) {
            if (current() !== '') lines.push('');
            walk(child);
            if (current() !== '') lines.push('');
          } else if (child.getAttribute('contenteditable') !== 'false') {
            walk(child);
          }
        }
      });
    };
    walk(node);
    while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n').replace(ZERO_WIDTH, '').replace(/\u00a0/gu, ' ');
  }

  function selectAllIn(doc, el) {
    el.focus();
    const selection = doc.getSelection();
    selection.removeAllRanges();
    const range = doc.createRange();
    range.selectNodeContents(el);
    selection.addRange(range);
  }

  /** Replace an editable's content by typing it: trusted input events, undoable, line by line. */
  function execInsertLines(doc, el, text) {
    selectAllIn(doc, el);
    doc.execCommand('delete', false);
    text.split('\n').forEach((line, i) => {
      if (i > 0) doc.execCommand('insertParagraph', false);
      if (line !== '') doc.execCommand('insertText', false, line);
    });
  }

  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  root.CosignerAdapters = Object.freeze({
    register(adapter) {
      adapters.push(adapter);
      adapters.sort((a, b) => b.priority - a.priority);
    },
    /** @returns {{adapter:object, root:Element}|null} */
    resolve(el) {
      if (!el || el.nodeType !== 1) return null;
      for (const adapter of adapters) {
        const found = adapter.match(el);
        if (found) return { adapter, root: found };
      }
      return null;
    },
    kinds: () => adapters.map((a) => a.kind),
    dom: Object.freeze({ blockText, selectAllIn, execInsertLines, wait }),
  });
})(globalThis);

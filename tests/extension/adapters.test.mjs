// The content scripts' DOM-reading helper, on a minimal stand-in for DOM nodes (jsdom is not a dependency, and
// insertion itself is only meaningful in a real browser: see tests/e2e).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../extension/content/adapters/registry.js';

const { blockText } = globalThis.CosignerAdapters.dom;

const text = (data) => ({ nodeType: 3, data });
const el = (tagName, children = [], attrs = {}) => ({
  nodeType: 1, tagName, childNodes: children, getAttribute: (name) => (name in attrs ? attrs[name] : null),
});

const cases = [
  ['paragraphs become lines', el('DIV', [el('P', [text('One.')]), el('P', [text('Two.')])]), 'One.\nTwo.'],
  ['<br> is a line break', el('DIV', [text('a'), el('BR'), text('b')]), 'a\nb'],
  ['inline markup keeps its text', el('P', [text('Sam '), el('STRONG', [text('was')]), text(' seen.')]), 'Sam was seen.'],
  ['caret fillers and no-break spaces are not content', el('P', [text('a\u2060\u200b\ufeff\u00a0b')]), 'a b'],
  ['non-editable widgets are skipped', el('P', [text('x'), el('SPAN', [text('widget')], { contenteditable: 'false' })]), 'x'],
  ['trailing empty blocks vanish', el('DIV', [el('P', [text('x')]), el('P', [el('BR')])]), 'x'],
  ['a <br> closing a block with text is a placeholder', el('DIV', [el('P', [text('a'), el('BR')]), el('P', [text('b')])]),
    'a\nb'],
  ['a block holding only <br> is a blank line', el('DIV', [el('DIV', [text('a')]), el('DIV', [el('BR')]),
    el('DIV', [text('b')])]), 'a\n\nb'],
];
for (const [name, node, expected] of cases) {
  test(`blockText: ${name}`, () => assert.equal(blockText(node), expected));
}

test('adapters register by priority: editors before plain contenteditable', () => {
  const registry = globalThis.CosignerAdapters;
  registry.register({ kind: 'generic', priority: 1, match: () => 'generic-root' });
  registry.register({ kind: 'editor', priority: 50, match: (n) => (n.tagName === 'EDITOR' ? 'editor-root' : null) });
  assert.equal(registry.resolve({ nodeType: 1, tagName: 'EDITOR' }).adapter.kind, 'editor');
  assert.equal(registry.resolve({ nodeType: 1, tagName: 'DIV' }).adapter.kind, 'generic');
  assert.equal(registry.resolve(null), null);
  assert.equal(registry.resolve({ nodeType: 3 }), null);
});

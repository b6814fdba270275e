// <textarea> and text <input>, including React-controlled ones.  From the isolated world, execCommand keeps the
// browser's undo stack; the native value setter plus a bubbling input event is what React's change tracking sees.
(function register(root) {
  'use strict';

  const { refusedField } = root.CosignerShared;

  function setNative(el, text) {
    const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }

  const sameValue = (el, text) => el.value.replace(/\r\n/gu, '\n') === text;

  root.CosignerAdapters.register({
    kind: 'textarea',
    priority: 10,
    match(el) {
      if (el.tagName === 'TEXTAREA') return el;
      if (el.tagName === 'INPUT') return el;
      return null;
    },
    kindOf: (el) => (el.tagName === 'TEXTAREA' ? 'textarea' : 'input'),
    refused: (el) => refusedField({ tagName: el.tagName, type: el.type, readOnly: el.readOnly, disabled: el.disabled,
      hidden: el.hidden }),
    readDom: (el) => el.value.replace(/\r\n/gu, '\n'),
    read: async (el) => el.value.replace(/\r\n/gu, '\n'),
    observeTarget: (el) => el,
    strategies: [
      {
        name: 'exec-insert-text',
        apply: async (el, text) => {
          el.focus();
          el.select();
          if (text === '') el.ownerDocument.execCommand('delete', false);
          else el.ownerDocument.execCommand('insertText', false, text);
        },
      },
      { name: 'native-value-setter', apply: async (el, text) => setNative(el, text) },
    ],
    verify: async (el, text) => sameValue(el, text),
  });
})(globalThis);

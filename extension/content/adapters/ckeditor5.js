// CKEditor 5 keeps its own model and silently reverts DOM edits (execCommand returns true and is undone).
// Write through the editor's model API (main world); fall back to a synthetic beforeinput, which its input
// observer turns into model changes.  Read back from the model and from the rendered DOM.
(function register(root) {
  'use strict';

  const { normaliseForCompare } = root.CosignerShared;
  const { blockText, wait } = root.CosignerAdapters.dom;
  const main = () => root.CosignerMain;

  function beforeInput(el, inputType, data, ranges) {
    const init = { inputType, data, bubbles: true, cancelable: true, composed: true };
    if (ranges) init.targetRanges = ranges;
    el.dispatchEvent(new InputEvent('beforeinput', init));
  }

  async function modelText(el) {
    const answer = await main().call('ckeditor5.read', el);
    return answer.ok ? answer.text : null;
  }

  root.CosignerAdapters.register({
    kind: 'ckeditor5',
    priority: 50,
    match: (el) => el.closest('.ck-editor__editable'),
    kindOf: () => 'ckeditor5',
    refused: (el) => el.getAttribute('contenteditable') !== 'true' || el.hidden,
    readDom: (el) => blockText(el),
    read: async (el) => (await modelText(el)) ?? blockText(el),
    observeTarget: (el) => el,
    strategies: [
      { name: 'ckeditor5-model', apply: async (el, text) => { await main().call('ckeditor5.write', el, text); } },
      {
        name: 'ckeditor5-beforeinput',
        apply: async (el, text) => {
          el.focus();
          const whole = new StaticRange({ startContainer: el, startOffset: 0, endContainer: el,
            endOffset: el.childNodes.length });
          const lines = text.split('\n');
          beforeInput(el, 'insertReplacementText', lines[0], [whole]);
          for (const line of lines.slice(1)) {
            await wait(0);
            beforeInput(el, 'insertParagraph', null);
            if (line !== '') beforeInput(el, 'insertText', line);
          }
        },
      },
    ],
    verify: async (el, text) => {
      await wait(20);
      const model = await modelText(el);
      const want = normaliseForCompare(text);
      return model !== null && normaliseForCompare(model) === want && normaliseForCompare(blockText(el)) === want;
    },
  });
})(globalThis);

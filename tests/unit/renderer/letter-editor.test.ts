// @vitest-environment jsdom
/**
 * The letter editor's extensions in a headless editor: the body schema round-trips, free text is
 * editable, standard texts are not, whatever the key press.
 */
import { Editor, type JSONContent } from '@tiptap/core';
import { Slice } from '@tiptap/pm/model';
import { AllSelection, TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import type { LetterBlock } from '../../../src/shared/letters/blocks';
import { bodyFromBlocks, letterBodyDocument, type LetterBody } from '../../../src/shared/letters/body';
import { letterEditorExtensions } from '../../../src/renderer/src/letters/editor/extensions';

const blocks: LetterBlock[] = [
  { type: 'paragraph', block: 'salutation', standard: true, text: 'Geachte mevrouw El Amrani,' },
  { type: 'paragraph', block: 'intro', standard: true, text: 'U hebt een aanvraag ingediend.\nWij hebben die ontvangen.' },
  { type: 'heading', block: 'decision', standard: true, text: 'Besluit' },
  { type: 'paragraph', block: 'reasoning', standard: false, text: 'Eerste alinea.\n\nTweede alinea.' },
  { type: 'paragraph', block: 'remedies', standard: true, text: 'Bent u het niet eens met dit besluit?' },
  { type: 'paragraph', block: 'explanation', standard: false, text: 'Toelichting.' },
];

const editors: Editor[] = [];

function editorWith(body: LetterBody): Editor {
  const editor = new Editor({ element: document.createElement('div'), extensions: letterEditorExtensions(), content: body });
  editors.push(editor);
  return editor;
}

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

const body = (): LetterBody => bodyFromBlocks(blocks, 'decision-grant');
const standardBlocks = (json: JSONContent): JSONContent[] => (json.content ?? []).filter((node) => node.type === 'standardBlock');
const freeText = (editor: Editor): string[] => {
  const texts: string[] = [];
  editor.state.doc.forEach((node) => { if (node.type.name === 'freeBlock') texts.push(node.textContent); });
  return texts;
};

/** The first position inside the first paragraph of the first block of the given type. */
function startOf(editor: Editor, type: 'standardBlock' | 'freeBlock', index = 0): number {
  let found = -1;
  let seen = 0;
  editor.state.doc.forEach((node, offset) => {
    if (node.type.name === type && found < 0 && seen++ === index) found = offset + 2;
  });
  if (found < 0) throw new Error(`no ${type} ${index}`);
  return found;
}

describe('letter editor extensions', () => {
  it('round-trip a body from bodyFromBlocks through getJSON', () => {
    const editor = editorWith(body());
    const json = editor.getJSON();
    expect(json).toEqual(body());
    expect(letterBodyDocument.safeParse(json).success).toBe(true);
  });

  it('round-trip marks, merge fields, hard breaks and top-level text', () => {
    const rich: LetterBody = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Kop' }] },
        { type: 'freeBlock', attrs: { block: 'reasoning' }, content: [{ type: 'paragraph', content: [
          { type: 'text', text: 'Vet', marks: [{ type: 'bold' }] },
          { type: 'hardBreak' },
          { type: 'mergeField', attrs: { field: 'applicant.name' } },
          { type: 'text', text: ' schuin', marks: [{ type: 'bold' }, { type: 'italic' }] },
        ] }, { type: 'paragraph' }] },
      ],
    };
    const json = editorWith(rich).getJSON();
    expect(json).toEqual(rich);
    expect(letterBodyDocument.safeParse(json).success).toBe(true);
  });

  it('type into a free block', () => {
    const editor = editorWith(body());
    editor.chain().setTextSelection(startOf(editor, 'freeBlock')).insertContent('Nieuw: ').run();
    expect(freeText(editor)[0]).toBe('Nieuw: Eerste alinea.Tweede alinea.');
    expect(letterBodyDocument.safeParse(editor.getJSON()).success).toBe(true);
  });

  it('refuse typing into, deleting and replacing a standard block', () => {
    const editor = editorWith(body());
    const before = editor.getJSON();
    const inside = startOf(editor, 'standardBlock', 1);
    editor.view.dispatch(editor.state.tr.insertText('X', inside));
    expect(editor.getJSON()).toEqual(before);

    editor.view.dispatch(editor.state.tr.delete(inside, inside + 5));
    expect(editor.getJSON()).toEqual(before);

    // The whole block, replaced by a paragraph of one's own.
    let from = 0;
    let to = 0;
    editor.state.doc.forEach((node, offset) => {
      if (node.type.name === 'standardBlock' && from === 0 && offset > 0) { from = offset; to = offset + node.nodeSize; }
    });
    const own = editor.schema.nodeFromJSON({ type: 'paragraph', content: [{ type: 'text', text: 'Eigen tekst' }] });
    editor.view.dispatch(editor.state.tr.replaceWith(from, to, own));
    expect(editor.getJSON()).toEqual(before);

    editor.view.dispatch(editor.state.tr.setNodeMarkup(from, undefined, { block: 'other', template: 'x' }));
    expect(editor.getJSON()).toEqual(before);
  });

  it('refuse Backspace joining a free block into the standard text before it', () => {
    const editor = editorWith(body());
    const before = editor.getJSON();
    editor.commands.setTextSelection(startOf(editor, 'freeBlock'));
    editor.commands.joinBackward();
    editor.commands.deleteSelection();
    expect(editor.getJSON()).toEqual(before);
  });

  it('select all + delete keeps every standard block and empties the free text', () => {
    const editor = editorWith(body());
    const standards = standardBlocks(editor.getJSON());
    editor.view.dispatch(editor.state.tr.setSelection(new AllSelection(editor.state.doc)));
    editor.commands.deleteSelection();
    const json = editor.getJSON();
    expect(standardBlocks(json)).toEqual(standards);
    expect(freeText(editor)).toEqual(['', '']);
    expect(letterBodyDocument.safeParse(json).success).toBe(true);
  });

  it('typing over a selection across a standard block keeps it and puts the text in the free block', () => {
    const editor = editorWith(body());
    const standards = standardBlocks(editor.getJSON());
    const from = startOf(editor, 'freeBlock') + 6;
    const to = startOf(editor, 'freeBlock', 1) + 4;
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, to)));
    editor.view.dispatch(editor.state.tr.insertText('!'));
    expect(standardBlocks(editor.getJSON())).toEqual(standards);
    expect(freeText(editor)).toEqual(['Eerste!', 'ichting.']);
  });

  it('insert a merge field as {type: mergeField, attrs: {field}}', () => {
    const editor = editorWith(body());
    editor.chain().setTextSelection(startOf(editor, 'freeBlock', 1)).insertContent({ type: 'mergeField', attrs: { field: 'applicant.name' } }).run();
    const json: JSONContent = editor.getJSON();
    const explanation = (json.content ?? []).filter((node) => node.type === 'freeBlock')[1];
    expect(explanation?.content?.[0]?.content?.[0]).toEqual({ type: 'mergeField', attrs: { field: 'applicant.name' } });
    expect(letterBodyDocument.safeParse(json).success).toBe(true);
  });

  it('pastes a copied standard block as its paragraphs, into the free block', () => {
    const editor = editorWith(body());
    const standard = editor.state.doc.firstChild;
    if (!standard) throw new Error('empty');
    const pasted = editor.view.someProp('transformPasted', (transform) => transform(new Slice(editor.state.doc.slice(0, standard.nodeSize).content, 0, 0), editor.view, false));
    expect(pasted?.content.firstChild?.type.name).toBe('paragraph');
    editor.chain().setTextSelection(startOf(editor, 'freeBlock')).command(({ tr }) => { if (pasted) tr.replaceSelection(pasted); return true; }).run();
    expect(standardBlocks(editor.getJSON())).toHaveLength(4);
    expect(freeText(editor)[0]).toContain('Geachte mevrouw El Amrani,');
    expect(letterBodyDocument.safeParse(editor.getJSON()).success).toBe(true);
  });

  it('keeps the cursor out of standard blocks', () => {
    const editor = editorWith(body());
    editor.commands.setTextSelection(startOf(editor, 'standardBlock', 1));
    const $head = editor.state.selection.$head;
    const ancestors = Array.from({ length: $head.depth }, (_, depth) => $head.node(depth + 1).type.name);
    expect(ancestors).toContain('freeBlock');
  });

  it('undo restores typed text', () => {
    const editor = editorWith(body());
    editor.chain().setTextSelection(startOf(editor, 'freeBlock')).insertContent('Weg').run();
    editor.commands.undo();
    expect(editor.getJSON()).toEqual(body());
  });
});

describe('letter editor keys', () => {
  const press = (editor: Editor, key: string, modifiers: KeyboardEventInit = {}): boolean => {
    const event = new KeyboardEvent('keydown', { key, ...modifiers });
    return editor.view.someProp('handleKeyDown', (handler) => handler(editor.view, event)) ?? false;
  };

  it('Mod-a then Backspace, and a cut of everything, keep the standard blocks', () => {
    const editor = editorWith(body());
    const standards = standardBlocks(editor.getJSON());
    press(editor, 'a', { ctrlKey: true });
    expect(editor.state.selection).toBeInstanceOf(AllSelection);
    press(editor, 'Backspace');
    expect(standardBlocks(editor.getJSON())).toEqual(standards);
    expect(freeText(editor)).toEqual(['', '']);

    const again = editorWith(body());
    again.view.dispatch(again.state.tr.setSelection(new AllSelection(again.state.doc)));
    // What ProseMirror's cut handler dispatches once it has put the selection on the clipboard.
    again.view.dispatch(again.state.tr.deleteSelection().setMeta('uiEvent', 'cut'));
    expect(standardBlocks(again.getJSON())).toEqual(standards);
    expect(freeText(again)).toEqual(['', '']);
  });

  it('Mod-Alt-f asks for the field menu', () => {
    let opened = 0;
    const editor = new Editor({ element: document.createElement('div'), extensions: letterEditorExtensions({ onInsertFieldShortcut: () => { opened += 1; } }), content: body() });
    editors.push(editor);
    expect(press(editor, 'f', { ctrlKey: true, altKey: true })).toBe(true);
    expect(opened).toBe(1);
  });
});

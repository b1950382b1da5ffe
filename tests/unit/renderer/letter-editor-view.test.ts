// @vitest-environment jsdom
/**
 * The LetterEditor component in jsdom: what it shows (labels, merge field values), that it reports
 * valid bodies, that the echo of its own change keeps the cursor and that another letter replaces it.
 */
import type { Editor } from '@tiptap/core';
import { act, createElement, type ReactElement } from 'react';
import type { Root } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { LetterEditor, type LetterEditorProps } from '../../../src/renderer/src/letters/editor/LetterEditor';
import { bodyFromBlocks, letterBodyDocument, type LetterBody } from '../../../src/shared/letters/body';
import { sampleLetterFields } from '../../../src/shared/letters/samples';
import { mount as mountElement, useReactDom, withProviders } from '../../helpers/jsdom-react';

const dom = useReactDom('nl');

const body = (reasoning: string): LetterBody => bodyFromBlocks([
  { type: 'paragraph', block: 'intro', standard: true, text: 'U hebt een aanvraag ingediend.' },
  { type: 'paragraph', block: 'reasoning', standard: false, text: reasoning },
], 'decision-grant');

const withField: LetterBody = {
  type: 'doc',
  content: [{ type: 'freeBlock', attrs: { block: 'reasoning' }, content: [{ type: 'paragraph', content: [
    { type: 'mergeField', attrs: { field: 'applicant.name' } }, { type: 'text', text: ' ' }, { type: 'mergeField', attrs: { field: 'sponsor.name' } },
  ] }] }],
};

function ui(props: LetterEditorProps): ReactElement {
  return withProviders(createElement(LetterEditor, props), dom.i18n());
}

function mount(props: LetterEditorProps): { root: Root; editor: () => Editor } {
  const { root, container } = mountElement(createElement(LetterEditor, props), dom.i18n());
  const editor = (): Editor => {
    const found = container.querySelector('.ProseMirror') as (HTMLElement & { editor?: Editor }) | null;
    if (!found?.editor) throw new Error('no editor');
    return found.editor;
  };
  return { root, editor };
}

const reasoningStart = (editor: Editor): number => {
  let position = -1;
  editor.state.doc.forEach((node, offset) => { if (node.type.name === 'freeBlock' && position < 0) position = offset + 2; });
  return position;
};

describe('LetterEditor', () => {
  it('labels the blocks and the toolbar in Dutch', () => {
    mount({ value: body('Omdat.'), fields: sampleLetterFields.nl, language: 'nl', onEdit: () => undefined });
    const text = document.body.textContent ?? '';
    expect(text).toContain('Standaardtekst');
    expect(text).toContain('Motivering');
    expect(text).toContain('Veld invoegen');
    expect(document.querySelector('[aria-label="Vet"]')).not.toBeNull();
  });

  it('shows a merge field as its value, and a field without a value by its label in the warning style', async () => {
    mount({ value: withField, fields: { ...sampleLetterFields.nl, sponsor: null }, language: 'nl', onEdit: () => undefined });
    // Node views render in portals tiptap flushes after the editor's own render.
    await act(async () => { await new Promise((resolve) => setTimeout(resolve, 10)); });
    const [name, sponsor] = [...document.querySelectorAll<HTMLElement>('.letter-merge-field')];
    expect(name?.textContent).toBe(sampleLetterFields.nl.applicant.name);
    expect(name?.getAttribute('aria-label')).toContain('Naam aanvrager');
    expect(sponsor?.classList.contains('letter-merge-field-missing')).toBe(true);
    expect(sponsor?.textContent).toBe('Naam referent');
    expect(sponsor?.getAttribute('aria-label')).toBe('Naam referent: nog geen waarde');
  });

  it('reports valid bodies, keeps the cursor on its own echo and takes another letter', () => {
    const seen: LetterBody[] = [];
    let current = body('Omdat.');
    const props = (): LetterEditorProps => ({ value: current, fields: sampleLetterFields.nl, language: 'nl', onEdit: (read) => { const next = read(); if (next) { seen.push(next); current = next; } } });
    const { root, editor } = mount(props());
    act(() => { editor().chain().setTextSelection(reasoningStart(editor())).insertContent('Ja. ').run(); });
    expect(seen).toHaveLength(1);
    expect(letterBodyDocument.safeParse(seen[0]).success).toBe(true);
    const cursor = editor().state.selection.from;
    // The parent renders the echo as a fresh object: same content, the editor must not reset.
    act(() => root.render(ui({ ...props(), value: structuredClone(current) })));
    expect(editor().state.selection.from).toBe(cursor);
    expect(seen).toHaveLength(1);

    act(() => root.render(ui({ ...props(), value: body('Een andere brief.') })));
    expect(editor().getJSON()).toEqual(body('Een andere brief.'));
    expect(seen).toHaveLength(1);
    // Undo must not bring the previous letter back.
    act(() => { editor().commands.undo(); });
    expect(editor().getJSON()).toEqual(body('Een andere brief.'));
  });

  it('reads the body only when asked, once per document, and takes its own body back without a reset', () => {
    const readers: (() => LetterBody | null)[] = [];
    let current = body('Omdat.');
    const props = (): LetterEditorProps => ({ value: current, fields: sampleLetterFields.nl, language: 'nl', onEdit: (read) => { readers.push(read); } });
    const { root, editor } = mount(props());
    act(() => { editor().chain().setTextSelection(reasoningStart(editor())).insertContent('A').run(); });
    act(() => { editor().commands.insertContent('B'); });
    expect(readers).toHaveLength(2);
    const [first, second] = readers.map((read) => read());
    // Each reader is the document of its own edit, and the same object when read again.
    expect(JSON.stringify(first)).toContain('AOmdat.');
    expect(JSON.stringify(second)).toContain('ABOmdat.');
    expect(readers[1]?.()).toBe(second);
    const cursor = editor().state.selection.from;
    current = first as LetterBody;
    // An older body of its own (the parent's state lags a pause behind) must not undo the typing.
    act(() => root.render(ui(props())));
    expect(editor().state.selection.from).toBe(cursor);
    expect(JSON.stringify(editor().getJSON())).toContain('ABOmdat.');
  });

  it('opens the field menu on Mod-Alt-f and inserts the field picked there', async () => {
    const seen: LetterBody[] = [];
    const { editor } = mount({ value: body('Omdat.'), fields: sampleLetterFields.nl, language: 'nl', onEdit: (read) => { const next = read(); if (next) seen.push(next); } });
    act(() => { editor().commands.setTextSelection(reasoningStart(editor())); });
    const event = new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, altKey: true, bubbles: true });
    act(() => { editor().view.someProp('handleKeyDown', (handler) => handler(editor().view, event)); });
    await act(async () => { await new Promise((resolve) => setTimeout(resolve, 10)); });
    const item = document.querySelector<HTMLElement>('[data-testid="letter-editor-field-menu"] [data-field="case.caseNumber"]');
    expect(item?.textContent).toContain(sampleLetterFields.nl.case.caseNumber);
    act(() => item?.click());
    const reasoning = seen.at(-1)?.content.find((node) => node.type === 'freeBlock');
    expect(reasoning?.type === 'freeBlock' && reasoning.content[0]?.content?.[0]).toEqual({ type: 'mergeField', attrs: { field: 'case.caseNumber' } });
  });
});

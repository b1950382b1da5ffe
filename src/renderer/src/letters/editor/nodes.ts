/**
 * The letter editor's node types, one for one with the body schema (src/shared/letters/body.ts):
 * doc → paragraph | heading | standardBlock | freeBlock, the two blocks holding paragraphs and
 * headings, inline text with bold/italic, merge fields and hard breaks. Nothing else is registered,
 * so the editor cannot make a document the body schema refuses.
 *
 * These are headless (plain renderHTML): the unit tests drive them without React, and the
 * component adds its React view for merge fields on top (MergeFieldView.tsx).
 */
import { Node, mergeAttributes } from '@tiptap/core';
import { Heading } from '@tiptap/extension-heading';
import { Paragraph } from '@tiptap/extension-paragraph';

/** The texts the blocks show; the component passes them from i18n, the tests plain strings. */
export interface BlockLabels {
  /** The lock label of a standard text: "Standaardtekst". */
  standard: string;
  /** A free block's label by its template name: reasoning → "Motivering". */
  free(block: string): string;
}

const fallbackLabels: BlockLabels = { standard: 'Standaardtekst', free: (block) => block };

/** Paragraphs and headings are both "textBlock": what the two blocks may hold. */
export const LetterParagraph = Paragraph.extend({ group: 'block textBlock' });

/** Headings of level 2 and 3 only, as the body schema allows. */
export const LetterHeading = Heading.extend({ group: 'block textBlock' }).configure({ levels: [2, 3] });

/** The label strip above a block: outside the editable content, so it never becomes text. */
function labelStrip(kind: string, text: string): [string, Record<string, string>, string] {
  return ['div', { class: `letter-block-label letter-block-label-${kind}`, contenteditable: 'false', 'aria-hidden': 'true' }, text];
}

/**
 * A template's standard text (standaardtekst). An atom that is not selectable: the cursor moves
 * over it as over one thing and never lands inside; lock.ts refuses every change to it.
 */
export const StandardBlock = Node.create<{ labels: BlockLabels }>({
  name: 'standardBlock',
  group: 'block',
  content: 'textBlock+',
  atom: true,
  selectable: false,
  draggable: false,
  isolating: true,
  defining: true,

  addOptions() {
    return { labels: fallbackLabels };
  },

  addAttributes() {
    return {
      block: { default: '', parseHTML: (element) => element.getAttribute('data-block') ?? '', renderHTML: (attrs) => ({ 'data-block': String(attrs.block) }) },
      template: { default: '', parseHTML: (element) => element.getAttribute('data-template') ?? '', renderHTML: (attrs) => ({ 'data-template': String(attrs.template) }) },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-standard-block]', contentElement: '.letter-block-content' }];
  },

  renderHTML({ HTMLAttributes }) {
    const label = this.options.labels.standard;
    return ['div', mergeAttributes(HTMLAttributes, {
      'data-standard-block': '', class: 'letter-block letter-standard-block', contenteditable: 'false', role: 'group', 'aria-label': label,
    }), labelStrip('standard', label), ['div', { class: 'letter-block-content' }, 0]];
  },
});

/** A free block of the template (`{% free "reasoning" %}`): the caseworker's own paragraphs. */
export const FreeBlock = Node.create<{ labels: BlockLabels }>({
  name: 'freeBlock',
  group: 'block',
  content: 'textBlock+',
  // Isolating: Backspace at its start or Delete at its end never joins it with its neighbour.
  isolating: true,
  defining: true,

  addOptions() {
    return { labels: fallbackLabels };
  },

  addAttributes() {
    return {
      block: { default: '', parseHTML: (element) => element.getAttribute('data-block') ?? '', renderHTML: (attrs) => ({ 'data-block': String(attrs.block) }) },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-free-block]', contentElement: '.letter-block-content' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const label = this.options.labels.free(String(node.attrs.block));
    return ['div', mergeAttributes(HTMLAttributes, { 'data-free-block': '', class: 'letter-block letter-free-block', role: 'group', 'aria-label': label }),
      labelStrip('free', label), ['div', { class: 'letter-block-content' }, 0]];
  },
});

/** A merge field: an inline atom naming a LetterFields path; it prints the field's value in the letter. */
export const MergeField = Node.create({
  name: 'mergeField',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      field: { default: '', parseHTML: (element) => element.getAttribute('data-field') ?? '', renderHTML: (attrs) => ({ 'data-field': String(attrs.field) }) },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-merge-field]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-merge-field': '', class: 'letter-merge-field' }), `{${String(node.attrs.field)}}`];
  },

  renderText({ node }) {
    return `{${String(node.attrs.field)}}`;
  },
});

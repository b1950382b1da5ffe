/**
 * The lock on standard texts. A standaardtekst is the template's, never the caseworker's: the letter
 * takes it from the template anyway (compose.ts), so an edit here would only make the editor lie
 * about the letter. Two layers:
 *
 * - a filter that refuses every transaction changing the letter's skeleton: a standard block's
 *   content or attributes, or which blocks there are in which order (a free block cannot be removed,
 *   text cannot be moved out of one, where the letter would silently drop it);
 * - a rescue for a range selection across standard blocks (select all + Delete, cut, typing over):
 *   the replacement deletes the free text in the range and keeps the standard blocks, instead of
 *   refusing the whole key press.
 *
 * And the cursor: an empty selection that lands in a standard block is moved out of it.
 */
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Fragment, Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey, Selection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';

/** Meta that lets a transaction replace the whole document: a different letter loaded from outside. */
export const lockBypass = 'letterLockBypass';

export const lockPluginKey = new PluginKey('letterLock');

/**
 * The letter's skeleton: each top-level node as what must not change about it. In a body without
 * standard or free blocks (plain text from before the editor) nothing is locked.
 */
function skeleton(doc: PmNode): (PmNode | string)[] {
  const nodes: (PmNode | string)[] = [];
  let structured = false;
  doc.forEach((node) => {
    if (node.type.name === 'standardBlock') { structured = true; nodes.push(node); }
    else if (node.type.name === 'freeBlock') { structured = true; nodes.push(`free:${String(node.attrs.block)}`); }
    else nodes.push('text');
  });
  return structured ? nodes : [];
}

export function keepsSkeleton(before: PmNode, after: PmNode): boolean {
  const old = skeleton(before);
  const next = skeleton(after);
  return old.length === next.length && old.every((part, index) => {
    const other = next[index];
    return typeof part === 'string' ? part === other : typeof other !== 'string' && other !== undefined && part.eq(other);
  });
}

/** Where text may be edited: the content of each free block, the inline content of each top-level text block. */
function editableRanges(doc: PmNode): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  doc.forEach((node, offset) => {
    if (node.type.name === 'freeBlock') ranges.push({ from: offset + 1, to: offset + node.nodeSize - 1 });
    else if (node.type.name !== 'standardBlock') ranges.push({ from: offset + 1, to: offset + node.nodeSize - 1 });
  });
  return ranges;
}

/** Whether a position is one where the cursor may be: in a text block that is not in a standard block. */
function isEditablePosition(doc: PmNode, pos: number): boolean {
  const $pos = doc.resolve(pos);
  if (!$pos.parent.isTextblock) return false;
  for (let depth = $pos.depth; depth > 0; depth -= 1) if ($pos.node(depth).type.name === 'standardBlock') return false;
  return true;
}

/**
 * The inline content a step puts in: typed text comes as text, or, when the whole document is
 * replaced, wrapped in the one paragraph the fitter adds; an emptied document brings an empty
 * paragraph. Null for anything with more structure than that.
 */
function insertedInline(slice: Slice): Fragment | null {
  const { content } = slice;
  let inline = true;
  content.forEach((node) => { if (!node.isInline) inline = false; });
  if (inline) return content;
  const first = content.firstChild;
  return content.childCount === 1 && first?.isTextblock ? first.content : null;
}

/**
 * The replacement for one ReplaceStep over a range selection that spans standard blocks: delete the
 * free parts of the range, then put inline content the step inserted (typed text) where the range
 * began. Null when the step is not that (a join, a paste of blocks): the filter then refuses it.
 */
function rescue(state: EditorState, transaction: Transaction): Transaction | null {
  const { selection } = state;
  const step = transaction.steps[0];
  if (transaction.steps.length !== 1 || !(step instanceof ReplaceStep) || selection.empty) return null;
  if (step.from !== selection.from || step.to !== selection.to) return null;
  const inserted = insertedInline(step.slice);
  if (inserted === null) return null;

  const tr = state.tr;
  // Last to first, so earlier positions stay valid without mapping.
  for (const range of editableRanges(state.doc).reverse()) {
    const from = Math.max(range.from, step.from);
    const to = Math.min(range.to, step.to);
    if (from < to) tr.delete(from, to);
  }
  let cursor = tr.mapping.map(step.from, -1);
  if (!isEditablePosition(tr.doc, cursor)) {
    const next = Selection.findFrom(tr.doc.resolve(cursor), 1, true) ?? Selection.findFrom(tr.doc.resolve(cursor), -1, true);
    if (!next || !isEditablePosition(tr.doc, next.from)) return null;
    cursor = next.from;
  }
  if (inserted.size > 0) tr.replace(cursor, cursor, new Slice(Fragment.from(inserted), 0, 0));
  tr.setSelection(TextSelection.create(tr.doc, cursor + inserted.size));
  for (const key of ['uiEvent', 'paste', 'addToHistory'] as const) {
    const meta: unknown = transaction.getMeta(key);
    if (meta !== undefined) tr.setMeta(key, meta);
  }
  return keepsSkeleton(state.doc, tr.doc) ? tr : null;
}

/** Moves an empty selection that is inside a standard block to the nearest place the cursor may be. */
function cursorOutOfStandard(state: EditorState): Transaction | null {
  const { selection, doc } = state;
  if (!selection.empty || !(selection instanceof TextSelection) || isEditablePosition(doc, selection.from)) return null;
  const target = Selection.findFrom(selection.$from, 1, true) ?? Selection.findFrom(selection.$from, -1, true);
  return target && isEditablePosition(doc, target.from) ? state.tr.setSelection(target) : null;
}

/** Blocks, as paste sees them: pasted standard or free blocks come in as their paragraphs only. */
function unwrapBlocks(fragment: Fragment): Fragment {
  const nodes: PmNode[] = [];
  fragment.forEach((node) => {
    if (node.type.name === 'standardBlock' || node.type.name === 'freeBlock') node.content.forEach((inner) => { nodes.push(inner); });
    else nodes.push(node);
  });
  return Fragment.fromArray(nodes);
}

export const StandardLock = Extension.create({
  name: 'letterLock',

  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    if (transaction.docChanged && !transaction.getMeta(lockBypass) && transaction.before.eq(state.doc) && !keepsSkeleton(state.doc, transaction.doc)) {
      const replacement = rescue(state, transaction);
      // Without a rescue the transaction goes on and the filter refuses it.
      next(replacement ?? transaction);
      return;
    }
    next(transaction);
  },

  addProseMirrorPlugins() {
    return [new Plugin({
      key: lockPluginKey,
      filterTransaction: (transaction) => !transaction.docChanged || Boolean(transaction.getMeta(lockBypass)) || keepsSkeleton(transaction.before, transaction.doc),
      appendTransaction: (_transactions, _old, state) => cursorOutOfStandard(state),
      props: {
        transformPasted: (slice) => {
          const wrapper = (node: PmNode | null): boolean => node?.type.name === 'standardBlock' || node?.type.name === 'freeBlock';
          // One level less open on a side whose wrapper is gone.
          const openStart = wrapper(slice.content.firstChild) ? Math.max(0, slice.openStart - 1) : slice.openStart;
          const openEnd = wrapper(slice.content.lastChild) ? Math.max(0, slice.openEnd - 1) : slice.openEnd;
          return new Slice(unwrapBlocks(slice.content), openStart, openEnd);
        },
      },
    })];
  },
});

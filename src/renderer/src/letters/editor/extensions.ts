/**
 * The letter editor's whole extension list: the body schema's nodes and marks, undo/redo, the lock
 * on standard texts and the editor's own shortcut for the field menu. Shared by the component and
 * the unit tests, so the tests run the editor the caseworker gets.
 */
import { Extension, type AnyExtension } from '@tiptap/core';
import { Bold } from '@tiptap/extension-bold';
import { Document } from '@tiptap/extension-document';
import { HardBreak } from '@tiptap/extension-hard-break';
import { Italic } from '@tiptap/extension-italic';
import { Text } from '@tiptap/extension-text';
import { UndoRedo } from '@tiptap/extensions';
import { StandardLock } from './lock';
import { FreeBlock, LetterHeading, LetterParagraph, MergeField, StandardBlock, type BlockLabels } from './nodes';

export interface LetterEditorExtensionOptions {
  labels?: BlockLabels;
  /** Opens the insert-field menu (Mod-Alt-f); the component passes its menu's opener. */
  onInsertFieldShortcut?: () => void;
  /** The merge field node to use: the component's has a React view, the headless one prints the path. */
  mergeField?: AnyExtension;
}

/** Mod-Alt-f while typing opens the field menu: the keys must work where the focus is, in the editor. */
const FieldMenuShortcut = Extension.create<{ open: () => void }>({
  name: 'letterFieldMenuShortcut',
  addOptions() {
    return { open: () => undefined };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Alt-f': () => {
        this.options.open();
        return true;
      },
    };
  },
});

export function letterEditorExtensions(options: LetterEditorExtensionOptions = {}): AnyExtension[] {
  const labels = options.labels;
  return [
    Document,
    Text,
    LetterParagraph,
    LetterHeading,
    labels ? StandardBlock.configure({ labels }) : StandardBlock,
    labels ? FreeBlock.configure({ labels }) : FreeBlock,
    options.mergeField ?? MergeField,
    // Bold and italic bring their own Mod-b / Mod-i; the letter allows no other marks.
    Bold,
    Italic,
    HardBreak,
    UndoRedo,
    StandardLock,
    FieldMenuShortcut.configure({ open: options.onInsertFieldShortcut ?? (() => undefined) }),
  ];
}

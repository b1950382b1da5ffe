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

/*
 * The shortcuts, for the shortcut legend: each as the key string the editor binds (ProseMirror
 * keymap notation, "Mod" is Ctrl, or ⌘ on a Mac) and its i18n key. Bold, Italic, UndoRedo and
 * HardBreak bind theirs; FieldMenuShortcut below binds Mod-Alt-f. The list must name the same keys.
 */
export interface LetterEditorShortcut {
  /** As the editor binds it: "Mod-Alt-f". */
  hotkey: string;
  /** The keys as the legend shows them, before `shortcutKeys` names Mod and Alt for the platform. */
  keys: readonly string[];
  /** i18n key of what it does. */
  label: string;
}

export const letterEditorShortcuts = [
  { hotkey: 'Mod-b', keys: ['Mod', 'B'], label: 'letterEditor.shortcuts.bold' },
  { hotkey: 'Mod-i', keys: ['Mod', 'I'], label: 'letterEditor.shortcuts.italic' },
  { hotkey: 'Mod-z', keys: ['Mod', 'Z'], label: 'letterEditor.shortcuts.undo' },
  { hotkey: 'Mod-Shift-z', keys: ['Mod', 'Shift', 'Z'], label: 'letterEditor.shortcuts.redo' },
  { hotkey: 'Mod-Alt-f', keys: ['Mod', 'Alt', 'F'], label: 'letterEditor.shortcuts.insertField' },
  { hotkey: 'Shift-Enter', keys: ['Shift', 'Enter'], label: 'letterEditor.shortcuts.hardBreak' },
] as const satisfies readonly LetterEditorShortcut[];

/** Whether the keys are a Mac's: there Mod is ⌘ and Alt is ⌥, as ProseMirror binds them. */
function onMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
}

/** A shortcut's keys as this platform's keyboard labels them. */
export function shortcutKeys(shortcut: LetterEditorShortcut, mac = onMac()): string[] {
  return shortcut.keys.map((key) => {
    if (key === 'Mod') return mac ? '⌘' : 'Ctrl';
    if (key === 'Alt') return mac ? '⌥' : 'Alt';
    return key;
  });
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

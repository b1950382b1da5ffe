/**
 * The decision-letter editor: the body (src/shared/letters/body.ts) as a tiptap document, standard
 * texts locked, free blocks editable, merge fields showing the letter's values. Self-contained: the
 * screen that uses it owns the body (controlled through `value` / `onEdit`) and the fields.
 *
 * `value` is the truth: a body the editor did not produce itself (another letter, a draft reloaded,
 * the reasoning builder's text) replaces the content, while the echo of its own change does not, so
 * the cursor never jumps while typing.
 *
 * A key press costs the editor's own transaction only: `onEdit` hands over a reader, and the body is
 * serialised and parsed when the parent reads it (after its pause before a preview), not per key;
 * in a ten-page letter that work is what made typing miss frames.
 */
import '@mantine/tiptap/styles.css';
import './letter-editor.css';
import { RichTextEditor } from '@mantine/tiptap';
import type { Node as PmNode } from '@tiptap/pm/model';
import { useEditor } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/contract';
import { letterBodyDocument, type LetterBody } from '../../../../shared/letters/body';
import type { LetterFields } from '../../../../shared/letters/fields';
import { toLanguage } from '../../i18n';
import { letterEditorExtensions } from './extensions';
import { FieldMenu } from './FieldMenu';
import { lockBypass } from './lock';
import { MergeFieldContext, MergeFieldWithView, type MergeFieldContextValue } from './mergeFields';
import type { BlockLabels } from './nodes';

export { letterEditorShortcuts, shortcutKeys, type LetterEditorShortcut } from './extensions';

export interface LetterEditorProps {
  value: LetterBody;
  /** The letter's fields, for the merge fields' values; null while they are not known (each field then shows its label). */
  fields: LetterFields | null;
  /** The letter's language: how the merge fields print (dates in words). */
  language: Language;
  /**
   * Every change of the document. `read` gives the body as it is when called (the same object for an
   * unchanged document), or null for a document the body schema would refuse.
   */
  onEdit(read: () => LetterBody | null): void;
  readOnly?: boolean;
  'aria-label'?: string;
}

/** The body of a document as the schema accepts it, remembered as one the editor produced; null when it would be refused. */
function bodyOf(doc: PmNode, produced: WeakSet<LetterBody>): LetterBody | null {
  const parsed = letterBodyDocument.safeParse(doc.toJSON());
  if (!parsed.success) return null;
  produced.add(parsed.data);
  return parsed.data;
}

export function LetterEditor({ value, fields, language, onEdit, readOnly = false, 'aria-label': ariaLabel }: LetterEditorProps) {
  const { t, i18n } = useTranslation();
  const uiLanguage = toLanguage(i18n.language);
  const [menuOpened, setMenuOpened] = useState(false);
  // Read in the editor's callbacks, which it keeps from its creation: the latest props, not the first.
  const onEditRef = useRef(onEdit);
  const attributesRef = useRef({ label: ariaLabel ?? t('letterEditor.label'), language });
  // The bodies the editor produced: their echo through `value` must not reset the content.
  const produced = useRef(new WeakSet<LetterBody>());
  useEffect(() => {
    onEditRef.current = onEdit;
    attributesRef.current = { label: ariaLabel ?? t('letterEditor.label'), language };
  });

  // The block labels are rendered by the nodes themselves, so a new UI language makes a new editor.
  const labels = useMemo<BlockLabels>(() => ({
    standard: t('letterEditor.standardBlock'),
    free: (block) => t(`letterEditor.freeBlock.${block}`, { defaultValue: t('letterEditor.freeBlock.default', { block }) }),
  }), [t]);
  const extensions = useMemo(() => letterEditorExtensions({
    labels,
    mergeField: MergeFieldWithView,
    onInsertFieldShortcut: () => setMenuOpened(true),
  }), [labels]);

  const editor = useEditor({
    extensions,
    content: value,
    editable: !readOnly,
    immediatelyRender: true,
    // The toolbar controls follow the editor themselves; the component need not re-render per key press.
    shouldRerenderOnTransaction: false,
    editorProps: {
      // A function, read on every update: the label and the letter's language may change after creation.
      attributes: () => ({ 'aria-label': attributesRef.current.label, 'aria-multiline': 'true', role: 'textbox', spellcheck: 'true', lang: attributesRef.current.language }),
    },
    onUpdate: ({ editor: current }) => {
      const doc = current.state.doc;
      let read: { body: LetterBody | null } | null = null;
      onEditRef.current(() => {
        read ??= { body: bodyOf(doc, produced.current) };
        return read.body;
      });
    },
  }, [extensions]);

  useEffect(() => {
    if (editor.isDestroyed || produced.current.has(value)) return;
    // A copy of what is shown (a draft saved and read back) is not another letter either.
    if (JSON.stringify(value) === JSON.stringify(editor.getJSON())) return;
    // Another letter: replace the whole document past the lock, outside undo (undo must not bring the old letter back).
    let doc: PmNode;
    try {
      doc = editor.schema.nodeFromJSON(value);
    } catch (error) {
      // A body the editor's schema cannot hold would have been refused by letterBodyDocument; keep what is shown.
      console.error('LetterEditor: value does not fit the editor', error);
      return;
    }
    const tr = editor.state.tr.replaceWith(0, editor.state.doc.content.size, doc.content)
      .setMeta(lockBypass, true).setMeta('addToHistory', false).setMeta('preventUpdate', true);
    editor.view.dispatch(tr);
  }, [editor, value]);

  useEffect(() => {
    if (!editor.isDestroyed && editor.isEditable === readOnly) editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  // A new `fields` object re-renders every merge field: the parent keeps the object while the values are the same.
  const context = useMemo<MergeFieldContextValue>(() => ({ fields, language, uiLanguage }), [fields, language, uiLanguage]);

  const insertField = (path: string): void => {
    setMenuOpened(false);
    editor.chain().focus().insertContent({ type: 'mergeField', attrs: { field: path } }).run();
  };
  const onMenuChange = (opened: boolean): void => {
    setMenuOpened(opened);
    if (!opened) editor.commands.focus();
  };

  return (
    <MergeFieldContext.Provider value={context}>
      <RichTextEditor
        editor={editor}
        className="letter-editor"
        data-testid="letter-editor"
        labels={{
          boldControlLabel: t('letterEditor.toolbar.bold'),
          italicControlLabel: t('letterEditor.toolbar.italic'),
          undoControlLabel: t('letterEditor.toolbar.undo'),
          redoControlLabel: t('letterEditor.toolbar.redo'),
        }}
      >
        {!readOnly && (
          <RichTextEditor.Toolbar aria-label={t('letterEditor.toolbar.label')} role="toolbar">
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Bold />
              <RichTextEditor.Italic />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Undo />
              <RichTextEditor.Redo />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <FieldMenu opened={menuOpened} onChange={onMenuChange} onInsert={insertField} />
            </RichTextEditor.ControlsGroup>
          </RichTextEditor.Toolbar>
        )}
        <RichTextEditor.Content />
      </RichTextEditor>
    </MergeFieldContext.Provider>
  );
}

/**
 * Merge fields as the caseworker sees them. In the text: the field's value as the letter will print
 * it, with the field's label for the mouse (title) and the screen reader (aria-label); a field
 * without a value shows its label in the warning style, since the letter check refuses such a
 * letter and the gap must be visible while writing. The insert-field menu uses the same lookups.
 *
 * The fields reach the node views through a React context: tiptap renders node views in portals
 * inside the editor's React tree, so a change of fields updates them without touching the document.
 */
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/contract';
import { letterFieldCatalogue, type LetterFieldEntry, type LetterFields } from '../../../../shared/letters/fields';
import { mergeFieldText, unfilledField } from '../../../../shared/letters/merge';
import { MergeField } from './nodes';

export interface MergeFieldContextValue {
  fields: LetterFields | null;
  /** The letter's language: values print as the letter prints them. */
  language: Language;
  /** The UI's language: labels are for the caseworker. */
  uiLanguage: Language;
}

export const MergeFieldContext = createContext<MergeFieldContextValue>({ fields: null, language: 'nl', uiLanguage: 'nl' });

export const useMergeFieldContext = (): MergeFieldContextValue => useContext(MergeFieldContext);

const catalogue = letterFieldCatalogue();
const byPath = new Map(catalogue.map((entry) => [entry.path, entry] as const));

/** Fields the menu offers: a money amount in cents or a period object would print as raw data. */
export const insertableFields: readonly LetterFieldEntry[] = catalogue.filter((entry) => entry.type !== 'money' && entry.type !== 'period');

/** A field's label for the caseworker; a path outside the catalogue shows as itself. */
export function fieldLabel(path: string, uiLanguage: Language): string {
  return byPath.get(path)?.[uiLanguage] ?? path;
}

/** The field's value as the letter prints it, or null when the letter would print a placeholder. */
export function fieldDisplayValue(path: string, context: MergeFieldContextValue): string | null {
  if (context.fields === null || !byPath.has(path)) return null;
  const text = mergeFieldText(context.fields, path, context.language);
  return text === unfilledField(path) ? null : text;
}

function MergeFieldView({ node, selected }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const context = useMergeFieldContext();
  const path = String(node.attrs.field);
  const label = fieldLabel(path, context.uiLanguage);
  const value = fieldDisplayValue(path, context);
  const description = value === null ? t('letterEditor.mergeField.missing', { label }) : t('letterEditor.fieldMenu.withValue', { label, value });
  return (
    <NodeViewWrapper
      as="span"
      className={`letter-merge-field${value === null ? ' letter-merge-field-missing' : ''}${selected ? ' letter-merge-field-selected' : ''}`}
      data-merge-field=""
      data-field={path}
      title={description}
      aria-label={description}
      role="img"
    >
      {value ?? label}
    </NodeViewWrapper>
  );
}

/** The merge field node with its React view: what the component registers instead of the headless one. */
export const MergeFieldWithView = MergeField.extend({
  addNodeView() {
    return ReactNodeViewRenderer(MergeFieldView, { as: 'span' });
  },
});

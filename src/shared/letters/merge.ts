/**
 * How a merge field prints: the one rule the letter (src/render/letters/compose.ts) and the letter
 * editor (which shows each field's value in place) share, so what the caseworker sees in the editor
 * is what the letter says. Pure functions of the fields, here in shared so the renderer may use
 * them without importing the Node-side renderer.
 */
import { formatLegalDateLong } from '../domain';
import type { Language } from '../contract/common';
import type { LetterFields } from './fields';

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The value at a dotted LetterFields path; undefined when a group on the way is null or the path is not there. */
export function fieldValue(fields: LetterFields, path: string): unknown {
  let current: unknown = fields;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The placeholder a field without a value prints as; the consistency check refuses it. */
export function unfilledField(path: string): string {
  return `[[${path}]]`;
}

/**
 * A merge field as the letter prints it: dates in words, lists joined. A field that has no value,
 * or one that is a group rather than a value, prints as `[[path]]`, which the consistency check
 * refuses as an unfilled placeholder: the letter never silently leaves a gap.
 */
export function mergeFieldText(fields: LetterFields, path: string, language: Language): string {
  const value = fieldValue(fields, path);
  if (typeof value === 'string' && value.trim() !== '') return isoDatePattern.test(value) ? formatLegalDateLong(value, language) : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) return value.join(', ');
  return unfilledField(path);
}

/**
 * What a conflict shows per field: my value against the server's, as text in the user's language.
 * Pure, so it is tested without a screen.
 */
import type { ConflictItem, Language } from '../../../shared/contract';
import { impliedMine } from '../../../shared/mutations';
import { formatCalendarDate } from '../format/dates';

/** One guarded field of a conflict, with both sides ready to print. */
export interface ConflictFieldView {
  field: string;
  mine: ConflictValue;
  theirs: ConflictValue;
}

/** A value as the screen prints it: a special word (looked up in i18n) or literal text. */
export type ConflictValue =
  | { kind: 'empty' }
  | { kind: 'me' }
  /** Another person, known only by id (the contract carries no names of colleagues). */
  | { kind: 'someoneElse'; id: string }
  | { kind: 'text'; text: string };

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A raw value as shown to the user: dates in the user's format, my own id as "me", nothing as "empty". */
export function presentValue(value: unknown, language: Language, userId: string | null): ConflictValue {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (userId !== null && value === userId) return { kind: 'me' };
  if (typeof value === 'string') return { kind: 'text', text: isoDatePattern.test(value) ? formatCalendarDate(value, language) : value };
  if (typeof value === 'number' || typeof value === 'boolean') return { kind: 'text', text: String(value) };
  return { kind: 'text', text: JSON.stringify(value) };
}

/** The server row's readable name for an id field, when it carries one (assigneeId → assigneeName). */
function readableTheirs(theirs: Record<string, unknown>, field: string): unknown {
  if (field.endsWith('Id')) {
    const named = theirs[`${field.slice(0, -2)}Name`];
    if (typeof named === 'string' && named !== '') return named;
  }
  return theirs[field];
}

/** Mine against theirs for each guarded field of a conflict. */
export function conflictFields(item: ConflictItem, language: Language, userId: string | null): ConflictFieldView[] {
  return item.fields.map((field) => {
    const fromArgs = Object.hasOwn(item.mine.args, field) ? item.mine.args[field] : impliedMine(item.name, field, userId);
    return {
      field,
      mine: presentValue(fromArgs, language, userId),
      theirs: theirsValue(item.theirs, field, language, userId),
    };
  });
}

function theirsValue(theirs: Record<string, unknown>, field: string, language: Language, userId: string | null): ConflictValue {
  const raw = theirs[field];
  // "Me" wins over a name: the server may hold my own earlier value.
  if (userId !== null && raw === userId) return { kind: 'me' };
  const readable = readableTheirs(theirs, field);
  if (field === 'assigneeId' && typeof raw === 'string' && raw !== '' && readable === raw) return { kind: 'someoneElse', id: raw };
  return presentValue(readable, language, userId);
}

/** The i18n key of a mutation's name ('case.claim' → 'syncUi.mutations.case_claim'). */
export function mutationLabelKey(name: string): string {
  return `syncUi.mutations.${name.replace(/\./g, '_')}`;
}

/**
 * The render scope of a letter: the fields, with each absent group (`decision: null`) replaced by a
 * stand-in that is falsy but refuses every field read. LiquidJS's strict mode does not cover this by
 * itself: it reads a property of null as null, so `{{ decision.reasoning }}` would print nothing
 * in a letter without a decision. `{% if decision %}` and `default` still see an empty value.
 */
import { Drop } from 'liquidjs';
import type { LetterFields } from '../../shared/letters/fields';
import { letterFieldLabels } from '../../shared/letters/fields';

/** The message prefix templates.ts recognises to name the field. */
export const absentFieldMessage = 'absent field: ';

class AbsentGroup extends Drop {
  readonly #path: string;

  constructor(path: string) {
    super();
    this.#path = path;
  }

  override valueOf(): null {
    return null;
  }

  override liquidMethodMissing(key: string | number): never {
    throw new Error(`${absentFieldMessage}${this.#path}.${String(key)} (the letter has no ${this.#path})`);
  }
}

function isGroup(labels: unknown): labels is Record<string, unknown> {
  return typeof labels === 'object' && labels !== null && !('type' in labels && 'nl' in labels);
}

function withAbsentGroups(value: unknown, labels: unknown, path: string): unknown {
  if (!isGroup(labels)) return value;
  if (value === null) return new AbsentGroup(path);
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(Object.entries(record).map(([key, child]) =>
    [key, withAbsentGroups(child, labels[key], path === '' ? key : `${path}.${key}`)]));
}

/** A group the template may test but not read: reading a field of it is an error naming `path.field`. */
export function absentGroup(path: string): unknown {
  return new AbsentGroup(path);
}

/** The scope a template renders with. */
export function letterScope(fields: LetterFields): Record<string, unknown> {
  return withAbsentGroups(fields, letterFieldLabels, '') as Record<string, unknown>;
}

/**
 * The check every pulled row passes before it is applied: its entity's schema, shared with the
 * server's projections (src/shared/sync/entities.ts). What fails is parked by the caller.
 */
import type { z } from 'zod';
import { entitySchemas, type SyncChange } from '../../../shared/sync';

/** What applying an upsert needs besides the database: its checked typed row, or why it is parked. */
export interface Checked {
  typed: unknown;
  invalid: string | null;
  dataText: string;
}

/** A row parked as invalid while applying pages: entity and ids only, for the log. */
export interface ParkedRow {
  entity: string;
  id: string;
  reason: string;
}

/** Checks an upsert against its entity's schema and serialises its data. */
export function check(change: SyncChange & { kind: 'upsert' }): Checked {
  const dataText = JSON.stringify(change.data);
  // The pull schema admits known entity names only; this guards a row that got past it anyway.
  const schema: z.ZodType | undefined = Object.hasOwn(entitySchemas, change.entity) ? entitySchemas[change.entity] : undefined;
  if (!schema) return { typed: null, invalid: 'unknown_entity', dataText };
  const checked = schema.safeParse({ ...change.data, id: change.id });
  if (checked.success) return { typed: checked.data, invalid: null, dataText };
  // A field can fail more than one check (format, then calendar date): name each path once.
  const where = [...new Set(checked.error.issues.map((issue) => issue.path.join('.')))].slice(0, 3).join(',');
  return { typed: null, invalid: `invalid:${where}`, dataText };
}

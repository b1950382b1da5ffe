/** What a mutation handler gets, and how it refuses: by throwing, so its transaction rolls back. */
import type { MutationArgs, MutationName, RejectionCode, SyncEntity } from '../../shared/sync';
import type { Actor } from '../authz/actor';
import { canWorkOnCase } from '../authz/actor';
import type { Transaction } from '../db/database';
import type { WriteBatch } from '../sync/publish';
import type { LetterService } from '../letters/service';
import { lockCase, rowData, type CaseRow } from '../cases/records';

export interface MutationContext {
  tx: Transaction;
  batch: WriteBatch;
  actor: Actor;
  /** Today in Europe/Amsterdam by the server clock: the date legal facts are recorded on. */
  today: string;
  /** Guarded values as the client saw them. */
  base: Readonly<Record<string, unknown>>;
  /** Renders and checks letters (approval and sending render the letter the server will send). */
  letters: LetterService;
}

export type MutationHandler<Name extends MutationName> = (context: MutationContext, args: MutationArgs<Name>) => Promise<void>;
export type MutationHandlers = { [Name in MutationName]: MutationHandler<Name> };

/** The mutation is refused; nothing it did is kept. */
export class Rejection extends Error {
  constructor(readonly code: RejectionCode, readonly reason: string) {
    super(reason);
  }
}

/** A guarded field no longer has the value the client saw. */
export class Conflict extends Error {
  constructor(readonly fields: string[], readonly entity: SyncEntity, readonly id: string,
    readonly server: Record<string, unknown>) {
    super('conflict');
  }
}

/**
 * Compare-and-set on guarded fields: every listed field must be in `base` and equal the server's
 * value, else the mutation ends as a conflict carrying the server row.
 */
export function expectBase(context: MutationContext, entity: SyncEntity, row: { id: string } & object,
  fields: Record<string, unknown>): void {
  const missing = Object.keys(fields).filter((field) => !Object.hasOwn(context.base, field));
  if (missing.length > 0) throw new Rejection('invalid_arguments', `base value required for ${missing.join(', ')}`);
  const changed = Object.entries(fields).filter(([field, value]) => context.base[field] !== value).map(([field]) => field);
  if (changed.length > 0) throw new Conflict(changed, entity, row.id, rowData(row));
}

/**
 * The case, locked, when the actor may work on it. A case outside the actor's scope is answered
 * as not found, so a refusal does not even confirm that it exists.
 */
export async function caseInScope(context: MutationContext, caseId: string): Promise<CaseRow> {
  const kase = await lockCase(context.tx, caseId);
  if (!kase || !canWorkOnCase(context.actor, kase)) throw new Rejection('not_found', 'case not found');
  return kase;
}

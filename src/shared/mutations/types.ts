/**
 * What a named mutation does on the client, before the server has seen it. One entry per mutation,
 * grouped by family (case.ts, letter.ts, …) and held complete in index.ts, so a mutation without its
 * client behaviour fails to compile. Pure functions over plain rows: the data host runs them, the
 * renderer reads the conflict values, and tests call them directly.
 */
import type {
  ReviewAnnotation, ReviewEvidenceLink, ReviewExtension, ReviewNote, ReviewNotice, ReviewSuspension,
} from '../contract/review';
import type { MutationArgs, MutationName, MutationNameOf } from '../sync/mutations';

/** A case row as the local effects read and write it: the server's row, as JSON. */
export type LocalCase = Record<string, unknown> & { assigneeId?: unknown; status?: unknown; deadline?: unknown };

/** The parts of the case screen that actions still in the outbox add to or change. */
export interface CaseScreenRows {
  suspensions: ReviewSuspension[];
  extensions: ReviewExtension[];
  noticesOfDefault: ReviewNotice[];
  annotations: ReviewAnnotation[];
  evidenceLinks: ReviewEvidenceLink[];
  notes: ReviewNote[];
}

/** A saved view of the queue as the overlay sees it; `pending` while its save is in the outbox. */
export interface SavedViewRow {
  id: string;
  ownerId: string;
  name: string;
  filter: unknown;
  teamId: string | null;
  pending: boolean;
}

/** The case fields a mutation may compare-and-set. */
export type CaseGuardedField = 'assigneeId' | 'deadline';

/**
 * The entity and fields a guarded mutation compares-and-sets: the outbox sends the values the user
 * saw as the mutation's base, and the server refuses with a conflict when they no longer hold. Only
 * mutations whose arguments name the row can be guarded on it.
 */
export type Guard<Args> =
  | (Args extends { caseId: string } ? { entity: 'case'; fields: readonly CaseGuardedField[] } : never)
  | (Args extends { letterId: string } ? { entity: 'letter'; fields: readonly LetterGuardedField[] } : never);

/** `version` guards a draft's body: a save based on a version someone else has since saved over is a conflict. */
export type LetterGuardedField = 'status' | 'version';

/** Where a pending action shows before the server's rows come back. */
export interface Overlay<Args> {
  /** Adds or changes rows of the case screen; `today` is the date the server will record. */
  caseScreen?: (rows: CaseScreenRows, args: Args, today: string) => void;
  /** Adds, changes or removes one of my saved views. */
  savedViews?: (views: Map<string, SavedViewRow>, args: Args, userId: string | null) => void;
}

export interface ClientMutation<Args> {
  /** Compare-and-set fields, or null for a plain write (last writer wins). */
  guarded: Guard<Args> | null;
  /** The optimistic effect on the local case row, re-applied over the server's row after every pull. */
  applyToCase: ((kase: LocalCase, args: Args, userId: string) => LocalCase) | null;
  /** The rows it shows, marked pending, until the server's rows with the same ids arrive. */
  overlay: Overlay<Args> | null;
  /**
   * What "mine" shows in a conflict for a guarded field the arguments do not carry (a claim means
   * me, a release nobody); fields the arguments carry show their argument.
   */
  conflictValues: Partial<Record<string, (userId: string | null) => unknown>>;
}

/** The complete registry's type: one entry per mutation name, typed by its arguments. */
export type ClientMutations = { [Name in MutationName]: ClientMutation<MutationArgs<Name>> };

/** One family's part of the registry, e.g. `FamilyMutations<'case'>`. */
export type FamilyMutations<Family extends string> = Pick<ClientMutations, MutationNameOf<Family>>;

/** Adds `row` unless a row with its id is there already (the server's row wins over a pending one). */
export function addPending<Row extends { id: string }>(list: Row[], row: Row): void {
  if (!list.some((existing) => existing.id === row.id)) list.push(row);
}

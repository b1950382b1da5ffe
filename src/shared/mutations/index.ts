/**
 * The client mutation registry: every mutation's client behaviour, composed from one module per
 * family. `satisfies ClientMutations` makes a mutation without its entry a compile error (the
 * server's handler map does the same on its side), and the functions below are the only way the
 * host and the renderer reach an entry, so none of them switches over mutation names.
 */
import { isMutationName, mutationArgs, type MutationArgs, type MutationName } from '../sync/mutations';
import { auditMutations } from './audit';
import { caseMutations } from './case';
import { documentMutations } from './document';
import { letterMutations } from './letter';
import { messageMutations } from './message';
import type { CaseScreenRows, ClientMutation, ClientMutations, LocalCase, SavedViewRow } from './types';
import { viewMutations } from './view';

export type { CaseGuardedField, CaseScreenRows, ClientMutation, ClientMutations, LocalCase, SavedViewRow } from './types';

export const clientMutations = {
  ...caseMutations,
  ...letterMutations,
  ...messageMutations,
  ...documentMutations,
  ...viewMutations,
  ...auditMutations,
} satisfies ClientMutations;

/** An action as the outbox holds it: a name and arguments that are checked again before use. */
export interface PendingAction {
  name: string;
  args: unknown;
}

/** An action's entry and its arguments parsed by its schema; null for an unknown name or arguments that no longer parse. */
function resolve(action: PendingAction): { entry: ClientMutation<unknown>; args: unknown } | null {
  if (!isMutationName(action.name)) return null;
  const parsed = mutationArgs[action.name].safeParse(action.args);
  if (!parsed.success) return null;
  // The registry's entry for this name takes exactly the arguments its schema just parsed.
  return { entry: clientMutations[action.name] as ClientMutation<unknown>, args: parsed.data };
}

/** The entry of a known mutation, typed by its arguments. */
export function clientMutation<Name extends MutationName>(name: Name): ClientMutation<MutationArgs<Name>> {
  return clientMutations[name] as ClientMutation<MutationArgs<Name>>;
}

/** The case an action's arguments refer to, if any: the outbox lists and rebuilds that case. */
export function caseIdOf(args: unknown): string | null {
  if (typeof args === 'object' && args !== null && 'caseId' in args && typeof args.caseId === 'string') return args.caseId;
  return null;
}

/** The guarded entity, fields and row id of a parsed mutation, or null when it is a plain write. */
export function guardOf<Name extends MutationName>(name: Name, args: MutationArgs<Name>):
  { entity: 'case' | 'letter'; fields: readonly string[]; rowId: string } | null {
  const guard = clientMutation(name).guarded;
  if (!guard) return null;
  // Guard<Args> only allows an entity whose id the arguments carry.
  const ids = args as { caseId?: string; letterId?: string };
  const rowId = guard.entity === 'case' ? ids.caseId : ids.letterId;
  return rowId === undefined ? null : { entity: guard.entity, fields: guard.fields, rowId };
}

/** The case row as the user sees it: the server's row with pending actions applied in the order they were made. */
export function applyPendingToCase(kase: LocalCase, actions: readonly PendingAction[], userId: string): LocalCase {
  let current = kase;
  for (const action of actions) {
    const resolved = resolve(action);
    if (resolved?.entry.applyToCase) current = resolved.entry.applyToCase(current, resolved.args, userId);
  }
  return current;
}

/**
 * Lays pending actions over the case screen's rows from the server, in the order the user made
 * them. `today` is the date the screen works on (the training "today" in training), used for the
 * dates the server will record on its own clock.
 */
export function overlayCaseScreen(base: CaseScreenRows, actions: readonly PendingAction[], today: string): CaseScreenRows {
  const rows: CaseScreenRows = {
    suspensions: [...base.suspensions], extensions: [...base.extensions], noticesOfDefault: [...base.noticesOfDefault],
    annotations: [...base.annotations], evidenceLinks: [...base.evidenceLinks], notes: [...base.notes],
  };
  for (const action of actions) {
    const resolved = resolve(action);
    resolved?.entry.overlay?.caseScreen?.(rows, resolved.args, today);
  }
  return rows;
}

/** Lays pending saves and deletes over my saved views (changes `views` in place). */
export function overlaySavedViews(views: Map<string, SavedViewRow>, actions: readonly PendingAction[], userId: string | null): void {
  for (const action of actions) {
    const resolved = resolve(action);
    resolved?.entry.overlay?.savedViews?.(views, resolved.args, userId);
  }
}

/** The names whose overlay touches saved views: the queue reads only these from the outbox. */
export const savedViewMutationNames = (Object.keys(clientMutations) as MutationName[])
  .filter((name) => clientMutation(name).overlay?.savedViews !== undefined);

/** What my mutation meant for a guarded field its arguments do not name; undefined when it says nothing. */
export function impliedMine(name: string, field: string, userId: string | null): unknown {
  if (!isMutationName(name)) return undefined;
  return clientMutation(name).conflictValues[field]?.(userId);
}

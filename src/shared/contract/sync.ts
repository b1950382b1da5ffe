/** Contract of the `sync` namespace: the sync state, queued actions and the conflicts inbox. */
import { z } from 'zod';
import { defineCall, defineEvent } from '../rpc';
import { mutationArgs, mutationNames, type MutationInput, type MutationName } from '../sync/mutations';
import { empty, inNamespace, isoInstant } from './common';

/** Where one queued action stands: waiting, sent and awaiting an answer, refused, or in conflict. */
export const itemSyncState = z.enum(['queued', 'sent', 'failed', 'conflict']);
export type ItemSyncState = z.infer<typeof itemSyncState>;

export const syncState = z.enum(['offline', 'online', 'syncing', 'error']);
export const syncStatus = z.object({
  state: syncState,
  lastSyncAt: isoInstant.nullable(),
  pending: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  /** The session ended: sign in again to sync (the outbox is kept). */
  needsSignIn: z.boolean().optional(),
  /** Actions the server refused. */
  failed: z.number().int().nonnegative().optional(),
  /** Rows received so far while bootstrapping; null or absent when not bootstrapping. */
  bootstrapReceived: z.number().int().nonnegative().nullable().optional(),
  /** Pulled rows kept aside because they failed their entity's schema (not scope exits waiting on local work). */
  parked: z.number().int().nonnegative().optional(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

/** One mutation call: its name and the arguments its schema in the sync protocol takes. */
type MutationCallSchema<Name extends MutationName> = z.ZodObject<{ name: z.ZodLiteral<Name>; args: (typeof mutationArgs)[Name] }, z.core.$strict>;

/**
 * One named mutation from the renderer: a union discriminated by `name`, so a wrong or missing
 * argument fails to compile at the caller and is refused by the bridge before the host sees it.
 */
export const mutateArgs = z.discriminatedUnion('name', mutationNames.map((name) => z.object({ name: z.literal(name), args: mutationArgs[name] }).strict()) as unknown as
  [MutationCallSchema<MutationName>, ...MutationCallSchema<MutationName>[]]) as unknown as
  z.ZodType<{ [Name in MutationName]: z.output<MutationCallSchema<Name>> }[MutationName], { [Name in MutationName]: z.input<MutationCallSchema<Name>> }[MutationName]>;
export type MutationCall = z.input<typeof mutateArgs>;

/** A function that queues a mutation, typed by its name (the renderer's screens pass these around). */
export type Mutate<Result = unknown> = <Name extends MutationName>(name: Name, args: MutationInput<Name>) => Promise<Result>;

/** A mutation call with its arguments checked against its name (the union cannot be built from a generic name). */
export function mutationCall<Name extends MutationName>(name: Name, args: MutationInput<Name>): MutationCall {
  return { name, args } as MutationCall;
}

export const outboxItem = z.object({
  clientMutationId: z.string(),
  name: z.string(),
  caseId: z.string().nullable(),
  state: itemSyncState,
  attempts: z.number().int().nonnegative(),
  errorCode: z.string().nullable(),
  queuedAt: isoInstant,
});
export type OutboxItemInfo = z.infer<typeof outboxItem>;

/** A refused local edit: what I wanted (mine) against the server's row (theirs). */
export const conflictItem = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  caseId: z.string().nullable(),
  /** The case's number when the case is in the local cache, to name it on the screen. */
  caseNumber: z.string().nullable().optional(),
  entity: z.string(),
  entityId: z.string(),
  /** The guarded fields that no longer held. */
  fields: z.array(z.string()),
  /** My mutation's arguments and the values I saw. */
  mine: z.object({ args: z.record(z.string(), z.unknown()), base: z.record(z.string(), z.unknown()) }),
  /** The server's row when it refused. */
  theirs: z.record(z.string(), z.unknown()),
  createdAt: isoInstant,
});
export type ConflictItem = z.infer<typeof conflictItem>;

export const resolveConflictArgs = z.object({
  id: z.number().int().positive(),
  /** `mine`: send my edit again against the server's current values; `theirs`: drop my edit. */
  keep: z.enum(['mine', 'theirs']),
}).strict();

export const syncCalls = inNamespace('sync', {
  'sync.status': defineCall(empty, syncStatus, 'The sync state shown in the top bar.'),
  'sync.now': defineCall(empty, syncStatus, 'Synchronises now and answers the resulting state.'),
  'sync.mutate': defineCall(mutateArgs, z.object({ clientMutationId: z.string() }), 'Applies a named mutation locally and queues it for the server.'),
  'sync.outbox': defineCall(empty, z.object({ items: z.array(outboxItem) }), 'Queued actions with their sync state.'),
  'sync.conflicts': defineCall(empty, z.object({ items: z.array(conflictItem) }), 'The conflicts inbox: my refused edits against the server.'),
  'sync.resolveConflict': defineCall(resolveConflictArgs, z.object({}), 'Keeps my edit (sent again) or theirs (mine dropped).'),
} as const);

export const syncEvents = inNamespace('sync', {
  'sync.changed': defineEvent(syncStatus, 'The sync state changed.'),
} as const);

/**
 * The sync protocol between the data host and the central API (docs/architecture.md, "Sync"). Pull pages of changes after a cursor; push named mutations with client mutation ids.
 * Pure zod, no runtime imports: the server validates with these schemas and the host builds on them.
 */
import { z } from 'zod';
import { mutationName } from './mutations';

/** Every kind of row the server publishes to clients. */
export const syncEntity = z.enum([
  'case', 'party', 'suspension', 'extension', 'noticeOfDefault', 'document', 'annotation',
  'evidenceLink', 'messageThread', 'message', 'messageRead', 'letter', 'caseEvent', 'note', 'savedView',
  'user', 'team',
]);
export type SyncEntity = z.infer<typeof syncEntity>;

/**
 * A cursor is an opaque decimal string of the server's change sequence. Clients store it and send
 * it back; they never do arithmetic on it.
 */
export const syncCursor = z.string().regex(/^\d{1,19}$/, 'expected a cursor returned by the server');

export const pullQuery = z.object({
  cursor: syncCursor.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
});
export type PullQuery = z.infer<typeof pullQuery>;

/**
 * A JSON object, checked without copying it: z.record copies every key of every row, which made
 * validating a pull page cost more than parsing it. For JSON input both accept the same values.
 */
const jsonObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'expected an object',
).meta({ type: 'object', additionalProperties: {} });

/** A row as it is now: apply it when `version` is newer than the local copy. */
export const upsertChange = z.object({
  kind: z.literal('upsert'),
  entity: syncEntity,
  id: z.string(),
  version: z.number().int().nonnegative(),
  caseId: z.string().nullable(),
  data: jsonObject,
});

/** The row was deleted on the server: remove it locally. */
export const tombstoneChange = z.object({
  kind: z.literal('tombstone'),
  entity: syncEntity,
  id: z.string(),
  version: z.number().int().nonnegative(),
  caseId: z.string().nullable(),
});

/**
 * The case (with everything that belongs to it) left this user's scope, e.g. it was reassigned to
 * another team: drop it from the local cache, but keep pending mutations and conflicts.
 */
export const scopeLeaveChange = z.object({
  kind: z.literal('leave'),
  entity: z.literal('case'),
  id: z.string(),
  caseId: z.string(),
});

export const syncChange = z.discriminatedUnion('kind', [upsertChange, tombstoneChange, scopeLeaveChange]);
export type SyncChange = z.infer<typeof syncChange>;

export const pullResponse = z.object({
  changes: z.array(syncChange),
  /** Store this with the applied page, in the same local transaction. */
  nextCursor: syncCursor,
  /** More changes are waiting: pull again straight away. */
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponse>;

/** A JSON value, as sent in the base values of guarded fields. */
export const jsonValue: z.ZodType<unknown> = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One named mutation as the client queued it; `args` is validated per name by the server. */
export const mutationEnvelope = z.object({
  /** Client-generated, unique per user; a replay with the same id returns the stored result. */
  clientMutationId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
  name: mutationName,
  args: z.unknown(),
  /**
   * The values of guarded fields (status, assignee, decision, deadline data) as the client saw them:
   * the server applies the mutation only when they still hold (compare-and-set), else `conflict`.
   */
  base: z.record(z.string(), jsonValue).default({}),
  /** When the user did it, by the client's clock; informational only, the server keeps its own time. */
  queuedAt: z.string().max(40).optional(),
});
export type MutationEnvelope = z.infer<typeof mutationEnvelope>;

export const pushRequest = z.object({
  mutations: z.array(mutationEnvelope).min(1).max(100),
});
export type PushRequest = z.infer<typeof pushRequest>;

/** Why a mutation was refused; stable codes the client maps to user-facing text. */
export const rejectionCode = z.enum([
  'invalid_arguments', 'forbidden', 'not_found', 'invalid_state', 'four_eyes', 'unknown_mutation',
  // A letter's text disagrees with the case record; a letter's PDF is no longer the one approved (#15).
  'letter_inconsistent', 'letter_changed',
  // A message to a party the case does not have; an attachment that is not a document of the message's case (#16).
  'counterpart_missing', 'attachment_not_found',
]);
export type RejectionCode = z.infer<typeof rejectionCode>;

export const appliedResult = z.object({
  clientMutationId: z.string(),
  status: z.literal('applied'),
  /** The sync cursor at which the effects became visible, when the server knows it (currently always null: pull after the push). */
  serverSeq: syncCursor.nullable(),
});
export const rejectedResult = z.object({
  clientMutationId: z.string(),
  status: z.literal('rejected'),
  code: rejectionCode,
  /** For logs and developers; never personal data. */
  reason: z.string(),
});
export const conflictResult = z.object({
  clientMutationId: z.string(),
  status: z.literal('conflict'),
  /** The guarded fields that no longer held. */
  fields: z.array(z.string()),
  entity: syncEntity,
  id: z.string(),
  /** The server's current row, for the conflicts inbox. */
  server: z.record(z.string(), z.unknown()),
});
export const mutationResult = z.discriminatedUnion('status', [appliedResult, rejectedResult, conflictResult]);
export type MutationResult = z.infer<typeof mutationResult>;

export const pushResponse = z.object({
  results: z.array(mutationResult),
});
export type PushResponse = z.infer<typeof pushResponse>;

/** The event name of the server-sent poke on GET /sync/events; its data is the newest cursor. */
export const pokeEventName = 'poke';

/** A demo user of a training environment, listed on its sign-in screen (GET /training/demo-users). */
export const demoUser = z.object({
  username: z.string(),
  role: z.string(),
  displayName: z.string(),
  team: z.string().nullable(),
});
export type DemoUser = z.infer<typeof demoUser>;

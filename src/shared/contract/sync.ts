/** Contract schemas of sign-in, sync and the conflicts inbox (issue 5). */
import { z } from 'zod';
import { bytes } from '../rpc/binary';
import { isoInstant } from './common';

/** Where one queued action stands: waiting, sent and awaiting an answer, refused, or in conflict. */
export const itemSyncState = z.enum(['queued', 'sent', 'failed', 'conflict']);
export type ItemSyncState = z.infer<typeof itemSyncState>;

export const signedInUser = z.object({ id: z.string(), displayName: z.string(), role: z.string() });
export type SignedInUserInfo = z.infer<typeof signedInUser>;

/** Who is signed in on this workbench, and whether there is a central API to sign in to at all. */
export const sessionInfo = z.object({ user: signedInUser.nullable(), signInAvailable: z.boolean() });
export type SessionInfo = z.infer<typeof sessionInfo>;

export const signInArgs = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
}).strict();

/** One named mutation from the renderer; the host validates `args` with the sync protocol's schema. */
export const mutateArgs = z.object({ name: z.string().min(1).max(64), args: z.unknown() }).strict();

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

/** A document of a case as the local cache knows it. */
export const documentInfo = z.object({
  id: z.string(),
  caseId: z.string(),
  title: z.string(),
  kind: z.string(),
  mediaType: z.string(),
  sha256: z.string(),
  size: z.number().int().nonnegative(),
  /** True when its verified file is on disk, so it opens offline. */
  cached: z.boolean(),
});
export type DocumentInfo = z.infer<typeof documentInfo>;

export const documentContent = z.object({
  documentId: z.string(),
  mediaType: z.string(),
  sha256: z.string(),
  /** The verified bytes: binary over every transport (src/shared/rpc/binary.ts), never base64. */
  bytes,
});

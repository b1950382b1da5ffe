/**
 * POST /sync/push: applies named mutations one by one, each in its own transaction that also
 * records its result, so the effect happens exactly once: a replayed client mutation id returns
 * the stored result. Refusals and conflicts are results, never HTTP errors, so one bad mutation
 * cannot wedge a client's queue.
 */
import { and, eq } from 'drizzle-orm';
import {
  isMutationName, mutationArgs, type MutationEnvelope, type MutationName, type MutationResult,
} from '../../shared/sync';
import { DomainError } from '../../shared/domain';
import type { Actor } from '../authz/actor';
import type { Database } from '../db/database';
import { mutationResults } from '../db/schema';
import { Conflict, Rejection, type MutationContext, type MutationHandler } from '../mutations/context';
import { mutationHandlers } from '../mutations';
import type { AuditResult } from '../audit/log';
import { runWrite, type ChangeListener, type WriteBatch } from './publish';
import type { Clock, Logger } from '../services';
import type { LetterService } from '../letters/service';

export interface PushServices {
  db: Database;
  clock: Clock;
  listener: ChangeListener;
  logger: Logger;
  letters: LetterService;
}

async function storedResult(db: Database, userId: string, clientMutationId: string): Promise<MutationResult | null> {
  const [stored] = await db.select({ result: mutationResults.result }).from(mutationResults)
    .where(and(eq(mutationResults.userId, userId), eq(mutationResults.clientMutationId, clientMutationId)));
  return stored ? (stored.result as MutationResult) : null;
}

/**
 * Claims the client mutation id inside the mutation's transaction. A second request with the same
 * id waits here until the first commits, then finds it taken: the caller returns the stored result.
 */
async function claimId(batch: WriteBatch, actor: Actor, envelope: MutationEnvelope, result: MutationResult | null): Promise<boolean> {
  const claimed = await batch.tx.insert(mutationResults).values({
    userId: actor.userId, clientMutationId: envelope.clientMutationId, name: envelope.name.slice(0, 64),
    result: (result ?? {}) as unknown as Record<string, unknown>, at: batch.now,
  }).onConflictDoNothing().returning({ id: mutationResults.clientMutationId });
  return claimed.length === 1;
}

/** Thrown inside a transaction whose client mutation id was already used: roll back, answer the stored result. */
class Replay extends Error {}

function refusal(envelope: MutationEnvelope, error: unknown): { result: MutationResult; audit: AuditResult } | null {
  const clientMutationId = envelope.clientMutationId;
  if (error instanceof Rejection) {
    const audit: AuditResult = error.code === 'forbidden' || error.code === 'not_found' ? 'denied' : 'rejected';
    return { result: { clientMutationId, status: 'rejected', code: error.code, reason: error.reason }, audit };
  }
  if (error instanceof Conflict) {
    return {
      result: { clientMutationId, status: 'conflict', fields: error.fields, entity: error.entity, id: error.id, server: error.server },
      audit: 'conflict',
    };
  }
  if (error instanceof DomainError) {
    return { result: { clientMutationId, status: 'rejected', code: 'invalid_state', reason: error.code }, audit: 'rejected' };
  }
  return null;
}

/** Applies one mutation (or returns its stored result) for `actor`. */
export async function applyMutation(services: PushServices, actor: Actor, envelope: MutationEnvelope): Promise<MutationResult> {
  const { db, clock, listener, letters } = services;
  const clientMutationId = envelope.clientMutationId;
  const replay = async () => {
    const stored = await storedResult(db, actor.userId, clientMutationId);
    if (!stored) throw new Error('stored mutation result missing');
    return stored;
  };
  let outcome: { result: MutationResult; audit: AuditResult } | null = null;
  if (!isMutationName(envelope.name)) {
    outcome = { result: { clientMutationId, status: 'rejected', code: 'unknown_mutation', reason: 'unknown mutation name' }, audit: 'rejected' };
  }
  const name = envelope.name as MutationName;
  const parsed = outcome ? null : mutationArgs[name].safeParse(envelope.args);
  if (parsed && !parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(args)').join(', ');
    outcome = { result: { clientMutationId, status: 'rejected', code: 'invalid_arguments', reason: `invalid: ${where}` }, audit: 'rejected' };
  }
  if (!outcome && parsed?.success) {
    try {
      return await runWrite(db, clock.now(), listener, async (batch) => {
        if (!(await claimId(batch, actor, envelope, null))) throw new Replay();
        const context: MutationContext = { tx: batch.tx, batch, actor, today: clock.today(), base: envelope.base, letters };
        await (mutationHandlers[name] as MutationHandler<MutationName>)(context, parsed.data as never);
        // Sequence numbers are drawn by the sealer after the commit, so the result cannot name one.
        const result: MutationResult = { clientMutationId, status: 'applied', serverSeq: null };
        batch.storeResult(actor.userId, clientMutationId, result as unknown as Record<string, unknown>);
        batch.audit({ actorId: actor.userId, actorKind: 'user', action: `mutation.${name}`, objectType: 'mutation', objectId: clientMutationId, result: 'ok', origin: 'sync' });
        return result;
      });
    } catch (error) {
      if (error instanceof Replay) return replay();
      outcome = refusal(envelope, error);
      if (!outcome) throw error;
    }
  }
  const refused = outcome as { result: MutationResult; audit: AuditResult };
  const recorded = await runWrite(db, clock.now(), listener, async (batch) => {
    if (!(await claimId(batch, actor, envelope, refused.result))) return false;
    batch.audit({
      actorId: actor.userId, actorKind: 'user', action: `mutation.${envelope.name.slice(0, 64)}`, objectType: 'mutation',
      objectId: clientMutationId, result: refused.audit, origin: 'sync',
    });
    return true;
  });
  return recorded ? refused.result : replay();
}

/** Applies a push request's mutations in order. */
export async function applyPush(services: PushServices, actor: Actor, envelopes: MutationEnvelope[]): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  for (const envelope of envelopes) results.push(await applyMutation(services, actor, envelope));
  return results;
}

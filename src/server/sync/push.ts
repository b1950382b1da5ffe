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

export interface PushServices {
  db: Database;
  clock: Clock;
  listener: ChangeListener;
  logger: Logger;
}

async function storedResult(db: Database, userId: string, clientMutationId: string): Promise<MutationResult | null> {
  const [stored] = await db.select({ result: mutationResults.result }).from(mutationResults)
    .where(and(eq(mutationResults.userId, userId), eq(mutationResults.clientMutationId, clientMutationId)));
  return stored ? (stored.result as MutationResult) : null;
}

function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

async function recordResult(batch: WriteBatch, actor: Actor, envelope: MutationEnvelope, result: MutationResult,
  auditResult: AuditResult): Promise<void> {
  await batch.tx.insert(mutationResults).values({
    userId: actor.userId, clientMutationId: envelope.clientMutationId, name: envelope.name,
    result: result as unknown as Record<string, unknown>, at: batch.now,
  });
  batch.audit({
    actorId: actor.userId, actorKind: 'user', action: `mutation.${envelope.name}`, objectType: 'mutation',
    objectId: envelope.clientMutationId, result: auditResult, origin: 'sync',
  });
}

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
  const { db, clock, listener } = services;
  const previous = await storedResult(db, actor.userId, envelope.clientMutationId);
  if (previous) return previous;
  const clientMutationId = envelope.clientMutationId;
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
  try {
    if (!outcome && parsed?.success) {
      const now = clock.now();
      return await runWrite(db, now, listener, async (batch) => {
        const context: MutationContext = { tx: batch.tx, batch, actor, today: clock.today(), base: envelope.base };
        await (mutationHandlers[name] as MutationHandler<MutationName>)(context, parsed.data as never);
        const result: MutationResult = { clientMutationId, status: 'applied', serverSeq: null };
        // The sequence is known only after the handler published; store the final result.
        await batch.tx.insert(mutationResults).values({ userId: actor.userId, clientMutationId, name, result: {}, at: now });
        const final: MutationResult = { ...result, serverSeq: batch.maxSeq === null ? null : String(batch.maxSeq) };
        await batch.tx.update(mutationResults).set({ result: final as unknown as Record<string, unknown> })
          .where(and(eq(mutationResults.userId, actor.userId), eq(mutationResults.clientMutationId, clientMutationId)));
        batch.audit({ actorId: actor.userId, actorKind: 'user', action: `mutation.${name}`, objectType: 'mutation', objectId: clientMutationId, result: 'ok', origin: 'sync' });
        return final;
      });
    }
  } catch (error) {
    if (isUniqueViolation(error)) {
      const raced = await storedResult(db, actor.userId, clientMutationId);
      if (raced) return raced;
    }
    outcome = refusal(envelope, error);
    if (!outcome) throw error;
  }
  const refused = outcome as { result: MutationResult; audit: AuditResult };
  try {
    await runWrite(db, clock.now(), listener, (batch) => recordResult(batch, actor, envelope, refused.result, refused.audit));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await storedResult(db, actor.userId, clientMutationId)) ?? refused.result;
  }
  return refused.result;
}

/** Applies a push request's mutations in order. */
export async function applyPush(services: PushServices, actor: Actor, envelopes: MutationEnvelope[]): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  for (const envelope of envelopes) results.push(await applyMutation(services, actor, envelope));
  return results;
}

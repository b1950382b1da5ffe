/**
 * Reading and publishing case rows: the case itself, its children and its history. Every change
 * to a case goes through here, so deadline, version and sync row stay consistent.
 */
import { asc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { computeDecisionDeadline, computePenalty } from '../../shared/domain';
import { isRegime } from '../../shared/domain/rules';
import type { SyncEntity } from '../../shared/sync';
import type { Executor, Transaction } from '../db/database';
import { caseEvents, cases, extensions, noticesOfDefault, suspensions } from '../db/schema';
import { project, type ProjectionInput } from '../sync/projections';
import type { WriteBatch } from '../sync/publish';

export type CaseRow = typeof cases.$inferSelect;

/**
 * A database row for HTTP answers and conflict results: instants as ISO strings, everything else as
 * stored. Sync rows are published through their projection instead (publishCaseChild).
 */
export function rowData(row: object): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) data[key] = value instanceof Date ? value.toISOString() : value;
  return data;
}

/** The case row, locked until the transaction ends so guarded fields compare-and-set safely. */
export async function lockCase(tx: Transaction, caseId: string): Promise<CaseRow | null> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  return row ?? null;
}

/** The case row without a lock. */
export async function findCase(executor: Executor, caseId: string): Promise<CaseRow | null> {
  const [row] = await executor.select().from(cases).where(eq(cases.id, caseId));
  return row ?? null;
}

/** The entities that belong to one case and are scoped like it. */
export type CaseChildEntity = Exclude<SyncEntity, 'savedView' | 'user' | 'team'>;

/** Publishes a row that belongs to `kase` (or the case itself) through its projection, scoped like the case. */
export function publishCaseChild<E extends CaseChildEntity>(batch: WriteBatch, kase: CaseRow, entity: E,
  row: ProjectionInput[E]): void {
  batch.publish({
    entity, id: row.id, version: row.version, data: project(entity, row),
    scope: { caseId: kase.id, teamId: kase.teamId, assigneeId: kase.assigneeId },
  });
}

/**
 * The decision deadline and penalty of a case now, from the domain engine (never computed here):
 * regime, receipt, suspensions, extensions, notices of default and decision date.
 */
export async function computeCaseDeadline(executor: Executor, kase: CaseRow, today: string):
  Promise<{ deadline: string | null; penaltyAmountCents: number }> {
  const regime = kase.regime;
  if (!isRegime(regime)) return { deadline: null, penaltyAmountCents: 0 };
  // One after the other: a transaction is one connection, which runs one query at a time anyway.
  const caseSuspensions = await executor.select().from(suspensions).where(eq(suspensions.caseId, kase.id)).orderBy(asc(suspensions.requestedOn));
  const caseExtensions = await executor.select().from(extensions).where(eq(extensions.caseId, kase.id)).orderBy(asc(extensions.announcedOn));
  const notices = await executor.select().from(noticesOfDefault).where(eq(noticesOfDefault.caseId, kase.id)).orderBy(asc(noticesOfDefault.receivedOn));
  const { deadline } = computeDecisionDeadline({
    regime,
    receivedOn: kase.receivedOn,
    ...(kase.contestedDecisionOn ? { contestedDecisionOn: kase.contestedDecisionOn } : {}),
    suspensions: caseSuspensions.map((suspension) => ({
      requestedOn: suspension.requestedOn, ...(suspension.endedOn ? { endedOn: suspension.endedOn } : {}),
    })),
    extensions: caseExtensions.map((extension) => extension.period),
    asOf: today,
  });
  // The first notice received after the deadline counts; one received before it does not (Awb 4:17).
  const notice = notices.find((entry) => entry.receivedOn > deadline);
  const penalty = computePenalty({
    regime, deadline, asOf: today,
    ...(notice ? { noticeOfDefaultReceivedOn: notice.receivedOn } : {}),
    ...(kase.decidedOn ? { decidedOn: kase.decidedOn } : {}),
  });
  return { deadline, penaltyAmountCents: penalty.amountCents };
}

/**
 * Writes changed case fields, recomputes the deadline, bumps the version and publishes the case.
 * When team or assignee changed, former viewers are told to drop it and new ones get all of it.
 */
export async function updateCase(tx: Transaction, batch: WriteBatch, before: CaseRow,
  changes: Partial<Omit<CaseRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>>, today: string): Promise<CaseRow> {
  const merged: CaseRow = { ...before, ...changes, version: before.version + 1, updatedAt: batch.now };
  const { deadline, penaltyAmountCents } = await computeCaseDeadline(tx, merged, today);
  const [after] = await tx.update(cases)
    .set({ ...changes, deadline, penaltyAmountCents, version: merged.version, updatedAt: batch.now })
    .where(eq(cases.id, before.id)).returning();
  if (!after) throw new Error('case vanished during update');
  if (after.teamId !== before.teamId || after.assigneeId !== before.assigneeId) {
    await batch.moveCaseScope(after.id, before, after);
  }
  publishCaseChild(batch, after, 'case', after);
  return after;
}

/** Appends an event to the case history and publishes it. */
export async function recordCaseEvent(tx: Transaction, batch: WriteBatch, kase: CaseRow, kind: string,
  actorId: string | null, detail: Record<string, unknown>): Promise<void> {
  const [event] = await tx.insert(caseEvents)
    .values({ id: randomUUID(), caseId: kase.id, at: batch.now, actorId, kind, detail }).returning();
  if (event) publishCaseChild(batch, kase, 'caseEvent', event);
}

/**
 * The audit log: append-only and hash-chained. Each entry's hash covers its own fields and the
 * previous entry's hash, and sequence numbers are contiguous, so an edited, inserted or deleted
 * entry breaks the chain at that point (see verifyAuditChain).
 */
import { createHash } from 'node:crypto';
import { asc, desc, gt } from 'drizzle-orm';
import { auditLog } from '../db/schema';
import type { Executor, Transaction } from '../db/database';

export type AuditResult = 'ok' | 'denied' | 'rejected' | 'conflict' | 'failed';
export type AuditOrigin = 'api' | 'sync' | 'intake' | 'offline' | 'cli';

/** One audited act: who did what to which object, with what result, from where. Ids only. */
export interface AuditEntry {
  actorId: string | null;
  actorKind: 'user' | 'service' | 'system' | 'anonymous';
  action: string;
  objectType: string;
  objectId: string | null;
  result: AuditResult;
  origin: AuditOrigin;
}

export const genesisHash = '0'.repeat(64);

type StoredEntry = typeof auditLog.$inferSelect;

/** The hash of an entry given the previous hash; the field order is part of the format. */
export function entryHash(entry: Omit<StoredEntry, 'hash'>): string {
  const fields = [
    entry.seq, entry.at.toISOString(), entry.actorId, entry.actorKind, entry.action,
    entry.objectType, entry.objectId, entry.result, entry.origin,
  ];
  return createHash('sha256').update(entry.prevHash).update('\n').update(JSON.stringify(fields)).digest('hex');
}

/** Appends entries; the caller's transaction must hold the writer lock (database.ts: lockWriter). */
export async function appendAudit(tx: Transaction, entries: AuditEntry[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog)
    .orderBy(desc(auditLog.seq)).limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? genesisHash;
  const rows: StoredEntry[] = [];
  for (const entry of entries) {
    seq += 1;
    const row = { ...entry, seq, at, prevHash };
    const hash = entryHash(row);
    rows.push({ ...row, hash });
    prevHash = hash;
  }
  await tx.insert(auditLog).values(rows);
}

export type ChainVerdict =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAt: number; problem: 'hash_mismatch' | 'missing_entry' | 'broken_link' };

/** Re-computes the whole chain in pages and reports the first entry that does not hold. */
export async function verifyAuditChain(executor: Executor, pageSize = 5000): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let count = 0;
  for (;;) {
    const page = await executor.select().from(auditLog).where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq)).limit(pageSize);
    for (const row of page) {
      if (row.seq !== expectedSeq) return { ok: false, entries: count, brokenAt: expectedSeq, problem: 'missing_entry' };
      if (row.prevHash !== prevHash) return { ok: false, entries: count, brokenAt: row.seq, problem: 'broken_link' };
      if (entryHash(row) !== row.hash) return { ok: false, entries: count, brokenAt: row.seq, problem: 'hash_mismatch' };
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (page.length < pageSize) return { ok: true, entries: count, lastHash: prevHash };
  }
}

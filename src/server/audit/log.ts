/**
 * The audit log: append-only and hash-chained. Each entry's hash covers its own fields and the
 * previous entry's hash, and sequence numbers are contiguous, so an edited, inserted or deleted
 * entry breaks the chain at that point (see verifyAuditChain).
 */
import { createHash } from 'node:crypto';
import { asc, gt } from 'drizzle-orm';
import { auditLog } from '../db/schema';
import type { Executor } from '../db/database';

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

/** The hashed part of an entry besides its sequence number, as one JSON array (field order is the format). */
export function entryPayload(entry: AuditEntry & { at: Date }): string {
  return JSON.stringify([
    entry.at.toISOString(), entry.actorId, entry.actorKind, entry.action, entry.objectType, entry.objectId,
    entry.result, entry.origin,
  ]);
}

/**
 * The hash of an entry: SHA-256 of `prevHash \n seq \n payload`, hex. The sealer (sync/seal.ts)
 * chains entries with it; verifyAuditChain recomputes it.
 */
export function entryHash(entry: Omit<StoredEntry, 'hash'>): string {
  const payload = entryPayload({ ...entry, actorKind: entry.actorKind as AuditEntry['actorKind'], result: entry.result as AuditResult, origin: entry.origin as AuditOrigin });
  return createHash('sha256').update(`${entry.prevHash}\n${entry.seq}\n${payload}`, 'utf8').digest('hex');
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

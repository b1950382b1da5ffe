/**
 * Retention of the sync log. Live rows are never pruned (they are the current state); tombstones
 * and scope exits up to a sequence are. A client whose cursor lies below that point could have
 * missed a deletion, so its next pull answers 410 and it bootstraps again.
 */
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { scopeExits, syncMeta, syncRows } from '../db/schema';
import { runWrite } from './publish';

/** Deletes tombstones and scope exits with sequence ≤ `throughSeq`; returns how many rows went. */
export async function pruneSyncLog(db: Database, throughSeq: number, now: Date): Promise<number> {
  return runWrite(db, now, null, async (batch) => {
    // The writer lock keeps the prune point consistent with concurrent publishers.
    await batch.tx.execute(sql`select pg_advisory_xact_lock(7707001)`);
    const tombstones = await batch.tx.delete(syncRows).where(and(eq(syncRows.deleted, true), lte(syncRows.seq, throughSeq)))
      .returning({ id: syncRows.id });
    const exits = await batch.tx.delete(scopeExits).where(lte(scopeExits.seq, throughSeq)).returning({ seq: scopeExits.seq });
    await batch.tx.insert(syncMeta).values({ key: 'pruned_through', value: throughSeq })
      .onConflictDoUpdate({ target: syncMeta.key, set: { value: sql`greatest(${syncMeta.value}, excluded.value)` } });
    return tombstones.length + exits.length;
  });
}

/**
 * The sealer: stamps committed changes with sequence numbers and chains pending audit entries, one
 * pass at a time under the writer lock (see publish.ts for why this keeps the cursor gap-free).
 */
import { sql } from 'drizzle-orm';
import { lockWriter, queryRows, type Database } from '../db/database';
import { auditLog } from '../db/schema';
import { entryHash, genesisHash, type AuditEntry } from '../audit/log';

interface PendingAudit {
  id: string | number;
  at: Date | string;
  actor_id: string | null;
  actor_kind: AuditEntry['actorKind'];
  action: string;
  object_type: string;
  object_id: string | null;
  result: AuditEntry['result'];
  origin: AuditEntry['origin'];
}

/** The channel on which a sealing pass announces the new head to other API processes. */
export const sealNotifyChannel = 'werkbank_sync_head';

/** One sealing pass; returns the highest sequence number it drew, or null when there was nothing. */
export async function sealPending(db: Database): Promise<number | null> {
  return db.transaction(async (tx) => {
    // Its own statement first: later statements' snapshots then include the previous pass's commit.
    await lockWriter(tx);
    // Exits before rows, so a viewer learns that a case left before rows of its new scope arrive.
    // Rows still locked by a writer in flight are skipped: that writer unseals them again anyway.
    const [stamped] = await queryRows<{ exits: string | number | null; rows: string | number | null }>(tx, sql`
      with moved as (delete from scope_exit_pending returning id, case_id, team_id, assignee_id),
      exits as (
        insert into scope_exits (seq, case_id, team_id, assignee_id)
        select nextval('sync_seq'), case_id, team_id, assignee_id from (select * from moved order by id) ordered
        returning seq)
      select (select max(seq) from exits) as exits, null as rows`);
    const [rows] = await queryRows<{ seq: string | number | null }>(tx, sql`
      with sealed as (
        update sync_rows set seq = nextval('sync_seq')
        where (entity, id) in (select entity, id from sync_rows where seq is null for update skip locked)
        returning seq)
      select max(seq) as seq from sealed`);
    const pending = await queryRows<PendingAudit>(tx, sql`delete from audit_pending returning *`);
    if (pending.length > 0) {
      const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog)
        .orderBy(sql`${auditLog.seq} desc`).limit(1);
      let seq = last?.seq ?? 0;
      let prevHash = last?.hash ?? genesisHash;
      const entries = pending.sort((left, right) => Number(left.id) - Number(right.id)).map((row) => {
        seq += 1;
        const entry = {
          seq, at: new Date(row.at), actorId: row.actor_id, actorKind: row.actor_kind, action: row.action,
          objectType: row.object_type, objectId: row.object_id, result: row.result, origin: row.origin, prevHash,
        };
        const hash = entryHash(entry);
        prevHash = hash;
        return { ...entry, hash };
      });
      for (let start = 0; start < entries.length; start += 500) await tx.insert(auditLog).values(entries.slice(start, start + 500));
    }
    const highest = [stamped?.exits, rows?.seq].filter((value) => value !== null && value !== undefined).map(Number);
    const sealed = highest.length > 0 ? Math.max(...highest) : null;
    // Delivered at commit to other API processes on the same PostgreSQL (start.ts listens).
    if (sealed !== null) await tx.execute(sql`select pg_notify(${sealNotifyChannel}, ${String(sealed)})`);
    return sealed;
  });
}

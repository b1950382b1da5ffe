/**
 * Writing transactions and what they publish to sync clients.
 *
 * Cursor approach (ARCHITECTURE.md asks to document it): writers are serialised at the tail. A
 * writing transaction does its domain work first, then takes one transaction-scoped advisory lock
 * (database.ts: lockWriter) and only then draws change sequence numbers and appends to the audit
 * chain. The lock is held until commit, so sequence numbers become visible in commit order: a
 * reader that has seen change N has seen every change below N. This works identically on
 * PostgreSQL and PGlite and keeps the cursor a plain number; the cost is that the few statements
 * of each transaction's tail run one transaction at a time.
 */
import { sql } from 'drizzle-orm';
import { lockWriter, queryRows, type Database, type Transaction } from '../db/database';
import { appendAudit, type AuditEntry } from '../audit/log';
import type { SyncEntity } from '../../shared/sync';

/** Who may see a published row: pull filters on these columns. */
export interface RowScope {
  caseId: string | null;
  teamId: string | null;
  assigneeId: string | null;
  /** Private rows (saved views) are visible only to their owner. */
  ownerId?: string | null;
  /** Directory rows (users, teams) are visible to every signed-in user. */
  global?: boolean;
}

export interface PublishedRow {
  entity: SyncEntity;
  id: string;
  version: number;
  scope: RowScope;
  /** The row as clients see it; undefined publishes a tombstone. */
  data?: Record<string, unknown>;
}

/** The tail of one writing transaction: sync rows and audit entries, written under the writer lock. */
export class WriteBatch {
  private locked = false;
  private readonly audits: AuditEntry[] = [];
  /** The highest change sequence this transaction drew; null when it published nothing. */
  maxSeq: number | null = null;

  constructor(readonly tx: Transaction, readonly now: Date) {}

  /** Queues an audit entry; it is chained in at the end of the transaction. */
  audit(entry: AuditEntry): void {
    this.audits.push(entry);
  }

  private async lock(): Promise<void> {
    if (this.locked) return;
    await lockWriter(this.tx);
    this.locked = true;
  }

  /** Publishes the current state (or tombstone) of a row at a new change sequence. */
  async publish(row: PublishedRow): Promise<number> {
    await this.lock();
    const { scope } = row;
    const [stored] = await queryRows<{ seq: string | number }>(this.tx, sql`
      insert into sync_rows (entity, id, seq, version, case_id, team_id, assignee_id, owner_id, global, deleted, data)
      values (${row.entity}, ${row.id}, nextval('sync_seq'), ${row.version}, ${scope.caseId}, ${scope.teamId},
        ${scope.assigneeId}, ${scope.ownerId ?? null}, ${scope.global ?? false}, ${row.data === undefined},
        ${row.data === undefined ? null : JSON.stringify(row.data)}::jsonb)
      on conflict (entity, id) do update set seq = excluded.seq, version = excluded.version,
        case_id = excluded.case_id, team_id = excluded.team_id, assignee_id = excluded.assignee_id,
        owner_id = excluded.owner_id, global = excluded.global, deleted = excluded.deleted, data = excluded.data
      returning seq`);
    return this.noteSeq(Number(stored?.seq));
  }

  /**
   * A case changed team or assignee: former viewers get a `leave` for it, and every row of the case
   * is re-stamped so that new viewers receive the whole case, not only what changes from now on.
   */
  async moveCaseScope(caseId: string, before: { teamId: string | null; assigneeId: string | null },
    after: { teamId: string | null; assigneeId: string | null }): Promise<void> {
    await this.lock();
    const [exit] = await queryRows<{ seq: string | number }>(this.tx, sql`
      insert into scope_exits (seq, case_id, team_id, assignee_id)
      values (nextval('sync_seq'), ${caseId}, ${before.teamId}, ${before.assigneeId}) returning seq`);
    this.noteSeq(Number(exit?.seq));
    const restamped = await queryRows<{ seq: string | number }>(this.tx, sql`
      update sync_rows set seq = nextval('sync_seq'), team_id = ${after.teamId}, assignee_id = ${after.assigneeId}
      where case_id = ${caseId} returning seq`);
    for (const row of restamped) this.noteSeq(Number(row.seq));
  }

  private noteSeq(seq: number): number {
    if (!Number.isSafeInteger(seq)) throw new Error('sync sequence out of range');
    this.maxSeq = Math.max(this.maxSeq ?? 0, seq);
    return seq;
  }

  /** Writes the queued audit entries; called once, last, by runWrite. */
  async finish(): Promise<void> {
    if (this.audits.length === 0) return;
    await this.lock();
    await appendAudit(this.tx, this.audits, this.now);
  }
}

/** Hears about committed changes, so idle pulls and the poke channel can answer without a query. */
export interface ChangeListener {
  onDidCommit(seq: number): void;
}

/**
 * Runs `work` in one transaction with a WriteBatch; the listener hears of the new sequence only
 * after the commit, so nobody is poked for a change that might still roll back.
 */
export async function runWrite<T>(
  db: Database, now: Date, listener: ChangeListener | null, work: (batch: WriteBatch) => Promise<T>,
): Promise<T> {
  let batch: WriteBatch | undefined;
  const result = await db.transaction(async (tx) => {
    batch = new WriteBatch(tx, now);
    const value = await work(batch);
    await batch.finish();
    return value;
  });
  if (batch && batch.maxSeq !== null && listener) listener.onDidCommit(batch.maxSeq);
  return result;
}

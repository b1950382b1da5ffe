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
import { entryPayload, genesisHash, type AuditEntry } from '../audit/log';
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
  private readonly rows: PublishedRow[] = [];
  /** Cases whose scope moved in this transaction: queued rows of theirs take the new scope. */
  private readonly movedScopes = new Map<string, { teamId: string | null; assigneeId: string | null }>();
  private result: { userId: string; clientMutationId: string; result: Record<string, unknown> } | null = null;
  /** The highest change sequence this transaction drew; null when it published nothing. */
  maxSeq: number | null = null;

  constructor(readonly tx: Transaction, readonly now: Date) {}

  /** Queues an audit entry; it is chained in at the end of the transaction. */
  audit(entry: AuditEntry): void {
    this.audits.push(entry);
  }

  /** Queues the current state (or tombstone) of a row; it gets its change sequence at the end. */
  publish(row: PublishedRow): void {
    this.rows.push(row);
  }

  /** Stores a mutation's result at the end, with the sequence at which its effects became visible. */
  storeResult(userId: string, clientMutationId: string, result: Record<string, unknown>): void {
    this.result = { userId, clientMutationId, result };
  }

  private async lock(): Promise<void> {
    if (this.locked) return;
    // A statement of its own: a statement's snapshot is taken when it starts, so only statements
    // after this one see what the previous lock holder committed (the audit chain's last entry).
    await lockWriter(this.tx);
    this.locked = true;
  }

  /**
   * A case changed team or assignee: former viewers get a `leave` for it, and every row of the case
   * is re-stamped so that new viewers receive the whole case, not only what changes from now on.
   */
  async moveCaseScope(caseId: string, before: { teamId: string | null; assigneeId: string | null },
    after: { teamId: string | null; assigneeId: string | null }): Promise<void> {
    await this.lock();
    this.movedScopes.set(caseId, { teamId: after.teamId, assigneeId: after.assigneeId });
    const [exit] = await queryRows<{ seq: string | number }>(this.tx, sql`
      insert into scope_exits (seq, case_id, team_id, assignee_id)
      values (nextval('sync_seq'), ${caseId}, ${before.teamId}, ${before.assigneeId}) returning seq`);
    this.noteSeq(Number(exit?.seq));
    const [restamped] = await queryRows<{ seq: string | number | null }>(this.tx, sql`
      with restamped as (
        update sync_rows set seq = nextval('sync_seq'), team_id = ${after.teamId}, assignee_id = ${after.assigneeId}
        where case_id = ${caseId} returning seq)
      select max(seq) as seq from restamped`);
    if (restamped?.seq !== null && restamped?.seq !== undefined) this.noteSeq(Number(restamped.seq));
  }

  private noteSeq(seq: number): void {
    if (!Number.isSafeInteger(seq)) throw new Error('sync sequence out of range');
    this.maxSeq = Math.max(this.maxSeq ?? 0, seq);
  }

  /**
   * Writes everything queued in one statement after the lock: sync rows at new sequence numbers,
   * audit entries chained onto the last one (hashed in SQL exactly as audit/log.ts's entryHash),
   * and the mutation result. runWrite calls it last; calling it earlier draws the numbers then.
   */
  async flush(): Promise<void> {
    if (this.rows.length === 0 && this.audits.length === 0 && this.result === null) return;
    await this.lock();
    const rows = this.rows.map((row) => {
      const scope = row.scope.caseId ? { ...row.scope, ...this.movedScopes.get(row.scope.caseId) } : row.scope;
      return {
        entity: row.entity, id: row.id, version: row.version, case_id: scope.caseId, team_id: scope.teamId,
        assignee_id: scope.assigneeId, owner_id: scope.ownerId ?? null, global: scope.global ?? false,
        deleted: row.data === undefined, data: row.data ?? null,
      };
    });
    const audits = this.audits.map((entry, index) => ({
      ordinal: index + 1, ...entry, payload: entryPayload({ ...entry, at: this.now }),
    }));
    const result = this.result;
    this.rows.length = 0;
    this.audits.length = 0;
    this.result = null;
    const [written] = await queryRows<{ seq: string | number | null }>(this.tx, sql`
      with recursive published as (
        insert into sync_rows (entity, id, seq, version, case_id, team_id, assignee_id, owner_id, global, deleted, data)
        select r.entity, r.id, nextval('sync_seq'), r.version, r.case_id, r.team_id, r.assignee_id, r.owner_id, r.global, r.deleted, r.data
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(entity text, id text, version integer, case_id text,
          team_id text, assignee_id text, owner_id text, global boolean, deleted boolean, data jsonb)
        on conflict (entity, id) do update set seq = excluded.seq, version = excluded.version,
          case_id = excluded.case_id, team_id = excluded.team_id, assignee_id = excluded.assignee_id,
          owner_id = excluded.owner_id, global = excluded.global, deleted = excluded.deleted, data = excluded.data
        returning seq),
      entries as (
        select * from jsonb_to_recordset(${JSON.stringify(audits)}::jsonb) as e(ordinal integer, "actorId" text, "actorKind" text,
          action text, "objectType" text, "objectId" text, result text, origin text, payload text)),
      last as (
        select coalesce((select seq from audit_log order by seq desc limit 1), 0) as seq,
          coalesce((select hash from audit_log order by seq desc limit 1), ${genesisHash}) as hash),
      chain as (
        select e.ordinal, last.seq + 1 as seq, last.hash as prev_hash,
          encode(sha256(convert_to(last.hash || E'\n' || (last.seq + 1)::text || E'\n' || e.payload, 'UTF8')), 'hex') as hash
        from last join entries e on e.ordinal = 1
        union all
        select e.ordinal, chain.seq + 1, chain.hash,
          encode(sha256(convert_to(chain.hash || E'\n' || (chain.seq + 1)::text || E'\n' || e.payload, 'UTF8')), 'hex')
        from chain join entries e on e.ordinal = chain.ordinal + 1),
      appended as (
        insert into audit_log (seq, at, actor_id, actor_kind, action, object_type, object_id, result, origin, prev_hash, hash)
        select chain.seq, ${this.now.toISOString()}::timestamptz, e."actorId", e."actorKind", e.action, e."objectType",
          e."objectId", e.result, e.origin, chain.prev_hash, chain.hash
        from chain join entries e on e.ordinal = chain.ordinal
        returning seq),
      stored as (
        update mutation_results set result = ${JSON.stringify(result?.result ?? {})}::jsonb
          || jsonb_build_object('serverSeq', greatest((select max(seq) from published), ${this.maxSeq}::bigint)::text)
        where user_id = ${result?.userId ?? null} and client_mutation_id = ${result?.clientMutationId ?? null}
        returning 1)
      select greatest((select max(seq) from published), ${this.maxSeq}::bigint) as seq,
        (select count(*) from appended) as audited, (select count(*) from stored) as stored`);
    if (written?.seq !== null && written?.seq !== undefined) this.noteSeq(Number(written.seq));
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
    await batch.flush();
    return value;
  });
  if (batch && batch.maxSeq !== null && listener) listener.onDidCommit(batch.maxSeq);
  return result;
}

/**
 * Writing transactions and what they publish to sync clients.
 *
 * Cursor approach (docs/architecture.md, "The sealed change log"): a sealed change log. Writers never draw
 * sequence numbers: they upsert their rows into sync_rows with `seq = null` and queue audit
 * entries and scope exits in pending tables, all inside their own transaction and without any
 * lock, so they commit (and fsync) in parallel. After a commit, the sealer (sync/seal.ts) takes
 * the writer lock in a transaction of its own, stamps every committed unsealed row with the next
 * sequence numbers, chains the pending audit entries, and commits while holding the lock. Sealing
 * passes are serialised, so sequence numbers become visible in order: a reader that has seen
 * change N has seen every change below N, however the writers' commits interleaved. A row whose
 * writer commits late is simply sealed in a later pass, above the cursor of every reader. Works the
 * same on PostgreSQL and PGlite; the cursor stays a plain number; one sealing pass (one fsync)
 * covers every transaction that committed meanwhile.
 */
import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/database';
import type { AuditEntry } from '../audit/log';
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

/** The tail of one writing transaction: sync rows, audit entries and the mutation result, in one statement. */
export class WriteBatch {
  private readonly audits: AuditEntry[] = [];
  private readonly rows: PublishedRow[] = [];
  /** Cases whose scope moved in this transaction: queued rows of theirs take the new scope. */
  private readonly movedScopes = new Map<string, { teamId: string | null; assigneeId: string | null }>();
  private result: { userId: string; clientMutationId: string; result: Record<string, unknown> } | null = null;
  /** True once this transaction wrote something the sealer has to stamp or chain. */
  wrote = false;

  constructor(readonly tx: Transaction, readonly now: Date) {}

  /** Queues an audit entry; the sealer chains it in after the commit. */
  audit(entry: AuditEntry): void {
    this.audits.push(entry);
  }

  /** Queues the current state (or tombstone) of a row; the sealer gives it a sequence number after the commit. */
  publish(row: PublishedRow): void {
    this.rows.push(row);
  }

  /** Stores a mutation's final result in the same statement as the rest of the tail. */
  storeResult(userId: string, clientMutationId: string, result: Record<string, unknown>): void {
    this.result = { userId, clientMutationId, result };
  }

  /**
   * A case changed team or assignee: former viewers get a `leave` for it, and every row of the case
   * is unsealed with the new scope, so it is re-stamped and new viewers receive the whole case.
   */
  async moveCaseScope(caseId: string, before: { teamId: string | null; assigneeId: string | null },
    after: { teamId: string | null; assigneeId: string | null }): Promise<void> {
    this.movedScopes.set(caseId, { teamId: after.teamId, assigneeId: after.assigneeId });
    this.wrote = true;
    await this.tx.execute(sql`
      with exit as (
        insert into scope_exit_pending (case_id, team_id, assignee_id) values (${caseId}, ${before.teamId}, ${before.assigneeId}))
      update sync_rows set seq = null, team_id = ${after.teamId}, assignee_id = ${after.assigneeId} where case_id = ${caseId}`);
  }

  /** Writes everything queued in one statement; runWrite calls it last, and it may be called earlier. */
  async flush(): Promise<void> {
    if (this.rows.length === 0 && this.audits.length === 0 && this.result === null) return;
    const rows = this.rows.map((row) => {
      const scope = row.scope.caseId ? { ...row.scope, ...this.movedScopes.get(row.scope.caseId) } : row.scope;
      return {
        entity: row.entity, id: row.id, version: row.version, case_id: scope.caseId, team_id: scope.teamId,
        assignee_id: scope.assigneeId, owner_id: scope.ownerId ?? null, global: scope.global ?? false,
        deleted: row.data === undefined, data: row.data ?? null,
      };
    });
    const audits = [...this.audits];
    const result = this.result;
    this.rows.length = 0;
    this.audits.length = 0;
    this.result = null;
    this.wrote ||= rows.length > 0 || audits.length > 0;
    await this.tx.execute(sql`
      with published as (
        insert into sync_rows (entity, id, seq, version, case_id, team_id, assignee_id, owner_id, global, deleted, data)
        select r.entity, r.id, null, r.version, r.case_id, r.team_id, r.assignee_id, r.owner_id, r.global, r.deleted, r.data
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(entity text, id text, version integer, case_id text,
          team_id text, assignee_id text, owner_id text, global boolean, deleted boolean, data jsonb)
        on conflict (entity, id) do update set seq = null, version = excluded.version,
          case_id = excluded.case_id, team_id = excluded.team_id, assignee_id = excluded.assignee_id,
          owner_id = excluded.owner_id, global = excluded.global, deleted = excluded.deleted, data = excluded.data
        returning 1),
      audited as (
        insert into audit_pending (at, actor_id, actor_kind, action, object_type, object_id, result, origin)
        select ${this.now.toISOString()}::timestamptz, e."actorId", e."actorKind", e.action, e."objectType", e."objectId", e.result, e.origin
        from jsonb_to_recordset(${JSON.stringify(audits)}::jsonb) as e("actorId" text, "actorKind" text, action text,
          "objectType" text, "objectId" text, result text, origin text)
        returning 1),
      stored as (
        update mutation_results set result = ${JSON.stringify(result?.result ?? {})}::jsonb
        where user_id = ${result?.userId ?? null} and client_mutation_id = ${result?.clientMutationId ?? null}
        returning 1)
      select (select count(*) from published) as published, (select count(*) from audited) as audited,
        (select count(*) from stored) as stored`);
  }
}

/** Told after a transaction committed something to seal; resolves once it is sealed and visible. */
export interface ChangeListener {
  onDidCommit(): Promise<void>;
}

/**
 * Runs `work` in one transaction with a WriteBatch. After the commit it waits for the sealer, so
 * that when a request answers, its changes are pullable and its audit entries chained.
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
  if (batch?.wrote && listener) await listener.onDidCommit();
  return result;
}

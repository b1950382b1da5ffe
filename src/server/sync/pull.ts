/** GET /sync/pull: the changes in a user's scope after a cursor, one page at a time. */
import { inArray, sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db/database';
import { cases, syncMeta } from '../db/schema';
import { canWorkOnCase, caseScope, type Actor } from '../authz/actor';
import { ApiError } from '../problem';
import { readHead, type SyncHead } from './head';
import type { PullResponse, SyncChange, SyncEntity } from '../../shared/sync';

interface StoredRow {
  seq: string | number;
  entity: SyncEntity;
  id: string;
  version: number;
  case_id: string | null;
  deleted: boolean;
  data: Record<string, unknown> | null;
}

/** The SQL condition for rows `actor` may see. */
function visibleTo(actor: Actor) {
  const scope = caseScope(actor);
  const own = sql`(owner_id is null or owner_id = ${actor.userId})`;
  if (scope.kind === 'all') return own;
  const directory = sql`(global or owner_id = ${actor.userId})`;
  if (scope.kind === 'none') return directory;
  const teams = sql`team_id in (select jsonb_array_elements_text(${JSON.stringify(scope.teamIds)}::jsonb))`;
  return sql`(${directory} or (${own} and (${teams} or assignee_id = ${actor.userId})))`;
}

/** Scope exits are matched on the former team or assignee only. */
function formerlyVisibleTo(actor: Actor) {
  const scope = caseScope(actor);
  if (scope.kind === 'all') return sql`false`;
  if (scope.kind === 'none') return sql`false`;
  const teams = sql`team_id in (select jsonb_array_elements_text(${JSON.stringify(scope.teamIds)}::jsonb))`;
  return sql`(${teams} or assignee_id = ${actor.userId})`;
}

/** One page of changes for `actor` after `cursor` (undefined: bootstrap from the start). */
export async function pullChanges(db: Database, head: SyncHead, actor: Actor, cursor: number | undefined,
  limit: number): Promise<PullResponse> {
  const from = cursor ?? 0;
  // Idle pull: the cursor is the head, answered from memory. A cursor above the cached head goes
  // to the database: the cache may lag other processes, or the database was reset (then 410).
  if (cursor !== undefined && cursor === (await head.current())) {
    return { changes: [], nextCursor: String(cursor), hasMore: false };
  }
  // One read-only snapshot: the page, the scope exits and the head agree with each other.
  return db.transaction(async (tx) => {
    const [pruned] = await tx.select({ value: syncMeta.value }).from(syncMeta)
      .where(sql`${syncMeta.key} = 'pruned_through'`);
    if (cursor !== undefined && cursor < (pruned?.value ?? 0)) throw new ApiError('cursor_expired');
    const current = await readHead(tx);
    if (cursor !== undefined && cursor > current) throw new ApiError('cursor_expired');
    const rows = await queryRows<StoredRow>(tx, sql`
      select seq, entity, id, version, case_id, deleted, data from sync_rows
      where seq > ${from} and ${visibleTo(actor)} order by seq limit ${limit + 1}`);
    const hasMore = rows.length > limit;
    const page = hasMore ? rows.slice(0, limit) : rows;
    const upper = hasMore ? Number(page.at(-1)?.seq) : current;
    const exits = await queryRows<{ seq: string | number; case_id: string }>(tx, sql`
      select seq, case_id from scope_exits
      where seq > ${from} and seq <= ${upper} and ${formerlyVisibleTo(actor)} order by seq`);
    const leaving = await stillOutOfScope(tx as unknown as Database, actor, exits.map((exit) => exit.case_id));
    const changes: { seq: number; change: SyncChange }[] = page.map((row) => ({
      seq: Number(row.seq),
      change: row.deleted
        ? { kind: 'tombstone', entity: row.entity, id: row.id, version: row.version, caseId: row.case_id }
        : { kind: 'upsert', entity: row.entity, id: row.id, version: row.version, caseId: row.case_id, data: row.data ?? {} },
    }));
    for (const exit of exits) {
      if (leaving.has(exit.case_id)) {
        changes.push({ seq: Number(exit.seq), change: { kind: 'leave', entity: 'case', id: exit.case_id, caseId: exit.case_id } });
      }
    }
    changes.sort((left, right) => left.seq - right.seq);
    return { changes: changes.map((entry) => entry.change), nextCursor: String(Math.max(upper, from)), hasMore };
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

async function stillOutOfScope(db: Database, actor: Actor, caseIds: string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const current = await db.select({ id: cases.id, teamId: cases.teamId, assigneeId: cases.assigneeId })
    .from(cases).where(inArray(cases.id, [...new Set(caseIds)]));
  const inScope = new Set(current.filter((kase) => canWorkOnCase(actor, kase)).map((kase) => kase.id));
  return new Set(caseIds.filter((id) => !inScope.has(id)));
}

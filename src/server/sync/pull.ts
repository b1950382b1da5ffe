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
  /** The stored jsonb as PostgreSQL prints it: copied into the answer without parsing it here. */
  data: string | null;
}

/** A page of the pull answer, already serialised (the shape of PullResponse). */
export interface PullPageJson {
  /** The whole answer: {"changes":[…],"nextCursor":"…","hasMore":…}. */
  json: string;
  changeCount: number;
  nextCursor: string;
}

/** One change as JSON text; `data` is valid JSON already (PostgreSQL's jsonb output). */
function changeJson(row: StoredRow): string {
  const head = `{"kind":"${row.deleted ? 'tombstone' : 'upsert'}","entity":${JSON.stringify(row.entity)},"id":${JSON.stringify(row.id)},`
    + `"version":${Number(row.version)},"caseId":${JSON.stringify(row.case_id)}`;
  return row.deleted ? `${head}}` : `${head},"data":${row.data ?? '{}'}}`;
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
  return JSON.parse((await pullChangesJson(db, head, actor, cursor, limit)).json) as PullResponse;
}

/**
 * The same page as pullChanges, serialised for GET /sync/pull. Row data goes from PostgreSQL's
 * text straight into the answer: parsing, validating and printing it again (about 40 µs a row)
 * made the server the slower half of a bootstrap.
 */
export async function pullChangesJson(db: Database, head: SyncHead, actor: Actor, cursor: number | undefined,
  limit: number): Promise<PullPageJson> {
  const from = cursor ?? 0;
  // Idle pull: the cursor is the head, answered from memory. A cursor above the cached head goes
  // to the database: the cache may lag other processes, or the database was reset (then 410).
  if (cursor !== undefined && cursor === (await head.current())) {
    return { json: pageJson([], String(cursor), false), changeCount: 0, nextCursor: String(cursor) };
  }
  // One read-only snapshot: the page, the scope exits and the head agree with each other.
  return db.transaction(async (tx) => {
    const [pruned] = await tx.select({ value: syncMeta.value }).from(syncMeta)
      .where(sql`${syncMeta.key} = 'pruned_through'`);
    if (cursor !== undefined && cursor < (pruned?.value ?? 0)) throw new ApiError('cursor_expired');
    const current = await readHead(tx);
    if (cursor !== undefined && cursor > current) throw new ApiError('cursor_expired');
    const rows = await queryRows<StoredRow>(tx, sql`
      select seq, entity, id, version, case_id, deleted, data::text as data from sync_rows
      where seq > ${from} and ${visibleTo(actor)} order by seq limit ${limit + 1}`);
    const hasMore = rows.length > limit;
    const page = hasMore ? rows.slice(0, limit) : rows;
    const upper = hasMore ? Number(page.at(-1)?.seq) : current;
    const exits = await queryRows<{ seq: string | number; case_id: string }>(tx, sql`
      select seq, case_id from scope_exits
      where seq > ${from} and seq <= ${upper} and ${formerlyVisibleTo(actor)} order by seq`);
    const leaving = await stillOutOfScope(tx as unknown as Database, actor, exits.map((exit) => exit.case_id));
    const changes: string[] = [];
    // Rows and scope exits merged in sequence order; both come sorted.
    let next = 0;
    for (const exit of exits) {
      if (!leaving.has(exit.case_id)) continue;
      const seq = Number(exit.seq);
      for (; next < page.length && Number(page[next]?.seq) <= seq; next += 1) changes.push(changeJson(page[next] as StoredRow));
      const leave: SyncChange = { kind: 'leave', entity: 'case', id: exit.case_id, caseId: exit.case_id };
      changes.push(JSON.stringify(leave));
    }
    for (; next < page.length; next += 1) changes.push(changeJson(page[next] as StoredRow));
    const nextCursor = String(Math.max(upper, from));
    return { json: pageJson(changes, nextCursor, hasMore), changeCount: changes.length, nextCursor };
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

function pageJson(changes: readonly string[], nextCursor: string, hasMore: boolean): string {
  return `{"changes":[${changes.join(',')}],"nextCursor":${JSON.stringify(nextCursor)},"hasMore":${hasMore}}`;
}

async function stillOutOfScope(db: Database, actor: Actor, caseIds: string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const current = await db.select({ id: cases.id, teamId: cases.teamId, assigneeId: cases.assigneeId })
    .from(cases).where(inArray(cases.id, [...new Set(caseIds)]));
  const inScope = new Set(current.filter((kase) => canWorkOnCase(actor, kase)).map((kase) => kase.id));
  return new Set(caseIds.filter((id) => !inScope.has(id)));
}

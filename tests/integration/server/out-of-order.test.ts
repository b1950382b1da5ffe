/**
 * The change log must not skip rows that commit out of order. A transaction that drew change N
 * but commits after N+1 would be skipped by a reader whose cursor already passed N+1. The writer
 * lock (src/server/sync/publish.ts) makes the second writer wait, so this cannot happen.
 *
 * Needs two real connections, so the concurrent part runs on PostgreSQL (DATABASE_URL); PGlite has
 * one connection and runs transactions one at a time, where out-of-order commits cannot occur.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../src/server/db/database';
import { runWrite } from '../../../src/server/sync/publish';
import { pullChanges } from '../../../src/server/sync/pull';
import { SyncHead } from '../../../src/server/sync/head';
import type { Actor } from '../../../src/server/authz/actor';
import { createTestDatabase, type TestDatabase } from './harness';

const onPostgres = Boolean(process.env['DATABASE_URL']);
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const reader: Actor = { userId: randomUUID(), role: 'trainer', teamIds: [], environment: 'training' };
const directoryRow = (id: string) => ({
  entity: 'team' as const, id, version: 1, data: { id, name: id }, scope: { caseId: null, teamId: null, assigneeId: null, global: true },
});

function gate(): { promise: Promise<void>; open(): void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => { open = resolve; });
  return { promise, open };
}

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  for (;;) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('change log ordering', () => {
  it('publishes rows in commit order when writers run one after the other', async () => {
    const head = new SyncHead(database.db, 0);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) await runWrite(database.db, new Date(), head, async (batch) => batch.publish(directoryRow(id)));
    const page = await pullChanges(database.db, head, reader, undefined, 100);
    expect(page.changes.map((change) => change.id)).toEqual(ids);
  });

  it.skipIf(!onPostgres)('never lets a reader pass a change that commits later than a higher one', async () => {
    const head = new SyncHead(database.db, 0);
    const start = await pullChanges(database.db, head, reader, undefined, 100);
    const first = randomUUID();
    const second = randomUUID();
    const holdFirst = gate();
    const published = gate();
    // Writer 1 draws its sequence number, then holds its transaction open.
    const writer1 = runWrite(database.db, new Date(), head, async (batch) => {
      batch.publish(directoryRow(first));
      await batch.flush(); // draws its sequence number now, under the writer lock
      published.open();
      await holdFirst.promise;
    });
    await published.promise;
    // Writer 2 wants to publish now; it must wait for writer 1 instead of drawing a number and committing first.
    const writer2 = runWrite(database.db, new Date(), head, async (batch) => batch.publish(directoryRow(second)));
    await waitUntil(async () => (await queryRows<{ waiting: number }>(database.db,
      sql`select count(*)::int as waiting from pg_locks where locktype = 'advisory' and not granted`))[0]?.waiting === 1);
    const during = await pullChanges(database.db, head, reader, Number(start.nextCursor), 100);
    expect(during.changes).toEqual([]);
    holdFirst.open();
    await Promise.all([writer1, writer2]);
    const after = await pullChanges(database.db, head, reader, Number(during.nextCursor), 100);
    expect(after.changes.map((change) => change.id)).toEqual([first, second]);
  });

  it.skipIf(!onPostgres)('shows the hazard the lock prevents: plain sequence numbers commit out of order', async () => {
    // Control experiment without the lock, on a scratch table: the reader's cursor passes a row
    // that is still in flight and commits later, so a cursor-based reader would skip it.
    await database.db.execute(sql`create table scratch_log (seq bigserial primary key, label text)`);
    const { Pool } = await import('pg');
    const url = new URL(process.env['DATABASE_URL'] as string);
    const current = await queryRows<{ name: string }>(database.db, sql`select current_database() as name`);
    url.pathname = `/${current[0]?.name}`;
    const pool = new Pool({ connectionString: url.toString(), max: 3 });
    const slow = await pool.connect();
    const fast = await pool.connect();
    try {
      await slow.query('begin');
      await slow.query(`insert into scratch_log (label) values ('slow')`);
      await fast.query(`insert into scratch_log (label) values ('fast')`);
      const seen = await pool.query<{ seq: string }>('select max(seq) as seq from scratch_log');
      const cursor = Number(seen.rows[0]?.seq);
      await slow.query('commit');
      const after = await pool.query<{ label: string }>('select label from scratch_log where seq > $1', [cursor]);
      expect(after.rows).toEqual([]); // 'slow' committed below the cursor: skipped for good.
      const all = await pool.query<{ label: string }>('select label from scratch_log order by seq');
      expect(all.rows.map((row) => row.label)).toEqual(['slow', 'fast']);
    } finally {
      slow.release();
      fast.release();
      await pool.end();
    }
  });
});

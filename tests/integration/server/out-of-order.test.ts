/**
 * The change log must not skip rows that commit out of order. A transaction that drew change N
 * but commits after N+1 would be skipped by a reader whose cursor already passed N+1. Writers here
 * draw no numbers: the sealer stamps rows after they commit (src/server/sync/publish.ts), so a
 * late committer is sealed above every cursor already handed out.
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

describe('change log ordering', () => {
  it('publishes rows in commit order when writers run one after the other', async () => {
    const head = new SyncHead(database.db, 0);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    // (Each runWrite waits for its seal, so these commit and seal one after the other.)
    for (const id of ids) await runWrite(database.db, new Date(), head, async (batch) => batch.publish(directoryRow(id)));
    const page = await pullChanges(database.db, head, reader, undefined, 100);
    expect(page.changes.map((change) => change.id)).toEqual(ids);
  });

  it.skipIf(!onPostgres)('never lets a reader pass a change that commits later than one it already saw', async () => {
    const head = new SyncHead(database.db, 0);
    const start = await pullChanges(database.db, head, reader, undefined, 100);
    const first = randomUUID();
    const second = randomUUID();
    const holdFirst = gate();
    const written = gate();
    // Writer 1 starts first and writes its row, then holds its transaction open.
    const writer1 = runWrite(database.db, new Date(), head, async (batch) => {
      batch.publish(directoryRow(first));
      await batch.flush();
      written.open();
      await holdFirst.promise;
    });
    await written.promise;
    // Writer 2 starts later, commits first and is sealed; a reader takes its change and moves on.
    await runWrite(database.db, new Date(), head, async (batch) => batch.publish(directoryRow(second)));
    const during = await pullChanges(database.db, head, reader, Number(start.nextCursor), 100);
    expect(during.changes.map((change) => change.id)).toEqual([second]);
    // Writer 1 commits last: its row must still reach the reader whose cursor is past writer 2.
    holdFirst.open();
    await writer1;
    const after = await pullChanges(database.db, head, reader, Number(during.nextCursor), 100);
    expect(after.changes.map((change) => change.id)).toEqual([first]);
  });

  it.skipIf(!onPostgres)('shows the hazard sealing prevents: numbers drawn by writers commit out of order', async () => {
    // Control experiment with writers drawing numbers, on a scratch table: the reader's cursor passes a row
    // that is still in flight and commits later, so a cursor-based reader would skip it.
    await database.db.execute(sql`create table scratch_log (seq bigserial primary key, label text)`);
    const { Pool } = await import('pg');
    const url = new URL(process.env['DATABASE_URL'] as string);
    const current = await queryRows<{ name: string }>(database.db, sql`select current_database() as name`);
    url.pathname = `/${current[0]?.name}`;
    const pool = new Pool({ connectionString: url.toString(), max: 3 });
    pool.on('error', () => undefined);
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

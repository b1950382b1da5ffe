/**
 * Entity schemas end to end: a row the server publishes under a renamed column is parked by the
 * host, counted in the sync status and logged with ids only, while the rest of its page applies;
 * the next good version of the row settles it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../../../src/main/host/log';
import { findCase, publishCaseChild, updateCase } from '../../../src/server/cases/records';
import { notes } from '../../../src/server/db/schema';
import { project } from '../../../src/server/sync/projections';
import { runWrite } from '../../../src/server/sync/publish';
import { createSyncClient, startSyncWorld, type SyncClient, type SyncWorld } from './harness';

let sync: SyncWorld;
let client: SyncClient;
const logged: { event: string; fields?: LogFields }[] = [];
const logger: Logger = {
  info: () => undefined,
  warn: (event, fields) => logged.push({ event, ...(fields ? { fields } : {}) }),
  error: (event, fields) => logged.push({ event, ...(fields ? { fields } : {}) }),
};

beforeAll(async () => {
  sync = await startSyncWorld();
  client = await createSyncClient(sync.baseUrl, sync.world.users.caseworkerA, { logger });
  await client.engine.syncNow();
});
afterAll(async () => {
  client.close();
  await sync.close();
});

/** Runs `work` as one writing transaction of the central API, sealed before it returns. */
function write(work: Parameters<typeof runWrite<void>>[3]): Promise<void> {
  const { server } = sync;
  return runWrite(server.database.db, server.clock.now(), server.context.head, work);
}

const listedVersion = (caseId: string) => client.cache.sqlite.prepare('SELECT version FROM cases WHERE id = ?').pluck().get(caseId);

describe('rows that fail their entity schema', () => {
  it('parks a case published with a renamed column, counts and logs it, and applies the rest of its page', async () => {
    const { cases, users } = sync.world;
    const before = listedVersion(cases.A1.id);
    expect(before).toEqual(expect.any(Number));
    const noteId = randomUUID();
    await write(async (batch) => {
      const kase = await findCase(batch.tx, cases.A1.id);
      const other = await findCase(batch.tx, cases.A2.id);
      if (!kase || !other) throw new Error('seeded cases missing');
      // What a server whose cases.received_on became received_date would publish.
      const { receivedOn, ...published } = project('case', kase);
      batch.publish({
        entity: 'case', id: kase.id, version: kase.version + 1, data: { ...published, version: kase.version + 1, receivedDate: receivedOn },
        scope: { caseId: kase.id, teamId: kase.teamId, assigneeId: kase.assigneeId },
      });
      // In the same page: a well-formed row of another case.
      const [note] = await batch.tx.insert(notes)
        .values({ id: noteId, caseId: other.id, authorId: users.caseworkerA.id, body: 'Dossier compleet.', createdAt: batch.now }).returning();
      if (!note) throw new Error('note insert returned nothing');
      publishCaseChild(batch, other, 'note', note);
    });

    logged.length = 0;
    await client.engine.syncNow();

    expect(client.cache.sqlite.prepare('SELECT entity, entity_id AS id, reason FROM parked').all())
      .toEqual([{ entity: 'case', id: cases.A1.id, reason: 'invalid:receivedOn' }]);
    expect(client.engine.status()).toMatchObject({ state: 'online', parked: 1 });
    // Never dropped, never half-applied: the case keeps its last good version.
    expect(listedVersion(cases.A1.id)).toBe(before);
    expect(client.cache.sqlite.prepare(`SELECT count(*) FROM server_rows WHERE entity = 'note' AND id = ?`).pluck().get(noteId)).toBe(1);
    expect(logged).toEqual([{ event: 'sync.parked', fields: { count: 1, rows: `case ${cases.A1.id}: invalid:receivedOn` } }]);
    // Ids and paths only: nothing of the row's content.
    expect(JSON.stringify(logged)).not.toContain(sync.world.cases.A1.caseNumber);
  });

  it('settles the parked row once a good version of it arrives', async () => {
    const { cases } = sync.world;
    await write(async (batch) => {
      const kase = await findCase(batch.tx, cases.A1.id);
      if (!kase) throw new Error('seeded case missing');
      await updateCase(batch.tx, batch, kase, { status: 'in_progress' }, '2026-03-02');
    });
    await client.engine.syncNow();
    expect(client.cache.sqlite.prepare('SELECT count(*) FROM parked').pluck().get()).toBe(0);
    expect(client.engine.status().parked).toBe(0);
    expect(client.cache.sqlite.prepare('SELECT status FROM cases WHERE id = ?').pluck().get(cases.A1.id)).toBe('in_progress');
  });
});

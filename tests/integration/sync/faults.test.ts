import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notes } from '../../../src/server/db/schema';
import { password } from '../server/harness';
import { startFaultProxy, seededRandom, type FaultProxy } from './fault-proxy';
import { createSyncClient, serverAssignee, startSyncWorld, type SyncClient, type SyncWorld } from './harness';

let sync: SyncWorld;
let proxy: FaultProxy;
const seed = Number(process.env['SYNC_FAULT_SEED'] ?? 20260302);
beforeAll(async () => {
  sync = await startSyncWorld();
  proxy = await startFaultProxy(sync.baseUrl, { seed, faultRate: 0.5, delayMilliseconds: 20 });
});
afterAll(async () => {
  await proxy.close();
  await sync.close();
});

/** Syncs until nothing is pending; re-signs in if a fault cost the session (it never should). */
async function settle(client: SyncClient, username: string, rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    await client.engine.syncNow();
    const status = client.engine.status();
    if (status.needsSignIn) {
      await client.session.signIn(username, password);
      client.engine.didSignIn();
    }
    if (status.pending === 0 && status.state === 'online') return;
  }
}

describe(`sync through a faulty network (seed ${seed})`, () => {
  it('ends with the server equal to what the users did: every note once, the last claim state, empty outboxes', async () => {
    const { users, cases } = sync.world;
    const random = seededRandom(seed + 1);
    const a = await createSyncClient(proxy.url, users.caseworkerA, { random, pushBatchSize: 4 });
    const a2 = await createSyncClient(proxy.url, users.caseworkerA2, { random, pushBatchSize: 4 });
    proxy.faultRate = 0;
    await a.engine.syncNow();
    await a2.engine.syncNow();
    proxy.faultRate = 0.5;

    const noteIds: string[] = [];
    let aHolds = (await serverAssignee(sync.server, cases.A1.id)) === users.caseworkerA.id;
    if (aHolds) a.engine.mutate('case.release', { caseId: cases.A1.id });
    aHolds = false;
    for (let step = 0; step < 80; step += 1) {
      const [client, caseId] = random() < 0.5 ? [a, cases.A2.id] : [a2, cases.A1.id];
      const noteId = randomUUID();
      noteIds.push(noteId);
      client.engine.mutate('case.addNote', { caseId, noteId, body: `note ${step}` });
      if (step % 7 === 0) {
        // Only caseworker A claims and releases A1, so every guarded edit is expected to hold.
        a.engine.mutate(aHolds ? 'case.release' : 'case.claim', { caseId: cases.A1.id });
        aHolds = !aHolds;
      }
      if (random() < 0.4) await (random() < 0.5 ? a : a2).engine.syncNow();
    }
    await settle(a, users.caseworkerA.username, 40);
    await settle(a2, users.caseworkerA2.username, 40);
    proxy.faultRate = 0;
    await settle(a, users.caseworkerA.username, 5);
    await settle(a2, users.caseworkerA2.username, 5);
    await a.engine.syncNow();

    for (const client of [a, a2]) {
      expect(client.engine.outbox.items()).toEqual([]);
      expect(client.engine.status()).toMatchObject({ state: 'online', pending: 0, failed: 0, conflicts: 0 });
    }
    const stored = await sync.server.database.db.select({ id: notes.id }).from(notes).where(inArray(notes.id, noteIds));
    expect(stored.map((row) => row.id).sort()).toEqual([...noteIds].sort());
    const expectedAssignee = aHolds ? users.caseworkerA.id : null;
    expect(await serverAssignee(sync.server, cases.A1.id)).toBe(expectedAssignee);
    // Both caches agree with the server and with each other (read-your-writes after quiescence).
    for (const client of [a, a2]) {
      expect(client.cache.sqlite.prepare('SELECT assignee FROM cases WHERE id = ?').pluck().get(cases.A1.id)).toBe(expectedAssignee);
      const local = client.cache.sqlite.prepare(`SELECT id FROM server_rows WHERE entity = 'note'`).pluck().all() as string[];
      expect(noteIds.every((id) => local.includes(id))).toBe(true);
      expect(client.cache.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    }
    const [first] = await sync.server.database.db.select({ id: notes.id }).from(notes).where(eq(notes.id, noteIds[0] ?? ''));
    expect(first).toBeDefined();
    // Every kind of fault struck at least once, so the run proved what it claims.
    expect(Object.entries(proxy.counts).filter(([, count]) => count === 0).map(([fault]) => fault)).toEqual([]);
    a.close();
    a2.close();
  });
});

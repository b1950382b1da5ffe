import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCache } from '../../../src/main/host/db/open';
import { silentLogger } from '../../../src/main/host/log';
import { createCentralApi } from '../../../src/main/host/sync/api-client';
import { SyncEngine } from '../../../src/main/host/sync/engine';
import { memorySecretStore, Session } from '../../../src/main/host/session/session';
import { mutation, password, push } from '../server/harness';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { startSyncWorld, type SyncWorld } from './harness';

let sync: SyncWorld;
let proxy: FaultProxy;
beforeAll(async () => {
  sync = await startSyncWorld();
  // With no faults the proxy still buffers whole answers, so its event stream never delivers a poke.
  proxy = await startFaultProxy(sync.baseUrl, { seed: 1, faultRate: 0 });
});
afterAll(async () => {
  await proxy.close();
  await sync.close();
});

/** An engine with real timers; `until` resolves when a status or case change satisfies a condition. */
async function backgroundClient(baseUrl: string, pollMilliseconds: number) {
  const cache = openCache({ file: ':memory:' });
  const api = createCentralApi({ baseUrl, timeoutMilliseconds: 5000 });
  const session = new Session({ sqlite: cache.sqlite, api, secrets: memorySecretStore(), now: () => new Date() });
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((check) => check());
  const engine = new SyncEngine({
    sqlite: cache.sqlite, api, session, clock: { now: () => new Date() }, random: () => 0.5, logger: silentLogger,
    pollMilliseconds, backoffBaseMilliseconds: 50, backoffMaxMilliseconds: 200,
    onDidChangeStatus: notify, onDidChangeCases: notify,
  });
  const until = (condition: () => boolean) => new Promise<void>((resolve) => {
    const check = () => {
      if (!condition()) return;
      waiters.delete(check);
      resolve();
    };
    waiters.add(check);
    check();
  });
  const assignee = (caseId: string) => cache.sqlite.prepare('SELECT assignee FROM cases WHERE id = ?').pluck().get(caseId);
  return { cache, session, engine, until, assignee, close: async () => {
    await engine.stop();
    cache.sqlite.close();
  } };
}

describe('background sync', () => {
  it('pulls as soon as the server pokes over server-sent events', async () => {
    const client = await backgroundClient(sync.baseUrl, 3_600_000);
    await client.session.signIn(sync.world.users.caseworkerA.username, password);
    client.engine.start();
    await client.until(() => client.engine.status().state === 'online' && client.assignee(sync.world.cases.A1.id) === null);
    // The poll interval is an hour: only a poke can bring this change in time.
    await push(sync.server, sync.world.users.leadA, [mutation('case.assign',
      { caseId: sync.world.cases.A1.id, assigneeId: sync.world.users.caseworkerA2.id, reason: 'poke' }, { assigneeId: null })]);
    await client.until(() => client.assignee(sync.world.cases.A1.id) === sync.world.users.caseworkerA2.id);
    await client.close();
  });

  it('falls back to polling when the poke channel delivers nothing', async () => {
    const client = await backgroundClient(proxy.url, 100);
    await client.session.signIn(sync.world.users.caseworkerA.username, password);
    client.engine.start();
    await client.until(() => client.engine.status().state === 'online' && client.assignee(sync.world.cases.A2.id) !== undefined);
    const before = client.assignee(sync.world.cases.A2.id);
    await push(sync.server, sync.world.users.leadA, [mutation('case.assign',
      { caseId: sync.world.cases.A2.id, assigneeId: sync.world.users.caseworkerA2.id, reason: 'poll' }, { assigneeId: before as string })]);
    await client.until(() => client.assignee(sync.world.cases.A2.id) === sync.world.users.caseworkerA2.id);
    await client.close();
  });

  it('reports offline while the server cannot be reached and online again once it can', async () => {
    const client = await backgroundClient(proxy.url, 100);
    await client.session.signIn(sync.world.users.caseworkerA.username, password);
    client.engine.start();
    await client.until(() => client.engine.status().state === 'online');
    proxy.force = 'drop'; // the network is down
    client.engine.mutate('case.addNote', { caseId: sync.world.cases.A2.id, noteId: '5b0c7e8a-1d2f-4a3b-9c4d-5e6f7a8b9c0d', body: 'offline' });
    await client.until(() => client.engine.status().state === 'offline');
    expect(client.engine.status().pending).toBe(1);
    proxy.force = null;
    await client.until(() => client.engine.status().state === 'online' && client.engine.status().pending === 0);
    await client.close();
  });
});

describe('coming back online', () => {
  it('sends work held back by network errors on the first cycle that reaches the server, not after its backoff', async () => {
    let offline = false;
    const cache = openCache({ file: ':memory:' });
    const api = createCentralApi({
      baseUrl: sync.baseUrl, timeoutMilliseconds: 5000,
      fetch: (input, init) => (offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    const session = new Session({ sqlite: cache.sqlite, api, secrets: memorySecretStore(), now: () => new Date() });
    // An hour of backoff: only the way back online can send the claim within this test.
    const engine = new SyncEngine({
      sqlite: cache.sqlite, api, session, clock: { now: () => new Date() }, random: () => 0.5, logger: silentLogger,
      backoffBaseMilliseconds: 3_600_000, backoffMaxMilliseconds: 3_600_000,
    });
    try {
      await session.signIn(sync.world.users.caseworkerA.username, password);
      await engine.syncNow();
      const caseId = sync.world.cases.A1.id;
      const noteId = randomUUID();
      offline = true;
      engine.mutate('case.addNote', { caseId, noteId, body: 'Written on the train.' });
      await engine.syncNow();
      expect(engine.status()).toMatchObject({ state: 'offline', pending: 1 });
      expect(cache.sqlite.prepare('SELECT next_attempt_at FROM outbox').pluck().get()).not.toBeNull();
      offline = false;
      await engine.syncNow();
      expect(engine.status()).toMatchObject({ state: 'online', pending: 0 });
      await engine.syncNow();
      expect(JSON.parse(cache.sqlite.prepare(`SELECT data FROM server_rows WHERE entity = 'note' AND id = ?`).pluck().get(noteId) as string))
        .toMatchObject({ body: 'Written on the train.' });
    } finally {
      await engine.stop();
      cache.sqlite.close();
    }
  });
});

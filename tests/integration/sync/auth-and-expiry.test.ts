import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneSyncLog } from '../../../src/server/sync/prune';
import { mutation, password, push } from '../server/harness';
import { createSyncClient, serverAssignee, startSyncWorld, type SyncClient, type SyncWorld } from './harness';

let sync: SyncWorld;
let client: SyncClient | undefined;
beforeEach(async () => {
  sync = await startSyncWorld();
});
afterEach(async () => {
  client?.close();
  client = undefined;
  await sync.close();
});

describe('sync sessions and an expired change log', () => {
  it('refreshes an expired access token once and carries on', async () => {
    client = await createSyncClient(sync.baseUrl, sync.world.users.caseworkerA);
    await client.engine.syncNow();
    sync.server.clock.advance(10 * 60_000);
    client.engine.mutate('case.claim', { caseId: sync.world.cases.A1.id });
    await client.engine.syncNow();
    expect(client.engine.status()).toMatchObject({ state: 'online', pending: 0, needsSignIn: false });
    expect(await serverAssignee(sync.server, sync.world.cases.A1.id)).toBe(sync.world.users.caseworkerA.id);
  });

  it('asks for a new sign-in when the session is over, without touching the outbox', async () => {
    client = await createSyncClient(sync.baseUrl, sync.world.users.caseworkerA);
    await client.engine.syncNow();
    sync.server.clock.advance(13 * 3600_000);
    client.engine.mutate('case.claim', { caseId: sync.world.cases.A1.id });
    await client.engine.syncNow();
    expect(client.engine.status()).toMatchObject({ state: 'error', needsSignIn: true, pending: 1 });
    expect(client.engine.outbox.items()).toMatchObject([{ name: 'case.claim', state: 'queued' }]);
    expect(await serverAssignee(sync.server, sync.world.cases.A1.id)).toBeNull();

    await client.session.signIn(sync.world.users.caseworkerA.username, password);
    client.engine.didSignIn();
    await client.engine.syncNow();
    expect(client.engine.status()).toMatchObject({ state: 'online', needsSignIn: false, pending: 0 });
    expect(await serverAssignee(sync.server, sync.world.cases.A1.id)).toBe(sync.world.users.caseworkerA.id);
  });

  it('bootstraps again after 410, keeping failed outbox rows and conflicts', async () => {
    client = await createSyncClient(sync.baseUrl, sync.world.users.caseworkerA);
    await client.engine.syncNow();
    const { sqlite } = client.cache;
    // A refused mutation (caseworkers do not assign) stays in the outbox as failed.
    client.engine.mutate('case.assign', { caseId: sync.world.cases.A2.id, assigneeId: sync.world.users.caseworkerA2.id, reason: 'swap' });
    await client.engine.syncNow();
    sqlite.prepare(`INSERT INTO conflicts (client_mutation_id, name, args, base, entity, entity_id, fields, server, created_at)
      VALUES ('conflict-0001', 'case.claim', '{}', '{}', 'case', 'x', '[]', '{}', '2026-01-01T00:00:00Z')`).run();
    const before = sqlite.prepare('SELECT cursor FROM sync_state').pluck().get() as string;
    // Someone else changes things, and the server prunes its log past this client's cursor.
    await push(sync.server, sync.world.users.leadA, [mutation('case.assign',
      { caseId: sync.world.cases.A1.id, assigneeId: sync.world.users.caseworkerA2.id, reason: 'x' }, { assigneeId: null })]);
    const head = await sync.server.context.head.current();
    expect(head).toBeGreaterThan(Number(before));
    await pruneSyncLog(sync.server.database.db, head, sync.server.clock.now());

    // A row only a full bootstrap can forget: proof that the 410 led to one.
    sqlite.prepare(`INSERT INTO server_rows (entity, id, version, case_id, data) VALUES ('note', 'ghost', 1, NULL, '{}')`).run();
    await client.engine.syncNow();
    expect(sqlite.prepare(`SELECT count(*) FROM server_rows WHERE id = 'ghost'`).pluck().get()).toBe(0);
    expect(client.engine.status()).toMatchObject({ state: 'online', failed: 1, conflicts: 1 });
    expect(client.caseIds()).toEqual([sync.world.cases.A1.id, sync.world.cases.A2.id, sync.world.cases.B2.id].sort());
    expect(sqlite.prepare('SELECT assignee FROM cases WHERE id = ?').pluck().get(sync.world.cases.A1.id)).toBe(sync.world.users.caseworkerA2.id);
    expect(Number(sqlite.prepare('SELECT cursor FROM sync_state').pluck().get())).toBeGreaterThanOrEqual(head);
  });

  it('wipes the local cache when a different user signs in on this machine', async () => {
    client = await createSyncClient(sync.baseUrl, sync.world.users.caseworkerA);
    await client.engine.syncNow();
    client.engine.mutate('case.claim', { caseId: sync.world.cases.A1.id });
    expect(client.caseIds().length).toBeGreaterThan(0);
    await client.session.signIn(sync.world.users.caseworkerB.username, password);
    const { sqlite } = client.cache;
    for (const table of ['cases', 'server_rows', 'parties', 'documents', 'outbox', 'conflicts', 'cases_search']) {
      expect(sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    }
    await client.engine.syncNow();
    expect(client.caseIds()).toEqual([sync.world.cases.B1.id, sync.world.cases.B2.id].sort());
  });

  it('wipes tokens and the local cache on sign-out', async () => {
    client = await createSyncClient(sync.baseUrl, sync.world.users.caseworkerA);
    await client.engine.syncNow();
    await client.session.signOut();
    expect(client.caseIds()).toEqual([]);
    await expect(client.session.accessToken()).rejects.toMatchObject({ details: { reason: 'sign_in_required' } });
    expect(client.session.mayWorkOffline()).toBe(false);
  });
});

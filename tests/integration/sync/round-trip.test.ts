import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { push, mutation } from '../server/harness';
import { createSyncClient, serverAssignee, serverEventCount, startSyncWorld, type SyncClient, type SyncWorld } from './harness';

let sync: SyncWorld;
const clients: SyncClient[] = [];
beforeAll(async () => {
  sync = await startSyncWorld();
});
afterAll(async () => {
  for (const client of clients) client.close();
  await sync.close();
});

async function client(user: keyof SyncWorld['world']['users']): Promise<SyncClient> {
  const made = await createSyncClient(sync.baseUrl, sync.world.users[user]);
  clients.push(made);
  return made;
}

describe('sync against the central API', () => {
  it('bootstraps exactly the cases in scope, with search and documents', async () => {
    const a = await client('caseworkerA');
    await a.engine.syncNow();
    const { cases: c, documents } = sync.world;
    expect(a.caseIds()).toEqual([c.A1.id, c.A2.id, c.B2.id].sort());
    const status = a.engine.status();
    expect(status).toMatchObject({ state: 'online', pending: 0, conflicts: 0, needsSignIn: false });
    expect(status.lastSyncAt).not.toBeNull();
    const found = a.cache.sqlite.prepare(`SELECT c.id FROM cases_search s JOIN cases c ON c.rowid = s.rowid WHERE cases_search MATCH ?`)
      .pluck().all('"Applicant A1"');
    expect(found).toEqual([c.A1.id]);
    expect(a.cache.sqlite.prepare('SELECT id FROM documents').pluck().all()).toEqual([documents.A1]);
    // A second cycle with nothing new changes nothing and keeps the cursor.
    const cursor = a.cache.sqlite.prepare('SELECT cursor FROM sync_state').pluck().get();
    await a.engine.syncNow();
    expect(a.cache.sqlite.prepare('SELECT cursor FROM sync_state').pluck().get()).toBe(cursor);
  });

  it('applies a mutation optimistically with its outbox row, then pushes it exactly once', async () => {
    const a = await client('caseworkerA');
    await a.engine.syncNow();
    const caseId = sync.world.cases.A1.id;
    a.engine.mutate('case.claim', { caseId });
    const me = sync.world.users.caseworkerA.id;
    expect(a.cache.sqlite.prepare('SELECT assignee, status FROM cases WHERE id = ?').get(caseId)).toEqual({ assignee: me, status: 'in_progress' });
    expect(a.engine.outbox.items()).toMatchObject([{ name: 'case.claim', state: 'queued', caseId }]);
    expect(a.engine.status().pending).toBe(1);
    await a.engine.syncNow();
    expect(a.engine.outbox.items()).toEqual([]);
    expect(await serverAssignee(sync.server, caseId)).toBe(me);
    expect(await serverEventCount(sync.server, caseId, 'case.claim')).toBe(1);
    // The pulled server row now carries the change on its own.
    expect(a.cache.sqlite.prepare('SELECT assignee FROM cases WHERE id = ?').pluck().get(caseId)).toBe(me);
  });

  it('replays a push whose answer was lost without applying it twice', async () => {
    const a = await client('caseworkerA');
    await a.engine.syncNow();
    const caseId = sync.world.cases.A2.id;
    const noteId = randomUUID();
    a.engine.mutate('case.addNote', { caseId, noteId, body: 'called the sponsor' });
    // The request reaches the server but the host dies before storing the answer.
    const batch = a.engine.outbox.takeBatch(10);
    await a.api.push(await a.session.accessToken(), batch);
    expect(a.engine.outbox.items()).toMatchObject([{ state: 'sent', attempts: 1 }]);
    await a.engine.syncNow();
    expect(a.engine.outbox.items()).toEqual([]);
    const notes = a.cache.sqlite.prepare(`SELECT count(*) FROM server_rows WHERE entity = 'note' AND id = ?`).pluck().get(noteId);
    expect(notes).toBe(1);
  });

  it('puts the second of two offline claims on one case in the conflicts inbox with both values', async () => {
    const a = await client('caseworkerA');
    const a2 = await client('caseworkerA2');
    const caseId = sync.world.cases.A1.id;
    await push(sync.server, sync.world.users.caseworkerA, [mutation('case.release', { caseId }, { assigneeId: sync.world.users.caseworkerA.id })]);
    await a.engine.syncNow();
    await a2.engine.syncNow();
    a.engine.mutate('case.claim', { caseId });
    a2.engine.mutate('case.claim', { caseId });
    await a.engine.syncNow();
    await a2.engine.syncNow();
    const winner = sync.world.users.caseworkerA.id;
    expect(await serverAssignee(sync.server, caseId)).toBe(winner);
    expect(a2.engine.status().conflicts).toBe(1);
    const conflict = a2.cache.sqlite.prepare('SELECT name, base, fields, server FROM conflicts').get() as Record<string, string>;
    expect(conflict['name']).toBe('case.claim');
    expect(JSON.parse(conflict['base'] ?? '')).toEqual({ assigneeId: null });
    expect(JSON.parse(conflict['fields'] ?? '')).toEqual(['assigneeId']);
    expect(JSON.parse(conflict['server'] ?? '')).toMatchObject({ assigneeId: winner });
    expect(a2.engine.outbox.items()).toMatchObject([{ state: 'conflict' }]);
    // The loser sees the server's value, not their own refused edit.
    expect(a2.cache.sqlite.prepare('SELECT assignee FROM cases WHERE id = ?').pluck().get(caseId)).toBe(winner);
  });

  it('drops a case reassigned out of scope, and everything of it', async () => {
    const a = await client('caseworkerA');
    await a.engine.syncNow();
    const caseId = sync.world.cases.B2.id;
    expect(a.caseIds()).toContain(caseId);
    await push(sync.server, sync.world.users.leadB, [mutation('case.assign',
      { caseId, assigneeId: sync.world.users.caseworkerB.id, reason: 'rebalance' }, { assigneeId: sync.world.users.caseworkerA.id })]);
    await a.engine.syncNow();
    expect(a.caseIds()).not.toContain(caseId);
    expect(a.cache.sqlite.prepare('SELECT count(*) FROM server_rows WHERE case_id = ?').pluck().get(caseId)).toBe(0);
  });

  it('records a rejected mutation as failed and takes its local effect back', async () => {
    const a = await client('caseworkerA');
    await a.engine.syncNow();
    const caseId = sync.world.cases.A2.id;
    // Team leads assign; a caseworker's attempt is refused by the server, not by the host.
    a.engine.mutate('case.assign', { caseId, assigneeId: sync.world.users.caseworkerA2.id, reason: 'swap' });
    expect(a.cache.sqlite.prepare('SELECT assignee FROM cases WHERE id = ?').pluck().get(caseId)).toBe(sync.world.users.caseworkerA2.id);
    await a.engine.syncNow();
    expect(a.engine.outbox.items()).toMatchObject([{ state: 'failed', errorCode: 'forbidden' }]);
    expect(a.engine.status()).toMatchObject({ pending: 0, failed: 1 });
    expect(a.cache.sqlite.prepare('SELECT assignee FROM cases WHERE id = ?').pluck().get(caseId)).toBe(sync.world.users.caseworkerA.id);
  });
});

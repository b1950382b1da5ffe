import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, events } from '../../../src/shared/contract';
import { connectRpc } from '../../../src/shared/rpc';
import { createHost, type Host } from '../../../src/main/host/host';
import { silentLogger } from '../../../src/main/host/log';
import { endpointPair } from '../../helpers/endpoint-pair';
import { password, tinyPdf } from '../server/harness';
import { startSyncWorld, type SyncWorld } from './harness';

let sync: SyncWorld;
const hosts: Host[] = [];
beforeAll(async () => {
  sync = await startSyncWorld();
});
afterAll(async () => {
  for (const host of hosts) host.close();
  await sync.close();
});

function connectedHost() {
  const host = createHost({ dataDir: ':memory:', serverUrl: sync.baseUrl, logger: silentLogger, backgroundSync: false });
  hosts.push(host);
  const [hostEnd, clientEnd] = endpointPair();
  host.serve(hostEnd);
  const client = connectRpc(clientEnd, { calls, events, timeoutMs: 10_000 });
  const changed: string[][] = [];
  client.on('cases.changed', ({ caseIds }) => changed.push(caseIds));
  const changedCase: string[] = [];
  client.on('case.changed', ({ caseId }) => changedCase.push(caseId));
  return { host, client, changed, changedCase };
}

describe('the data host synchronising through the contract', () => {
  it('calls itself training when its central API is the embedded training server', async () => {
    const host = createHost({ dataDir: ':memory:', serverUrl: sync.baseUrl, trainingServer: true, logger: silentLogger, backgroundSync: false });
    hosts.push(host);
    const [hostEnd, clientEnd] = endpointPair();
    host.serve(hostEnd);
    const info = await connectRpc(clientEnd, { calls, events, timeoutMs: 10_000 }).call('app.info');
    expect(info).toMatchObject({ environment: 'training', environmentName: 'training' });
  });

  it('tells who is signed in: nobody first, the user after sign-in, nobody after sign-out', async () => {
    const { client } = connectedHost();
    await expect(client.call('session.current')).resolves.toEqual({ user: null, signInAvailable: true });
    const { user } = await client.call('session.signIn', { username: 'caseworkera', password });
    await expect(client.call('session.current')).resolves.toEqual({ user, signInAvailable: true });
    await client.call('session.signOut');
    await expect(client.call('session.current')).resolves.toEqual({ user: null, signInAvailable: true });
  });

  it('lists no demo users for a production server, and nothing to sign in to without a server', async () => {
    const { client } = connectedHost();
    await expect(client.call('session.demoUsers')).resolves.toEqual({ users: [] });
    const offline = createHost({ dataDir: ':memory:', logger: silentLogger });
    hosts.push(offline);
    const [hostEnd, clientEnd] = endpointPair();
    offline.serve(hostEnd);
    const offlineClient = connectRpc(clientEnd, { calls, events, timeoutMs: 10_000 });
    await expect(offlineClient.call('session.current')).resolves.toEqual({ user: null, signInAvailable: false });
    await expect(offlineClient.call('session.demoUsers')).resolves.toEqual({ users: [] });
  });

  it('lists the demo users of a training server, and none when it answers garbage', async () => {
    const users = [{ username: 'demo.caseworker', role: 'caseworker', displayName: 'Demo Behandelaar', team: 'Team Kennis & Arbeid' }];
    const answers: unknown[] = [users, [{ username: 1 }]];
    const fakeFetch = (async (url: string | URL | Request) => {
      expect(String(url)).toBe('http://127.0.0.1:9/training/demo-users');
      return new Response(JSON.stringify(answers.shift()), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const host = createHost({
      dataDir: ':memory:', serverUrl: 'http://127.0.0.1:9', trainingServer: true, fetch: fakeFetch, logger: silentLogger, backgroundSync: false,
    });
    hosts.push(host);
    const [hostEnd, clientEnd] = endpointPair();
    host.serve(hostEnd);
    const client = connectRpc(clientEnd, { calls, events, timeoutMs: 10_000 });
    await expect(client.call('session.demoUsers')).resolves.toEqual({ users });
    await expect(client.call('session.demoUsers')).resolves.toEqual({ users: [] });
  });

  it('refuses a wrong password with a message for the user', async () => {
    const { client } = connectedHost();
    await expect(client.call('session.signIn', { username: 'caseworkera', password: 'wrong' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('signs in, bootstraps, mutates with per-row state, searches and audits opened cases', async () => {
    const { client, changed, changedCase } = connectedHost();
    const { user } = await client.call('session.signIn', { username: 'caseworkera', password });
    expect(user.id).toBe(sync.world.users.caseworkerA.id);
    const status = await client.call('sync.now');
    // The first fill is one "everything" event, not one per case.
    expect(changed).toContainEqual([]);
    expect(changedCase).toEqual([]);
    expect(status).toMatchObject({ state: 'online', pending: 0, conflicts: 0, needsSignIn: false });
    const list = await client.call('cases.list', { limit: 50 });
    expect(list.total).toBe(3);
    expect(list.items.every((item) => item.syncState === null)).toBe(true);

    const caseId = sync.world.cases.A1.id;
    await client.call('sync.mutate', { name: 'case.claim', args: { caseId } });
    const row = (await client.call('cases.list', { limit: 50 })).items.find((item) => item.id === caseId);
    expect(row).toMatchObject({ assignee: user.id, status: 'in_progress', syncState: 'queued' });
    expect(changed.some((ids) => ids.includes(caseId))).toBe(true);
    expect(changedCase).toEqual([caseId]);
    expect((await client.call('sync.outbox')).items).toMatchObject([{ name: 'case.claim', state: 'queued', caseId }]);

    const found = await client.call('cases.search', { query: 'applicant a1' });
    expect(found.items.map((item) => item.id)).toEqual([caseId]);
    await client.call('cases.open', { caseId });
    expect((await client.call('sync.outbox')).items.map((item) => item.name)).toEqual(['case.claim', 'audit.recordRead']);

    changedCase.length = 0;
    const after = await client.call('sync.now');
    expect(after).toMatchObject({ pending: 0, state: 'online' });
    // The answered claim, then the server's row of the case in the pull: this case only.
    expect(new Set(changedCase)).toEqual(new Set([caseId]));
    expect((await client.call('sync.outbox')).items).toEqual([]);
    await expect(client.call('sync.mutate', { name: 'case.claim', args: { caseId: 'nope' } })).rejects.toMatchObject({ code: 'invalid_arguments' });
  });

  it('shows a conflict as mine against theirs and drops mine on request', async () => {
    const first = connectedHost();
    const second = connectedHost();
    await first.client.call('session.signIn', { username: 'caseworkera', password });
    await second.client.call('session.signIn', { username: 'caseworkera2', password });
    await first.client.call('sync.now');
    await second.client.call('sync.now');
    const caseId = sync.world.cases.A1.id;
    await first.client.call('sync.mutate', { name: 'case.release', args: { caseId } });
    await second.client.call('sync.mutate', { name: 'case.release', args: { caseId } });
    await first.client.call('sync.now');
    expect(await second.client.call('sync.now')).toMatchObject({ conflicts: 1 });
    const [conflict] = (await second.client.call('sync.conflicts')).items;
    expect(conflict).toMatchObject({
      name: 'case.release', caseId, caseNumber: sync.world.cases.A1.caseNumber, fields: ['assigneeId'],
      mine: { args: { caseId }, base: { assigneeId: sync.world.users.caseworkerA.id } }, theirs: { assigneeId: null },
    });
    expect((await second.client.call('cases.list', { limit: 50 })).items.find((item) => item.id === caseId)?.syncState).toBe('conflict');
    await second.client.call('sync.resolveConflict', { id: conflict?.id ?? 0, keep: 'theirs' });
    expect((await second.client.call('sync.conflicts')).items).toEqual([]);
    expect(await second.client.call('sync.status')).toMatchObject({ conflicts: 0, pending: 0 });
  });

  it('opens a document from the central API, verified, and records the read', async () => {
    const { client } = connectedHost();
    await client.call('session.signIn', { username: 'caseworkera', password });
    await client.call('sync.now');
    const caseId = sync.world.cases.A1.id;
    const { items } = await client.call('documents.list', { caseId });
    expect(items).toMatchObject([{ id: sync.world.documents.A1, caseId, mediaType: 'application/pdf', cached: false, size: tinyPdf.length }]);
    const opened = await client.call('documents.open', { documentId: sync.world.documents.A1 });
    expect(Buffer.from(opened.bytes).equals(tinyPdf)).toBe(true);
    expect((await client.call('documents.list', { caseId })).items[0]?.cached).toBe(true);
    expect((await client.call('sync.outbox')).items.map((item) => item.name)).toEqual(['audit.recordRead']);
    await client.call('sync.now');
    expect((await client.call('sync.outbox')).items).toEqual([]);
  });

  it('prefetches a document for the case screen, verified, without recording a read (the screen records it when shown)', async () => {
    const { client } = connectedHost();
    await client.call('session.signIn', { username: 'caseworkera', password });
    await client.call('sync.now');
    const caseId = sync.world.cases.A1.id;
    const fetched = await client.call('documents.prefetch', { documentId: sync.world.documents.A1 });
    expect(Buffer.from(fetched.bytes).equals(tinyPdf)).toBe(true);
    expect(fetched).toMatchObject({ documentId: sync.world.documents.A1, mediaType: 'application/pdf' });
    expect((await client.call('documents.list', { caseId })).items[0]?.cached).toBe(true);
    expect((await client.call('sync.outbox')).items).toEqual([]);
  });

  it('signs out and wipes the cache', async () => {
    const { client } = connectedHost();
    await client.call('session.signIn', { username: 'caseworkerb', password });
    await client.call('sync.now');
    expect((await client.call('cases.list', {})).total).toBeGreaterThan(0);
    await client.call('session.signOut');
    expect((await client.call('cases.list', {})).total).toBe(0);
  });
});

/** Sync pull and push against a real server: scope, paging, tombstones, leaving scope, 410, replay, conflicts. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { computeDecisionDeadline } from '../../../src/shared/domain';
import { pruneSyncLog } from '../../../src/server/sync/prune';
import { mutationResults } from '../../../src/server/db/schema';
import { createTestServer, mutation, pullAll, push, request, seedWorld, type TestServer, type World } from './harness';

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await createTestServer();
  world = await seedWorld(server);
});
afterAll(async () => server.close());

const caseIds = (changes: { kind: string; entity: string; id: string }[]) =>
  new Set(changes.filter((change) => change.kind === 'upsert' && change.entity === 'case').map((change) => change.id));

describe('pull', () => {
  it('bootstraps a caseworker with their team\'s cases plus cases assigned to them elsewhere, and nothing else', async () => {
    const page = await pullAll(server, world.users.caseworkerA);
    expect(caseIds(page.changes)).toEqual(new Set([world.cases.A1.id, world.cases.A2.id, world.cases.B2.id]));
    const parties = page.changes.filter((change) => change.entity === 'party');
    expect(parties.every((change) => change.caseId !== world.cases.B1.id)).toBe(true);
    expect(page.changes.some((change) => change.entity === 'document' && change.id === world.documents.A1)).toBe(true);
    expect(page.changes.some((change) => change.entity === 'document' && change.id === world.documents.B1)).toBe(false);
  });

  it('gives a team lead their teams only, an admin and a production trainer no cases', async () => {
    expect(caseIds((await pullAll(server, world.users.leadB)).changes)).toEqual(new Set([world.cases.B1.id, world.cases.B2.id]));
    expect(caseIds((await pullAll(server, world.users.admin)).changes).size).toBe(0);
    expect(caseIds((await pullAll(server, world.users.trainer)).changes).size).toBe(0);
    // Directory rows (users, teams) are visible to everyone signed in.
    expect((await pullAll(server, world.users.admin)).changes.some((change) => change.entity === 'team')).toBe(true);
  });

  it('pages without losing or repeating rows, and the cursor at the head returns nothing', async () => {
    const whole = await pullAll(server, world.users.leadA, undefined, 1000);
    const paged = await pullAll(server, world.users.leadA, undefined, 3);
    expect(paged.changes.map((change) => `${change.entity}:${change.id}`)).toEqual(whole.changes.map((change) => `${change.entity}:${change.id}`));
    expect(paged.nextCursor).toBe(whole.nextCursor);
    const idle = await pullAll(server, world.users.leadA, whole.nextCursor);
    expect(idle.changes).toEqual([]);
    expect(idle.nextCursor).toBe(whole.nextCursor);
  });

  it('sends new changes after the cursor only', async () => {
    const { nextCursor } = await pullAll(server, world.users.caseworkerA);
    const noteId = randomUUID();
    const [result] = await push(server, world.users.caseworkerA2, [mutation('case.addNote', { caseId: world.cases.A1.id, noteId, body: 'Checked the passport.' })]);
    expect(result?.status).toBe('applied');
    const after = await pullAll(server, world.users.caseworkerA, nextCursor);
    expect(after.changes.map((change) => `${change.entity}:${change.id}`)).toEqual([`note:${noteId}`]);
    // Team B does not see team A's note.
    const other = await pullAll(server, world.users.caseworkerB, nextCursor);
    expect(other.changes).toEqual([]);
  });

  it('publishes a tombstone for a deleted row, visible only to its owner', async () => {
    const viewId = randomUUID();
    await push(server, world.users.caseworkerA, [mutation('view.save', { viewId, name: 'Mine', filter: { status: 'in_progress' } })]);
    const { nextCursor } = await pullAll(server, world.users.caseworkerA);
    const othersBefore = await pullAll(server, world.users.caseworkerA2);
    expect(othersBefore.changes.some((change) => change.id === viewId)).toBe(false);
    const [deleted] = await push(server, world.users.caseworkerA, [mutation('view.delete', { viewId })]);
    expect(deleted?.status).toBe('applied');
    const after = await pullAll(server, world.users.caseworkerA, nextCursor);
    expect(after.changes).toEqual([expect.objectContaining({ kind: 'tombstone', entity: 'savedView', id: viewId })]);
  });

  it('shares a saved view with the owner\'s team only, read-only, with sharing fixed at creation', async () => {
    const cursors = {
      a2: (await pullAll(server, world.users.caseworkerA2)).nextCursor,
      b: (await pullAll(server, world.users.caseworkerB)).nextCursor,
    };
    const viewId = randomUUID();
    const [foreign] = await push(server, world.users.caseworkerA, [mutation('view.save', { viewId: randomUUID(), name: 'B', filter: {}, teamId: world.teamB })]);
    expect(foreign).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const [shared] = await push(server, world.users.caseworkerA, [mutation('view.save', { viewId, name: 'Team urgent', filter: { window: 'overdue' }, teamId: world.teamA })]);
    expect(shared?.status).toBe('applied');
    const teammate = await pullAll(server, world.users.caseworkerA2, cursors.a2);
    expect(teammate.changes).toEqual([expect.objectContaining({ kind: 'upsert', entity: 'savedView', id: viewId, data: expect.objectContaining({ name: 'Team urgent', teamId: world.teamA }) })]);
    expect((await pullAll(server, world.users.caseworkerB, cursors.b)).changes.some((change) => change.id === viewId)).toBe(false);
    const [edit] = await push(server, world.users.caseworkerA2, [mutation('view.save', { viewId, name: 'Mine', filter: {} })]);
    expect(edit).toMatchObject({ status: 'rejected', code: 'not_found' });
    const [unshare] = await push(server, world.users.caseworkerA, [mutation('view.save', { viewId, name: 'Team urgent', filter: {}, teamId: null })]);
    expect(unshare).toMatchObject({ status: 'rejected', code: 'invalid_arguments' });
    await push(server, world.users.caseworkerA, [mutation('view.delete', { viewId })]);
    const gone = await pullAll(server, world.users.caseworkerA2, teammate.nextCursor);
    expect(gone.changes).toEqual([expect.objectContaining({ kind: 'tombstone', entity: 'savedView', id: viewId })]);
  });

  it('tells former viewers to drop a case that leaves their scope, and gives the new team all of it', async () => {
    const before = {
      a: (await pullAll(server, world.users.caseworkerA2)).nextCursor,
      b: (await pullAll(server, world.users.caseworkerB)).nextCursor,
    };
    // A team lead moves A1 to someone in team B by assigning; the case stays in team A, so team A keeps it.
    const results = await push(server, world.users.leadA, [mutation('case.assign', { caseId: world.cases.A1.id, assigneeId: world.users.caseworkerA2.id, reason: 'balance' }, { assigneeId: null })]);
    expect(results[0]?.status).toBe('applied');
    // caseworkerA had B2 (team B) assigned; leadB releases it: caseworkerA must receive a leave for B2.
    const cursorA = (await pullAll(server, world.users.caseworkerA)).nextCursor;
    const released = await push(server, world.users.leadB, [mutation('case.release', { caseId: world.cases.B2.id }, { assigneeId: world.users.caseworkerA.id })]);
    expect(released[0]?.status).toBe('applied');
    const pulled = await pullAll(server, world.users.caseworkerA, cursorA);
    expect(pulled.changes).toContainEqual({ kind: 'leave', entity: 'case', id: world.cases.B2.id, caseId: world.cases.B2.id });
    expect(pulled.changes.some((change) => change.kind === 'upsert' && change.caseId === world.cases.B2.id)).toBe(false);
    // Assigning B1 to caseworkerA2 (team A) brings the whole case, including its older document, to A2.
    await push(server, world.users.leadB, [mutation('case.assign', { caseId: world.cases.B1.id, assigneeId: world.users.caseworkerA2.id, reason: 'expertise' }, { assigneeId: null })]);
    const entering = await pullAll(server, world.users.caseworkerA2, before.a);
    expect(entering.changes.some((change) => change.entity === 'document' && change.id === world.documents.B1)).toBe(true);
    expect(entering.changes.some((change) => change.entity === 'party' && change.caseId === world.cases.B1.id)).toBe(true);
    // Team B still sees B1 (its team), so no leave for them.
    const teamB = await pullAll(server, world.users.caseworkerB, before.b);
    expect(teamB.changes.some((change) => change.kind === 'leave')).toBe(false);
  });

  it('answers 410 when the cursor is older than the retained log, while a bootstrap still works', async () => {
    const old = '1';
    const { nextCursor } = await pullAll(server, world.users.caseworkerA);
    await pruneSyncLog(server.database.db, Number(nextCursor), server.clock.now());
    const expired = await request(server, world.users.caseworkerA, 'GET', `/sync/pull?cursor=${old}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ code: 'cursor_expired' });
    expect(expired.headers['content-type']).toContain('application/problem+json');
    const fresh = await pullAll(server, world.users.caseworkerA);
    expect(caseIds(fresh.changes).has(world.cases.A1.id)).toBe(true);
  });

  it('answers 410 for a cursor beyond the head, as after a reset of the database', async () => {
    const { nextCursor } = await pullAll(server, world.users.caseworkerA);
    const ahead = await request(server, world.users.caseworkerA, 'GET', `/sync/pull?cursor=${Number(nextCursor) + 1000}`);
    expect(ahead.statusCode).toBe(410);
  });
});

describe('push', () => {
  it('applies a replayed client mutation id once and returns the stored result', async () => {
    const envelope = mutation('case.addNote', { caseId: world.cases.A2.id, noteId: randomUUID(), body: 'Once only.' });
    const [first] = await push(server, world.users.caseworkerA, [envelope]);
    const [second] = await push(server, world.users.caseworkerA, [envelope]);
    expect(first?.status).toBe('applied');
    expect(second).toEqual(first);
    const [stored] = await server.database.db.select({ total: count() }).from(mutationResults)
      .where(eq(mutationResults.clientMutationId, envelope.clientMutationId));
    expect(stored?.total).toBe(1);
    // A rejected mutation is stored too: the replay gets the same rejection.
    const bad = mutation('case.addNote', { caseId: world.cases.A2.id, noteId: randomUUID(), body: 'Not my team.' });
    const [rejected] = await push(server, world.users.caseworkerB, [bad]);
    const [rejectedAgain] = await push(server, world.users.caseworkerB, [bad]);
    expect(rejected).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(rejectedAgain).toEqual(rejected);
  });

  it('reports a conflict with the server row when a guarded field changed', async () => {
    const results = await push(server, world.users.caseworkerA2, [mutation('case.claim', { caseId: world.cases.A2.id }, { assigneeId: null })]);
    expect(results[0]).toMatchObject({ status: 'conflict', fields: ['assigneeId'], entity: 'case', id: world.cases.A2.id });
    expect(results[0]?.status === 'conflict' && results[0].server['assigneeId']).toBe(world.users.caseworkerA.id);
  });

  it('answers unknown names, bad arguments and out-of-scope cases per mutation, and goes on with the rest', async () => {
    const noteId = randomUUID();
    const results = await push(server, world.users.caseworkerB, [
      mutation('case.explode', { caseId: world.cases.B1.id }),
      mutation('case.addNote', { caseId: 'not-a-uuid', noteId: randomUUID(), body: '' }),
      mutation('case.addNote', { caseId: world.cases.A2.id, noteId: randomUUID(), body: 'Peeking.' }),
      mutation('case.addNote', { caseId: world.cases.B1.id, noteId, body: 'Fine.' }),
    ]);
    expect(results.map((result) => result.status === 'rejected' ? result.code : result.status))
      .toEqual(['unknown_mutation', 'invalid_arguments', 'not_found', 'applied']);
  });

  it('requests documents (suspension), which moves the deadline computed by the domain engine', async () => {
    const suspensionId = randomUUID();
    const [opened] = await push(server, world.users.caseworkerA, [mutation('case.requestDocuments', {
      caseId: world.cases.A2.id, suspensionId, documents: ['passport'], dueOn: '2026-03-16',
    })]);
    expect(opened?.status).toBe('applied');
    server.clock.set(new Date('2026-03-12T09:00:00Z'));
    const [closed] = await push(server, world.users.caseworkerA, [mutation('case.closeSuspension', { caseId: world.cases.A2.id, suspensionId, endedOn: '2026-03-12' })]);
    expect(closed?.status).toBe('applied');
    const caseAfter = (await request(server, world.users.caseworkerA, 'GET', `/cases/${world.cases.A2.id}`)).json() as { case: { deadline: string; status: string } };
    const expected = computeDecisionDeadline({
      regime: 'regular', receivedOn: '2026-02-02', suspensions: [{ requestedOn: '2026-03-02', endedOn: '2026-03-12' }], asOf: '2026-03-12',
    });
    const unsuspended = computeDecisionDeadline({ regime: 'regular', receivedOn: '2026-02-02', asOf: '2026-03-12' });
    expect(caseAfter.case.deadline).toBe(expected.deadline);
    expect(caseAfter.case.deadline > unsuspended.deadline).toBe(true);
    expect(caseAfter.case.status).toBe('in_progress');
    server.clock.set(new Date('2026-03-02T09:00:00Z'));
  });
});

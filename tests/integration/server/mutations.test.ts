/** Each named mutation on its happy path and its main refusal, through POST /sync/push. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { computePenalty } from '../../../src/shared/domain';
import { cases, evidenceLinks, messages } from '../../../src/server/db/schema';
import { createTestServer, intakeToken, mutation, push, request, seedWorld, type TestServer, type World } from './harness';

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await createTestServer();
  world = await seedWorld(server);
});
afterAll(async () => server.close());

const caseRow = async (id: string) => {
  const [row] = await server.database.db.select().from(cases).where(eq(cases.id, id));
  if (!row) throw new Error('case missing');
  return row;
};

describe('claim and release', () => {
  it('claims an unassigned team case, refuses a second claim as a conflict, and releases it', async () => {
    const [claimed] = await push(server, world.users.caseworkerB, [mutation('case.claim', { caseId: world.cases.B1.id }, { assigneeId: null })]);
    expect(claimed?.status).toBe('applied');
    expect((await caseRow(world.cases.B1.id)).assigneeId).toBe(world.users.caseworkerB.id);
    const [again] = await push(server, world.users.leadB, [mutation('case.claim', { caseId: world.cases.B1.id }, { assigneeId: null })]);
    expect(again).toMatchObject({ status: 'conflict', fields: ['assigneeId'] });
    const [missingBase] = await push(server, world.users.caseworkerB, [mutation('case.release', { caseId: world.cases.B1.id })]);
    expect(missingBase).toMatchObject({ status: 'rejected', code: 'invalid_arguments' });
    const [released] = await push(server, world.users.caseworkerB, [mutation('case.release', { caseId: world.cases.B1.id }, { assigneeId: world.users.caseworkerB.id })]);
    expect(released?.status).toBe('applied');
    expect((await caseRow(world.cases.B1.id)).assigneeId).toBeNull();
  });

  it('refuses a caseworker assigning cases, and a team lead assigning to an admin', async () => {
    const [byCaseworker] = await push(server, world.users.caseworkerB, [mutation('case.assign', { caseId: world.cases.B1.id, assigneeId: world.users.caseworkerB.id, reason: 'me' }, { assigneeId: null })]);
    expect(byCaseworker).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const [toAdmin] = await push(server, world.users.leadB, [mutation('case.assign', { caseId: world.cases.B1.id, assigneeId: world.users.admin.id, reason: 'x' }, { assigneeId: null })]);
    expect(toAdmin).toMatchObject({ status: 'rejected', code: 'invalid_arguments' });
  });
});

describe('decision period', () => {
  it('extends the period guarded on the deadline the caseworker saw', async () => {
    const before = await caseRow(world.cases.B1.id);
    const args = { caseId: world.cases.B1.id, extensionId: randomUUID(), period: { months: 1 }, legalGround: 'Vw 25(2): advice of a third party' };
    const [stale] = await push(server, world.users.caseworkerB, [mutation('case.extendPeriod', { ...args, extensionId: randomUUID() }, { deadline: '2026-01-01' })]);
    expect(stale).toMatchObject({ status: 'conflict', fields: ['deadline'] });
    const [extended] = await push(server, world.users.caseworkerB, [mutation('case.extendPeriod', args, { deadline: before.deadline })]);
    expect(extended?.status).toBe('applied');
    const after = await caseRow(world.cases.B1.id);
    expect(after.deadline && before.deadline && after.deadline > before.deadline).toBe(true);
  });

  it('computes the penalty through the domain engine once a notice of default arrives after the deadline', async () => {
    const caseNumber = `IND-LATE-${randomUUID().slice(0, 6)}`;
    const created = await server.app.inject({
      method: 'POST', url: '/intake/applications', headers: { authorization: `Bearer ${intakeToken}` },
      payload: { caseNumber, caseType: 'study', receivedOn: '2025-10-01', teamId: world.teamB, applicant: { name: 'Late' } },
    });
    const caseId = (created.json() as { caseId: string }).caseId;
    const { deadline } = await caseRow(caseId);
    expect(deadline).not.toBeNull();
    server.clock.set(new Date('2026-03-02T09:00:00Z'));
    const [recorded] = await push(server, world.users.caseworkerB, [mutation('case.recordNoticeOfDefault', { caseId, noticeId: randomUUID(), receivedOn: '2026-01-05' })]);
    expect(recorded?.status).toBe('applied');
    const expected = computePenalty({ regime: 'regular_study', deadline: deadline as string, noticeOfDefaultReceivedOn: '2026-01-05', asOf: '2026-03-02' });
    expect(expected.amountCents).toBeGreaterThan(0);
    expect((await caseRow(caseId)).penaltyAmountCents).toBe(expected.amountCents);
    const [future] = await push(server, world.users.caseworkerB, [mutation('case.recordNoticeOfDefault', { caseId, noticeId: randomUUID(), receivedOn: '2026-04-01' })]);
    expect(future).toMatchObject({ status: 'rejected', code: 'invalid_arguments' });
  });

  it('refuses a second open suspension', async () => {
    const first = { caseId: world.cases.B1.id, suspensionId: randomUUID(), documents: ['antecedents declaration'], dueOn: '2026-03-20' };
    const results = await push(server, world.users.caseworkerB, [
      mutation('case.requestDocuments', first),
      mutation('case.requestDocuments', { ...first, suspensionId: randomUUID() }),
    ]);
    expect(results.map((result) => result.status === 'rejected' ? result.code : result.status)).toEqual(['applied', 'invalid_state']);
    expect((await caseRow(world.cases.B1.id)).status).toBe('waiting_on_applicant');
  });
});

describe('messages, documents and views', () => {
  it('sends a message in a new thread, and marks an inbound message read once', async () => {
    const threadId = randomUUID();
    const [sent] = await push(server, world.users.caseworkerA, [mutation('message.send', {
      caseId: world.cases.A1.id, threadId, messageId: randomUUID(), body: 'Please upload your passport.', newThread: { subject: 'Passport', counterpart: 'applicant' },
    })]);
    expect(sent?.status).toBe('applied');
    const [noThread] = await push(server, world.users.caseworkerA, [mutation('message.send', { caseId: world.cases.A1.id, threadId: randomUUID(), messageId: randomUUID(), body: 'x' })]);
    expect(noThread).toMatchObject({ status: 'rejected', code: 'not_found' });
    await server.app.inject({ method: 'POST', url: '/intake/messages', headers: { authorization: `Bearer ${intakeToken}` },
      payload: { caseNumber: world.cases.A1.caseNumber, threadId, counterpart: 'applicant', body: 'Uploaded.' } });
    const [inbound] = await server.database.db.select().from(messages).where(eq(messages.direction, 'inbound'));
    if (!inbound) throw new Error('no inbound message');
    const [read] = await push(server, world.users.caseworkerA2, [mutation('message.markRead', { messageId: inbound.id })]);
    expect(read?.status).toBe('applied');
    const [stored] = await server.database.db.select().from(messages).where(eq(messages.id, inbound.id));
    expect(stored?.readBy).toBe(world.users.caseworkerA2.id);
    const [outsider] = await push(server, world.users.caseworkerB, [mutation('message.markRead', { messageId: inbound.id })]);
    expect(outsider).toMatchObject({ status: 'rejected', code: 'not_found' });
  });

  it('links a document as evidence only on its own case', async () => {
    const linkId = randomUUID();
    const [linked] = await push(server, world.users.caseworkerA, [mutation('document.linkEvidence', { linkId, caseId: world.cases.A1.id, documentId: world.documents.A1, requirement: 'valid passport' })]);
    expect(linked?.status).toBe('applied');
    expect(await server.database.db.select().from(evidenceLinks).where(eq(evidenceLinks.id, linkId))).toHaveLength(1);
    const [wrongCase] = await push(server, world.users.caseworkerA, [mutation('document.linkEvidence', { linkId: randomUUID(), caseId: world.cases.A2.id, documentId: world.documents.A1, requirement: 'x' })]);
    expect(wrongCase).toMatchObject({ status: 'rejected', code: 'invalid_arguments' });
  });

  it('lets only the owner change a saved view', async () => {
    const viewId = randomUUID();
    const [saved] = await push(server, world.users.caseworkerA, [mutation('view.save', { viewId, name: 'Urgent', filter: { band: 'high' } })]);
    expect(saved?.status).toBe('applied');
    const [hijack] = await push(server, world.users.caseworkerA2, [mutation('view.save', { viewId, name: 'Mine now', filter: {} })]);
    expect(hijack).toMatchObject({ status: 'rejected', code: 'not_found' });
    const [renamed] = await push(server, world.users.caseworkerA, [mutation('view.save', { viewId, name: 'Very urgent', filter: { band: 'high' } })]);
    expect(renamed?.status).toBe('applied');
  });

  it('answers GET /cases with the caller\'s cases only', async () => {
    const response = await request(server, world.users.caseworkerB, 'GET', '/cases');
    const ids = (response.json() as { items: { id: string }[] }).items.map((item) => item.id);
    expect(ids).toContain(world.cases.B1.id);
    expect(ids).not.toContain(world.cases.A1.id);
  });
});

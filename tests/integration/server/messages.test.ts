/** Messages (#16) through POST /sync/push and the intake: counterparts, attachments, delivery and per-user reads. */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, caseEvents, messageReads, messages, parties } from '../../../src/server/db/schema';
import type { EntityRow } from '../../../src/shared/sync';
import { createTestServer, intakeToken, mutation, pullAll, push, seedWorld, type TestServer, type World, type WorldUser } from './harness';

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await createTestServer();
  world = await seedWorld(server);
});
afterAll(async () => server.close());

const intake = (method: 'GET' | 'POST', url: string, payload?: object) => server.app.inject({
  method, url, headers: { authorization: `Bearer ${intakeToken}` }, ...(payload ? { payload: payload as Record<string, unknown> } : {}),
});

/** An inbound message from the applicant of a case, in a new thread or an existing one; returns its ids. */
async function inbound(caseNumber: string, body: string, threadId?: string): Promise<{ messageId: string; threadId: string }> {
  const response = await intake('POST', '/intake/messages', { caseNumber, counterpart: 'applicant', body, ...(threadId ? { threadId } : { subject: 'Vraag' }) });
  expect(response.statusCode, response.body).toBe(201);
  const messageId = (response.json() as { id: string }).id;
  const [row] = await server.database.db.select().from(messages).where(eq(messages.id, messageId));
  if (!row) throw new Error('inbound message missing');
  return { messageId, threadId: row.threadId };
}

/** The newest pulled row of a message, as the workbench would store it. */
async function pulledMessage(user: WorldUser, messageId: string): Promise<EntityRow<'message'> | undefined> {
  const page = await pullAll(server, user);
  const change = page.changes.filter((entry) => entry.kind === 'upsert' && entry.entity === 'message' && entry.id === messageId).at(-1);
  return change?.kind === 'upsert' ? (change.data as EntityRow<'message'>) : undefined;
}

const send = (user: WorldUser, args: Record<string, unknown>) => push(server, user, [mutation('message.send', args)]);

describe('message.send', () => {
  it('refuses a new thread to a party the case does not have, and an attachment of another case', async () => {
    const [noRepresentative] = await send(world.users.caseworkerA, {
      caseId: world.cases.A1.id, threadId: randomUUID(), messageId: randomUUID(), body: 'Geachte advocaat,',
      newThread: { subject: 'Machtiging', counterpart: 'representative' },
    });
    expect(noRepresentative).toMatchObject({ status: 'rejected', code: 'counterpart_missing' });
    const [foreign] = await send(world.users.caseworkerA, {
      caseId: world.cases.A1.id, threadId: randomUUID(), messageId: randomUUID(), body: 'Zie bijlage.',
      newThread: { subject: 'Bijlage', counterpart: 'applicant' }, attachments: [{ documentId: world.documents.B1 }],
    });
    expect(foreign).toMatchObject({ status: 'rejected', code: 'attachment_not_found' });
    expect(JSON.stringify(foreign)).not.toContain(world.documents.B1);
  });

  it('stores the message pending with its attachments and template, and records a case event without the body', async () => {
    const threadId = randomUUID();
    const messageId = randomUUID();
    const body = 'Wilt u uw paspoort uploaden? Geheime zin 7d1f.';
    const [sent] = await send(world.users.caseworkerA, {
      caseId: world.cases.A1.id, threadId, messageId, body, newThread: { subject: 'Paspoort', counterpart: 'applicant' },
      attachments: [{ documentId: world.documents.A1 }, { documentId: world.documents.A1 }], template: 'request_passport',
    });
    expect(sent?.status).toBe('applied');
    const row = await pulledMessage(world.users.caseworkerA, messageId);
    expect(row).toMatchObject({
      direction: 'outbound', delivery: 'pending', deliveredAt: null, deliveryFailure: null, template: 'request_passport',
      attachments: [{ documentId: world.documents.A1 }],
    });
    const events = await server.database.db.select().from(caseEvents)
      .where(and(eq(caseEvents.caseId, world.cases.A1.id), eq(caseEvents.kind, 'message.sent')));
    const event = events.find((candidate) => candidate.detail['messageId'] === messageId);
    expect(event?.detail).toEqual({ messageId, threadId, counterpart: 'applicant', attachments: 1, template: 'request_passport' });
    expect(JSON.stringify(events)).not.toContain('Geheime zin');
    const audit = await server.database.db.select().from(auditLog).where(eq(auditLog.action, 'mutation.message.send'));
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain('Geheime zin');
  });

  it('refuses a message into a thread whose counterpart left the case', async () => {
    const caseNumber = `IND-REP-${randomBytes(3).toString('hex')}`;
    const created = await intake('POST', '/intake/applications', {
      caseNumber, caseType: 'highly_skilled_migrant', receivedOn: '2026-02-02', teamId: world.teamA,
      applicant: { name: 'Applicant R' }, representative: { name: 'mr. R. Advocaat', organisation: 'Advocaten' },
    });
    const caseId = (created.json() as { caseId: string }).caseId;
    const threadId = randomUUID();
    const [first] = await send(world.users.caseworkerA, {
      caseId, threadId, messageId: randomUUID(), body: 'Geachte mr.,', newThread: { subject: 'Machtiging', counterpart: 'representative' },
    });
    expect(first?.status).toBe('applied');
    // No endpoint removes a party yet; the test takes the representative off the case directly.
    await server.database.db.delete(parties).where(and(eq(parties.caseId, caseId), eq(parties.role, 'representative')));
    const [second] = await send(world.users.caseworkerA, { caseId, threadId, messageId: randomUUID(), body: 'Nog een vraag.' });
    expect(second).toMatchObject({ status: 'rejected', code: 'counterpart_missing' });
  });
});

describe('reads per user', () => {
  it('keeps a read row per user, readAt of the first reading, and counts what markThreadRead reads', async () => {
    const caseNumber = world.cases.A2.caseNumber;
    const first = await inbound(caseNumber, 'Eerste vraag.');
    const firstReadAt = server.clock.now().toISOString();
    const [byOne] = await push(server, world.users.caseworkerA, [mutation('message.markRead', { messageId: first.messageId })]);
    expect(byOne?.status).toBe('applied');
    server.clock.advance(60_000);
    const [byOther] = await push(server, world.users.caseworkerA2, [mutation('message.markRead', { messageId: first.messageId })]);
    const [again] = await push(server, world.users.caseworkerA2, [mutation('message.markRead', { messageId: first.messageId })]);
    expect([byOther?.status, again?.status]).toEqual(['applied', 'applied']);
    const reads = await server.database.db.select().from(messageReads).where(eq(messageReads.messageId, first.messageId));
    expect(reads.map((read) => read.userId).sort()).toEqual([world.users.caseworkerA.id, world.users.caseworkerA2.id].sort());
    const row = await pulledMessage(world.users.caseworkerA2, first.messageId);
    expect(row).toMatchObject({ readAt: firstReadAt, readBy: world.users.caseworkerA.id });
    const pulledReads = (await pullAll(server, world.users.caseworkerA2)).changes.filter((change) => change.entity === 'messageRead');
    expect(pulledReads.length).toBeGreaterThanOrEqual(2);

    const second = await inbound(caseNumber, 'Tweede vraag.', first.threadId);
    const upTo = server.clock.now().toISOString();
    server.clock.advance(60_000);
    const later = await inbound(caseNumber, 'Derde vraag, na het openen.', first.threadId);
    const eventsBefore = await server.database.db.$count(caseEvents, and(eq(caseEvents.caseId, world.cases.A2.id), eq(caseEvents.kind, 'message.read')));
    const [thread] = await push(server, world.users.caseworkerA, [mutation('message.markThreadRead', { threadId: first.threadId, upTo })]);
    expect(thread?.status).toBe('applied');
    const mine = await server.database.db.select().from(messageReads).where(eq(messageReads.userId, world.users.caseworkerA.id));
    expect(mine.map((read) => read.messageId)).toContain(second.messageId);
    expect(mine.map((read) => read.messageId)).not.toContain(later.messageId);
    const events = await server.database.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, world.cases.A2.id), eq(caseEvents.kind, 'message.read')));
    expect(events.length).toBe(eventsBefore + 1);
    expect(events.at(-1)?.detail).toEqual({ threadId: first.threadId, count: 1 });
    // Nothing left to read up to then: no reading, no event.
    await push(server, world.users.caseworkerA, [mutation('message.markThreadRead', { threadId: first.threadId, upTo })]);
    expect(await server.database.db.$count(caseEvents, and(eq(caseEvents.caseId, world.cases.A2.id), eq(caseEvents.kind, 'message.read')))).toBe(eventsBefore + 1);
    // A thread of a case out of scope is not found.
    const [outsider] = await push(server, world.users.caseworkerB, [mutation('message.markThreadRead', { threadId: first.threadId, upTo })]);
    expect(outsider).toMatchObject({ status: 'rejected', code: 'not_found' });
  });
});

describe('delivery through My IND', () => {
  it('lists pending outbound messages oldest first, takes the acknowledgement and publishes it', async () => {
    const messageId = randomUUID();
    await send(world.users.caseworkerA, {
      caseId: world.cases.A2.id, threadId: randomUUID(), messageId, body: 'Uw aanvraag is compleet.', newThread: { subject: 'Stand', counterpart: 'applicant' },
    });
    const listed = await intake('GET', '/intake/messages/outbound?limit=500');
    expect(listed.statusCode).toBe(200);
    const items = (listed.json() as { items: { id: string; caseNumber: string; sentAt: string; body: string; counterpart: string }[] }).items;
    const item = items.find((candidate) => candidate.id === messageId);
    expect(item).toMatchObject({ caseNumber: world.cases.A2.caseNumber, body: 'Uw aanvraag is compleet.', counterpart: 'applicant' });
    expect(items.map((candidate) => candidate.sentAt)).toEqual([...items.map((candidate) => candidate.sentAt)].sort());

    const acked = await intake('POST', `/intake/messages/${messageId}/delivery`, { status: 'delivered' });
    expect(acked.statusCode, acked.body).toBe(200);
    expect(acked.json()).toMatchObject({ id: messageId, delivery: 'delivered', deliveryFailure: null });
    const again = await intake('POST', `/intake/messages/${messageId}/delivery`, { status: 'delivered' });
    expect(again.statusCode).toBe(200);
    expect(await pulledMessage(world.users.caseworkerA, messageId)).toMatchObject({ delivery: 'delivered', deliveredAt: server.clock.now().toISOString() });
    const relisted = (await intake('GET', '/intake/messages/outbound').then((response) => response.json())) as { items: { id: string }[] };
    expect(relisted.items.map((candidate) => candidate.id)).not.toContain(messageId);
    expect((await intake('POST', `/intake/messages/${messageId}/delivery`, { status: 'failed', reason: 'portal_unavailable' })).statusCode).toBe(409);
  });

  it('retries a failed delivery: failed → pending, and refuses unknown and inbound ids', async () => {
    const messageId = randomUUID();
    await send(world.users.caseworkerA, {
      caseId: world.cases.A2.id, threadId: randomUUID(), messageId, body: 'Herinnering.', newThread: { subject: 'Herinnering', counterpart: 'applicant' },
    });
    const [early] = await push(server, world.users.caseworkerA, [mutation('message.retryDelivery', { messageId })]);
    expect(early).toMatchObject({ status: 'rejected', code: 'invalid_state' });
    const [readOwn] = await push(server, world.users.caseworkerA, [mutation('message.markRead', { messageId })]);
    expect(readOwn).toMatchObject({ status: 'rejected', code: 'invalid_state' });
    const failed = await intake('POST', `/intake/messages/${messageId}/delivery`, { status: 'failed', reason: 'portal_unavailable' });
    expect(failed.json()).toMatchObject({ delivery: 'failed', deliveryFailure: 'portal_unavailable' });
    expect(await pulledMessage(world.users.caseworkerA, messageId)).toMatchObject({ delivery: 'failed', deliveryFailure: 'portal_unavailable' });
    const [retried] = await push(server, world.users.caseworkerA, [mutation('message.retryDelivery', { messageId })]);
    expect(retried?.status).toBe('applied');
    expect(await pulledMessage(world.users.caseworkerA, messageId)).toMatchObject({ delivery: 'pending', deliveryFailure: null });
    const kinds = (await server.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, world.cases.A2.id))).map((event) => event.kind);
    expect(kinds).toEqual(expect.arrayContaining(['message.deliveryFailed', 'message.retryDelivery']));

    expect((await intake('POST', `/intake/messages/${randomUUID()}/delivery`, { status: 'delivered' })).statusCode).toBe(404);
    const { messageId: inboundId } = await inbound(world.cases.A2.caseNumber, 'Een vraag.');
    const onInbound = await intake('POST', `/intake/messages/${inboundId}/delivery`, { status: 'delivered' });
    expect(onInbound.statusCode).toBe(409);
    expect(onInbound.json()).toMatchObject({ code: 'conflict' });
    expect((await intake('POST', `/intake/messages/${messageId}/delivery`, { status: 'failed', reason: 'Not A Code' })).statusCode).toBe(400);
  });

  it('refuses an inbound message that opens a thread with a party the case does not have', async () => {
    const response = await intake('POST', '/intake/messages', { caseNumber: world.cases.A1.caseNumber, counterpart: 'sponsor', subject: 'Werkgever', body: 'Vraag van de werkgever.' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'conflict', detail: 'The case has no party in this counterpart role.' });
  });
});

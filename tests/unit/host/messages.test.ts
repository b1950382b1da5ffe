/**
 * The `messages` calls through the real RPC over a cache filled the way a pull fills it: thread and
 * message states with queued, refused and delivered messages, reads per user with queued readings,
 * the unread counts the badge and the queue show, search, and the announcement of new messages.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../src/main/host/host';
import { silentLogger } from '../../../src/main/host/log';
import { QueueReader } from '../../../src/main/host/queue/query';
import { InboundStore } from '../../../src/main/host/sync/inbound';
import { Outbox } from '../../../src/main/host/sync/outbox';
import { calls, events } from '../../../src/shared/contract';
import { connectRpc } from '../../../src/shared/rpc';
import type { SyncChange } from '../../../src/shared/sync';
import { entityRow } from '../../helpers/entity-rows';
import { endpointPair } from '../../helpers/endpoint-pair';

const me = '0a000000-0000-4000-8000-000000000001';
const colleague = '0a000000-0000-4000-8000-000000000002';
const caseId = '8a4c1f52-0d6e-4b7a-9b1e-2f3c4d5e6f70';
const otherCaseId = '8a4c1f52-0d6e-4b7a-9b1e-2f3c4d5e6f71';
const thread = '1b000000-0000-4000-8000-000000000001';
const newThread = '1b000000-0000-4000-8000-000000000002';
const ids = {
  inbound: '2c000000-0000-4000-8000-000000000001', sent: '2c000000-0000-4000-8000-000000000002',
  delivered: '2c000000-0000-4000-8000-000000000003', undeliverable: '2c000000-0000-4000-8000-000000000004',
  queued: '2c000000-0000-4000-8000-000000000005', opening: '2c000000-0000-4000-8000-000000000006',
  refused: '2c000000-0000-4000-8000-000000000007', readByColleague: '2c000000-0000-4000-8000-000000000008',
  later: '2c000000-0000-4000-8000-000000000009',
};
const now = '2026-03-02T09:00:00.000Z';

let version = 1;
const upsert = (entity: SyncChange['entity'], id: string, data: Record<string, unknown>, ofCase = caseId): SyncChange =>
  ({ kind: 'upsert', entity, id, version: version++, caseId: ofCase, data: entityRow(entity, { id, caseId: ofCase, ...data }) });
const kase = (id: string, caseNumber: string, extra: Record<string, unknown> = {}): SyncChange => upsert('case', id, {
  caseNumber, caseType: 'highly_skilled_migrant', regime: 'regular', status: 'in_progress', receivedOn: '2026-02-02', updatedAt: now,
  teamId: 't1', ...extra,
}, id);
const message = (id: string, data: Record<string, unknown>, ofCase = caseId): SyncChange =>
  upsert('message', id, { threadId: thread, direction: 'outbound', authorId: colleague, sentAt: now, delivery: 'pending', ...data }, ofCase);

let host: Host;
let inbound: InboundStore;
let outbox: Outbox;

function fill(): void {
  host.cache.sqlite.prepare('UPDATE sync_state SET user_id = ? WHERE id = 1').run(me);
  inbound = new InboundStore(host.cache.sqlite, () => me);
  outbox = new Outbox(host.cache.sqlite, inbound);
  inbound.applyPage({
    nextCursor: '1', hasMore: false, changes: [
      kase(caseId, 'IND-2026-000101', {
        application: { correspondenceLanguage: 'en' },
        biometrics: { kind: 'ind_desk', location: 'IND-loket Den Haag, Rijswijkseweg 1', at: '2026-03-10T09:30:00.000Z' },
      }),
      upsert('party', 'p1', {
        role: 'applicant', name: 'Samira El Amrani', address: { street: 'Lange Voorhout 12', postcode: '2514 EA', city: 'Den Haag' },
      }),
      upsert('party', 'p2', { role: 'representative', name: 'mr. J.P. de Vries', organisation: 'De Vries Advocaten', address: { street: 'Postbus 1234', postcode: '2501 CA', city: 'Den Haag' } }),
      upsert('user', me, { displayName: 'Ilse de Wit', teamIds: ['t1'] }),
      upsert('user', colleague, { displayName: 'Karim Bouzid', teamIds: ['t1'] }),
      upsert('messageThread', thread, { subject: 'Uw verblijfsvergunning', counterpart: 'applicant', createdAt: '2026-02-20T10:00:00.000Z' }),
      message(ids.inbound, { direction: 'inbound', authorId: null, delivery: null, body: 'Ik heb mijn vingerafdrukken laten afnemen.\nGroet', sentAt: '2026-02-21T10:00:00.000Z' }),
      message(ids.readByColleague, { direction: 'inbound', authorId: null, delivery: null, body: 'Nog een vraag', sentAt: '2026-02-22T10:00:00.000Z' }),
      upsert('messageRead', 'r1', { messageId: ids.readByColleague, userId: colleague }),
      message(ids.sent, { body: 'Wij hebben uw bericht ontvangen', sentAt: '2026-02-23T10:00:00.000Z' }),
      message(ids.delivered, { body: 'Uw afspraak staat', delivery: 'delivered', deliveredAt: now, sentAt: '2026-02-24T10:00:00.000Z' }),
      message(ids.undeliverable, { body: 'Tweede poging', delivery: 'failed', deliveryFailure: 'mailbox_closed', sentAt: '2026-02-25T10:00:00.000Z' }),
      kase(otherCaseId, 'IND-2026-000102'),
      upsert('party', 'p3', { role: 'applicant', name: 'Ada Applicant' }, otherCaseId),
    ],
  }, now);
}

beforeEach(() => {
  version = 1;
  host = createHost({ dataDir: ':memory:', logger: silentLogger });
  fill();
});
afterEach(() => host.close());

function connect() {
  const [hostEnd, clientEnd] = endpointPair();
  host.serve(hostEnd);
  return connectRpc(clientEnd, { calls, events, timeoutMs: 30_000 });
}

function queueRow(id: string) {
  const reader = new QueueReader(host.cache.sqlite);
  const result = reader.read({ tab: 'team', filter: {}, sort: { column: 'priority', direction: 'desc' }, offset: 0, limit: 50 },
    { userId: me, teamIds: ['t1'], today: '2026-03-02' }, { users: new Map(), teams: new Map() });
  return result.items.find((row) => row.id === id);
}

function refuse(messageId: string): void {
  const batch = outbox.takeBatch(100).filter((envelope) => (envelope.args as { messageId?: string }).messageId === messageId);
  outbox.applyResults(batch, batch.map((envelope) => ({ clientMutationId: envelope.clientMutationId, status: 'rejected', code: 'forbidden', reason: 'test' })), now);
}

describe('messages.threads and messages.thread', () => {
  it('shows every state: queued, sent, delivered, failed with its code, received; a queued new thread is pending', async () => {
    outbox.enqueue('message.send', { caseId, threadId: thread, messageId: ids.queued, body: 'Graag uw paspoort' }, '2026-02-26T10:00:00.000Z');
    outbox.enqueue('message.send', { caseId, threadId: thread, messageId: ids.refused, body: 'Geweigerd' }, '2026-02-26T11:00:00.000Z');
    refuse(ids.refused);
    outbox.enqueue('message.send', {
      caseId, threadId: newThread, messageId: ids.opening, body: 'Een nieuw gesprek', newThread: { subject: 'Afspraak', counterpart: 'representative' },
    }, '2026-02-27T10:00:00.000Z');
    const client = connect();
    const { threads, counterparts } = await client.call('messages.threads', { caseId });
    expect(counterparts).toEqual([
      { counterpart: 'applicant', name: 'Samira El Amrani', language: 'en' },
      { counterpart: 'representative', name: 'mr. J.P. de Vries', language: 'nl' },
    ]);
    expect(threads.map((summary) => [summary.id, summary.pending, summary.outboxState])).toEqual([
      [newThread, true, 'queued'], [thread, false, 'failed'],
    ]);
    expect(threads[0]).toMatchObject({ subject: 'Afspraak', counterpart: 'representative', counterpartName: 'mr. J.P. de Vries', messageCount: 1, unread: 0 });
    expect(threads[1]).toMatchObject({ messageCount: 7, unread: 2, lastMessageAt: '2026-02-26T11:00:00.000Z', lastMessagePreview: 'Geweigerd' });

    const { messages } = await client.call('messages.thread', { threadId: thread });
    // Only a delivery My IND refused can be offered again; a message the central API refused is written anew.
    expect(messages.map((view) => [view.id, view.state, view.failure, view.retryable])).toEqual([
      [ids.inbound, 'received', null, false], [ids.readByColleague, 'received', null, false], [ids.sent, 'sent', null, false],
      [ids.delivered, 'delivered', null, false], [ids.undeliverable, 'failed', 'mailbox_closed', true], [ids.queued, 'queued', null, false],
      [ids.refused, 'failed', 'forbidden', false],
    ]);
    expect(messages[1]).toMatchObject({ authorName: null, readByMe: false, readBy: ['Karim Bouzid'] });
    expect(messages[2]).toMatchObject({ authorName: 'Karim Bouzid', readBy: [] });
    expect(messages[5]).toMatchObject({ authorName: 'Ilse de Wit' });
    expect((await client.call('messages.thread', { threadId: newThread })).thread).toMatchObject({ pending: true, caseId });
  });

  it('shows a failed delivery as queued again while its retry is in the outbox', async () => {
    outbox.enqueue('message.retryDelivery', { messageId: ids.undeliverable }, now);
    const { messages } = await connect().call('messages.thread', { threadId: thread });
    expect(messages.find((view) => view.id === ids.undeliverable)).toMatchObject({ state: 'queued', failure: null });
  });

  it('counts a queued markThreadRead as read by me at once: thread, badge and queue row', async () => {
    const client = connect();
    expect(await client.call('messages.unread', {})).toEqual({ total: 2, cases: 1 });
    expect(queueRow(caseId)).toMatchObject({ unread: 2 });
    expect(queueRow(caseId)?.flags).toContain('newMessage');

    outbox.enqueue('message.markThreadRead', { threadId: thread, upTo: '2026-02-21T10:00:00.000Z' }, now);
    const partly = await client.call('messages.thread', { threadId: thread });
    expect(partly.messages.filter((view) => view.readByMe).map((view) => view.id)).toEqual([ids.inbound]);
    expect(partly.messages[0]?.readBy).toEqual(['Ilse de Wit']);
    expect(partly.thread.unread).toBe(1);
    expect(queueRow(caseId)).toMatchObject({ unread: 1 });

    outbox.enqueue('message.markThreadRead', { threadId: thread, upTo: now }, now);
    expect((await client.call('messages.thread', { threadId: thread })).thread.unread).toBe(0);
    expect(await client.call('messages.unread', {})).toEqual({ total: 0, cases: 0 });
    expect(queueRow(caseId)).toMatchObject({ unread: 0 });
    expect(queueRow(caseId)?.flags).not.toContain('newMessage');
  });

  it('reads are per user: my read row counts, a colleague\'s does not, and a pulled read updates the queue', async () => {
    inbound.applyPage({ nextCursor: '2', hasMore: false, changes: [upsert('messageRead', 'r2', { messageId: ids.inbound, userId: me })] }, now);
    const client = connect();
    expect(await client.call('messages.unread', {})).toEqual({ total: 1, cases: 1 });
    expect(queueRow(caseId)).toMatchObject({ unread: 1 });
    const { messages } = await client.call('messages.thread', { threadId: thread });
    expect(messages.slice(0, 2).map((view) => view.readByMe)).toEqual([true, false]);
  });

  it('refuses a case or thread the cache does not have', async () => {
    const client = connect();
    await expect(client.call('messages.threads', { caseId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.call('messages.thread', { threadId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('messages.search', () => {
  it('finds words as prefixes in bodies and subjects, newest first, with the marks in the snippet', async () => {
    outbox.enqueue('message.send', { caseId, threadId: thread, messageId: ids.queued, body: 'Stuur uw vingerafdrukformulier mee' }, '2026-02-26T10:00:00.000Z');
    const client = connect();
    const { hits } = await client.call('messages.search', { query: 'vingerafdruk' });
    expect(hits.map((hit) => hit.messageId)).toEqual([ids.queued, ids.inbound]);
    const hit = hits[1];
    expect(hit).toMatchObject({ caseId, caseNumber: 'IND-2026-000101', subject: 'Uw verblijfsvergunning', direction: 'inbound', threadId: thread });
    const [from, to] = hit?.marks[0] ?? [0, 0];
    expect(hit?.snippet.slice(from, to)).toBe('vingerafdrukken');
    expect((await client.call('messages.search', { query: 'verblijfsvergunning', caseId })).hits).toHaveLength(6);
    expect((await client.call('messages.search', { query: 'verblijfsvergunning', caseId: otherCaseId })).hits).toEqual([]);
  });

  it('takes FTS5 syntax in the query as text', async () => {
    const client = connect();
    for (const query of ['"vinger', 'vinger* OR body:x', 'NEAR(a b)', '-afspraak', '(', '^uw', '***']) {
      await expect(client.call('messages.search', { query })).resolves.toBeDefined();
    }
    expect((await client.call('messages.search', { query: 'body:afspraak' })).hits.map((hit) => hit.messageId)).toEqual([]);
    expect((await client.call('messages.search', { query: '"afspraak"' })).hits.map((hit) => hit.messageId)).toEqual([ids.delivered]);
  });

  it('follows the pull: an edited body is found by its new words, a tombstoned message no more', async () => {
    inbound.applyPage({ nextCursor: '2', hasMore: false, changes: [
      message(ids.sent, { body: 'Gewijzigde tekst over legeskosten', sentAt: '2026-02-23T10:00:00.000Z' }),
      { kind: 'tombstone', entity: 'message', id: ids.delivered, version: 999, caseId },
    ] }, now);
    const client = connect();
    expect((await client.call('messages.search', { query: 'leges' })).hits.map((hit) => hit.messageId)).toEqual([ids.sent]);
    expect((await client.call('messages.search', { query: 'ontvangen' })).hits).toEqual([]);
    expect((await client.call('messages.search', { query: 'afspraak' })).hits).toEqual([]);
  });
});

describe('messages.templates and messages.compose', () => {
  it('lists the templates for a counterpart in their language', async () => {
    const client = connect();
    const applicant = await client.call('messages.templates', { caseId, counterpart: 'applicant' });
    expect(applicant.items.map((item) => [item.id, item.language])).toEqual([
      ['request_information', 'en'], ['status_update', 'en'], ['appointment_confirmation', 'en'], ['answer_question', 'en'],
    ]);
    const representative = await client.call('messages.templates', { caseId, counterpart: 'representative' });
    expect(representative.items[0]).toMatchObject({ title: 'Vraag om informatie', language: 'nl' });
  });

  it('renders the appointment in Amsterdam time for the counterpart', async () => {
    const composed = await connect().call('messages.compose', { caseId, counterpart: 'representative', templateId: 'appointment_confirmation', language: 'nl' });
    expect(composed.subject).toBe('Bevestiging van de afspraak voor zaak IND-2026-000101');
    expect(composed.body).toContain('Datum: 10 maart 2026');
    expect(composed.body).toContain('Tijd: 10:30 uur');
    expect(composed.body).toContain('Locatie: IND-loket Den Haag, Rijswijkseweg 1');
    expect(composed.body.split('\n')[0]).toMatch(/^Geachte/);
  });

  it('names the missing field when the case lacks a fact', async () => {
    const client = connect();
    inbound.applyPage({ nextCursor: '2', hasMore: false, changes: [kase(caseId, 'IND-2026-000101', { biometrics: null })] }, now);
    await expect(client.call('messages.compose', { caseId, counterpart: 'applicant', templateId: 'appointment_confirmation', language: 'en' }))
      .rejects.toMatchObject({ code: 'not_found', details: { reason: 'missing_facts', missing: 'appointment.date,appointment.time,appointment.location' } });
    await expect(client.call('messages.compose', { caseId, counterpart: 'sponsor', templateId: 'status_update', language: 'nl' }))
      .rejects.toMatchObject({ code: 'not_found', details: { missing: 'sponsor.name' } });
  });
});

describe('new inbound messages', () => {
  it('are announced after the first filling only, once committed, ids only; a case coming into scope is not news', () => {
    expect(inbound.takeReceived()).toEqual([]);
    inbound.applyPage({ nextCursor: '2', hasMore: false, changes: [
      message(ids.later, { direction: 'inbound', authorId: null, delivery: null, body: 'Nieuw', sentAt: now }),
      message('2c000000-0000-4000-8000-00000000000a', { body: 'Uitgaand', sentAt: now }),
      kase('8a4c1f52-0d6e-4b7a-9b1e-2f3c4d5e6f72', 'IND-2026-000103'),
      upsert('party', 'p9', { role: 'applicant', name: 'New Scope' }, '8a4c1f52-0d6e-4b7a-9b1e-2f3c4d5e6f72'),
      upsert('messageThread', 't9', { subject: 'Oud', counterpart: 'applicant' }, '8a4c1f52-0d6e-4b7a-9b1e-2f3c4d5e6f72'),
      message('2c000000-0000-4000-8000-00000000000b', { threadId: 't9', direction: 'inbound', authorId: null, delivery: null, body: 'Oud' }, '8a4c1f52-0d6e-4b7a-9b1e-2f3c4d5e6f72'),
    ] }, now);
    expect(inbound.takeReceived()).toEqual([{ caseId, caseNumber: 'IND-2026-000101', threadId: thread, messageId: ids.later, counterpart: 'applicant' }]);
    expect(inbound.takeReceived()).toEqual([]);
    // The same row again (a repeated page) is no news either.
    inbound.applyPage({ nextCursor: '3', hasMore: false, changes: [message(ids.later, { direction: 'inbound', authorId: null, delivery: null, body: 'Nieuw', sentAt: now })] }, now);
    expect(inbound.takeReceived()).toEqual([]);
  });
});

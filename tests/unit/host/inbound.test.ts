import { beforeEach, describe, expect, it } from 'vitest';
import { openCache, type OpenedCache } from '../../../src/main/host/db/open';
import { InboundStore } from '../../../src/main/host/sync/inbound';
import { Outbox } from '../../../src/main/host/sync/outbox';
import type { PullResponse, SyncChange } from '../../../src/shared/sync';
import { entityRow } from '../../helpers/entity-rows';

const caseId = '8a4c1f52-0d6e-4b7a-9b1e-2f3c4d5e6f70';
const me = 'user-me';
const now = '2026-03-02T09:00:00.000Z';

const kase = (version: number, changes: Record<string, unknown> = {}): SyncChange => ({
  kind: 'upsert', entity: 'case', id: caseId, version, caseId, data: entityRow('case', {
    id: caseId, caseNumber: 'IND-1', caseType: 'study', regime: 'regular', status: 'intake', teamId: 't1', assigneeId: null,
    receivedOn: '2026-02-02', deadline: '2026-05-04', penaltyAmountCents: 0, decision: null, version, updatedAt: now, ...changes,
  }),
});
const applicant: SyncChange = {
  kind: 'upsert', entity: 'party', id: 'p1', version: 1, caseId,
  data: entityRow('party', { id: 'p1', caseId, role: 'applicant', name: 'Ada Applicant', vNumber: '0012345678', organisation: null }),
};
const page = (changes: SyncChange[], nextCursor: string, hasMore = false): PullResponse => ({ changes, nextCursor, hasMore });

let cache: OpenedCache;
let inbound: InboundStore;
let outbox: Outbox;
beforeEach(() => {
  cache = openCache({ file: ':memory:' });
  inbound = new InboundStore(cache.sqlite, () => me);
  outbox = new Outbox(cache.sqlite, inbound);
});

const listed = () => cache.sqlite.prepare('SELECT id, assignee, status, version, applicant_name AS applicant FROM cases').all();
const cursor = () => cache.sqlite.prepare('SELECT cursor FROM sync_state').pluck().get();

describe('applying pulled pages', () => {
  it('lists a case once its applicant has arrived, across pages, and stores each page\'s cursor', () => {
    inbound.applyPage(page([kase(1)], '5', true), now);
    expect(listed()).toEqual([]);
    expect(cursor()).toBe('5');
    inbound.applyPage(page([applicant], '6'), now);
    expect(listed()).toEqual([{ id: caseId, assignee: null, status: 'intake', version: 1, applicant: 'Ada Applicant' }]);
    expect(cache.sqlite.prepare('SELECT bootstrapped FROM sync_state').pluck().get()).toBe(1);
  });

  it('applies a row only when newer, so a repeated or late page is harmless', () => {
    inbound.applyPage(page([kase(1), applicant, kase(3, { status: 'in_progress' })], '7'), now);
    inbound.applyPage(page([kase(2, { status: 'closed' }), kase(3, { status: 'closed' })], '8'), now);
    expect(listed()).toMatchObject([{ version: 3, status: 'in_progress' }]);
  });

  it('parks a row it cannot apply instead of dropping it or failing the page', () => {
    const broken: SyncChange = { ...kase(4), data: { ...(kase(4) as { data: object }).data, receivedOn: '2026-02-30' } } as SyncChange;
    inbound.applyPage(page([kase(1), applicant, broken], '9'), now);
    expect(listed()).toMatchObject([{ version: 1 }]);
    expect(cache.sqlite.prepare('SELECT entity, entity_id AS id, reason FROM parked').all()).toEqual([{ entity: 'case', id: caseId, reason: 'invalid:receivedOn' }]);
    expect(cursor()).toBe('9');
  });

  it('re-applies pending local work on top of every newer server row (rebase)', () => {
    inbound.applyPage(page([kase(1), applicant], '2'), now);
    outbox.enqueue('case.claim', { caseId }, now);
    expect(listed()).toMatchObject([{ assignee: me, status: 'in_progress' }]);
    inbound.applyPage(page([kase(2, { status: 'waiting_on_applicant' })], '3'), now);
    expect(listed()).toMatchObject([{ assignee: me, status: 'waiting_on_applicant', version: 2 }]);
    expect(JSON.parse(cache.sqlite.prepare('SELECT base FROM outbox').pluck().get() as string)).toEqual({ assigneeId: null });
  });

  it('keeps a case that left scope while it has pending work, and drops it once that work is answered', () => {
    inbound.applyPage(page([kase(1), applicant], '2'), now);
    const { clientMutationId } = outbox.enqueue('case.addNote', { caseId, noteId: '0b7f6a1e-3c2d-4e5f-8a9b-0c1d2e3f4a5b', body: 'hi' }, now);
    inbound.applyPage(page([{ kind: 'leave', entity: 'case', id: caseId, caseId }], '3'), now);
    expect(listed()).toHaveLength(1);
    expect(inbound.replayParkedLeaves()).toEqual([]);
    const batch = outbox.takeBatch(10);
    outbox.applyResults(batch, [{ clientMutationId, status: 'applied', serverSeq: '4' }], now);
    expect(inbound.replayParkedLeaves()).toEqual([caseId]);
    expect(listed()).toEqual([]);
    expect(cache.sqlite.prepare('SELECT count(*) FROM parked').pluck().get()).toBe(0);
  });

  it('fills the search index once when the bootstrap ends, with the same entries as row by row', () => {
    const sponsor: SyncChange = {
      kind: 'upsert', entity: 'party', id: 'p2', version: 1, caseId,
      data: entityRow('party', { id: 'p2', caseId, role: 'sponsor', name: 'Sara Sponsor', vNumber: null, organisation: 'Tulip B.V.' }),
    };
    const search = () => cache.sqlite.prepare('SELECT rowid, case_number, applicant_name, v_number, sponsor FROM cases_search').all();
    inbound.applyPages([page([kase(1), applicant], '3', true), page([sponsor], '4', true)], now);
    expect(listed()).toHaveLength(1);
    expect(search()).toEqual([]);
    inbound.applyPage(page([], '5'), now);
    const filled = search();
    expect(filled).toEqual([{ rowid: expect.any(Number), case_number: 'IND-1', applicant_name: 'Ada Applicant', v_number: '0012345678', sponsor: 'Sara Sponsor Tulip B.V.' }]);
    // Once bootstrapped, a change updates its entry row by row, to the same content.
    inbound.applyPage(page([kase(2, { status: 'in_progress' })], '6'), now);
    expect(search()).toEqual(filled);
    expect(cache.sqlite.prepare(`SELECT count(*) FROM cases_search WHERE cases_search MATCH 'tulip'`).pluck().get()).toBe(1);
  });

  it('does not list a case written and then tombstoned or left within one group of pages', () => {
    inbound.applyPages([page([kase(1), applicant], '3', true), page([{ kind: 'tombstone', entity: 'case', id: caseId, version: 2, caseId }], '4')], now);
    expect(listed()).toEqual([]);
    inbound.applyPages([page([kase(3), applicant], '5', true), page([{ kind: 'leave', entity: 'case', id: caseId, caseId }], '6')], now);
    expect(listed()).toEqual([]);
    inbound.applyPages([page([kase(4), applicant], '7')], now);
    expect(listed()).toMatchObject([{ version: 4 }]);
    expect(cache.sqlite.prepare(`SELECT count(*) FROM cases_search WHERE cases_search MATCH 'ada'`).pluck().get()).toBe(1);
  });

  it('removes a tombstoned party from search and the list', () => {
    inbound.applyPage(page([kase(1), applicant], '2'), now);
    expect(cache.sqlite.prepare(`SELECT count(*) FROM cases_search WHERE cases_search MATCH 'ada'`).pluck().get()).toBe(1);
    inbound.applyPage(page([{ kind: 'tombstone', entity: 'party', id: 'p1', version: 2, caseId }], '3'), now);
    expect(listed()).toEqual([]);
    expect(cache.sqlite.prepare(`SELECT count(*) FROM cases_search WHERE cases_search MATCH 'ada'`).pluck().get()).toBe(0);
  });

  it('keeps my side of a conflict by queueing it again against the server\'s current value', () => {
    inbound.applyPage(page([kase(1), applicant], '2'), now);
    const { clientMutationId } = outbox.enqueue('case.claim', { caseId }, now);
    const batch = outbox.takeBatch(10);
    outbox.applyResults(batch, [{ clientMutationId, status: 'conflict', fields: ['assigneeId'], entity: 'case', id: caseId, server: { assigneeId: 'user-other' } }], now);
    expect(listed()).toMatchObject([{ assignee: null }]);
    inbound.applyPage(page([kase(2, { assigneeId: 'user-other' })], '3'), now);
    const [conflict] = outbox.conflicts();
    expect(outbox.resolveConflict(conflict?.id ?? 0, 'mine', now)).toBe(caseId);
    expect(outbox.conflicts()).toEqual([]);
    const items = outbox.items();
    expect(items).toMatchObject([{ name: 'case.claim', state: 'queued' }]);
    expect(items[0]?.clientMutationId).not.toBe(clientMutationId);
    expect(JSON.parse(cache.sqlite.prepare('SELECT base FROM outbox').pluck().get() as string)).toEqual({ assigneeId: 'user-other' });
    expect(listed()).toMatchObject([{ assignee: me }]);
  });

  it('refuses a mutation with invalid arguments before anything is written', () => {
    expect(() => outbox.enqueue('case.claim', { caseId: 'not-a-uuid' }, now)).toThrow(/Invalid arguments/);
    expect(() => outbox.enqueue('case.explode', {}, now)).toThrow(/Unknown mutation/);
    expect(outbox.items()).toEqual([]);
  });
});

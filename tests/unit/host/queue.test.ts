import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeViewSettings, type QueueArgs } from '../../../src/shared/contract';
import { queueArgs } from '../../../src/shared/contract/queue';
import { openCache, type OpenedCache } from '../../../src/main/host/db/open';
import { QueueService } from '../../../src/main/host/queue/service';
import { rankCase, rankedFor } from '../../../src/main/host/queue/rank';
import { InboundStore } from '../../../src/main/host/sync/inbound';
import { Outbox } from '../../../src/main/host/sync/outbox';
import type { SyncChange } from '../../../src/shared/sync';
import { entityRow } from '../../helpers/entity-rows';

const me = '00000000-0000-4000-8000-0000000000a1';
const colleague = '00000000-0000-4000-8000-0000000000a2';
const teamA = '00000000-0000-4000-8000-00000000000a';
const teamB = '00000000-0000-4000-8000-00000000000b';
const now = '2026-03-02T09:00:00.000Z';
let today = '2026-03-02';

let cache: OpenedCache;
let inbound: InboundStore;
let outbox: Outbox;
let queue: QueueService;
const mutations: { name: string; args: unknown }[] = [];

function upsert(entity: SyncChange['entity'], data: Record<string, unknown> & { id: string }, caseId: string | null = null): SyncChange {
  return { kind: 'upsert', entity, id: data.id, version: 1, caseId, data: entityRow(entity, data) };
}

/** A case with its applicant (and optional children), as pulled from the server. */
function caseChanges(fields: Record<string, unknown> & { caseNumber: string }, applicantName = 'Ada Applicant', children: SyncChange[] = []): { id: string; changes: SyncChange[] } {
  const id = randomUUID();
  return {
    id,
    changes: [
      upsert('case', {
        id, caseType: 'work', regime: 'regular', status: 'in_progress', teamId: teamA, assigneeId: null, receivedOn: '2026-01-05',
        deadline: '2026-04-05', penaltyAmountCents: 0, decision: null, decidedOn: null, updatedAt: now, ...fields,
      }, id),
      upsert('party', { id: randomUUID(), caseId: id, role: 'applicant', name: applicantName, vNumber: '0012345678', organisation: null }, id),
      ...children.map((child) => ({ ...child, caseId: id, data: { ...(child as { data: object }).data, caseId: id } }) as SyncChange),
    ],
  };
}

function load(cases: { changes: SyncChange[] }[]): void {
  const directory = [
    upsert('user', { id: me, displayName: 'Mila Medewerker', role: 'caseworker', teamIds: [teamA], active: true }),
    upsert('user', { id: colleague, displayName: 'Cor Collega', role: 'caseworker', teamIds: [teamA], active: true }),
    upsert('team', { id: teamA, name: 'Team A' }),
    upsert('team', { id: teamB, name: 'Team B' }),
  ];
  inbound.applyPage({ changes: [...directory, ...cases.flatMap((kase) => kase.changes)], nextCursor: '10', hasMore: false }, now);
}

const read = (args: QueueArgs) => queue.queue(queueArgs.parse(args) as Parameters<QueueService['queue']>[0]);
const numbers = (args: QueueArgs) => read(args).items.map((item) => item.caseNumber);

beforeEach(() => {
  today = '2026-03-02';
  mutations.length = 0;
  cache = openCache({ file: ':memory:' });
  inbound = new InboundStore(cache.sqlite, () => me, () => today);
  outbox = new Outbox(cache.sqlite, inbound);
  queue = new QueueService({
    sqlite: cache.sqlite, userId: () => me, today: () => today,
    mutate: (name, args) => {
      mutations.push({ name, args });
      return outbox.enqueue(name, args, now);
    },
  });
});

describe('ranking a case with the domain engine', () => {
  const base = { regime: 'regular', caseType: 'work', status: 'in_progress', receivedOn: '2026-01-05', decidedOn: null, noticeOfDefaultOn: null, flags: 0 };
  it('puts an overdue case above one due this week, and one due this week above one on track', () => {
    const overdue = rankCase({ ...base, deadline: '2026-03-01' }, today);
    const soon = rankCase({ ...base, deadline: '2026-03-06' }, today);
    const later = rankCase({ ...base, deadline: '2026-06-01' }, today);
    expect([overdue.band, soon.band, later.band]).toEqual(['overdue', 'due_within_7_days', 'on_track']);
    expect(overdue.score).toBeGreaterThan(soon.score);
    expect(soon.score).toBeGreaterThan(later.score);
  });

  it('ranks a case without a deadline below every open case with one, and a decided case below that', () => {
    const noDeadline = rankCase({ ...base, deadline: null }, today);
    const onTrack = rankCase({ ...base, deadline: '2026-09-01' }, today);
    const decided = rankCase({ ...base, status: 'decided', deadline: '2026-04-01', decidedOn: '2026-02-20' }, today);
    expect(noDeadline.band).toBe('no_deadline');
    expect(onTrack.score).toBeGreaterThan(noDeadline.score);
    expect(noDeadline.score).toBeGreaterThan(decided.score);
    expect(decided).toMatchObject({ band: 'decided', open: false });
  });

  it('never throws on a regime it does not know', () => {
    expect(rankCase({ ...base, regime: 'martian', deadline: '2026-03-01' }, today)).toMatchObject({ band: 'no_deadline', score: 0 });
  });
});

describe('the work queue', () => {
  it('shows my open cases, my team\'s and the unassigned ones, most urgent first', () => {
    load([
      caseChanges({ caseNumber: 'MINE-LATE', assigneeId: me, deadline: '2026-02-20' }),
      caseChanges({ caseNumber: 'MINE-LATER', assigneeId: me, deadline: '2026-05-20' }),
      caseChanges({ caseNumber: 'HIS', assigneeId: colleague, deadline: '2026-03-04' }),
      caseChanges({ caseNumber: 'FREE', deadline: '2026-03-10' }),
      caseChanges({ caseNumber: 'DONE', assigneeId: me, status: 'decided', decidedOn: '2026-02-01', deadline: '2026-02-10' }),
      caseChanges({ caseNumber: 'OTHER-TEAM', teamId: teamB, deadline: '2026-03-03' }),
    ]);
    expect(numbers({ tab: 'mine' })).toEqual(['MINE-LATE', 'MINE-LATER']);
    expect(numbers({ tab: 'team' })).toEqual(['MINE-LATE', 'HIS', 'FREE', 'MINE-LATER']);
    expect(numbers({ tab: 'unassigned' })).toEqual(['FREE']);
    expect(numbers({ tab: 'mine', filter: { statuses: ['decided'] } })).toEqual(['DONE']);
    const result = read({ tab: 'team' });
    expect(result.total).toBe(4);
    expect(result.items[1]).toMatchObject({ assigneeName: 'Cor Collega', teamName: 'Team A', band: 'due_within_7_days' });
  });

  it('filters by deadline window, case type, flag and assignee, and sorts by any column', () => {
    load([
      caseChanges({ caseNumber: 'A', deadline: '2026-02-27' }, 'Zoë Zwart'),
      caseChanges({ caseNumber: 'B', deadline: '2026-03-12', caseType: 'asylum_unaccompanied_minor', regime: 'asylum' }, 'Bram de Boer'),
      caseChanges({ caseNumber: 'C', deadline: '2026-03-30', assigneeId: colleague }, 'Anna Appel'),
    ]);
    expect(numbers({ tab: 'team', filter: { window: 'overdue' } })).toEqual(['A']);
    expect(numbers({ tab: 'team', filter: { window: '14' } })).toEqual(['A', 'B']);
    expect(numbers({ tab: 'team', filter: { window: '30' } })).toEqual(['A', 'B', 'C']);
    expect(numbers({ tab: 'team', filter: { caseTypes: ['asylum_unaccompanied_minor'] } })).toEqual(['B']);
    expect(numbers({ tab: 'team', filter: { flags: ['vulnerable'] } })).toEqual(['B']);
    expect(numbers({ tab: 'team', filter: { assignees: [colleague] } })).toEqual(['C']);
    expect(numbers({ tab: 'team', sort: { column: 'applicant', direction: 'asc' } })).toEqual(['C', 'B', 'A']);
    expect(numbers({ tab: 'team', sort: { column: 'deadline', direction: 'desc' } })).toEqual(['C', 'B', 'A']);
    expect(read({ tab: 'team', filter: { caseTypes: ['asylum_unaccompanied_minor'] } }).items[0]?.flags).toEqual(['vulnerable']);
  });

  it('searches applicant name, V-number and case number within the tab', () => {
    load([caseChanges({ caseNumber: 'IND-2026-0001' }, 'Jürgen Müller'), caseChanges({ caseNumber: 'IND-2026-0002' }, 'Fatima el Amrani')]);
    expect(numbers({ tab: 'team', filter: { text: 'muller' } })).toEqual(['IND-2026-0001']);
    expect(numbers({ tab: 'team', filter: { text: '0002' } })).toEqual(['IND-2026-0002']);
    expect(numbers({ tab: 'mine', filter: { text: 'muller' } })).toEqual([]);
    expect(read({ tab: 'team', filter: { text: '"*' } })).toMatchObject({ items: [], total: 0 });
  });

  it('flags waiting on the applicant, a notice of default, an unread message and a new document until I open the case', () => {
    const kase = caseChanges({ caseNumber: 'FLAGS', deadline: '2026-02-10' }, 'Ada', [
      upsert('suspension', { id: randomUUID(), requestedOn: '2026-02-01', dueOn: '2026-03-01', endedOn: null, documents: ['passport'] }),
      upsert('noticeOfDefault', { id: randomUUID(), receivedOn: '2026-02-25' }),
      upsert('message', { id: randomUUID(), direction: 'inbound', body: 'hi', readAt: null, sentAt: now }),
      upsert('document', { id: randomUUID(), title: 'Paspoort', kind: 'passport', mediaType: 'application/pdf', sha256: 'a'.repeat(64), size: 10, uploadedAt: '2026-02-26T10:00:00.000Z' }),
    ]);
    load([kase]);
    const [row] = read({ tab: 'team' }).items;
    expect(row?.flags).toEqual(['noticeOfDefault', 'waiting', 'newDocument', 'newMessage']);
    expect(row?.band).toBe('notice_of_default');
    queue.markSeen(kase.id, '2026-03-02T10:00:00.000Z');
    expect(read({ tab: 'team' }).items[0]?.flags).toEqual(['noticeOfDefault', 'waiting', 'newMessage']);
    expect(numbers({ tab: 'team', filter: { flags: ['newDocument'] } })).toEqual([]);
  });

  it('ranks every case again when the day changes', () => {
    load([caseChanges({ caseNumber: 'SOON', deadline: '2026-03-20' })]);
    expect(read({ tab: 'team' }).items[0]?.band).toBe('due_within_30_days');
    expect(rankedFor(cache.sqlite)).toBe('2026-03-02');
    today = '2026-03-21';
    const result = read({ tab: 'team' });
    expect(result).toMatchObject({ today: '2026-03-21', items: [{ band: 'overdue' }] });
    expect(rankedFor(cache.sqlite)).toBe('2026-03-21');
  });

  it('ranks every case again on the new day even when a pull came in first', () => {
    load([caseChanges({ caseNumber: 'SOON', deadline: '2026-03-20' })]);
    today = '2026-03-21';
    // Another case changes overnight: only it is projected for the new day, so the day is not yet ranked.
    const other = caseChanges({ caseNumber: 'OTHER', deadline: '2026-06-01' });
    inbound.applyPage({ changes: other.changes, nextCursor: '11', hasMore: false }, now);
    expect(rankedFor(cache.sqlite)).toBe('2026-03-02');
    expect(read({ tab: 'team', sort: { column: 'priority', direction: 'desc' } }).items.map((item) => [item.caseNumber, item.band]))
      .toEqual([['SOON', 'overdue'], ['OTHER', 'on_track']]);
  });

  it('takes the most urgent unassigned case of my teams, claims it through the outbox and marks the row unsynced', () => {
    const urgent = caseChanges({ caseNumber: 'URGENT', deadline: '2026-03-03' });
    load([caseChanges({ caseNumber: 'CALM', deadline: '2026-07-01' }), urgent, caseChanges({ caseNumber: 'ELSEWHERE', teamId: teamB, deadline: '2026-01-01' })]);
    expect(queue.takeNext()).toEqual({ caseId: urgent.id });
    expect(mutations).toEqual([{ name: 'case.claim', args: { caseId: urgent.id } }]);
    const mine = read({ tab: 'mine' });
    expect(mine.items.map((item) => [item.caseNumber, item.syncState, item.flags])).toEqual([['URGENT', 'queued', ['unsynced']]]);
    expect(numbers({ tab: 'team', filter: { flags: ['unsynced'] } })).toEqual(['URGENT']);
    expect(queue.takeNext().caseId).not.toBe(urgent.id);
  });

  it('lists my views and views shared with my team, including ones saved offline, and skips views it cannot read', () => {
    load([]);
    const settings = { tab: 'team' as const, filter: { window: 'overdue' as const, flags: ['vulnerable' as const] }, sort: { column: 'priority' as const, direction: 'desc' as const } };
    const sharedId = randomUUID();
    inbound.applyPage({
      changes: [
        upsert('savedView', { id: sharedId, ownerId: colleague, name: 'Team overdue', filter: encodeViewSettings(settings), teamId: teamA }),
        upsert('savedView', { id: randomUUID(), ownerId: me, name: 'Broken', filter: { tab: 'nonsense' }, teamId: null }),
      ],
      nextCursor: '11', hasMore: false,
    }, now);
    const offlineId = randomUUID();
    outbox.enqueue('view.save', { viewId: offlineId, name: 'Mine offline', filter: encodeViewSettings({ ...settings, tab: 'mine' }) }, now);
    expect(queue.views().items).toEqual([
      { id: offlineId, name: 'Mine offline', settings: { ...settings, tab: 'mine' }, mine: true, ownerName: 'Mila Medewerker', teamId: null, pending: true },
      { id: sharedId, name: 'Team overdue', settings, mine: false, ownerName: 'Cor Collega', teamId: teamA, pending: false },
    ]);
  });
});

describe('query plans of the queue', () => {
  const planOf = (args: QueueArgs): string => {
    const parsed = queueArgs.parse(args) as Parameters<QueueService['queue']>[0];
    const reader = (queue as unknown as { reader: { sqlOf: (q: unknown, v: unknown) => { rows: string; parameters: unknown[] } } }).reader;
    const sql = reader.sqlOf(parsed, { userId: me, teamIds: [teamA], today });
    return (cache.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql.rows}`).all(...sql.parameters, 100, 0) as { detail: string }[]).map((row) => row.detail).join('\n');
  };

  it.each([
    ['mine', { tab: 'mine' }, 'cases_assignee_open_idx'],
    ['unassigned', { tab: 'unassigned' }, 'cases_'],
    ['team', { tab: 'team' }, 'cases_open_'],
    ['team, overdue', { tab: 'team', filter: { window: 'overdue' } }, 'cases_open_'],
  ] as const)('walks an index in priority order for %s, without sorting', (_name, args, index) => {
    const plan = planOf(args as QueueArgs);
    expect(plan).toContain(index);
    expect(plan).not.toContain('TEMP B-TREE');
  });
});

describe('why a case is here', () => {
  it('explains the band with the domain engine\'s reasons and the deadline with its steps, suspension included', () => {
    const kase = caseChanges({ caseNumber: 'WHY', deadline: '2026-04-12', caseType: 'asylum_unaccompanied_minor', regime: 'asylum', receivedOn: '2025-10-01' }, 'Ada', [
      upsert('suspension', { id: randomUUID(), requestedOn: '2026-02-01', dueOn: '2026-03-01', endedOn: '2026-02-08', documents: ['passport'] }),
    ]);
    load([kase]);
    const explanation = queue.explain(kase.id);
    expect(explanation.reasons.map((reason) => reason.key)).toContain('priority.reason.vulnerable');
    expect(explanation.deadline?.steps.map((step) => step.key)).toEqual(expect.arrayContaining(['deadline.step.received', 'deadline.step.statutoryPeriod']));
    expect(explanation.deadline?.steps.some((step) => step.key.includes('uspen'))).toBe(true);
    expect(() => queue.explain(randomUUID())).toThrow(/not in the local cache/);
  });
});

describe('query plans of searches, sorts and counts', () => {
  const sqlOf = (args: QueueArgs) => {
    const parsed = queueArgs.parse(args) as Parameters<QueueService['queue']>[0];
    const reader = (queue as unknown as { reader: { sqlOf: (q: unknown, v: unknown) => { rows: string; count: string; parameters: unknown[] } } }).reader;
    return reader.sqlOf(parsed, { userId: me, teamIds: [teamA], today });
  };
  const plan = (sql: string, parameters: unknown[]) =>
    (cache.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((row) => row.detail).join('\n');

  it('starts a search from the full-text matches, not from the tab', () => {
    const sql = sqlOf({ tab: 'team', filter: { text: '0012345678' } });
    const detail = plan(sql.rows, [...sql.parameters, 100, 0]);
    expect(detail).not.toMatch(/USING INDEX cases_open/);
    expect(detail).toMatch(/cases_search|VIRTUAL TABLE/);
  });

  it('counts a filtered tab from an index alone and walks the team\'s applicant index both ways', () => {
    const count = sqlOf({ tab: 'unassigned', filter: { window: 'overdue' } });
    expect(plan(count.count, count.parameters)).toMatch(/COVERING INDEX cases_queue_count_idx/);
    for (const direction of ['asc', 'desc'] as const) {
      const sorted = sqlOf({ tab: 'team', sort: { column: 'applicant', direction } });
      const detail = plan(sorted.rows, [...sorted.parameters, 100, 0]);
      expect(detail).toContain('cases_team_applicant_idx');
      expect(detail).not.toContain('TEMP B-TREE');
    }
  });

  it('counts again only after a write', () => {
    load([caseChanges({ caseNumber: 'ONE' })]);
    expect(read({ tab: 'team' }).total).toBe(1);
    load([caseChanges({ caseNumber: 'TWO' })]);
    expect(read({ tab: 'team' }).total).toBe(2);
  });
});

/**
 * Messages through the sync engine against a scripted API: new inbound messages are announced
 * after the cache's first filling only, and a reading queued offline announces its case (the
 * outbox finds the case of a thread), which the host turns into messages.changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache, type OpenedCache } from '../../../src/main/host/db/open';
import { silentLogger } from '../../../src/main/host/log';
import type { ReceivedMessage } from '../../../src/main/host/messages/projector';
import type { CentralApi, TokenPair } from '../../../src/main/host/sync/api-client';
import type { CasesChange } from '../../../src/main/host/sync/cases-change';
import { SyncEngine } from '../../../src/main/host/sync/engine';
import { memorySecretStore, Session } from '../../../src/main/host/session/session';
import type { PullResponse, SyncChange } from '../../../src/shared/sync';
import { entityRow } from '../../helpers/entity-rows';

const caseId = '8a4c1f52-0d6e-4b7a-9b1e-2f3c4d5e6f70';
const threadId = '1b000000-0000-4000-8000-000000000001';
const first = '2c000000-0000-4000-8000-000000000001';
const second = '2c000000-0000-4000-8000-000000000002';

let cache: OpenedCache;
let pages: Map<string, PullResponse>;
let received: ReceivedMessage[][];
let changes: CasesChange[];

const upsert = (entity: SyncChange['entity'], id: string, data: Record<string, unknown>): SyncChange =>
  ({ kind: 'upsert', entity, id, version: 1, caseId, data: entityRow(entity, { id, caseId, ...data }) });
const inboundMessage = (id: string): SyncChange =>
  upsert('message', id, { threadId, direction: 'inbound', body: 'Geheime inhoud', sentAt: '2026-03-01T10:00:00.000Z' });

const api = {
  login: async (): Promise<TokenPair> => ({
    accessToken: 'access', accessTokenExpiresAt: '', refreshToken: 'refresh', sessionExpiresAt: '',
    user: { id: 'user-1', displayName: 'X', role: 'caseworker' },
  }),
  push: async () => ({ results: [] }),
  pull: async (_token: string, cursor: string | null): Promise<PullResponse> =>
    pages.get(cursor ?? '-') ?? { changes: [], nextCursor: cursor ?? '0', hasMore: false },
} as unknown as CentralApi;

async function engine(): Promise<SyncEngine> {
  const clock = { now: () => new Date('2026-03-02T09:00:00Z') };
  const session = new Session({ sqlite: cache.sqlite, api, secrets: memorySecretStore(), now: clock.now });
  await session.signIn('u', 'p');
  return new SyncEngine({
    sqlite: cache.sqlite, api, session, clock, random: () => 0, logger: silentLogger, schedule: () => () => undefined,
    onDidReceiveMessages: (messages) => received.push(messages), onDidChangeCases: (change) => changes.push(change),
  });
}

beforeEach(() => {
  cache = openCache({ file: ':memory:' });
  received = [];
  changes = [];
  pages = new Map([['-', { nextCursor: '1', hasMore: false, changes: [
    upsert('case', caseId, { caseNumber: 'IND-2026-000101', teamId: 't1' }),
    upsert('party', 'p1', { role: 'applicant', name: 'Samira El Amrani' }),
    upsert('messageThread', threadId, { subject: 'Vraag', counterpart: 'applicant' }),
    inboundMessage(first),
  ] }]]);
});
afterEach(() => cache.sqlite.close());

describe('messages through the sync engine', () => {
  it('announces a new inbound message of a later pull, never those of the first filling', async () => {
    const sync = await engine();
    await sync.syncNow();
    expect(received).toEqual([]);
    pages.set('1', { nextCursor: '2', hasMore: false, changes: [inboundMessage(second)] });
    await sync.syncNow();
    expect(received).toEqual([[{ caseId, caseNumber: 'IND-2026-000101', threadId, messageId: second, counterpart: 'applicant' }]]);
    expect(JSON.stringify(received)).not.toContain('Geheime');
  });

  it('announces the case of a queued markThreadRead, and clears its unread count at once', async () => {
    const sync = await engine();
    await sync.syncNow();
    const unread = cache.sqlite.prepare('SELECT unread FROM cases WHERE id = ?').pluck();
    expect(unread.get(caseId)).toBe(1);
    changes = [];
    sync.mutate('message.markThreadRead', { threadId, upTo: '2026-03-02T09:00:00.000Z' });
    expect(changes).toEqual([{ listed: [caseId], cases: [caseId] }]);
    expect(unread.get(caseId)).toBe(0);
  });
});

/** The engine's pull loop against a scripted API: page sizes, and the next request overlapping the apply. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache, type OpenedCache } from '../../../src/main/host/db/open';
import { silentLogger } from '../../../src/main/host/log';
import type { CentralApi, TokenPair } from '../../../src/main/host/sync/api-client';
import { SyncEngine } from '../../../src/main/host/sync/engine';
import { memorySecretStore, Session } from '../../../src/main/host/sync/session';
import type { PullResponse } from '../../../src/shared/sync';

let cache: OpenedCache;
let events: string[];
/** The pages the scripted server answers, by the cursor asked for ('-' for none). */
let pages: Map<string, PullResponse>;

/** A page of `count` untyped rows (no typed table, nothing to materialise) ending at `nextCursor`. */
function page(nextCursor: string, hasMore: boolean, count = 2): PullResponse {
  const changes = Array.from({ length: count }, (_, index) => ({
    kind: 'upsert' as const, entity: 'note' as const, id: `note-${nextCursor}-${index}`, version: 1, caseId: null, data: {},
  }));
  return { changes, nextCursor, hasMore };
}

const api = {
  login: async (): Promise<TokenPair> => ({
    accessToken: 'access', accessTokenExpiresAt: '', refreshToken: 'refresh', sessionExpiresAt: '',
    user: { id: 'user-1', displayName: 'X', role: 'caseworker' },
  }),
  push: async () => ({ results: [] }),
  pull: async (_token: string, cursor: string | null, limit: number): Promise<PullResponse> => {
    events.push(`pull ${cursor ?? '-'} ${limit}`);
    return pages.get(cursor ?? '-') ?? page(cursor ?? '0', false, 0);
  },
} as unknown as CentralApi;

async function engine(options: { commitRows?: number; pageSize?: number } = {}): Promise<SyncEngine> {
  const clock = { now: () => new Date('2026-03-02T09:00:00Z') };
  const session = new Session({ sqlite: cache.sqlite, api, secrets: memorySecretStore(), now: clock.now });
  await session.signIn('u', 'p');
  const created = new SyncEngine({
    sqlite: cache.sqlite, api, session, clock, random: () => 0, logger: silentLogger, schedule: () => () => undefined, ...options,
  });
  const applyPages = created.inbound.applyPages.bind(created.inbound);
  created.inbound.applyPages = (applied, now) => {
    events.push(`apply ${applied.map((each) => each.nextCursor).join(',')}`);
    return applyPages(applied, now);
  };
  return created;
}

beforeEach(() => {
  cache = openCache({ file: ':memory:' });
  events = [];
  pages = new Map([['-', page('1', true)], ['1', page('2', true)], ['2', page('3', false)]]);
});

afterEach(() => {
  cache.sqlite.close();
});

describe('sync engine pull', () => {
  it('asks for the next page before it applies the current one, so the server works while the host applies', async () => {
    await (await engine({ commitRows: 1 })).syncNow();
    expect(events).toEqual(['pull - 10000', 'pull 1 10000', 'apply 1', 'pull 2 10000', 'apply 2', 'apply 3']);
    expect(cache.sqlite.prepare('SELECT count(*) FROM server_rows').pluck().get()).toBe(6);
  });

  it('commits pages together up to commitRows, with the cursor of the last', async () => {
    await (await engine({ commitRows: 4 })).syncNow();
    expect(events.filter((event) => event.startsWith('apply'))).toEqual(['apply 1,2', 'apply 3']);
    expect(cache.sqlite.prepare('SELECT cursor FROM sync_state').pluck().get()).toBe('3');
  });

  it('bootstraps with large pages and pulls changes after that with pages of 1,000', async () => {
    const synced = await engine();
    await synced.syncNow();
    pages = new Map([['3', page('4', false)]]);
    events = [];
    await synced.syncNow();
    expect(events).toEqual(['pull 3 1000', 'apply 4']);
  });

  it('uses a given page size for the bootstrap too', async () => {
    await (await engine({ pageSize: 50 })).syncNow();
    expect(events.filter((event) => event.startsWith('pull'))).toEqual(['pull - 50', 'pull 1 50', 'pull 2 50']);
  });
});

describe('sync engine pushes', () => {
  /** An engine whose scheduled callbacks are kept for the test to run, and whose pushes are counted. */
  async function scheduledEngine(): Promise<{ synced: SyncEngine; timers: { milliseconds: number; run: () => void; cancelled: boolean }[]; pushed: string[][] }> {
    const timers: { milliseconds: number; run: () => void; cancelled: boolean }[] = [];
    const pushed: string[][] = [];
    const pushing = {
      ...api,
      // No poke channel: the engine polls (its timers are the test's).
      listen: () => new Promise(() => undefined),
      push: async (_token: string, mutations: { name: string; clientMutationId: string }[]) => {
        pushed.push(mutations.map((mutation) => mutation.name));
        return { results: mutations.map(({ clientMutationId }) => ({ clientMutationId, status: 'applied', serverSeq: null })) };
      },
    } as unknown as CentralApi;
    const clock = { now: () => new Date('2026-03-02T09:00:00Z') };
    const session = new Session({ sqlite: cache.sqlite, api: pushing, secrets: memorySecretStore(), now: clock.now });
    await session.signIn('u', 'p');
    const synced = new SyncEngine({
      sqlite: cache.sqlite, api: pushing, session, clock, random: () => 0, logger: silentLogger, auditBatchMilliseconds: 3000,
      schedule: (run, milliseconds) => {
        const timer = { milliseconds, run, cancelled: false };
        timers.push(timer);
        return () => {
          timer.cancelled = true;
        };
      },
    });
    await synced.syncNow();
    synced.start();
    await synced.syncNow();
    pushed.length = 0;
    return { synced, timers, pushed };
  }

  it('sends recorded reads together with the next sync, within the batch delay, instead of syncing for each', async () => {
    const { synced, timers } = await scheduledEngine();
    const before = timers.length;
    synced.recordRead('document', '00000000-0000-4000-8000-000000000001');
    synced.recordRead('document', '00000000-0000-4000-8000-000000000002');
    const waiting = timers.slice(before).filter((timer) => timer.milliseconds === 3000 && !timer.cancelled);
    // One sync waits for both reads; none has started.
    expect(waiting).toHaveLength(1);
    expect(synced.status()).toMatchObject({ state: 'online', pending: 2 });
    waiting[0]?.run();
    await synced.syncNow();
    expect(synced.status()).toMatchObject({ pending: 0 });
  });

  it('syncs at once for a caseworker\'s own action, taking the waiting reads along', async () => {
    const { synced, timers, pushed } = await scheduledEngine();
    const before = timers.length;
    synced.recordRead('case', '00000000-0000-4000-8000-000000000003');
    synced.mutate('message.markRead', { messageId: '00000000-0000-4000-8000-000000000004' });
    await synced.syncNow();
    // One push with both: the read did not start a sync of its own.
    expect(pushed).toEqual([['audit.recordRead', 'message.markRead']]);
    // The waiting sync was cancelled: the reads already went.
    expect(timers.slice(before).filter((timer) => timer.milliseconds === 3000).every((timer) => timer.cancelled)).toBe(true);
    await synced.stop();
  });

  it('sends the waiting reads at once when asked (before a sign-out wipes the outbox)', async () => {
    const { synced, pushed } = await scheduledEngine();
    synced.recordRead('document', '00000000-0000-4000-8000-000000000005');
    expect(pushed).toEqual([]);
    await synced.sendWaitingReads();
    expect(pushed).toEqual([['audit.recordRead']]);
    expect(synced.status()).toMatchObject({ pending: 0 });
    await synced.stop();
  });
});

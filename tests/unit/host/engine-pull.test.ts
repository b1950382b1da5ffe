/** The engine's pull loop against a scripted API: page sizes, and the next request overlapping the apply. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache, type OpenedCache } from '../../../src/main/host/db/open';
import { silentLogger } from '../../../src/main/host/log';
import type { CentralApi, TokenPair } from '../../../src/main/host/sync/api-client';
import { SyncEngine } from '../../../src/main/host/sync/engine';
import { memorySecretStore, Session } from '../../../src/main/host/session/session';
import type { PullResponse } from '../../../src/shared/sync';
import { entityRow } from '../../helpers/entity-rows';

let cache: OpenedCache;
let events: string[];
/** The pages the scripted server answers, by the cursor asked for ('-' for none). */
let pages: Map<string, PullResponse>;

/** A page of `count` untyped rows (no typed table, nothing to materialise) ending at `nextCursor`. */
function page(nextCursor: string, hasMore: boolean, count = 2): PullResponse {
  const changes = Array.from({ length: count }, (_, index) => ({
    kind: 'upsert' as const, entity: 'note' as const, id: `note-${nextCursor}-${index}`, version: 1, caseId: null,
    data: entityRow('note', { id: `note-${nextCursor}-${index}` }),
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

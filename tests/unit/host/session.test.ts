import { beforeEach, describe, expect, it } from 'vitest';
import { openCache, type OpenedCache } from '../../../src/main/host/db/open';
import type { CentralApi, TokenPair } from '../../../src/main/host/sync/api-client';
import { memorySecretStore, Session } from '../../../src/main/host/sync/session';

let cache: OpenedCache;
let now: Date;
let role: string;
let userId: string;
const secrets = memorySecretStore();

const api = {
  login: async (): Promise<TokenPair> => ({
    accessToken: 'access', accessTokenExpiresAt: '', refreshToken: 'refresh', sessionExpiresAt: '',
    user: { id: userId, displayName: 'X', role },
  }),
  logout: async () => undefined,
} as unknown as CentralApi;

beforeEach(() => {
  cache = openCache({ file: ':memory:' });
  now = new Date('2026-03-02T09:00:00Z');
  role = 'caseworker';
  userId = 'user-1';
});

const session = (grace?: number) => new Session({
  sqlite: cache.sqlite, api, secrets, now: () => now, ...(grace === undefined ? {} : { offlineGraceMilliseconds: grace }),
});

describe('session', () => {
  it('allows offline work only within the grace period after the last online sign-in', async () => {
    const signed = session(24 * 3600_000);
    expect(signed.mayWorkOffline()).toBe(false);
    await signed.signIn('u', 'p');
    now = new Date('2026-03-03T08:59:59Z');
    expect(signed.mayWorkOffline()).toBe(true);
    now = new Date('2026-03-03T09:00:01Z');
    expect(signed.mayWorkOffline()).toBe(false);
  });

  it('reports a changed scope when the same user signs in with another role', async () => {
    const signed = session();
    expect((await signed.signIn('u', 'p')).scopeChanged).toBe(false);
    expect((await signed.signIn('u', 'p')).scopeChanged).toBe(false);
    role = 'team_lead';
    expect((await signed.signIn('u', 'p')).scopeChanged).toBe(true);
  });

  it('keeps tokens only in the secret store, never in the cache file', async () => {
    await session().signIn('u', 'p');
    expect(secrets.entries.get('central-api.tokens')).toContain('refresh');
    const dump = cache.sqlite.prepare(`SELECT group_concat(coalesce(user_id, '') || coalesce(scope, '')) FROM sync_state`).pluck().get();
    expect(String(dump)).not.toContain('refresh');
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openCache, type OpenedCache } from '../../../src/main/host/db/open';
import { CentralApiError, type CentralApi, type TokenPair } from '../../../src/main/host/sync/api-client';
import { parentSecretStore, withMemoryFallback } from '../../../src/main/host/session/parent-secrets';
import { memorySecretStore, Session, SignInRequired, wipeCache, type SecretStore } from '../../../src/main/host/session/session';
import { fakeMain } from '../../helpers/fake-secret-main';

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
  logout: vi.fn(async () => undefined),
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

/** A session over main's secret store, as the app's host builds it (utility.ts). */
const sessionWith = (store: SecretStore) => new Session({ sqlite: cache.sqlite, api, secrets: store, now: () => now });
const appStore = (main: ReturnType<typeof fakeMain>) => withMemoryFallback(parentSecretStore(main.channel));

describe('session tokens kept by main', () => {
  it('survives a restart: a new session reads the tokens back and needs no sign-in', async () => {
    const main = fakeMain();
    await sessionWith(appStore(main)).signIn('u', 'p');
    expect(main.stored.get('central-api.tokens')).toContain('refresh');
    const restarted = sessionWith(appStore(main));
    expect(await restarted.accessToken()).toBe('access');
    expect(await restarted.user()).toMatchObject({ id: 'user-1' });
  });

  it('sign-out deletes the stored tokens in main, so the next start must sign in', async () => {
    const main = fakeMain();
    await sessionWith(appStore(main)).signIn('u', 'p');
    const restarted = sessionWith(appStore(main));
    await restarted.signOut();
    expect(main.requests.at(-1)).toMatchObject({ operation: 'delete', key: 'central-api.tokens' });
    expect(main.stored.size).toBe(0);
    expect(restarted.userId()).toBeNull();
    await expect(sessionWith(appStore(main)).accessToken()).rejects.toBeInstanceOf(SignInRequired);
  });

  it('a different user signing in replaces the stored tokens', async () => {
    const main = fakeMain();
    await sessionWith(appStore(main)).signIn('u', 'p');
    userId = 'user-2';
    await sessionWith(appStore(main)).signIn('v', 'p');
    expect(JSON.parse(main.stored.get('central-api.tokens') ?? '{}')).toMatchObject({ user: { id: 'user-2' } });
    expect(sessionWith(appStore(main)).userId()).toBe('user-2');
  });

  it('lets the user sign in and work when main refuses to keep secrets (memory only, this session)', async () => {
    const main = fakeMain(true);
    const signed = sessionWith(appStore(main));
    await expect(signed.signIn('u', 'p')).resolves.toMatchObject({ id: 'user-1' });
    expect(await signed.accessToken()).toBe('access');
    expect(signed.mayWorkOffline()).toBe(true);
    expect(main.stored.size).toBe(0);
    // The next start has nothing stored: sign in again.
    await expect(sessionWith(appStore(main)).accessToken()).rejects.toBeInstanceOf(SignInRequired);
    await signed.signOut();
    expect(signed.userId()).toBeNull();
  });

  it('discards stored tokens that do not belong to the owner of the cache', async () => {
    const main = fakeMain();
    await sessionWith(appStore(main)).signIn('u', 'p');
    // E.g. a sign-out whose delete never reached main: the cache was wiped, the tokens stayed.
    wipeCache(cache.sqlite);
    await expect(sessionWith(appStore(main)).accessToken()).rejects.toBeInstanceOf(SignInRequired);
    await vi.waitFor(() => expect(main.stored.size).toBe(0));
  });

  it('a sign-in that finishes while the stored tokens are still being read wins', async () => {
    const main = fakeMain();
    await sessionWith(appStore(main)).signIn('u', 'p');
    userId = 'user-2';
    const restarted = sessionWith(appStore(main));
    // Background sync asks for a token at start; meanwhile another user signs in.
    const early = restarted.accessToken();
    await restarted.signIn('v', 'p');
    await early;
    expect(await restarted.user()).toMatchObject({ id: 'user-2' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(JSON.parse(main.stored.get('central-api.tokens') ?? '{}')).toMatchObject({ user: { id: 'user-2' } });
  });

  it('discards a damaged stored value instead of failing every call', async () => {
    const main = fakeMain();
    main.stored.set('central-api.tokens', '{"accessToken":');
    await expect(sessionWith(appStore(main)).accessToken()).rejects.toBeInstanceOf(SignInRequired);
  });

  it('wipes the cache on sign-out even when the secret store fails to delete', async () => {
    const main = fakeMain();
    const raw = parentSecretStore(main.channel);
    const signed = sessionWith(raw);
    await signed.signIn('u', 'p');
    main.settings.refuseDeletes = true;
    await expect(signed.signOut()).rejects.toMatchObject({ code: 'unavailable' });
    expect(signed.userId()).toBeNull();
    raw.dispose();
    // The tokens left behind are not honoured after the wipe.
    main.settings.refuseDeletes = false;
    await expect(sessionWith(appStore(main)).accessToken()).rejects.toBeInstanceOf(SignInRequired);
  });
});

describe('the one path for a 401', () => {
  const pair = (accessToken: string): TokenPair => ({
    accessToken, accessTokenExpiresAt: '', refreshToken: `refresh-${accessToken}`, sessionExpiresAt: '', user: { id: userId, displayName: 'X', role },
  });
  const refreshing = (refresh: () => Promise<TokenPair>) => new Session({
    sqlite: cache.sqlite, api: { ...api, login: async () => pair('first'), refresh } as unknown as CentralApi, secrets: memorySecretStore(), now: () => now,
  });
  const unauthenticated = () => new CentralApiError('unauthenticated', 'GET /x answered 401.', 401);

  it('refreshes once after a 401 and repeats the call with the new token', async () => {
    const refresh = vi.fn(async () => pair('second'));
    const signed = refreshing(refresh);
    await signed.signIn('x', 'y');
    const tokens: string[] = [];
    const answer = await signed.authorised(async (token) => {
      tokens.push(token);
      if (token === 'first') throw unauthenticated();
      return 'ok';
    });
    expect(answer).toBe('ok');
    expect(tokens).toEqual(['first', 'second']);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(await signed.accessToken()).toBe('second');
  });

  it('does not refresh on other failures, and a second 401 is the caller\'s', async () => {
    const refresh = vi.fn(async () => pair('second'));
    const signed = refreshing(refresh);
    await signed.signIn('x', 'y');
    await expect(signed.authorised(async () => {
      throw new CentralApiError('network', 'no answer');
    })).rejects.toMatchObject({ kind: 'network' });
    expect(refresh).not.toHaveBeenCalled();
    await expect(signed.authorised(async () => {
      throw unauthenticated();
    })).rejects.toMatchObject({ kind: 'unauthenticated' });
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('asks for a sign-in when the refresh is refused', async () => {
    const signed = refreshing(async () => {
      throw unauthenticated();
    });
    await signed.signIn('x', 'y');
    await expect(signed.authorised(async () => {
      throw unauthenticated();
    })).rejects.toBeInstanceOf(SignInRequired);
  });
});

/** Sign-in: login, rotating refresh tokens with reuse detection, idle and absolute timeouts, logout, rate limits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, users } from '../../../src/server/db/schema';
import { createTestServer, password, seedWorld, startOfTest, type TestServer, type World } from './harness';

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await createTestServer({ loginsPerMinute: 1000 });
  world = await seedWorld(server);
});
afterAll(async () => server.close());

interface Pair { accessToken: string; refreshToken: string; user: { id: string; role: string } }

async function login(username: string, secret = password) {
  return server.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password: secret } });
}
const refresh = (refreshToken: string) => server.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken } });
const casesWith = (token: string) => server.app.inject({ method: 'GET', url: '/cases', headers: { authorization: `Bearer ${token}` } });

describe('sign-in', () => {
  it('issues a working access token and a refresh token for the right password', async () => {
    server.clock.set(startOfTest);
    const response = await login('caseworkera');
    expect(response.statusCode).toBe(200);
    const pair = response.json() as Pair;
    expect(pair.user).toMatchObject({ id: world.users.caseworkerA.id, role: 'caseworker' });
    expect((await casesWith(pair.accessToken)).statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown user alike, audited, without saying which', async () => {
    const wrong = await login('caseworkerb', 'not the password');
    const unknown = await login('nobody-here', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    const denied = await server.database.db.select().from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login'), eq(auditLog.result, 'denied'), eq(auditLog.actorId, world.users.caseworkerB.id)));
    expect(denied.length).toBe(1);
  });

  it('stores only a scrypt hash of the password', async () => {
    const [user] = await server.database.db.select().from(users).where(eq(users.id, world.users.leadA.id));
    expect(user?.passwordHash.startsWith('scrypt$')).toBe(true);
    expect(user?.passwordHash).not.toContain(password);
  });

  it('locks a username after repeated failures, even with the right password', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await login('leadb', 'wrong')).statusCode).toBe(401);
    const locked = await login('leadb');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'rate_limited' });
    server.clock.advance(16 * 60_000);
    expect((await login('leadb')).statusCode).toBe(200);
  });

  it('expires the access token after its lifetime', async () => {
    const pair = (await login('reviewera')).json() as Pair;
    server.clock.advance(6 * 60_000);
    expect((await casesWith(pair.accessToken)).statusCode).toBe(401);
  });
});

describe('refresh and logout', () => {
  it('rotates the refresh token; using an old one revokes the whole session', async () => {
    const first = (await login('caseworkera2')).json() as Pair;
    const second = await refresh(first.refreshToken);
    expect(second.statusCode).toBe(200);
    const rotated = second.json() as Pair;
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    // The old token comes back (copied by someone): refused, and the new one dies with it.
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);
    expect((await refresh(rotated.refreshToken)).statusCode).toBe(401);
  });

  it('ends a session left idle longer than the idle timeout', async () => {
    const pair = (await login('caseworkera2')).json() as Pair;
    server.clock.advance(31 * 60_000);
    expect((await refresh(pair.refreshToken)).statusCode).toBe(401);
  });

  it('ends an active session at the absolute timeout', async () => {
    let pair = (await login('caseworkera2')).json() as Pair;
    for (let hour = 0; hour < 12 * 4; hour += 1) {
      server.clock.advance(15 * 60_000);
      const next = await refresh(pair.refreshToken);
      if (next.statusCode !== 200) {
        expect(hour).toBeGreaterThanOrEqual(12 * 4 - 2);
        return;
      }
      pair = next.json() as Pair;
    }
    throw new Error('the session outlived the absolute timeout');
  });

  it('logs out: the refresh token stops working', async () => {
    const pair = (await login('caseworkera2')).json() as Pair;
    const out = await server.app.inject({ method: 'POST', url: '/auth/logout', payload: { refreshToken: pair.refreshToken } });
    expect(out.statusCode).toBe(204);
    expect((await refresh(pair.refreshToken)).statusCode).toBe(401);
  });

  it('rate-limits sign-in per client address', async () => {
    const limited = await createTestServer({ loginsPerMinute: 3, database: server.database });
    try {
      const codes: number[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        codes.push((await limited.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'x', password: 'y' } })).statusCode);
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes.slice(3)).toEqual([429, 429]);
    } finally {
      await limited.app.close();
    }
  });
});

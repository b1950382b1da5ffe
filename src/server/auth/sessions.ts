/**
 * Sign-in sessions: password check, rotating refresh tokens with reuse detection, idle and absolute
 * timeouts. A refresh token is `<sessionId>.<secret>`; only the secret's hash is stored.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/database';
import { sessions, users, type Role } from '../db/schema';
import { ApiError } from '../problem';
import type { Clock, TokenIssuer } from '../services';
import { runWrite, type ChangeListener } from '../sync/publish';
import { dummyPasswordHash, verifyPassword, type PasswordCost } from './passwords';
import { hashToken, newRefreshToken } from './tokens';

export interface SessionPolicy {
  /** A session unused this long cannot be refreshed. */
  idleMilliseconds: number;
  /** No session lives longer than this, however active. */
  absoluteMilliseconds: number;
  /** Failed sign-ins per username within `lockoutWindowMilliseconds` before refusing for a while. */
  maxFailures: number;
  lockoutWindowMilliseconds: number;
}

export const defaultSessionPolicy: SessionPolicy = {
  idleMilliseconds: 30 * 60_000,
  absoluteMilliseconds: 12 * 3600_000,
  maxFailures: 5,
  lockoutWindowMilliseconds: 15 * 60_000,
};

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  sessionExpiresAt: string;
  user: { id: string; displayName: string; role: Role };
}

export interface SessionServices {
  db: Database;
  clock: Clock;
  tokens: TokenIssuer;
  policy: SessionPolicy;
  passwordCost: PasswordCost;
  listener: ChangeListener;
}

/** Counts failed sign-ins per username in memory, so guessing one account's password is slowed. */
export class FailureCounter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly policy: SessionPolicy) {}

  isLocked(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.policy.maxFailures;
  }

  recordFailure(key: string, now: number): void {
    if (this.failures.size > 100_000) this.failures.clear();
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => now - at < this.policy.lockoutWindowMilliseconds);
  }
}

function splitRefreshToken(token: string): { sessionId: string; secret: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { sessionId: match[1] as string, secret: match[2] as string } : null;
}

/** Signs in with username and password; refuses with `unauthenticated` without saying which was wrong. */
export async function signIn(services: SessionServices, failures: FailureCounter, username: string,
  password: string): Promise<TokenPair> {
  const { db, clock } = services;
  const now = clock.now();
  const key = username.toLowerCase();
  if (failures.isLocked(key, now.getTime())) throw new ApiError('rate_limited');
  const [user] = await db.select().from(users).where(eq(users.username, key));
  const valid = user
    ? await verifyPassword(password, user.passwordHash)
    : await verifyPassword(password, await dummyPasswordHash(services.passwordCost)).then(() => false);
  if (!user || !valid || !user.active) {
    failures.recordFailure(key, now.getTime());
    await runWrite(db, now, services.listener, async (batch) => batch.audit({
      actorId: user?.id ?? null, actorKind: user ? 'user' : 'anonymous', action: 'auth.login', objectType: 'session',
      objectId: null, result: 'denied', origin: 'api',
    }));
    throw new ApiError('unauthenticated', 'Username or password is wrong.');
  }
  failures.clear(key);
  const sessionId = randomUUID();
  const secret = newRefreshToken();
  const expiresAt = new Date(now.getTime() + services.policy.absoluteMilliseconds);
  await runWrite(db, now, services.listener, async (batch) => {
    await batch.tx.insert(sessions).values({
      id: sessionId, userId: user.id, refreshHash: hashToken(secret), createdAt: now, lastUsedAt: now, expiresAt,
    });
    batch.audit({ actorId: user.id, actorKind: 'user', action: 'auth.login', objectType: 'session', objectId: sessionId, result: 'ok', origin: 'api' });
  });
  return tokenPair(services, user, sessionId, secret, expiresAt, now);
}

function tokenPair(services: SessionServices, user: { id: string; displayName: string; role: Role }, sessionId: string,
  secret: string, expiresAt: Date, now: Date): TokenPair {
  const access = services.tokens.issue({ userId: user.id, sessionId, role: user.role }, now);
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt.toISOString(),
    refreshToken: `${sessionId}.${secret}`,
    sessionExpiresAt: expiresAt.toISOString(),
    user: { id: user.id, displayName: user.displayName, role: user.role },
  };
}

/**
 * Exchanges a refresh token for a new pair. Presenting an already-rotated token means it was
 * copied: the whole session is revoked, so the thief and the owner both have to sign in again.
 */
export async function refreshSession(services: SessionServices, refreshToken: string): Promise<TokenPair> {
  const { db, clock, policy } = services;
  const parts = splitRefreshToken(refreshToken);
  if (!parts) throw new ApiError('unauthenticated');
  const now = clock.now();
  const outcome = await runWrite(db, now, services.listener, async (batch) => {
    const [session] = await batch.tx.select().from(sessions).where(eq(sessions.id, parts.sessionId)).for('update');
    if (!session || session.revokedAt) return null;
    const [user] = await batch.tx.select().from(users).where(eq(users.id, session.userId));
    const audit = (result: 'ok' | 'denied') => batch.audit({
      actorId: session.userId, actorKind: 'user', action: 'auth.refresh', objectType: 'session', objectId: session.id, result, origin: 'api',
    });
    let revokedReason: string | null = null;
    if (session.refreshHash !== hashToken(parts.secret)) revokedReason = 'refresh_token_reused';
    else if (now >= session.expiresAt) revokedReason = 'absolute_timeout';
    else if (now.getTime() - session.lastUsedAt.getTime() > policy.idleMilliseconds) revokedReason = 'idle_timeout';
    else if (!user?.active) revokedReason = 'user_inactive';
    if (revokedReason || !user) {
      await batch.tx.update(sessions).set({ revokedAt: now, revokedReason }).where(eq(sessions.id, session.id));
      audit('denied');
      return null;
    }
    const secret = newRefreshToken();
    await batch.tx.update(sessions).set({ refreshHash: hashToken(secret), lastUsedAt: now }).where(eq(sessions.id, session.id));
    audit('ok');
    return tokenPair(services, user, session.id, secret, session.expiresAt, now);
  });
  if (!outcome) throw new ApiError('unauthenticated', 'The session has ended; sign in again.');
  return outcome;
}

/** Revokes the session of a refresh token; unknown tokens are ignored so logout always succeeds. */
export async function signOut(services: SessionServices, refreshToken: string): Promise<void> {
  const parts = splitRefreshToken(refreshToken);
  if (!parts) return;
  const now = services.clock.now();
  await runWrite(services.db, now, services.listener, async (batch) => {
    const [session] = await batch.tx.update(sessions).set({ revokedAt: now, revokedReason: 'logout' })
      .where(and(eq(sessions.id, parts.sessionId), eq(sessions.refreshHash, hashToken(parts.secret)), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id, userId: sessions.userId });
    if (session) {
      batch.audit({ actorId: session.userId, actorKind: 'user', action: 'auth.logout', objectType: 'session', objectId: session.id, result: 'ok', origin: 'api' });
    }
  });
}

/**
 * The built-in token issuer: compact HS256 tokens (JWT layout) signed with a server secret, and
 * opaque random refresh tokens stored only as SHA-256 hashes.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { roles, type Role } from '../db/schema';
import type { AccessClaims, TokenIssuer } from '../services';

const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/** An HMAC-SHA256 token issuer; `secret` must be at least 32 random bytes. */
export function createHmacTokenIssuer(secret: Uint8Array, options: { lifetimeSeconds?: number } = {}): TokenIssuer {
  if (secret.length < 32) throw new Error('token secret must be at least 32 bytes');
  const lifetimeSeconds = options.lifetimeSeconds ?? 300;
  const sign = (input: string) => createHmac('sha256', secret).update(input).digest();
  return {
    issue(claims, now) {
      const expiresAt = new Date(now.getTime() + lifetimeSeconds * 1000);
      const payload = Buffer.from(JSON.stringify({
        sub: claims.userId, sid: claims.sessionId, role: claims.role,
        iat: Math.floor(now.getTime() / 1000), exp: Math.floor(expiresAt.getTime() / 1000),
      })).toString('base64url');
      const signature = sign(`${header}.${payload}`).toString('base64url');
      return { token: `${header}.${payload}.${signature}`, expiresAt };
    },
    verify(token, now) {
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== header) return null;
      const [, payload, signature] = parts as [string, string, string];
      // Compare the encoded text, not decoded bytes: base64url decoding ignores the last
      // character's spare bits, so a decoded comparison would accept altered signatures.
      const expected = Buffer.from(sign(`${header}.${payload}`).toString('base64url'));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      let claims: unknown;
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return null;
      }
      return readClaims(claims, now);
    },
  };
}

function readClaims(value: unknown, now: Date): AccessClaims | null {
  if (typeof value !== 'object' || value === null) return null;
  const { sub, sid, role, exp } = value as Record<string, unknown>;
  if (typeof sub !== 'string' || typeof sid !== 'string' || typeof exp !== 'number') return null;
  if (!roles.includes(role as Role)) return null;
  if (exp * 1000 <= now.getTime()) return null;
  return { userId: sub, sessionId: sid, role: role as Role };
}

/** A new opaque refresh token: 32 random bytes, base64url. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a refresh or service token: its SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Token issuing, password hashing and the scope policy of the central API. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHmacTokenIssuer, hashToken } from '../../../src/server/auth/tokens';
import { hashPassword, testPasswordCost, verifyPassword } from '../../../src/server/auth/passwords';
import { canAssignCases, canReviewLetters, canWorkOnCase, caseScope, type Actor } from '../../../src/server/authz/actor';
import { amsterdamDate } from '../../../src/server/services';
import { problem } from '../../../src/server/problem';

const now = new Date('2026-03-02T09:00:00Z');

describe('HMAC token issuer', () => {
  const issuer = createHmacTokenIssuer(randomBytes(32), { lifetimeSeconds: 300 });
  const claims = { userId: 'u1', sessionId: 's1', role: 'reviewer' as const };

  it('verifies its own token until it expires', () => {
    const { token, expiresAt } = issuer.issue(claims, now);
    expect(expiresAt.getTime() - now.getTime()).toBe(300_000);
    expect(issuer.verify(token, new Date(now.getTime() + 299_000))).toEqual(claims);
    expect(issuer.verify(token, new Date(now.getTime() + 300_000))).toBeNull();
  });

  it('refuses a token with a changed payload, a token of another key and garbage', () => {
    const { token } = issuer.issue(claims, now);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const elevated = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' })).toString('base64url');
    expect(issuer.verify(`${header}.${elevated}.${signature}`, now)).toBeNull();
    expect(createHmacTokenIssuer(randomBytes(32)).verify(token, now)).toBeNull();
    expect(issuer.verify('a.b.c', now)).toBeNull();
    expect(issuer.verify('', now)).toBeNull();
  });

  it('refuses a signature whose last character differs only in its unused bits', () => {
    const { token } = issuer.issue(claims, now);
    const signature = token.split('.')[2] ?? '';
    // 32 bytes in base64url: the 43rd character carries 4 data bits and 2 spare bits.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(signature.slice(-1));
    const sameBytes = alphabet[last ^ 1] ?? '';
    const altered = token.slice(0, -1) + sameBytes;
    expect(Buffer.from(altered.split('.')[2] ?? '', 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    expect(issuer.verify(altered, now)).toBeNull();
  });

  it('refuses a short secret', () => {
    expect(() => createHmacTokenIssuer(randomBytes(16))).toThrow();
  });

  it('hashes tokens for storage', () => {
    expect(hashToken('abc')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken('abc')).not.toBe(hashToken('abd'));
  });
});

describe('passwords', () => {
  it('verifies the right password only, with a fresh salt per hash', async () => {
    const first = await hashPassword('geheim wachtwoord', testPasswordCost);
    const second = await hashPassword('geheim wachtwoord', testPasswordCost);
    expect(first).not.toBe(second);
    expect(await verifyPassword('geheim wachtwoord', first)).toBe(true);
    expect(await verifyPassword('geheim wachtwoorD', first)).toBe(false);
    expect(await verifyPassword('geheim wachtwoord', 'plain')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$0$8$1$aa$bb')).toBe(false);
  });
});

describe('scope policy', () => {
  const actor = (role: Actor['role'], teamIds: string[], environment: Actor['environment'] = 'production'): Actor =>
    ({ userId: 'me', role, teamIds, environment });

  it('lets team members work on team cases and cases assigned to them, nothing else', () => {
    const caseworker = actor('caseworker', ['A']);
    expect(canWorkOnCase(caseworker, { teamId: 'A', assigneeId: null })).toBe(true);
    expect(canWorkOnCase(caseworker, { teamId: 'B', assigneeId: 'me' })).toBe(true);
    expect(canWorkOnCase(caseworker, { teamId: 'B', assigneeId: 'other' })).toBe(false);
  });

  it('gives trainers every case in training and none in production; admins none', () => {
    expect(caseScope(actor('trainer', [], 'training'))).toEqual({ kind: 'all' });
    expect(caseScope(actor('trainer', ['A'], 'production'))).toEqual({ kind: 'none' });
    expect(canWorkOnCase(actor('admin', ['A']), { teamId: 'A', assigneeId: 'me' })).toBe(false);
  });

  it('keeps assigning to team leads and reviewing to reviewers and team leads of the case team', () => {
    expect(canAssignCases(actor('team_lead', ['A']), { teamId: 'A' })).toBe(true);
    expect(canAssignCases(actor('team_lead', ['A']), { teamId: 'B' })).toBe(false);
    expect(canAssignCases(actor('reviewer', ['A']), { teamId: 'A' })).toBe(false);
    expect(canReviewLetters(actor('reviewer', ['A']), { teamId: 'A' })).toBe(true);
    expect(canReviewLetters(actor('caseworker', ['A']), { teamId: 'A' })).toBe(false);
  });
});

describe('small helpers', () => {
  it('takes the calendar day in Europe/Amsterdam, not UTC', () => {
    expect(amsterdamDate(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(amsterdamDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(amsterdamDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('builds problem bodies with a stable code and status', () => {
    expect(problem('cursor_expired')).toMatchObject({ status: 410, code: 'cursor_expired', type: expect.stringContaining('cursor-expired') });
  });
});

import { describe, expect, it } from 'vitest';
import { errorReasonOf, signInErrorKey } from '../../../src/renderer/src/errors';

// Bridge errors arrive as plain objects: contextBridge drops custom properties of Error instances.
const hostError = (code: string, details?: Record<string, unknown>) => ({ name: 'RpcError', code, message: 'x', ...(details ? { details } : {}) });

describe('sign-in error messages', () => {
  it('names wrong credentials and too many attempts in their own words', () => {
    expect(signInErrorKey(hostError('forbidden', { reason: 'wrong_credentials' }))).toBe('signIn.wrongCredentials');
    expect(signInErrorKey(hostError('unavailable', { reason: 'rate_limited' }))).toBe('signIn.rateLimited');
  });

  it('says the server is unreachable for other unavailability, and falls back to the general message', () => {
    expect(signInErrorKey(hostError('unavailable', { kind: 'network' }))).toBe('signIn.unreachable');
    expect(signInErrorKey(hostError('forbidden'))).toBe('errors.forbidden');
    expect(signInErrorKey(new Error('boom'))).toBe('errors.unknown');
  });

  it('reads a reason only when it is a string', () => {
    expect(errorReasonOf(hostError('forbidden', { reason: 3 }))).toBeNull();
    expect(errorReasonOf(null)).toBeNull();
    expect(errorReasonOf({ details: null })).toBeNull();
  });
});

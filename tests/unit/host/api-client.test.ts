import { describe, expect, it } from 'vitest';
import { CentralApiError, checkBaseUrl, createCentralApi } from '../../../src/main/host/sync/api-client';
import { backoffDelay } from '../../../src/main/host/sync/engine';

type Answer = { status?: number; body?: unknown; raw?: string; headers?: Record<string, string> } | 'network';

function fakeFetch(answer: Answer): typeof fetch {
  return (async () => {
    if (answer === 'network') throw new TypeError('fetch failed');
    const text = answer.raw ?? JSON.stringify(answer.body ?? {});
    return new Response(text, { status: answer.status ?? 200, headers: { 'content-type': 'application/json', ...answer.headers } });
  }) as typeof fetch;
}

const api = (answer: Answer) => createCentralApi({ baseUrl: 'https://api.example.org/', fetch: fakeFetch(answer) });

async function failure(promise: Promise<unknown>): Promise<CentralApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CentralApiError) return error;
    throw error;
  }
  throw new Error('expected a CentralApiError');
}

describe('central API client', () => {
  it('refuses plain http except on this machine', () => {
    expect(() => checkBaseUrl('http://api.example.org')).toThrow(/https/);
    expect(() => checkBaseUrl('ftp://127.0.0.1')).toThrow(/https/);
    expect(() => checkBaseUrl('not a url')).toThrow(/not a valid URL/);
    expect(checkBaseUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080');
    expect(checkBaseUrl('http://localhost:1')).toBe('http://localhost:1');
    expect(checkBaseUrl('http://[::1]:3000')).toBe('http://[::1]:3000');
    expect(checkBaseUrl('https://api.example.org/werkbank/')).toBe('https://api.example.org/werkbank');
  });

  it('accepts a pull page that matches the protocol', async () => {
    const page = { changes: [{ kind: 'leave', entity: 'case', id: 'c1', caseId: 'c1' }], nextCursor: '12', hasMore: false };
    await expect(api({ body: page }).pull('token', '10', 100)).resolves.toEqual(page);
  });

  it.each([
    ['a body of the wrong shape', { body: { changes: 'all of them', nextCursor: 5 } }],
    ['a cursor that is not a number', { body: { changes: [], nextCursor: 'drop table', hasMore: false } }],
    ['an unknown change kind', { body: { changes: [{ kind: 'explode', entity: 'case', id: 'x' }], nextCursor: '11', hasMore: false } }],
    ['text that is not JSON', { raw: '<html>proxy error</html>' }],
    ['a cursor that goes backwards', { body: { changes: [], nextCursor: '3', hasMore: false } }],
  ] as const)('turns %s into invalid_response, never a crash', async (_what, answer) => {
    const error = await failure(api(answer).pull('token', '10', 100));
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toMatch(/GET \/sync\/pull/);
  });

  it('refuses push results that do not answer the mutations sent', async () => {
    const envelope = { clientMutationId: 'mutation-1', name: 'case.claim', args: {}, base: {} };
    const other = { results: [{ clientMutationId: 'mutation-2', status: 'applied', serverSeq: '5' }] };
    expect((await failure(api({ body: other }).push('token', [envelope]))).kind).toBe('invalid_response');
    const none = { results: [] };
    expect((await failure(api({ body: none }).push('token', [envelope]))).kind).toBe('invalid_response');
  });

  it.each([
    [401, 'unauthenticated'], [410, 'cursor_expired'], [429, 'rate_limited'], [500, 'unavailable'], [503, 'unavailable'], [400, 'refused'], [403, 'refused'],
  ] as const)('maps HTTP %i to %s', async (status, kind) => {
    const error = await failure(api({ status, body: { code: 'x' } }).pull('token', null, 100));
    expect(error).toMatchObject({ kind, status });
  });

  it('honours Retry-After and reports a missing answer as network', async () => {
    const limited = await failure(api({ status: 429, headers: { 'retry-after': '7' } }).pull('token', null, 1));
    expect(limited.retryAfterMilliseconds).toBe(7000);
    expect((await failure(api('network').pull('token', null, 1))).kind).toBe('network');
  });

  it('validates the token pair of a sign-in', async () => {
    expect((await failure(api({ body: { accessToken: '' } }).login('u', 'p'))).kind).toBe('invalid_response');
  });
});

describe('backoff', () => {
  it('doubles per attempt up to the cap, with jitter in the upper half', () => {
    expect(backoffDelay(0, () => 0, 1000, 60_000)).toBe(500);
    expect(backoffDelay(3, () => 0, 1000, 60_000)).toBe(4000);
    expect(backoffDelay(3, () => 0.999, 1000, 60_000)).toBe(7996);
    expect(backoffDelay(20, () => 0.999, 1000, 60_000)).toBeLessThanOrEqual(60_000);
    expect(backoffDelay(20, () => 0, 1000, 60_000)).toBe(30_000);
  });
});

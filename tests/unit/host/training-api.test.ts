import { describe, expect, it } from 'vitest';
import { CentralApiError } from '../../../src/main/host/sync/api-client';
import { createTrainingApi } from '../../../src/main/host/training/api';

type Answer = { status?: number; body?: unknown; raw?: string } | 'network';
interface Seen { url: string; method: string; headers: Record<string, string>; body: unknown }

function fakeFetch(answer: Answer, seen: Seen[] = []): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push({
      url: String(input), method: init?.method ?? 'GET', headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) as unknown : undefined,
    });
    if (answer === 'network') throw new TypeError('fetch failed');
    return new Response(answer.raw ?? JSON.stringify(answer.body ?? {}), { status: answer.status ?? 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

async function failure(promise: Promise<unknown>): Promise<CentralApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CentralApiError) return error;
    throw error;
  }
  throw new Error('expected a CentralApiError');
}

const baseUrl = 'https://training.example.org/';

describe('training API client', () => {
  it('reads the environment from /health and the training date from /training/info', async () => {
    const health = { status: 'ok', environment: 'training', version: '1', time: '2026-03-16T09:00:00.000Z', today: '2026-03-16' };
    await expect(createTrainingApi({ baseUrl, fetch: fakeFetch({ body: health }) }).health()).resolves.toMatchObject({ environment: 'training' });
    const info = { environment: 'training', today: '2026-03-16', clock: { mode: 'fixed', today: '2026-03-16' }, seed: 1, caseCount: 8, datasetToday: '2026-03-16' };
    await expect(createTrainingApi({ baseUrl, fetch: fakeFetch({ body: info }) }).info())
      .resolves.toEqual({ environment: 'training', today: '2026-03-16', clock: { mode: 'fixed', today: '2026-03-16' } });
  });

  it('refuses answers of the wrong shape, an impossible date included', async () => {
    const wrong = await failure(createTrainingApi({ baseUrl, fetch: fakeFetch({ body: { environment: 'staging' } }) }).health());
    expect(wrong.kind).toBe('invalid_response');
    const impossible = { environment: 'training', today: '2026-02-30', clock: { mode: 'real' } };
    expect((await failure(createTrainingApi({ baseUrl, fetch: fakeFetch({ body: impossible }) }).info())).kind).toBe('invalid_response');
    expect((await failure(createTrainingApi({ baseUrl, fetch: fakeFetch({ raw: 'not json' }) }).info())).kind).toBe('invalid_response');
  });

  it('sends the trainer\'s token and body, and maps failures to kinds', async () => {
    const seen: Seen[] = [];
    const api = createTrainingApi({ baseUrl, fetch: fakeFetch({ body: { setting: { mode: 'real' }, today: '2026-11-22', now: 'x' } }, seen) });
    await expect(api.setClock('token-1', { mode: 'real' })).resolves.toEqual({ setting: { mode: 'real' }, today: '2026-11-22' });
    expect(seen[0]).toMatchObject({ url: 'https://training.example.org/training/clock', method: 'PUT', body: { mode: 'real' } });
    expect(seen[0]?.headers['authorization']).toBe('Bearer token-1');

    const resets: Seen[] = [];
    await createTrainingApi({ baseUrl, fetch: fakeFetch({ body: { scenarios: ['a'], cases: 2 } }, resets) }).resetScenarios('t', undefined);
    expect(resets[0]).toMatchObject({ method: 'POST', body: {} });

    expect((await failure(createTrainingApi({ baseUrl, fetch: fakeFetch({ status: 401 }) }).scenarios('t'))).kind).toBe('unauthenticated');
    const forbidden = await failure(createTrainingApi({ baseUrl, fetch: fakeFetch({ status: 403 }) }).scenarios('t'));
    expect(forbidden).toMatchObject({ kind: 'refused', status: 403 });
    expect((await failure(createTrainingApi({ baseUrl, fetch: fakeFetch({ status: 503 }) }).info())).kind).toBe('unavailable');
    expect((await failure(createTrainingApi({ baseUrl, fetch: fakeFetch('network') }).health())).kind).toBe('network');
  });

  it('refuses plain http to another machine', () => {
    expect(() => createTrainingApi({ baseUrl: 'http://training.example.org' })).toThrow(/https/);
  });
});

import { describe, expect, it } from 'vitest';
import { parseDuration, parseRate, runSimulation } from '../../../src/server/training/simulate';

/**
 * A fake intake server: records requests, answers /training/info like a 40-case training server,
 * and plays the outbound queue: `pending` messages wait until acknowledged (recorded in `acks`).
 */
function fakeServer(answer: (path: string) => number = () => 201, pending: string[] = []) {
  const requests: { path: string; body: Record<string, unknown>; authorization: string | null }[] = [];
  const acks: { id: string; body: Record<string, unknown>; authorization: string | null }[] = [];
  const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
    const path = new URL(String(input)).pathname;
    if (path === '/training/info') return new Response(JSON.stringify({ environment: 'training', seed: 4, caseCount: 40, today: '2026-03-16' }), { status: 200 });
    const headers = new Headers(init?.headers);
    if (path === '/intake/messages/outbound') {
      if (headers.get('authorization') !== 'Bearer service') return new Response('{}', { status: 401 });
      return new Response(JSON.stringify({ items: pending.map((id) => ({ id })) }), { status: 200 });
    }
    const delivery = /^\/intake\/messages\/([^/]+)\/delivery$/.exec(path);
    if (delivery?.[1]) {
      const id = delivery[1];
      pending.splice(pending.indexOf(id), 1);
      acks.push({ id, body: JSON.parse(String(init?.body)) as Record<string, unknown>, authorization: headers.get('authorization') });
      return new Response(JSON.stringify({ id }), { status: 200 });
    }
    requests.push({ path, body: JSON.parse(String(init?.body)) as Record<string, unknown>, authorization: headers.get('authorization') });
    return new Response(JSON.stringify({ caseId: 'x' }), { status: answer(path) });
  }) as typeof fetch;
  return { requests, acks, fetcher };
}

/** A manual clock: sleeping advances it, so pacing is checked without waiting. */
function manualTime() {
  let time = 0;
  return { now: () => time, sleep: async (milliseconds: number) => { time += milliseconds; } };
}

describe('the applicant simulator', () => {
  it('sends a seeded mix of intake events with the service token, at the requested rate, for the duration', async () => {
    const server = fakeServer();
    const time = manualTime();
    const summary = await runSimulation({ serverUrl: 'http://127.0.0.1:1', token: 'service', ratePerSecond: 2, durationMilliseconds: 60_000, seed: 9, fetch: server.fetcher, ...time });
    // 2 per second for 60 s: the first at 0 s, the last before 60 s.
    expect(summary.events).toBe(120);
    expect(summary.accepted).toBe(120);
    expect(new Set(server.requests.map((request) => request.path))).toEqual(new Set([
      '/intake/applications', '/intake/documents', '/intake/messages', '/intake/contact-changes', '/intake/notices-of-default', '/intake/biometrics-appointments',
    ]));
    expect(server.requests.every((request) => request.authorization === 'Bearer service')).toBe(true);
    const upload = server.requests.find((request) => request.path === '/intake/documents');
    expect(Buffer.from(String(upload?.body['contentBase64']), 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Dataset cases are addressed by their numbers on a training server.
    expect(server.requests.some((request) => /^IND-\d{9}$/.test(String(request.body['caseNumber'])))).toBe(true);
  });

  it('narrows to some kinds of event on named cases: a trainer\'s "the applicant writes now"', async () => {
    const server = fakeServer();
    const summary = await runSimulation({
      serverUrl: 'http://127.0.0.1:1', token: 'service', ratePerSecond: 2, maxEvents: 12, seed: 5, fetch: server.fetcher, ...manualTime(),
      events: ['message'], caseNumbers: ['IND-600100003', 'IND-600100007'],
    });
    expect(summary.events).toBe(12);
    expect(new Set(server.requests.map((request) => request.path))).toEqual(new Set(['/intake/messages']));
    expect(new Set(server.requests.map((request) => request.body['caseNumber']))).toEqual(new Set(['IND-600100003', 'IND-600100007']));
    await expect(runSimulation({ serverUrl: 'http://127.0.0.1:1', token: 'service', ratePerSecond: 2, maxEvents: 1, seed: 5, fetch: server.fetcher, events: [] }))
      .rejects.toThrow('no event kinds');
  });

  it('acknowledges pending outbound messages as My IND would: delivered, a seeded share failed, counted in the summary', async () => {
    const pending = Array.from({ length: 200 }, (_, index) => `m${index}`);
    const server = fakeServer(() => 201, pending);
    const summary = await runSimulation({ serverUrl: 'http://127.0.0.1:1', token: 'service', ratePerSecond: 2, durationMilliseconds: 10_000, seed: 3, fetch: server.fetcher, ...manualTime() });
    expect(pending).toEqual([]);
    expect(server.acks.map((ack) => ack.id).sort()).toEqual(Array.from({ length: 200 }, (_, index) => `m${index}`).sort());
    expect(server.acks.every((ack) => ack.authorization === 'Bearer service')).toBe(true);
    const failed = server.acks.filter((ack) => ack.body['status'] === 'failed');
    expect(failed.every((ack) => ack.body['reason'] === 'portal_unavailable')).toBe(true);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(40);
    expect(summary.deliveries).toEqual({ delivered: 200 - failed.length, failed: failed.length, errors: 0 });
    // The same seed fails the same messages.
    const again = fakeServer(() => 201, Array.from({ length: 200 }, (_, index) => `m${index}`));
    await runSimulation({ serverUrl: 'http://127.0.0.1:1', token: 'service', ratePerSecond: 2, durationMilliseconds: 10_000, seed: 3, fetch: again.fetcher, ...manualTime() });
    expect(again.acks.filter((ack) => ack.body['status'] === 'failed').map((ack) => ack.id)).toEqual(failed.map((ack) => ack.id));
  });

  it('replays the same events for the same seed and differs for another', async () => {
    const paths = async (seed: number) => {
      const server = fakeServer();
      await runSimulation({ serverUrl: 'http://127.0.0.1:1', token: 't', ratePerSecond: 10, maxEvents: 30, seed, fetch: server.fetcher, ...manualTime() });
      return server.requests.map((request) => `${request.path} ${String(request.body['caseNumber']).replace(/^SIM-[^-]+-/, 'SIM-')}`);
    };
    expect(await paths(1)).toEqual(await paths(1));
    expect(await paths(1)).not.toEqual(await paths(2));
  });

  it('stops when the signal aborts and counts refusals by status', async () => {
    const controller = new AbortController();
    let answered = 0;
    const server = fakeServer(() => {
      answered += 1;
      if (answered === 5) controller.abort();
      return answered % 2 === 0 ? 404 : 201;
    });
    const summary = await runSimulation({ serverUrl: 'http://127.0.0.1:1', token: 't', ratePerSecond: 1, seed: 1, signal: controller.signal, fetch: server.fetcher, ...manualTime() });
    expect(summary.events).toBe(5);
    expect(summary.failuresByStatus).toEqual({ 404: 2 });
    expect(summary.failed).toBe(2);
  });

  it('parses rates and durations', () => {
    expect(parseRate('2/s')).toBe(2);
    expect(parseRate('30/min')).toBe(0.5);
    expect(parseRate('5')).toBe(5);
    expect(() => parseRate('fast')).toThrow();
    expect(parseDuration('60s')).toBe(60_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1500ms')).toBe(1500);
    expect(() => parseDuration('soon')).toThrow();
  });
});

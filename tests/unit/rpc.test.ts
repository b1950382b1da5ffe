import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  connectRpc, createBridge, defineCall, defineEvent, RpcError, serveRpc,
} from '../../src/shared/rpc';
import { endpointPair as pair } from '../helpers/endpoint-pair';

const calls = {
  'math.add': defineCall(z.object({ a: z.number(), b: z.number() }).strict(), z.number(), 'Adds.'),
  'math.fail': defineCall(z.object({}), z.number(), 'Fails.'),
  'math.lie': defineCall(z.object({}), z.number(), 'Returns the wrong type.'),
  'math.crash': defineCall(z.object({}), z.number(), 'Throws a plain error.'),
} as const;
const events = { 'math.tick': defineEvent(z.object({ n: z.number() }), 'Ticks.') } as const;

function setup() {
  const [hostEnd, clientEnd, close] = pair();
  const internal: string[] = [];
  const server = serveRpc(hostEnd, {
    calls,
    events,
    context: { user: 'x' },
    handlers: {
      'math.add': ({ a, b }) => a + b,
      'math.fail': () => {
        throw new RpcError('not_found', 'No such thing.');
      },
      'math.lie': () => 'not a number' as unknown as number,
      'math.crash': () => {
        throw new Error('secret internals: Jansen 1234567890');
      },
    },
    onInternalError: (method) => internal.push(method),
  });
  const client = connectRpc(clientEnd, { calls, events, timeoutMs: 500 });
  return { server, client, close, internal, clientEnd, hostEnd };
}

describe('rpc', () => {
  it('carries a call and its result', async () => {
    const { client } = setup();
    await expect(client.call('math.add', { a: 2, b: 3 })).resolves.toBe(5);
  });

  it('validates arguments on the serving side, naming the field', async () => {
    const { client } = setup();
    const error = await client.call('math.add', { a: 2, b: 'x' as unknown as number }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).code).toBe('invalid_arguments');
    expect((error as RpcError).message).toContain('b');
  });

  it('refuses unknown methods sent by a hostile peer', async () => {
    const { clientEnd } = setup();
    const answers: unknown[] = [];
    clientEnd.onMessage((m) => answers.push(m));
    clientEnd.send({ kind: 'call', id: 7, method: 'constructor', args: {} });
    clientEnd.send({ kind: 'call', id: 8, method: '__proto__', args: {} });
    await new Promise((r) => setTimeout(r, 10));
    expect(answers).toEqual([
      { kind: 'error', id: 7, error: { code: 'unknown_method', message: 'Unknown call: constructor' } },
      { kind: 'error', id: 8, error: { code: 'unknown_method', message: 'Unknown call: __proto__' } },
    ]);
  });

  it('ignores malformed wire messages', async () => {
    const { clientEnd, client } = setup();
    clientEnd.send('garbage');
    clientEnd.send({ kind: 'call', id: -1, method: 'math.add' });
    await expect(client.call('math.add', { a: 1, b: 1 })).resolves.toBe(2);
  });

  it('passes RpcError codes through and hides internals of other errors', async () => {
    const { client, internal } = setup();
    await expect(client.call('math.fail')).rejects.toMatchObject({ code: 'not_found', message: 'No such thing.' });
    const crash = (await client.call('math.crash').catch((e: unknown) => e)) as RpcError;
    expect(crash.code).toBe('internal');
    expect(crash.message).not.toContain('Jansen');
    expect(internal).toEqual(['math.crash']);
  });

  it('refuses a result that does not match the contract', async () => {
    const { client } = setup();
    await expect(client.call('math.lie')).rejects.toMatchObject({ code: 'invalid_result' });
  });

  it('delivers events with their payload only and stops after unsubscribe', async () => {
    const { client, server } = setup();
    const seen: number[] = [];
    const off = client.on('math.tick', (payload) => seen.push(payload.n));
    server.emit('math.tick', { n: 1 });
    await new Promise((r) => setTimeout(r, 5));
    off();
    server.emit('math.tick', { n: 2 });
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual([1]);
  });

  it('times out when nobody answers and fails pending calls on close', async () => {
    const [, clientEnd, close] = pair();
    const client = connectRpc(clientEnd, { calls, events, timeoutMs: 20 });
    await expect(client.call('math.add', { a: 1, b: 1 })).rejects.toMatchObject({ code: 'timeout' });
    const client2 = connectRpc(clientEnd, { calls, events, timeoutMs: 0 });
    const pending = client2.call('math.add', { a: 1, b: 1 });
    close();
    await expect(pending).rejects.toMatchObject({ code: 'disconnected' });
  });

  it('builds a bridge of named functions only', async () => {
    const { client } = setup();
    const bridge = createBridge(calls, client);
    expect(Object.keys(bridge).sort()).toEqual(['math', 'on']);
    expect(Object.keys(bridge.math).sort()).toEqual(['add', 'crash', 'fail', 'lie']);
    await expect(bridge.math.add({ a: 4, b: 5 })).resolves.toBe(9);
  });
});

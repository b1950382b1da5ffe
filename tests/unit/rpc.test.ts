import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  bytes, connectRpc, createBridge, defineCall, defineEvent, MalformedFrame, RpcError, serveRpc, type Handlers, type MessageEndpoint,
} from '../../src/shared/rpc';
import { endpointPair as pair } from '../helpers/endpoint-pair';

const calls = {
  'math.add': defineCall(z.object({ a: z.number(), b: z.number() }).strict(), z.number(), 'Adds.'),
  'math.fail': defineCall(z.object({}), z.number(), 'Fails.'),
  'math.lie': defineCall(z.object({}), z.number(), 'Returns the wrong type.'),
  'math.crash': defineCall(z.object({}), z.number(), 'Throws a plain error.'),
  'file.read': defineCall(z.object({ name: z.string() }).strict(), z.object({ name: z.string(), bytes }), 'Bytes of a file.'),
  'file.fake': defineCall(z.object({}), z.object({ bytes }), 'Returns base64 where bytes belong.'),
  'file.echo': defineCall(z.object({ bytes }).strict(), z.object({ length: z.number() }), 'Takes bytes.'),
} as const;
const events = { 'math.tick': defineEvent(z.object({ n: z.number() }), 'Ticks.') } as const;

const handlers: Handlers<typeof calls, unknown> = {
  'math.add': ({ a, b }) => a + b,
  'math.fail': () => {
    throw new RpcError('not_found', 'No such thing.');
  },
  'math.lie': () => 'not a number' as unknown as number,
  'math.crash': () => {
    throw new Error('secret internals: Jansen 1234567890');
  },
  'file.read': ({ name }) => ({ name, bytes: new Uint8Array([37, 80, 68, 70, 0, 255]) }),
  'file.fake': () => ({ bytes: 'JVBERg==' as unknown as Uint8Array }),
  'file.echo': ({ bytes: received }) => ({ length: received.byteLength }),
};

function setup() {
  const [hostEnd, clientEnd, close] = pair();
  const internal: string[] = [];
  const server = serveRpc(hostEnd, {
    calls,
    events,
    context: { user: 'x' },
    handlers,
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

  it('carries bytes in a result and in arguments as Uint8Arrays, validated on both sides', async () => {
    const { client } = setup();
    const read = await client.call('file.read', { name: 'a.pdf' });
    expect(read.bytes).toBeInstanceOf(Uint8Array);
    expect([...read.bytes]).toEqual([37, 80, 68, 70, 0, 255]);
    await expect(client.call('file.echo', { bytes: new Uint8Array(5) })).resolves.toEqual({ length: 5 });
    // base64 where bytes belong is refused: by the serving side for arguments and results alike.
    await expect(client.call('file.echo', { bytes: 'AAAA' as unknown as Uint8Array })).rejects.toMatchObject({ code: 'invalid_arguments' });
    await expect(client.call('file.fake')).rejects.toMatchObject({ code: 'invalid_result' });
  });

  it('refuses on the client a result whose bytes are not bytes, whatever the host says', async () => {
    const [hostEnd, clientEnd] = pair();
    hostEnd.onMessage((raw) => {
      const call = raw as { id: number };
      hostEnd.send({ kind: 'ok', id: call.id, value: { name: 'a.pdf', bytes: 'JVBERg==' } });
    });
    const client = connectRpc(clientEnd, { calls, events, timeoutMs: 500 });
    await expect(client.call('file.read', { name: 'a.pdf' })).rejects.toMatchObject({ code: 'invalid_result' });
  });

  it('answers a call that arrived as a malformed frame with invalid_message, and goes on serving', async () => {
    const listeners = new Set<(message: unknown) => void>();
    const sent: unknown[] = [];
    const endpoint: MessageEndpoint = { send: (message) => sent.push(message), onMessage: (listener) => (listeners.add(listener), () => listeners.delete(listener)) };
    serveRpc(endpoint, { calls, events, context: null, handlers });
    const deliver = (message: unknown) => listeners.forEach((listener) => listener(message));
    deliver(new MalformedFrame('binary frame holds 9 bytes, its header declares 12', 'call', 3));
    // Without an id there is nobody to answer: dropped, like malformed JSON.
    deliver(new MalformedFrame('binary frame shorter than its header length'));
    deliver(new MalformedFrame('part path leads nowhere in the message', 'ok', 4));
    deliver({ kind: 'call', id: 5, method: 'math.add', args: { a: 1, b: 2 } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(sent).toEqual([
      { kind: 'error', id: 3, error: { code: 'invalid_message', message: expect.stringContaining('its header declares 12') } },
      { kind: 'ok', id: 5, value: 3 },
    ]);
  });

  it('fails the pending call whose answer arrived as a malformed frame, at once and with the reason', async () => {
    const listeners = new Set<(message: unknown) => void>();
    const endpoint: MessageEndpoint = { send: () => undefined, onMessage: (listener) => (listeners.add(listener), () => listeners.delete(listener)) };
    const client = connectRpc(endpoint, { calls, events, timeoutMs: 0 });
    const first = client.call('file.read', { name: 'a.pdf' });
    const second = client.call('file.read', { name: 'b.pdf' });
    listeners.forEach((listener) => listener(new MalformedFrame('part path does not end at a placeholder', 'ok', 2)));
    listeners.forEach((listener) => listener({ kind: 'ok', id: 1, value: { name: 'a.pdf', bytes: new Uint8Array(1) } }));
    await expect(second).rejects.toMatchObject({ code: 'invalid_message', message: expect.stringContaining('file.read could not be read: part path') });
    await expect(first).resolves.toMatchObject({ name: 'a.pdf' });
  });

  it('builds a bridge of named functions only', async () => {
    const { client } = setup();
    const bridge = createBridge(calls, client);
    expect(Object.keys(bridge).sort()).toEqual(['file', 'math', 'on']);
    expect(Object.keys(bridge.math).sort()).toEqual(['add', 'crash', 'fail', 'lie']);
    await expect(bridge.math.add({ a: 4, b: 5 })).resolves.toBe(9);
  });
});

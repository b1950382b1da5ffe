import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHostConnection, toBridgeError, withBridgeErrors, type PortLike } from '../../../src/preload/connection';
import { bytes, defineCall, defineEvent, RpcError, serveRpc, type MessageEndpoint, type RpcServer } from '../../../src/shared/rpc';

const calls = {
  'echo.say': defineCall(z.object({ text: z.string() }).strict(), z.object({ text: z.string(), host: z.number() }), 'Echoes.'),
  'echo.file': defineCall(z.object({ size: z.number() }).strict(), z.object({ bytes }), 'Bytes of a given size; 0 answers base64 instead.'),
};
const events = { 'host.tick': defineEvent(z.object({ count: z.number() }), 'A tick.') };

/** A fake data host on the other end of a real MessageChannel, numbered so tests see which one answered. */
function hostOn(port: MessagePort, hostNumber: number): RpcServer<typeof events> {
  const endpoint: MessageEndpoint = {
    send: (message) => port.postMessage(message),
    onMessage: (listener) => {
      const handler = (message: unknown): void => listener(message);
      port.on('message', handler);
      return () => port.off('message', handler);
    },
  };
  return serveRpc(endpoint, {
    calls,
    events,
    context: undefined,
    handlers: {
      'echo.say': ({ text }) => ({ text, host: hostNumber }),
      'echo.file': ({ size }) => ({ bytes: size === 0 ? ('JVBERg==' as unknown as Uint8Array) : new Uint8Array(size).fill(hostNumber) }),
    },
  });
}

const opened: MessagePort[] = [];
function channel(): { hostPort: MessagePort; windowPort: PortLike } {
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  return { hostPort: port1, windowPort: port2 as unknown as PortLike };
}

afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

const closed = (port: PortLike): Promise<void> => new Promise((resolve) => port.addEventListener('close', () => resolve()));

describe('the preload host connection', () => {
  it('queues calls made before the first port and answers them once it arrives', async () => {
    const connection = createHostConnection({ calls, events });
    const early = connection.client.call('echo.say', { text: 'vroeg' });
    expect(connection.connected).toBe(false);
    const { hostPort, windowPort } = channel();
    hostOn(hostPort, 1);
    connection.attachPort(windowPort);
    await expect(early).resolves.toEqual({ text: 'vroeg', host: 1 });
    expect(connection.connected).toBe(true);
    connection.client.dispose();
  });

  it('delivers host events to subscribers, and stops after unsubscribe', async () => {
    const connection = createHostConnection({ calls, events });
    const { hostPort, windowPort } = channel();
    const server = hostOn(hostPort, 1);
    connection.attachPort(windowPort);
    const received: number[] = [];
    const unsubscribe = connection.client.on('host.tick', ({ count }) => received.push(count));
    server.emit('host.tick', { count: 1 });
    await connection.client.call('echo.say', { text: 'sync' });
    unsubscribe();
    server.emit('host.tick', { count: 2 });
    await connection.client.call('echo.say', { text: 'sync' });
    expect(received).toEqual([1]);
    connection.client.dispose();
  });

  it('moves to a new port after the host restarted and keeps the event subscriptions', async () => {
    const connection = createHostConnection({ calls, events });
    const first = channel();
    hostOn(first.hostPort, 1);
    connection.attachPort(first.windowPort);
    const received: number[] = [];
    connection.client.on('host.tick', ({ count }) => received.push(count));
    await expect(connection.client.call('echo.say', { text: 'a' })).resolves.toMatchObject({ host: 1 });

    // The host dies: its end of the channel closes.
    const lost = closed(first.windowPort);
    first.hostPort.close();
    await lost;
    expect(connection.connected).toBe(false);
    const waiting = connection.client.call('echo.say', { text: 'during restart' });

    const second = channel();
    const server = hostOn(second.hostPort, 2);
    connection.attachPort(second.windowPort);
    await expect(waiting).resolves.toEqual({ text: 'during restart', host: 2 });
    server.emit('host.tick', { count: 5 });
    await connection.client.call('echo.say', { text: 'sync' });
    expect(received).toEqual([5]);
    connection.client.dispose();
  });

  it('fails a call that was in flight when the port was replaced, with disconnected', async () => {
    const connection = createHostConnection({ calls, events });
    const silent = channel();
    // No host serves this port: the call stays in flight.
    connection.attachPort(silent.windowPort);
    const inFlight = connection.client.call('echo.say', { text: 'lost' });
    const next = channel();
    hostOn(next.hostPort, 2);
    connection.attachPort(next.windowPort);
    await expect(inFlight).rejects.toMatchObject({ code: 'disconnected' });
    await expect(connection.client.call('echo.say', { text: 'b' })).resolves.toMatchObject({ host: 2 });
    connection.client.dispose();
  });

  it('passes the host refusal of invalid arguments and unknown calls through', async () => {
    const connection = createHostConnection({ calls, events });
    const { hostPort, windowPort } = channel();
    hostOn(hostPort, 1);
    connection.attachPort(windowPort);
    const refused = connection.client.call('echo.say', { text: 1 } as never);
    await expect(refused).rejects.toBeInstanceOf(RpcError);
    await expect(refused).rejects.toMatchObject({ code: 'invalid_arguments' });
    await expect(connection.client.call('nope.nothing' as never)).rejects.toMatchObject({ code: 'unknown_method' });
    connection.client.dispose();
  });

  it('receives bytes from the host as a Uint8Array by structured clone, and refuses base64 in their place', async () => {
    const connection = createHostConnection({ calls, events });
    const { hostPort, windowPort } = channel();
    hostOn(hostPort, 3);
    connection.attachPort(windowPort);
    const { bytes: received } = await connection.client.call('echo.file', { size: 500_000 });
    expect(received).toBeInstanceOf(Uint8Array);
    expect(received.byteLength).toBe(500_000);
    expect(received[499_999]).toBe(3);
    // Not a copy of some larger buffer: what contextBridge copies into the page is the document alone.
    expect(received.buffer.byteLength).toBe(500_000);
    await expect(connection.client.call('echo.file', { size: 0 })).rejects.toMatchObject({ code: 'invalid_result' });
    connection.client.dispose();
  });

  it('fails queued calls on dispose and refuses new ones', async () => {
    const connection = createHostConnection({ calls, events });
    const queued = connection.client.call('echo.say', { text: 'x' });
    connection.client.dispose();
    await expect(queued).rejects.toMatchObject({ code: 'disconnected' });
    await expect(connection.client.call('echo.say', { text: 'y' })).rejects.toMatchObject({ code: 'disconnected' });
  });

  it('times out a queued call when no port ever arrives', async () => {
    const connection = createHostConnection({ calls, events, timeoutMs: 1 });
    await expect(connection.client.call('echo.say', { text: 'x' })).rejects.toMatchObject({ code: 'timeout' });
    connection.client.dispose();
  });
});

describe('errors crossing contextBridge', () => {
  it('rejects with a plain object that keeps the code, because contextBridge drops Error properties', async () => {
    const connection = createHostConnection({ calls, events });
    const { hostPort, windowPort } = channel();
    hostOn(hostPort, 1);
    connection.attachPort(windowPort);
    const client = withBridgeErrors(connection.client);
    const rejection: unknown = await client.call('echo.say', { text: 1 } as never).catch((error: unknown) => error);
    expect(rejection).not.toBeInstanceOf(Error);
    expect(rejection).toEqual({ name: 'RpcError', code: 'invalid_arguments', message: expect.stringContaining('echo.say') });
    await expect(client.call('echo.say', { text: 'ok' })).resolves.toEqual({ text: 'ok', host: 1 });
    client.dispose();
  });

  it('keeps details and hides unexpected failures behind internal', () => {
    expect(toBridgeError(new RpcError('conflict', 'Changed meanwhile.', { version: 3 }))).toEqual({
      name: 'RpcError', code: 'conflict', message: 'Changed meanwhile.', details: { version: 3 },
    });
    expect(toBridgeError(new TypeError('x is undefined at /home/someone/file.ts'))).toEqual({
      name: 'RpcError', code: 'internal', message: 'The request failed inside the app.',
    });
  });
});

/**
 * Bytes over the loopback WebSocket, both ways, through the real `ws` server: a message with bytes is
 * one binary frame, and a binary frame that does not add up is refused without harming the host.
 */
import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { z } from 'zod';
import { bytes, connectRpc, decodeFrame, defineCall, encodeFrame, serveRpc, type MessageEndpoint } from '../../../src/shared/rpc';
import { rpcSubprotocol, tokenSubprotocolPrefix } from '../../../src/shared/rpc/websocket';
import { attachWebSocketRpc } from '../../../src/main/host/transports/websocket';

const token = 'A'.repeat(43);
const calls = {
  'files.reverse': defineCall(z.object({ bytes }).strict(), z.object({ bytes, length: z.number() }), 'Gives the bytes back reversed.'),
  'files.ping': defineCall(z.object({}), z.literal('pong'), 'Answers.'),
};
const events = {};

let server: Server;
let origin: string;
let detach: () => Promise<void>;

beforeEach(async () => {
  server = createServer((_, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  detach = attachWebSocketRpc(server, {
    token,
    allowedOrigins: [origin],
    onConnection: (endpoint) => serveRpc(endpoint, {
      calls, events, context: null,
      handlers: {
        'files.reverse': ({ bytes: received }) => ({ bytes: Uint8Array.from(received).reverse(), length: received.byteLength }),
        'files.ping': () => 'pong' as const,
      },
    }),
  });
});
afterEach(async () => {
  await detach();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function open(): Promise<{ socket: WebSocket; frames: { binary: boolean; data: Buffer }[] }> {
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/rpc`, [rpcSubprotocol, tokenSubprotocolPrefix + token], { headers: { Origin: origin } });
  const frames: { binary: boolean; data: Buffer }[] = [];
  socket.on('message', (data: Buffer, binary: boolean) => frames.push({ binary, data }));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { socket, frames };
}

/** The page's side, as src/renderer/src/bridge.ts does it, over the `ws` client. */
function endpoint(socket: WebSocket): MessageEndpoint {
  return {
    send: (message) => socket.send(encodeFrame(message)),
    onMessage: (listener) => {
      const wrapped = (data: Buffer, binary: boolean) => listener(decodeFrame(binary ? data : data.toString('utf8')));
      socket.on('message', wrapped);
      return () => socket.off('message', wrapped);
    },
  };
}

describe('bytes over the loopback WebSocket', () => {
  it('carries bytes to the host and back, each way as one binary frame', async () => {
    const { socket, frames } = await open();
    const client = connectRpc(endpoint(socket), { calls, events, timeoutMs: 2000 });
    const document = new Uint8Array(1024 * 1024).map((_, index) => index % 251);
    const answer = await client.call('files.reverse', { bytes: document });
    expect(answer.length).toBe(document.byteLength);
    expect(answer.bytes[0]).toBe(document[document.byteLength - 1]);
    expect(Buffer.from(answer.bytes).equals(Buffer.from(document).reverse())).toBe(true);
    expect(frames.map((frame) => frame.binary)).toEqual([true]);
    // Small: the frame is the bytes and a short header, not a third more for base64.
    expect(frames[0]?.data.byteLength).toBeLessThan(document.byteLength + 200);
    await expect(client.call('files.ping')).resolves.toBe('pong');
    expect(frames.map((frame) => frame.binary)).toEqual([true, false]);
    socket.close();
  });

  it('answers a call in a binary frame that does not add up with invalid_message, and keeps serving', async () => {
    const { socket, frames } = await open();
    const whole = encodeFrame({ kind: 'call', id: 7, method: 'files.reverse', args: { bytes: new Uint8Array(100) } }) as Uint8Array;
    socket.send(whole.subarray(0, whole.byteLength - 10));
    // Garbage without a call to answer, and a header that claims more than the frame holds: dropped.
    socket.send(Buffer.from([1, 2, 3]));
    socket.send(Buffer.from([255, 255, 255, 255, 123]));
    socket.send(JSON.stringify({ kind: 'call', id: 8, method: 'files.ping', args: {} }));
    await expect.poll(() => frames.length).toBe(2);
    expect(frames.map((frame) => JSON.parse(frame.data.toString('utf8')) as unknown)).toEqual([
      { kind: 'error', id: 7, error: { code: 'invalid_message', message: expect.stringMatching(/could not read this call: binary frame holds \d+ bytes/) } },
      { kind: 'ok', id: 8, value: 'pong' },
    ]);
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });
});

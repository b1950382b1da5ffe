import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { calls, events } from '../../../src/shared/contract';
import { connectRpc, type MessageEndpoint } from '../../../src/shared/rpc';
import { rpcSubprotocol, tokenSubprotocolPrefix } from '../../../src/shared/rpc/websocket';
import { createHost, type Host } from '../../../src/main/host/host';
import { silentLogger } from '../../../src/main/host/log';
import { attachWebSocketRpc } from '../../../src/main/host/transports/websocket';

const token = 'A'.repeat(43);
let server: Server;
let host: Host;
let origin: string;
let detach: () => Promise<void>;

beforeEach(async () => {
  host = createHost({ dataDir: ':memory:', logger: silentLogger });
  server = createServer((_, res) => res.writeHead(404).end());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  detach = attachWebSocketRpc(server, { token, allowedOrigins: [origin], onConnection: (e) => host.serve(e) });
});
afterEach(async () => {
  await detach();
  await new Promise<void>((r) => server.close(() => r()));
  host.close();
});

/** Opens a socket; resolves with it when accepted, rejects with the HTTP status when refused. */
function open(path: string, protocols: string[], headers: Record<string, string> = { Origin: origin }): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(origin.replace('http', 'ws') + path, protocols, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_, response) => reject(new Error(String(response.statusCode))));
    socket.once('error', reject);
  });
}

function endpoint(socket: WebSocket): MessageEndpoint {
  return {
    send: (m) => socket.send(JSON.stringify(m)),
    onMessage: (l) => {
      const w = (d: Buffer) => l(JSON.parse(d.toString()));
      socket.on('message', w);
      return () => socket.off('message', w);
    },
  };
}

describe('loopback WebSocket transport', () => {
  it('serves the contract to a page of the allowed origin with the token', async () => {
    const socket = await open('/rpc', [rpcSubprotocol, tokenSubprotocolPrefix + token]);
    expect(socket.protocol).toBe(rpcSubprotocol);
    const client = connectRpc(endpoint(socket), { calls, events, timeoutMs: 2000 });
    await expect(client.call('app.info')).resolves.toMatchObject({ environment: 'training' });
    socket.close();
  });

  it.each([
    ['a wrong token', '/rpc', [rpcSubprotocol, tokenSubprotocolPrefix + 'B'.repeat(43)], undefined, '403'],
    ['a missing token', '/rpc', [rpcSubprotocol], undefined, '403'],
    ['a shorter token', '/rpc', [rpcSubprotocol, tokenSubprotocolPrefix + 'A'], undefined, '403'],
    ['no RPC subprotocol', '/rpc', [tokenSubprotocolPrefix + token], undefined, '403'],
    ['another origin', '/rpc', [rpcSubprotocol, tokenSubprotocolPrefix + token], { Origin: 'http://evil.example' }, '403'],
    ['no origin', '/rpc', [rpcSubprotocol, tokenSubprotocolPrefix + token], {}, '403'],
    ['another path', '/other', [rpcSubprotocol, tokenSubprotocolPrefix + token], undefined, '404'],
    ['a token in the query', `/rpc?token=${token}`, [rpcSubprotocol, tokenSubprotocolPrefix + token], undefined, '403'],
  ])('refuses %s', async (_name, path, protocols, headers, status) => {
    await expect(open(path, protocols, headers ?? { Origin: origin })).rejects.toThrow(status);
  });
});

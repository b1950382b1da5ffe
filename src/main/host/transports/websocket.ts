/**
 * The contract over a loopback WebSocket, for tests and the browser preview. A connection is
 * accepted only on the RPC path, from an allowed origin, offering the RPC subprotocol and the
 * random token (compared in constant time). Never part of the packaged app.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeFrame, encodeFrame, type MessageEndpoint } from '../../../shared/rpc';
import { rpcSubprotocol, rpcWebSocketPath, tokenSubprotocolPrefix } from '../../../shared/rpc/websocket';

export interface WebSocketRpcOptions {
  token: string;
  /** Origins whose pages may connect, e.g. 'http://127.0.0.1:5180'. */
  allowedOrigins: readonly string[];
  /** Called for each accepted connection. */
  onConnection(endpoint: MessageEndpoint): void;
  /** Largest message accepted, in bytes. */
  maxPayload?: number;
}

function sameToken(offered: string, expected: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why an upgrade request is refused, or null when it may connect. */
export function refusal(request: IncomingMessage, options: Pick<WebSocketRpcOptions, 'token' | 'allowedOrigins'>): string | null {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== rpcWebSocketPath) return 'path';
  if (url.search !== '') return 'query';
  const origin = request.headers.origin;
  if (!origin || !options.allowedOrigins.includes(origin)) return 'origin';
  const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  if (!offered.includes(rpcSubprotocol)) return 'subprotocol';
  const token = offered.find((p) => p.startsWith(tokenSubprotocolPrefix))?.slice(tokenSubprotocolPrefix.length);
  if (!token || !sameToken(token, options.token)) return 'token';
  return null;
}

function socketEndpoint(socket: WebSocket): MessageEndpoint {
  return {
    send: (message) => {
      // Bytes (a document) go as a binary frame of their own, never as base64 in JSON (binary.ts).
      if (socket.readyState === socket.OPEN) socket.send(encodeFrame(message));
    },
    onMessage: (listener) => {
      const wrapped = (data: Buffer, isBinary: boolean): void => {
        const message = decodeFrame(isBinary ? data : data.toString('utf8'));
        if (message !== undefined) listener(message);
      };
      socket.on('message', wrapped);
      return () => socket.off('message', wrapped);
    },
    onClose: (listener) => {
      socket.on('close', listener);
      return () => socket.off('close', listener);
    },
  };
}

/** Accepts RPC WebSocket upgrades on an HTTP server; returns a function that closes them all. */
export function attachWebSocketRpc(server: Server, options: WebSocketRpcOptions): () => Promise<void> {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload ?? 4 * 1024 * 1024,
    handleProtocols: (protocols) => (protocols.has(rpcSubprotocol) ? rpcSubprotocol : false),
  });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const reason = refusal(request, options);
    if (reason) {
      socket.write(`HTTP/1.1 ${reason === 'path' ? '404 Not Found' : '403 Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => options.onConnection(socketEndpoint(ws)));
  };
  server.on('upgrade', onUpgrade);
  return () =>
    new Promise<void>((resolve) => {
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      wss.close(() => resolve());
    });
}

/**
 * A loopback HTTP proxy between a data host and the central API that misbehaves on purpose:
 * it drops requests, drops answers after the server acted, delays, resets, answers
 * 500/503/429/401 itself, cuts bodies short and delivers requests twice. Which fault hits which
 * request comes from a seeded generator, so a failing run can be repeated from its seed.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | 'pass' | 'drop' | 'dropAnswer' | 'delay' | 'status500' | 'status503' | 'status429' | 'status401'
  | 'serverThen500' | 'truncate' | 'duplicate';

export const faults: readonly Fault[] = [
  'drop', 'dropAnswer', 'delay', 'status500', 'status503', 'status429', 'status401', 'serverThen500', 'truncate', 'duplicate',
];

/** A small seeded generator (mulberry32), uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultProxy {
  url: string;
  /** Share of /sync requests that get a fault (0 turns the proxy into a plain pipe). */
  faultRate: number;
  /** When set, every /sync request gets this fault (a network that is simply down: 'drop'). */
  force: Fault | null;
  /** How many times each fault struck. */
  readonly counts: Record<Fault, number>;
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function forward(target: URL, incoming: IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const headers = { ...incoming.headers, host: target.host };
    const outgoing = httpRequest({
      host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers,
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const plain: Record<string, string> = {};
        for (const [key, value] of Object.entries(response.headers)) if (typeof value === 'string') plain[key] = value;
        resolve({ status: response.statusCode ?? 502, headers: plain, body: Buffer.concat(chunks) });
      });
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function problem(response: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/problem+json', ...headers });
  response.end(JSON.stringify({ type: 'about:blank', title: 'injected', status, code: status === 401 ? 'unauthenticated' : 'unavailable' }));
}

/** Starts a proxy to `upstream` on 127.0.0.1. */
export async function startFaultProxy(upstream: string, options: { seed: number; faultRate: number; delayMilliseconds?: number }): Promise<FaultProxy> {
  const target = new URL(upstream);
  const random = seededRandom(options.seed);
  const counts = Object.fromEntries([...faults, 'pass'].map((fault) => [fault, 0])) as Record<Fault, number>;
  const proxy: { faultRate: number; force: Fault | null } = { faultRate: options.faultRate, force: null };

  const server: Server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const faulty = (incoming.url ?? '').startsWith('/sync/') && !(incoming.url ?? '').startsWith('/sync/events');
        // Each kind strikes once before the choice turns random, so every run covers all of them.
        const pick = (): Fault => faults.find((kind) => counts[kind] === 0) ?? faults[Math.floor(random() * faults.length)] ?? 'pass';
        const fault: Fault = !faulty ? 'pass' : proxy.force ?? (random() < proxy.faultRate ? pick() : 'pass');
        counts[fault] += 1;
        try {
          switch (fault) {
            case 'drop':
              response.socket?.destroy();
              return;
            case 'status500':
            case 'status503':
            case 'status429':
            case 'status401':
              problem(response, Number(fault.slice(6)), fault === 'status429' ? { 'retry-after': '0' } : {});
              return;
            case 'delay':
              await new Promise((resolve) => setTimeout(resolve, options.delayMilliseconds ?? 50));
              break;
            default:
              break;
          }
          if (fault === 'duplicate') await forward(target, incoming, body);
          const answer = await forward(target, incoming, body);
          if (fault === 'dropAnswer') {
            response.socket?.destroy();
            return;
          }
          if (fault === 'serverThen500') {
            problem(response, 500);
            return;
          }
          const headers = { ...answer.headers };
          delete headers['transfer-encoding'];
          delete headers['content-length'];
          delete headers['connection'];
          if (fault === 'truncate') {
            response.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
            response.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
            response.socket?.destroy();
            return;
          }
          response.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
          response.end(answer.body);
        } catch {
          response.socket?.destroy();
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get faultRate() {
      return proxy.faultRate;
    },
    set faultRate(value: number) {
      proxy.faultRate = value;
    },
    get force() {
      return proxy.force;
    },
    set force(value: Fault | null) {
      proxy.force = value;
    },
    counts,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

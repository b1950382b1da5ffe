/**
 * The host's client of the central API (docs/architecture.md, "Sync"). Every answer is
 * validated with the sync protocol's zod schemas: a server that sends something else yields a
 * CentralApiError of kind 'invalid_response', never a crash and never data in the cache.
 */
import { z } from 'zod';
import {
  demoUser, pokeEventName, pullResponse, type DemoUser, pushResponse, type MutationEnvelope, type PullResponse, type PushResponse,
} from '../../../shared/sync';

/** How a request failed, which decides what the engine does next. */
export type CentralApiErrorKind =
  | 'network' // no answer (offline, reset, timeout): retry with backoff
  | 'unauthenticated' // 401: sign in again, keep the outbox
  | 'cursor_expired' // 410: bootstrap again, keep outbox and conflicts
  | 'rate_limited' // 429: retry later
  | 'unavailable' // 5xx: retry with backoff
  | 'refused' // other 4xx: a bug or a permission problem, not retried blindly
  | 'invalid_response'; // 2xx with a body that does not match the protocol

/** A failed call to the central API; the message names the endpoint and status, never data. */
export class CentralApiError extends Error {
  override readonly name = 'CentralApiError';
  constructor(
    readonly kind: CentralApiErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly retryAfterMilliseconds: number | null = null,
  ) {
    super(message);
  }
}

/** The token pair of POST /auth/login and /auth/refresh (mirrors the server's response schema). */
export const tokenPair = z.object({
  accessToken: z.string().min(1),
  accessTokenExpiresAt: z.string(),
  refreshToken: z.string().min(1),
  sessionExpiresAt: z.string(),
  user: z.object({ id: z.string().min(1), displayName: z.string(), role: z.string() }),
});
export type TokenPair = z.infer<typeof tokenPair>;

export interface CentralApi {
  readonly baseUrl: string;
  login(username: string, password: string): Promise<TokenPair>;
  refresh(refreshToken: string): Promise<TokenPair>;
  logout(refreshToken: string): Promise<void>;
  pull(accessToken: string, cursor: string | null, limit: number): Promise<PullResponse>;
  push(accessToken: string, mutations: readonly MutationEnvelope[]): Promise<PushResponse>;
  /** The bytes of a document (GET /documents/:id/content); the caller verifies them against the SHA-256 it expects. */
  documentContent(accessToken: string, documentId: string, maxBytes: number): Promise<Uint8Array>;
  /** The demo users a training server lists for its sign-in screen (GET /training/demo-users). */
  demoUsers(): Promise<DemoUser[]>;
  /** Listens to GET /sync/events until `signal` aborts or the stream ends; `onPoke` gets the newest cursor. */
  listen(accessToken: string, onPoke: (cursor: string) => void, signal: AbortSignal): Promise<void>;
}

export interface CentralApiOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  /** Per request; a stalled connection counts as a network failure. */
  timeoutMilliseconds?: number;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for addresses that never leave this machine, where plain http is acceptable. */
export function isLoopback(hostname: string): boolean {
  return loopbackHosts.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Checks and normalises the base URL: https, or http only to a loopback address. */
export function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new CentralApiError('refused', 'The central API address is not a valid URL.');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new CentralApiError('refused', 'The central API must be reached over https (plain http only on this machine).');
  }
  return url.toString().replace(/\/+$/, '');
}

function kindOfStatus(status: number): CentralApiErrorKind {
  if (status === 401) return 'unauthenticated';
  if (status === 410) return 'cursor_expired';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  return 'refused';
}

function retryAfter(response: Response): number | null {
  const header = response.headers.get('retry-after');
  if (header === null) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 3600) * 1000 : null;
}

export interface JsonTransport {
  readonly baseUrl: string;
  /** Sends a request; a failed connection or a non-2xx answer becomes a CentralApiError of its kind. */
  send(method: 'GET' | 'POST' | 'PUT', path: string, init?: { token?: string; body?: unknown }): Promise<Response>;
  /** Reads an answer's JSON body and checks it against `schema`; anything else is 'invalid_response'. */
  json<T>(response: Response, schema: z.ZodType<T>, what: string): Promise<T>;
}

/** The requests of every client of a central API: checked base URL, timeout, error kinds, validated JSON. */
export function createJsonTransport(options: CentralApiOptions): JsonTransport {
  const baseUrl = checkBaseUrl(options.baseUrl);
  const doFetch = options.fetch ?? fetch;
  const timeout = options.timeoutMilliseconds ?? 30_000;
  return {
    baseUrl,
    async send(method, path, init = {}) {
      const endpoint = path.split('?')[0] ?? path;
      const headers: Record<string, string> = { accept: 'application/json' };
      if (init.token) headers['authorization'] = `Bearer ${init.token}`;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}${path}`, {
          method, headers, signal: AbortSignal.timeout(timeout),
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        });
      } catch {
        throw new CentralApiError('network', `${method} ${endpoint}: no answer from the central API.`);
      }
      if (!response.ok) {
        // Drain the body so the connection can be reused; its content is not needed.
        await response.arrayBuffer().catch(() => undefined);
        throw new CentralApiError(kindOfStatus(response.status), `${method} ${endpoint} answered ${response.status}.`,
          response.status, retryAfter(response));
      }
      return response;
    },
    async json(response, schema, what) {
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        // A body cut off mid-way is a network failure; garbage is a lying server. Both are retried later.
        throw new CentralApiError('invalid_response', `${what}: the answer is not JSON.`, response.status);
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        const where = parsed.error.issues.slice(0, 3).map((issue) => issue.path.join('.') || '(root)').join(', ');
        throw new CentralApiError('invalid_response', `${what}: the answer does not have the expected shape (${where}).`, response.status);
      }
      return parsed.data;
    },
  };
}

/** A client of the central API at `baseUrl`. */
export function createCentralApi(options: CentralApiOptions): CentralApi {
  const { baseUrl, send, json } = createJsonTransport(options);
  // The event stream has no timeout and no JSON body, so it fetches directly.
  const doFetch = options.fetch ?? fetch;

  return {
    baseUrl,
    async login(username, password) {
      return json(await send('POST', '/auth/login', { body: { username, password } }), tokenPair, 'POST /auth/login');
    },
    async refresh(refreshToken) {
      return json(await send('POST', '/auth/refresh', { body: { refreshToken } }), tokenPair, 'POST /auth/refresh');
    },
    async logout(refreshToken) {
      await send('POST', '/auth/logout', { body: { refreshToken } });
    },
    async demoUsers() {
      return json(await send('GET', '/training/demo-users', {}), z.array(demoUser), 'GET /training/demo-users');
    },
    async pull(accessToken, cursor, limit) {
      const query = new URLSearchParams({ limit: String(limit), ...(cursor === null ? {} : { cursor }) });
      const page = await json(await send('GET', `/sync/pull?${query}`, { token: accessToken }), pullResponse, 'GET /sync/pull');
      if (cursor !== null && BigInt(page.nextCursor) < BigInt(cursor)) {
        throw new CentralApiError('invalid_response', 'GET /sync/pull: the cursor went backwards.');
      }
      return page;
    },
    async push(accessToken, mutations) {
      const answer = await json(await send('POST', '/sync/push', { token: accessToken, body: { mutations } }), pushResponse, 'POST /sync/push');
      const sent = mutations.map((mutation) => mutation.clientMutationId).join('\n');
      const received = answer.results.map((result) => result.clientMutationId).join('\n');
      if (sent !== received) throw new CentralApiError('invalid_response', 'POST /sync/push: the results do not match the mutations sent.');
      return answer;
    },
    async documentContent(accessToken, documentId, maxBytes) {
      const response = await send('GET', `/documents/${encodeURIComponent(documentId)}/content`, { token: accessToken });
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new CentralApiError('invalid_response', 'GET /documents/:id/content: larger than the document says.');
      }
      try {
        const bytes = new Uint8Array(await response.arrayBuffer());
        if (bytes.byteLength > maxBytes) throw new CentralApiError('invalid_response', 'GET /documents/:id/content: larger than the document says.');
        return bytes;
      } catch (error) {
        if (error instanceof CentralApiError) throw error;
        throw new CentralApiError('network', 'GET /documents/:id/content: the download broke off.');
      }
    },
    async listen(accessToken, onPoke, signal) {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/sync/events`, {
          headers: { accept: 'text/event-stream', authorization: `Bearer ${accessToken}` }, signal,
        });
      } catch {
        throw new CentralApiError('network', 'GET /sync/events: no answer from the central API.');
      }
      if (!response.ok || !response.body) {
        await response.arrayBuffer().catch(() => undefined);
        throw new CentralApiError(kindOfStatus(response.status), `GET /sync/events answered ${response.status}.`, response.status);
      }
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body) {
          buffer += decoder.decode(chunk as Uint8Array, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const lines = block.split('\n');
            const event = lines.find((line) => line.startsWith('event:'))?.slice(6).trim();
            const data = lines.find((line) => line.startsWith('data:'))?.slice(5).trim();
            if (event === pokeEventName && data !== undefined && /^\d{1,19}$/.test(data)) onPoke(data);
          }
        }
      } catch {
        if (!signal.aborted) throw new CentralApiError('network', 'GET /sync/events: the stream broke off.');
      }
    },
  };
}

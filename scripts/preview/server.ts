/**
 * The browser preview: serves the built renderer on 127.0.0.1 with the app's CSP and a real data
 * host behind a token-guarded loopback WebSocket, so the real UI runs in Chromium where no Electron
 * binary exists. Development and tests only: never part of the packaged app.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { contentSecurityPolicy, securityHeaders } from '../../src/shared/security/csp';
import { createHost, type Host, type HostOptions } from '../../src/main/host/host';
import { attachWebSocketRpc } from '../../src/main/host/transports/websocket';
import { tokenFragmentKey } from '../../src/shared/rpc/websocket';

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

export interface PreviewOptions {
  /** 0 picks a free port. */
  port: number;
  rendererDir: string;
  host: Omit<HostOptions, 'logger'> & Partial<Pick<HostOptions, 'logger'>>;
  /** Runs once the host is open, before the server listens (seeding in development and tests). */
  prepare?: (host: Host) => void;
}

export interface Preview {
  url: string;
  /** The page URL including the token fragment. */
  pageUrl: string;
  token: string;
  host: Host;
  close(): Promise<void>;
}

/** Maps a request path to a file inside root, or null when it would leave root. */
export function fileInside(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relativePath = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = resolve(root, relativePath);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

/** Starts the preview server and its host. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const rendererDir = resolve(options.rendererDir);
  const host = createHost(options.host);
  options.prepare?.(host);
  const token = randomBytes(32).toString('base64url');
  let origin = '';

  const server: Server = createServer((request, response) => {
    const headers: Record<string, string> = {
      ...securityHeaders,
      'Content-Security-Policy': contentSecurityPolicy({ connectSources: [origin.replace(/^http/, 'ws')] }),
      'Cache-Control': 'no-store',
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(request.url ?? '/', origin);
    const file = fileInside(rendererDir, url.pathname);
    if (!file) {
      response.writeHead(404, headers).end();
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) throw new Error('not a file');
        response.writeHead(200, {
          ...headers,
          'Content-Type': mimeTypes[extname(file)] ?? 'application/octet-stream',
          'Content-Length': String(info.size),
        });
        if (request.method === 'HEAD') response.end();
        else createReadStream(file).pipe(response);
      },
      () => response.writeHead(404, headers).end(),
    );
  });

  const closeSockets = attachWebSocketRpc(server, {
    token,
    get allowedOrigins() {
      return [origin];
    },
    onConnection: (endpoint) => host.serve(endpoint),
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  origin = `http://127.0.0.1:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    pageUrl: `${origin}/#${tokenFragmentKey}=${token}`,
    token,
    host,
    close() {
      closing ??= (async () => {
        await closeSockets();
        const closed = new Promise<void>((done) => server.close(() => done()));
        server.closeAllConnections();
        await closed;
        host.close();
      })();
      return closing;
    },
  };
}

/** The built renderer's folder. */
export const defaultRendererDir = join(__dirname, '..', '..', 'out', 'renderer');

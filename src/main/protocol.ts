/**
 * The app:// protocol that serves the renderer bundle (SECURITY.md, Electron shell). No file://:
 * a custom scheme gives the UI one stable origin (app://werkbank) that IPC checks and the CSP can
 * name, and this handler is the single place that decides which bytes the renderer may load.
 */
import { realpath, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy, securityHeaders } from '../shared/security/csp';

/** The scheme, host and origin the renderer is served from. */
export const appScheme = 'app';
export const appHost = 'werkbank';
export const appOrigin = `${appScheme}://${appHost}`;
/** The page every window loads. */
export const appEntryUrl = `${appOrigin}/index.html`;

/** Privileges of app://, registered before the app is ready (protocol.registerSchemesAsPrivileged). */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: {
    // standard: origin-based security and relative URLs behave as for https.
    standard: true,
    // secure: counts as a secure context, so crypto.subtle and friends work.
    secure: true,
    // fetch() of our own assets (fonts, pdf.js cmaps) needs this.
    supportFetchAPI: true,
    // pdf.js starts its worker from a same-origin module URL.
    codeCache: true,
    bypassCSP: false,
    // The PDF viewer runs in a sandboxed frame (opaque origin "null") and loads its scripts from
    // app:// in CORS mode; without CORS on the scheme Chromium refuses those loads outright. Every
    // response answers `Access-Control-Allow-Origin: null` only (src/shared/security/csp.ts), so
    // no real origin passes the check, and the files are the shipped bundle, never case data.
    corsEnabled: true,
    allowServiceWorkers: false,
    stream: false,
  },
} as const;

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** The Content-Type for a file name; unknown types are served as opaque bytes (with nosniff). */
export function mimeTypeOf(fileName: string): string {
  return mimeTypes[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** Why a request URL was refused, mapped to an HTTP status. */
export type PathRefusal = 'bad_request' | 'forbidden' | 'not_found';

export type ResolvedPath = { ok: true; relativePath: string } | { ok: false; refusal: PathRefusal };

/**
 * Turns a request URL into a path relative to the bundle, or refuses it. Refuses rather than
 * normalises anything suspicious (`..`, backslashes, NUL, encoded separators), because a path that
 * needs repairing was never produced by our own bundle.
 */
export function resolveRequestPath(requestUrl: string): ResolvedPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, refusal: 'bad_request' };
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost || url.username || url.password || url.port) {
    return { ok: false, refusal: 'forbidden' };
  }
  const rawPath = url.pathname;
  // Encoded separators would survive URL parsing and become real ones after decoding.
  if (/%2f|%5c|%00/i.test(rawPath)) return { ok: false, refusal: 'forbidden' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, refusal: 'bad_request' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, refusal: 'forbidden' };
  const segments = decoded.split('/').filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === '..' || segment === '.')) return { ok: false, refusal: 'forbidden' };
  // A drive letter (C:) would make path.join leave the bundle on Windows.
  if (segments.some((segment) => segment.includes(':'))) return { ok: false, refusal: 'forbidden' };
  const relativePath = segments.length === 0 ? 'index.html' : segments.join('/');
  return { ok: true, relativePath };
}

/** True when `candidate` is `root` itself or lies inside it. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The headers every app:// response carries: the CSP (no connect sources) and the security headers. */
export function responseHeaders(contentType?: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(),
    ...securityHeaders,
    'Cache-Control': 'no-store',
  };
  if (contentType) headers['Content-Type'] = contentType;
  return headers;
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: responseHeaders('text/plain; charset=utf-8') });
}

const refusalStatus: Readonly<Record<PathRefusal, number>> = { bad_request: 400, forbidden: 403, not_found: 404 };

/** File access the handler needs; injected so tests can fake a bundle. */
export interface BundleReader {
  realpath(filePath: string): Promise<string>;
  isFile(filePath: string): Promise<boolean>;
  read(filePath: string): Promise<Uint8Array>;
}

export const diskReader: BundleReader = {
  realpath: (filePath) => realpath(filePath),
  isFile: async (filePath) => (await stat(filePath)).isFile(),
  read: (filePath) => readFile(filePath),
};

/** Builds the protocol.handle handler that serves files from `rootDir` (out/renderer) only. */
export function createAppProtocolHandler(
  rootDir: string,
  reader: BundleReader = diskReader,
): (request: Request) => Promise<Response> {
  let realRoot: Promise<string> | undefined;
  return async (request) => {
    if (request.method !== 'GET') {
      const response = refusal(405, 'Method not allowed');
      response.headers.set('Allow', 'GET');
      return response;
    }
    const resolved = resolveRequestPath(request.url);
    if (!resolved.ok) return refusal(refusalStatus[resolved.refusal], 'Refused');
    try {
      realRoot ??= reader.realpath(rootDir);
      const root = await realRoot;
      const candidate = path.resolve(root, ...resolved.relativePath.split('/'));
      if (!isInside(root, candidate)) return refusal(403, 'Refused');
      // A symlink inside the bundle must not lead out of it either.
      const real = await reader.realpath(candidate);
      if (!isInside(root, real) || !(await reader.isFile(real))) return refusal(404, 'Not found');
      const body = await reader.read(real);
      return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers: responseHeaders(mimeTypeOf(real)) });
    } catch {
      // Missing files and unreadable ones look the same to the renderer.
      realRoot = undefined;
      return refusal(404, 'Not found');
    }
  };
}

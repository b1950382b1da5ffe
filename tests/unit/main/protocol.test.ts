import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSchemePrivileges, createAppProtocolHandler, isInside, mimeTypeOf, resolveRequestPath } from '../../../src/main/protocol';
import { contentSecurityPolicy, securityHeaders } from '../../../src/shared/security/csp';

const secret = 'SECRET-OUTSIDE-THE-BUNDLE';
let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'werkbank-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets', 'nested'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Werkbank</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.info(1)');
  await writeFile(path.join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'pdf.worker.mjs'), 'export {}');
  await writeFile(path.join(root, 'assets', 'font.woff2'), 'w');
  await writeFile(path.join(root, 'assets', 'module.wasm'), 'w');
  await writeFile(path.join(root, 'assets', 'data.bcmap'), 'b');
  await writeFile(path.join(root, 'assets', 'nested', 'deep.svg'), '<svg/>');
  await writeFile(path.join(base, 'secret.txt'), secret);
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'escape.txt'));
  handler = createAppProtocolHandler(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET'): Promise<Response> => handler(new Request(url, { method }));

describe('app:// protocol: serving the bundle', () => {
  it('serves index.html for / and /index.html with the CSP and security headers', async () => {
    for (const url of ['app://werkbank/', 'app://werkbank/index.html']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
      for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers.get(name)).toBe(value);
      expect(await response.text()).toContain('<title>Werkbank</title>');
    }
  });

  it('uses the CSP without connect sources: the renderer may connect only to its own origin', async () => {
    const csp = (await get('app://werkbank/index.html')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("default-src 'none'");
  });

  it('lets only opaque origins (the sandboxed PDF viewer) read the bundle cross-origin', async () => {
    expect(appSchemePrivileges.privileges.corsEnabled).toBe(true);
    const response = await get('app://werkbank/index.html');
    expect(response.headers.get('access-control-allow-origin')).toBe('null');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('sends the right MIME type per file and nosniff with it', async () => {
    const expected: Record<string, string> = {
      'assets/app.js': 'text/javascript; charset=utf-8',
      'assets/pdf.worker.mjs': 'text/javascript; charset=utf-8',
      'assets/app.css': 'text/css; charset=utf-8',
      'assets/font.woff2': 'font/woff2',
      'assets/module.wasm': 'application/wasm',
      'assets/data.bcmap': 'application/octet-stream',
      'assets/nested/deep.svg': 'image/svg+xml',
    };
    for (const [file, type] of Object.entries(expected)) {
      const response = await get(`app://werkbank/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type'), file).toBe(type);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(mimeTypeOf('X.HTML')).toBe('text/html; charset=utf-8');
  });

  it('answers 404 with the CSP for a missing file and for a folder', async () => {
    for (const url of ['app://werkbank/missing.js', 'app://werkbank/assets', 'app://werkbank/assets/']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    }
  });
});

describe('app:// protocol: containment', () => {
  const attacks = [
    'app://werkbank/../secret.txt',
    'app://werkbank/assets/../../secret.txt',
    'app://werkbank/%2e%2e/secret.txt',
    'app://werkbank/%2E%2E/%2e%2e/secret.txt',
    'app://werkbank/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://werkbank/..%2fsecret.txt',
    'app://werkbank/..%5csecret.txt',
    'app://werkbank/..\\secret.txt',
    'app://werkbank/assets\\..\\..\\secret.txt',
    'app://werkbank//etc/passwd',
    'app://werkbank/C:/Windows/win.ini',
    'app://werkbank/C:%5cWindows%5cwin.ini',
    'app://werkbank/index.html%00.png',
    'app://werkbank/assets/escape.txt',
    'app://werkbank/%E0%A4%A',
  ];

  it('never serves a byte from outside the bundle', async () => {
    const absolute = `app://werkbank/${encodeURIComponent(path.join(base, 'secret.txt'))}`;
    for (const url of [...attacks, absolute]) {
      const response = await get(url);
      expect(response.status, url).not.toBe(200);
      expect(await response.text(), url).not.toContain(secret);
    }
  });

  it('refuses suspicious paths outright instead of repairing them', () => {
    const refused = [
      '/..%2fsecret.txt', '/..%5csecret.txt', '/a\\b', '/index.html%00.png', '/C:/x', '/%2Fetc%2Fpasswd', '/%E0%A4%A',
    ];
    for (const pathname of refused) {
      const result = resolveRequestPath(`app://werkbank${pathname}`);
      expect(result.ok, pathname).toBe(false);
    }
    // Dot segments the URL parser leaves in place (as a raw string) are refused too.
    expect(resolveRequestPath('app://werkbank/assets/app.js')).toEqual({ ok: true, relativePath: 'assets/app.js' });
    expect(resolveRequestPath('app://werkbank/')).toEqual({ ok: true, relativePath: 'index.html' });
  });

  it('refuses a symlink that leads out of the bundle', async () => {
    const response = await get('app://werkbank/assets/escape.txt');
    expect(response.status).toBe(404);
  });

  it('refuses other hosts, schemes, ports and credentials', async () => {
    for (const url of [
      'app://evil/index.html',
      'app://werkbank.evil/index.html',
      'app://werkbank:8080/index.html',
      'https://werkbank/index.html',
      'file:///etc/passwd',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(403);
    }
    // Fetch's Request refuses credentials itself; the resolver refuses them too, should one get through.
    expect(resolveRequestPath('app://user:pass@werkbank/index.html')).toEqual({ ok: false, refusal: 'forbidden' });
  });

  it('answers only GET: other methods get 405 with Allow: GET', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']) {
      const response = await get('app://werkbank/index.html', method);
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    }
  });

  it('isInside accepts the root and its children only', () => {
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b/c/d')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
    expect(isInside('/a/b', '/a/b/../c')).toBe(false);
  });
});

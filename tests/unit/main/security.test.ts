import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  denyPermissionCheck,
  denyPermissionRequest,
  guardSession,
  guardWebContents,
  isAllowedExternalUrl,
  isRequestAllowed,
  openExternalIfAllowed,
  type GuardOptions,
} from '../../../src/main/security';

type OpenHandler = (details: { url: string }) => { action: string };

class FakeContents extends EventEmitter {
  openHandler: OpenHandler | undefined;
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
}

function fakeEvent(extra: Record<string, unknown> = {}): { preventDefault: ReturnType<typeof vi.fn>; defaultPrevented: () => boolean } & Record<string, unknown> {
  const preventDefault = vi.fn();
  return { ...extra, preventDefault, defaultPrevented: () => preventDefault.mock.calls.length > 0 };
}

function guarded(confirm = true): { contents: FakeContents; options: GuardOptions & { confirmExternal: ReturnType<typeof vi.fn>; openExternal: ReturnType<typeof vi.fn> } } {
  const contents = new FakeContents();
  const options = {
    confirmExternal: vi.fn(async () => confirm),
    openExternal: vi.fn(async () => undefined),
    onRefusal: vi.fn(),
  };
  guardWebContents(contents as unknown as WebContents, options);
  return { contents, options };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('navigation and webviews', () => {
  it('prevents every navigation, including to our own origin', () => {
    const { contents, options } = guarded();
    for (const url of ['https://evil.example/', 'app://werkbank/index.html', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const event = fakeEvent();
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented(), url).toBe(true);
    }
    expect(options.onRefusal).toHaveBeenCalledWith('navigate', 'https');
  });

  it('prevents redirects', () => {
    const { contents } = guarded();
    const event = fakeEvent();
    contents.emit('will-redirect', event, 'https://evil.example/');
    expect(event.defaultPrevented()).toBe(true);
  });

  it('lets subframes load only our origin, blob: and about:', () => {
    const { contents } = guarded();
    const cases: [string, boolean][] = [
      ['https://evil.example/', true],
      ['file:///etc/passwd', true],
      ['data:text/html,<script>1</script>', true],
      ['app://werkbank/pdf.html', false],
      ['blob:app://werkbank/1234', false],
      ['about:srcdoc', false],
    ];
    for (const [url, prevented] of cases) {
      const event = fakeEvent({ url, isMainFrame: false });
      contents.emit('will-frame-navigate', event);
      expect(event.defaultPrevented(), url).toBe(prevented);
    }
  });

  it('prevents attaching a <webview>', () => {
    const { contents } = guarded();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented()).toBe(true);
  });
});

describe('new windows and external links', () => {
  it('denies every new window', () => {
    const { contents } = guarded();
    for (const url of ['https://ind.nl/', 'https://evil.example/', 'app://werkbank/index.html', 'about:blank']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('opens an allow-listed https link in the browser only after confirmation', async () => {
    const { contents, options } = guarded(true);
    contents.openHandler?.({ url: 'https://ind.nl/nl/verblijfsvergunningen' });
    await flush();
    expect(options.confirmExternal).toHaveBeenCalledWith('https://ind.nl/nl/verblijfsvergunningen');
    expect(options.openExternal).toHaveBeenCalledWith('https://ind.nl/nl/verblijfsvergunningen');
  });

  it('does not open a link the user declined', async () => {
    const { contents, options } = guarded(false);
    contents.openHandler?.({ url: 'https://wetten.overheid.nl/BWBR0005537' });
    await flush();
    expect(options.confirmExternal).toHaveBeenCalledOnce();
    expect(options.openExternal).not.toHaveBeenCalled();
  });

  it('never asks about, nor opens, links outside the https allow-list', async () => {
    const { contents, options } = guarded(true);
    for (const url of [
      'http://ind.nl/',
      'https://evil.example/',
      'https://ind.nl.evil.example/',
      'https://evilind.nl/',
      'https://user:pw@ind.nl/',
      'https://ind.nl:8443/',
      'file:///C:/Windows/system32/calc.exe',
      'smb://ind.nl/share',
      'javascript:alert(1)',
      'not a url',
    ]) {
      contents.openHandler?.({ url });
    }
    await flush();
    expect(options.confirmExternal).not.toHaveBeenCalled();
    expect(options.openExternal).not.toHaveBeenCalled();
  });

  it('accepts subdomains of allow-listed hosts and a custom allow-list', () => {
    expect(isAllowedExternalUrl('https://www.ind.nl/')).toBe(true);
    expect(isAllowedExternalUrl('https://IND.NL/')).toBe(true);
    expect(isAllowedExternalUrl('https://example.org/', ['example.org'])).toBe(true);
    expect(isAllowedExternalUrl('https://ind.nl/', ['example.org'])).toBe(false);
  });

  it('reports whether the browser was asked to open the link', async () => {
    const options = { confirmExternal: vi.fn(async () => true), openExternal: vi.fn(async () => undefined) };
    expect(await openExternalIfAllowed('https://ind.nl/', options)).toBe(true);
    expect(await openExternalIfAllowed('https://evil.example/', options)).toBe(false);
  });
});

describe('permissions and network', () => {
  it('refuses every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      const callback = vi.fn();
      denyPermissionRequest({} as WebContents, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(denyPermissionCheck()).toBe(false);
  });

  it('installs the denials on the session', () => {
    const handlers: Record<string, unknown> = {};
    const record = (name: string) => (handler: unknown) => {
      handlers[name] = handler;
    };
    const session = {
      setPermissionRequestHandler: record('request'),
      setPermissionCheckHandler: record('check'),
      setDevicePermissionHandler: record('device'),
      setDisplayMediaRequestHandler: record('display'),
      webRequest: { onBeforeRequest: record('beforeRequest') },
    };
    guardSession(session as unknown as Session);
    const requestCallback = vi.fn();
    (handlers.request as typeof denyPermissionRequest)({} as WebContents, 'media', requestCallback);
    expect(requestCallback).toHaveBeenCalledWith(false);
    expect((handlers.check as () => boolean)()).toBe(false);
    expect((handlers.device as () => boolean)()).toBe(false);
    const displayCallback = vi.fn();
    (handlers.display as (request: unknown, callback: (streams: null) => void) => void)({}, displayCallback);
    expect(displayCallback).toHaveBeenCalledWith(null);
    const blocked = vi.fn();
    (handlers.beforeRequest as (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void)({ url: 'https://evil.example/x' }, blocked);
    expect(blocked).toHaveBeenCalledWith({ cancel: true });
    const allowed = vi.fn();
    (handlers.beforeRequest as (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void)({ url: 'app://werkbank/index.html' }, allowed);
    expect(allowed).toHaveBeenCalledWith({ cancel: false });
  });

  it('lets the renderer reach no network scheme, except the dev server in development', () => {
    for (const url of ['https://example.org/', 'http://127.0.0.1:3000/', 'ws://127.0.0.1:1/', 'wss://x/', 'ftp://x/', 'file:///etc/passwd']) {
      expect(isRequestAllowed(url), url).toBe(false);
    }
    for (const url of ['app://werkbank/index.html', 'blob:app://werkbank/1', 'data:image/png;base64,AA==', 'devtools://devtools/x']) {
      expect(isRequestAllowed(url), url).toBe(true);
    }
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', ['http://localhost:5173'])).toBe(true);
    expect(isRequestAllowed('ws://localhost:5173/', ['http://localhost:5173'])).toBe(true);
    expect(isRequestAllowed('http://localhost:5174/', ['http://localhost:5173'])).toBe(false);
  });
});

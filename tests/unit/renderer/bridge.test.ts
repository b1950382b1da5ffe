import { describe, expect, it } from 'vitest';
import { bridgeGlobalName, calls, events, type HostHandlers, type SyncStatus, type WerkbankApi } from '../../../src/shared/contract';
import { decodeFrame, encodeFrame, MalformedFrame, serveRpc, type MessageEndpoint, type RpcServer } from '../../../src/shared/rpc';
import { rpcSubprotocol, tokenSubprotocolPrefix } from '../../../src/shared/rpc/websocket';
import {
  installPreviewBridge, rpcSocketUrl, socketEndpoint, takePreviewToken, tokenStorageKey,
  type PreviewEnvironment, type SocketLike,
} from '../../../src/renderer/src/bridge';
import { createConnectionMonitor } from '../../../src/renderer/src/connection';

const token = 'A'.repeat(40) + '_-9';

/** A WebSocket stand-in whose far end is an in-memory endpoint the test can serve the contract on. */
class FakeSocket implements SocketLike {
  readyState = 0;
  binaryType = 'blob';
  readonly sent: (string | Uint8Array)[] = [];
  private readonly listeners = { open: [] as (() => void)[], close: [] as (() => void)[], message: [] as ((event: { data: unknown }) => void)[] };
  private readonly hostListeners = new Set<(message: unknown) => void>();
  /** The host's end: what the page sends arrives here, decoded, as over a real socket (binary frames as ArrayBuffers). */
  readonly host: MessageEndpoint = {
    send: (message) => {
      const frame = encodeFrame(message);
      this.receive(typeof frame === 'string' ? frame : frame.buffer);
    },
    onMessage: (listener) => {
      this.hostListeners.add(listener);
      return () => this.hostListeners.delete(listener);
    },
  };

  constructor(readonly url: string, readonly protocols: string[]) {}

  addEventListener(type: 'open' | 'close', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'open' | 'close' | 'message', listener: ((event: { data: unknown }) => void) | (() => void)): void {
    (this.listeners[type] as unknown[]).push(listener);
  }

  send(data: string | Uint8Array): void {
    if (this.readyState !== 1) throw new Error('InvalidStateError: still connecting');
    this.sent.push(data);
    const parsed = decodeFrame(data);
    queueMicrotask(() => this.hostListeners.forEach((listener) => listener(parsed)));
  }

  close(): void {
    this.readyState = 3;
    this.listeners.close.forEach((listener) => listener());
  }

  open(): void {
    this.readyState = 1;
    this.listeners.open.forEach((listener) => listener());
  }

  receive(data: unknown): void {
    queueMicrotask(() => this.listeners.message.forEach((listener) => listener({ data })));
  }
}

interface FakeBrowser extends PreviewEnvironment {
  sockets: FakeSocket[];
  stored: Map<string, string>;
  replaced: string[];
}

function fakeBrowser(hash: string, protocol = 'http:'): FakeBrowser {
  const stored = new Map<string, string>();
  const sockets: FakeSocket[] = [];
  const replaced: string[] = [];
  const location = { hash, pathname: '/index.html', search: '?x=1', protocol, host: '127.0.0.1:5180' };
  return {
    location,
    history: {
      replaceState: (_data, _unused, url) => {
        replaced.push(url ?? '');
        location.hash = '';
      },
    },
    storage: { getItem: (key) => stored.get(key) ?? null, setItem: (key, value) => void stored.set(key, value) },
    openSocket: (url, protocols) => {
      const socket = new FakeSocket(url, protocols);
      sockets.push(socket);
      return socket;
    },
    sockets,
    stored,
    replaced,
  };
}

const pdfBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x00, 0xff]);

const syncStatus: SyncStatus = { state: 'online', lastSyncAt: null, pending: 2, conflicts: 0 };

function serveHost(socket: FakeSocket): RpcServer<typeof events> {
  // Only the calls these tests make.
  const partial: Partial<HostHandlers<null>> = {
    'app.info': () => ({ environment: 'training', environmentName: 'Training', version: '1.0.0', language: 'nl' }),
    'settings.setLanguage': ({ language }) => ({ language }),
    'cases.list': ({ limit }) => ({ items: [], total: limit }),
    'sync.status': () => syncStatus,
    'documents.open': ({ documentId }) => ({ documentId, mediaType: 'application/pdf', sha256: 'a'.repeat(64), bytes: pdfBytes }),
  };
  return serveRpc(socket.host, { calls, events, handlers: partial as HostHandlers<null>, context: null });
}

describe('takePreviewToken', () => {
  it('takes a valid token from the fragment, stores it and clears the address bar', () => {
    const browser = fakeBrowser(`#token=${token}`);
    expect(takePreviewToken(browser)).toBe(token);
    expect(browser.stored.get(tokenStorageKey)).toBe(token);
    expect(browser.replaced).toEqual(['/index.html?x=1']);
  });

  it('clears an invalid token from the address bar without storing it', () => {
    const browser = fakeBrowser('#token=short');
    expect(takePreviewToken(browser)).toBeNull();
    expect(browser.stored.size).toBe(0);
    expect(browser.replaced).toHaveLength(1);
  });

  it('falls back to the token of this tab after a reload, and ignores a tampered one', () => {
    const browser = fakeBrowser('');
    expect(takePreviewToken(browser)).toBeNull();
    browser.stored.set(tokenStorageKey, token);
    expect(takePreviewToken(browser)).toBe(token);
    expect(browser.replaced).toEqual([]);
    browser.stored.set(tokenStorageKey, `${token}<script>`);
    expect(takePreviewToken(browser)).toBeNull();
  });

  it('leaves a fragment without a token alone', () => {
    const browser = fakeBrowser('#/dashboard');
    expect(takePreviewToken(browser)).toBeNull();
    expect(browser.replaced).toEqual([]);
  });
});

describe('rpcSocketUrl', () => {
  it('uses ws on http and wss on https, on the page origin', () => {
    expect(rpcSocketUrl(fakeBrowser('').location)).toBe('ws://127.0.0.1:5180/rpc');
    expect(rpcSocketUrl(fakeBrowser('', 'https:').location)).toBe('wss://127.0.0.1:5180/rpc');
  });
});

describe('socketEndpoint', () => {
  it('queues sends until the socket opens, then sends them in order as JSON', () => {
    const socket = new FakeSocket('ws://x/rpc', []);
    const endpoint = socketEndpoint(socket);
    endpoint.send({ n: 1 });
    endpoint.send({ n: 2 });
    expect(socket.sent).toEqual([]);
    socket.open();
    endpoint.send({ n: 3 });
    expect(socket.sent).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
  });

  it('parses incoming JSON, skips what is not JSON, and stops after unsubscribing', async () => {
    const socket = new FakeSocket('ws://x/rpc', []);
    const endpoint = socketEndpoint(socket);
    const received: unknown[] = [];
    const off = endpoint.onMessage((message) => received.push(message));
    socket.receive('{"kind":"event"}');
    socket.receive('not json');
    socket.receive(new Uint8Array([1]));
    await Promise.resolve();
    off();
    socket.receive('{"late":true}');
    await Promise.resolve();
    expect(received).toEqual([{ kind: 'event' }]);
  });
});

describe('socketEndpoint with bytes', () => {
  it('reads binary frames as ArrayBuffers and sends a message with bytes as one binary frame', () => {
    const socket = new FakeSocket('ws://x/rpc', []);
    const endpoint = socketEndpoint(socket);
    expect(socket.binaryType).toBe('arraybuffer');
    socket.open();
    endpoint.send({ kind: 'call', id: 1, method: 'x.upload', args: { bytes: pdfBytes } });
    const [sent] = socket.sent;
    expect(sent).toBeInstanceOf(Uint8Array);
    expect(decodeFrame(sent as Uint8Array)).toEqual({ kind: 'call', id: 1, method: 'x.upload', args: { bytes: pdfBytes } });
  });

  it('hands a binary frame that does not add up to the RPC layer as a MalformedFrame', async () => {
    const socket = new FakeSocket('ws://x/rpc', []);
    const received: unknown[] = [];
    socketEndpoint(socket).onMessage((message) => received.push(message));
    socket.receive(new Uint8Array([0, 0, 0, 200, 1, 2]).buffer);
    await Promise.resolve();
    expect(received).toEqual([expect.any(MalformedFrame)]);
  });
});

describe('installPreviewBridge', () => {
  it('opens a document as bytes over the socket: one binary frame, no base64', async () => {
    const browser = fakeBrowser(`#token=${token}`);
    const target: { werkbank?: WerkbankApi } = {};
    installPreviewBridge(target, browser, createConnectionMonitor('connected'));
    const socket = browser.sockets[0] as FakeSocket;
    const frames: unknown[] = [];
    socket.addEventListener('message', (event) => frames.push(event.data));
    serveHost(socket);
    socket.open();
    const opened = await (target.werkbank as WerkbankApi).documents.open({ documentId: 'doc-1' });
    expect(opened.bytes).toBeInstanceOf(Uint8Array);
    expect([...opened.bytes]).toEqual([...pdfBytes]);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toBeInstanceOf(ArrayBuffer);
    expect(new TextDecoder().decode(frames[0] as ArrayBuffer)).not.toContain(btoa(String.fromCharCode(...pdfBytes)));
  });

  it('fails a call at once with invalid_message when its answer is a broken binary frame, and keeps the connection', async () => {
    const browser = fakeBrowser(`#token=${token}`);
    const target: { werkbank?: WerkbankApi } = {};
    installPreviewBridge(target, browser, createConnectionMonitor('connected'));
    const socket = browser.sockets[0] as FakeSocket;
    socket.open();
    const api = target.werkbank as WerkbankApi;
    const opening = api.documents.open({ documentId: 'doc-1' });
    await Promise.resolve();
    const call = decodeFrame(socket.sent[0] as string) as { id: number };
    const whole = encodeFrame({ kind: 'ok', id: call.id, value: { documentId: 'doc-1', mediaType: 'application/pdf', sha256: 'a'.repeat(64), bytes: pdfBytes } }) as Uint8Array;
    // The last bytes of the document never came.
    socket.receive(whole.slice(0, whole.byteLength - 3).buffer);
    await expect(opening).rejects.toMatchObject({ code: 'invalid_message' });
    serveHost(socket);
    await expect(api.app.info()).resolves.toMatchObject({ environment: 'training' });
  });


  it('does nothing without a token, so the page can explain how to open the preview', () => {
    const target = {};
    expect(installPreviewBridge(target, fakeBrowser(''), createConnectionMonitor('connected'))).toBe(false);
    expect(bridgeGlobalName in target).toBe(false);
  });

  it('exposes only the contract, read-only, over a socket that offers the token as a subprotocol', async () => {
    const browser = fakeBrowser(`#token=${token}`);
    const monitor = createConnectionMonitor('connected');
    const target: { werkbank?: WerkbankApi } = {};
    expect(installPreviewBridge(target, browser, monitor)).toBe(true);

    const socket = browser.sockets[0] as FakeSocket;
    expect(socket.url).toBe('ws://127.0.0.1:5180/rpc');
    expect(socket.protocols).toEqual([rpcSubprotocol, tokenSubprotocolPrefix + token]);
    expect(monitor.state).toBe('connecting');

    const api = target.werkbank as WerkbankApi;
    // Derived from the contract, so adding a call does not break this test.
    const namespaces = [...new Set(Object.keys(calls).map((name) => name.split('.')[0] ?? ''))];
    expect(Object.keys(api).sort()).toEqual([...namespaces, 'on'].sort());
    expect(Object.keys(api.cases).sort()).toEqual(Object.keys(calls).filter((name) => name.startsWith('cases.')).map((name) => name.slice(6)).sort());
    const descriptor = Object.getOwnPropertyDescriptor(target, bridgeGlobalName);
    expect(descriptor?.writable).toBe(false);
    expect(descriptor?.configurable).toBe(false);
    expect(() => {
      (api.cases as { list: unknown }).list = () => 'swapped';
    }).toThrow(TypeError);

    serveHost(socket);
    // A call made before the socket is open waits for it.
    const info = api.app.info();
    socket.open();
    expect(monitor.state).toBe('connected');
    await expect(info).resolves.toMatchObject({ environment: 'training', language: 'nl' });
    await expect(api.cases.list({ limit: 5 })).resolves.toEqual({ items: [], total: 5 });
  });

  it('reports a lost connection, fails pending calls with "disconnected", and reconnects with events intact', async () => {
    const browser = fakeBrowser(`#token=${token}`);
    const monitor = createConnectionMonitor('connected');
    const target: { werkbank?: WerkbankApi } = {};
    installPreviewBridge(target, browser, monitor);
    const api = target.werkbank as WerkbankApi;
    const first = browser.sockets[0] as FakeSocket;
    first.open();
    const epochAtStart = monitor.epoch;

    const statuses: SyncStatus[] = [];
    api.on('sync.changed', (status) => statuses.push(status));

    // The host never answers this one: the socket drops first.
    const pending = api.sync.status();
    first.close();
    expect(monitor.state).toBe('disconnected');
    await expect(pending).rejects.toMatchObject({ code: 'disconnected' });

    monitor.reconnect();
    expect(browser.sockets).toHaveLength(2);
    const second = browser.sockets[1] as FakeSocket;
    expect(second.protocols).toEqual([rpcSubprotocol, tokenSubprotocolPrefix + token]);
    const host = serveHost(second);
    second.open();
    expect(monitor.state).toBe('connected');
    expect(monitor.epoch).toBe(epochAtStart + 1);

    // A late close of the old socket must not undo the new connection.
    first.close();
    expect(monitor.state).toBe('connected');

    await expect(api.sync.status()).resolves.toEqual(syncStatus);
    host.emit('sync.changed', { ...syncStatus, state: 'syncing' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(statuses.map((status) => status.state)).toEqual(['syncing']);
  });
});

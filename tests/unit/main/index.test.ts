/**
 * The wiring of src/main/index.ts with the electron module faked: what happens before ready, what
 * is installed on ready, how the host is forked and what a fatal host error does.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const state = {
    calls,
    appEvents: new Map<string, ((...args: unknown[]) => void)[]>(),
    ready: undefined as undefined | (() => void),
    singleInstance: true,
    appPath: '',
    userData: '',
    windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
    children: [] as (EventEmitter & { posted: unknown[]; path: string; options: Record<string, unknown> })[],
    sessionHandlers: {} as Record<string, unknown>,
    protocolHandlers: new Map<string, unknown>(),
    ipcHandlers: new Map<string, unknown>(),
    dialogs: [] as Record<string, unknown>[],
    exitCodes: [] as number[],
    quits: 0,
    encryption: true,
  };
  return state;
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const record = (name: string) => (handler: unknown) => {
    fake.sessionHandlers[name] = handler;
  };
  class BrowserWindow extends Emitter {
    static getAllWindows = () => [];
    static getFocusedWindow = () => null;
    loaded: string[] = [];
    webContents = new Emitter();
    constructor(readonly options: Record<string, unknown>) {
      super();
      fake.windows.push(this);
    }
    show(): void {}
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    app: {
      isPackaged: false,
      enableSandbox: () => fake.calls.push('enableSandbox'),
      setName: () => undefined,
      setPath: () => undefined,
      getAppPath: () => fake.appPath,
      getPath: () => fake.userData,
      getVersion: () => '0.1.0',
      requestSingleInstanceLock: () => fake.singleInstance,
      isReady: () => true,
      on: (event: string, listener: (...args: unknown[]) => void) => {
        fake.appEvents.set(event, [...(fake.appEvents.get(event) ?? []), listener]);
      },
      whenReady: () => {
        fake.calls.push('whenReady');
        return new Promise<void>((resolve) => {
          fake.ready = resolve;
        });
      },
      quit: () => {
        fake.quits += 1;
      },
      exit: (code: number) => fake.exitCodes.push(code),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => fake.calls.push(`registerSchemes:${JSON.stringify(schemes)}`),
      handle: (scheme: string, handler: unknown) => fake.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: record('request'),
        setPermissionCheckHandler: record('check'),
        setDevicePermissionHandler: record('device'),
        setDisplayMediaRequestHandler: record('display'),
        webRequest: { onBeforeRequest: record('beforeRequest') },
      },
    },
    BrowserWindow,
    dialog: {
      showMessageBoxSync: (options: Record<string, unknown>) => {
        fake.dialogs.push(options);
        return 0;
      },
      showMessageBox: async () => ({ response: 0 }),
    },
    ipcMain: {
      handle: (channel: string, handler: unknown) => fake.ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
    },
    Menu: { setApplicationMenu: () => undefined, buildFromTemplate: (template: unknown) => template },
    MessageChannelMain: class {
      port1 = { close: () => undefined };
      port2 = { close: () => undefined };
    },
    shell: { openExternal: async () => undefined },
    // A reversible scramble with a marker: enough to see that plain text never reaches the file.
    safeStorage: {
      isAsyncEncryptionAvailable: async () => fake.encryption,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptStringAsync: async (text: string) => Buffer.concat([Buffer.from('v10'), Buffer.from(Buffer.from(text).map((byte) => byte ^ 0x5a))]),
      decryptStringAsync: async (encrypted: Buffer) => ({ result: Buffer.from(encrypted.subarray(3).map((byte) => byte ^ 0x5a)).toString(), shouldReEncrypt: false }),
    },
    utilityProcess: {
      fork: (modulePath: string, _args: string[], options: Record<string, unknown>) => {
        const child = Object.assign(new Emitter(), {
          posted: [] as unknown[],
          path: modulePath,
          options,
          postMessage(message: unknown) {
            this.posted.push(message);
          },
          kill: () => true,
        });
        fake.children.push(child);
        return child;
      },
    },
  };
});

let base = '';

function bindingPath(): string {
  return path.join(base, 'app', '.native', `electron-unknown-${process.platform}-${process.arch}`, 'better_sqlite3.node');
}

async function loadMain(options: { binding?: boolean } = {}): Promise<void> {
  if (options.binding ?? true) {
    mkdirSync(path.dirname(bindingPath()), { recursive: true });
    writeFileSync(bindingPath(), '');
  }
  vi.resetModules();
  await import('../../../src/main/index');
}

const trainingUrl = 'http://127.0.0.1:40999';

/**
 * Resolves whenReady and waits until start-up has either opened a window or shown a failure. With
 * no central API configured the training server is forked first; it answers ready at once here.
 */
async function becomeReady(options: { training?: 'ready' | 'silent' } = {}): Promise<void> {
  fake.ready?.();
  await vi.waitFor(() => expect(fake.children.length + fake.windows.length + fake.dialogs.length).toBeGreaterThan(0));
  const first = fake.children[0];
  if (first?.path.endsWith('training-server.js') && (options.training ?? 'ready') === 'ready') {
    first.emit('message', { type: 'ready', url: trainingUrl });
  }
  if ((options.training ?? 'ready') === 'ready') await vi.waitFor(() => expect(fake.windows.length + fake.dialogs.length).toBeGreaterThan(0));
}

/** The data host's fake process (after the training server, when there is one). */
function hostChild() {
  return fake.children.find((child) => child.path.endsWith('host.js'));
}

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'werkbank-main-'));
  fake.appPath = path.join(base, 'app');
  fake.userData = path.join(base, 'userData');
  mkdirSync(fake.userData, { recursive: true });
  fake.calls.length = 0;
  fake.appEvents.clear();
  fake.ready = undefined;
  fake.singleInstance = true;
  fake.windows.length = 0;
  fake.children.length = 0;
  fake.sessionHandlers = {};
  fake.protocolHandlers.clear();
  fake.ipcHandlers.clear();
  fake.dialogs.length = 0;
  fake.exitCodes.length = 0;
  fake.quits = 0;
  fake.encryption = true;
  vi.stubEnv('WERKBANK_SERVER_URL', '');
  vi.stubEnv('WERKBANK_UPDATE_URL', '');
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(base, { recursive: true, force: true });
});

describe('main process wiring', () => {
  it('enables the sandbox and registers app:// as privileged before waiting for ready', async () => {
    await loadMain();
    expect(fake.calls[0]).toBe('enableSandbox');
    const registration = fake.calls.findIndex((call) => call.startsWith('registerSchemes:'));
    expect(registration).toBeGreaterThan(0);
    expect(registration).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.calls[registration]).toContain('"scheme":"app"');
    expect(fake.calls[registration]).toContain('"standard":true');
    expect(fake.calls[registration]).toContain('"bypassCSP":false');
  });

  it('installs protocol, session denials, IPC and one secure window on ready', async () => {
    await loadMain();
    expect(fake.windows).toHaveLength(0);
    await becomeReady();
    expect([...fake.protocolHandlers.keys()]).toEqual(['app']);
    expect(Object.keys(fake.sessionHandlers).sort()).toEqual(['beforeRequest', 'check', 'device', 'display', 'request']);
    expect([...fake.ipcHandlers.keys()]).toEqual(['werkbank:connect', 'werkbank:shell-state-request', 'werkbank:restart-to-update']);
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0];
    expect(window?.loaded).toEqual(['app://werkbank/index.html']);
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, nodeIntegration: false, sandbox: true, webviewTag: false, devTools: true });
    expect(String((window?.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('with no central API configured, opens the window, starts the training server, and the host only once it is ready', async () => {
    await loadMain();
    await becomeReady({ training: 'silent' });
    expect(fake.children).toHaveLength(1);
    const server = fake.children[0];
    expect(server?.path).toMatch(/training-server\.js$/);
    expect(server?.options.serviceName).toBe('Werkbank training server');
    const serverEnv = server?.options.env as Record<string, string>;
    expect(serverEnv.WERKBANK_TRAINING_DATA_DIR).toBe(path.join(fake.userData, 'training'));
    expect(serverEnv.WERKBANK_SERVER_MIGRATIONS).toMatch(/server-migrations$/);
    expect(serverEnv).not.toHaveProperty('NODE_OPTIONS');
    // The window is open at once, showing the start-up steps; the host waits for the training server.
    expect(fake.windows).toHaveLength(1);

    server?.emit('message', { type: 'ready', url: trainingUrl });
    await vi.waitFor(() => expect(fake.children).toHaveLength(2));
    const env = hostChild()?.options.env as Record<string, string>;
    expect(env.WERKBANK_SERVER_URL).toBe(trainingUrl);
    expect(env.WERKBANK_TRAINING_SERVER).toBe('1');
  });

  it('shows a two-language dialog and quits when the training server cannot start', async () => {
    await loadMain();
    await becomeReady({ training: 'silent' });
    fake.children[0]?.emit('message', { type: 'fatal', code: 'training_unavailable', message: 'failed' });
    await vi.waitFor(() => expect(fake.exitCodes).toEqual([1]));
    expect(hostChild()).toBeUndefined();
    expect(String(fake.dialogs[0]?.detail)).toContain('oefenomgeving');
    expect(String(fake.dialogs[0]?.detail)).toContain('(training_unavailable)');
  });

  it('forks the data host as a utilityProcess with the agreed environment', async () => {
    await loadMain();
    await becomeReady();
    const child = hostChild();
    expect(child?.options.serviceName).toBe('Werkbank data host');
    const env = child?.options.env as Record<string, string>;
    expect(env.WERKBANK_DATA_DIR).toBe(path.join(fake.userData, 'data'));
    expect(env.WERKBANK_SQLITE_BINDING).toBe(bindingPath());
    expect(env.WERKBANK_APP_VERSION).toBe('0.1.0');
    expect(env).not.toHaveProperty('NODE_OPTIONS');
  });

  it('tells the host that main keeps its secrets, and keeps them encrypted in userData', async () => {
    await loadMain();
    await becomeReady();
    const child = hostChild();
    expect((child?.options.env as Record<string, string>).WERKBANK_SECRETS).toBe('parent');
    // The host may ask before it is ready (its session loads at start).
    child?.emit('message', { type: 'secret.request', id: 1, operation: 'write', key: 'central-api.tokens', value: 'tok-REFRESH-1' });
    child?.emit('message', { type: 'secret.request', id: 2, operation: 'read', key: 'central-api.tokens' });
    await vi.waitFor(() => expect(child?.posted).toContainEqual({ type: 'secret.response', id: 2, value: 'tok-REFRESH-1' }));
    expect(child?.posted).toContainEqual({ type: 'secret.response', id: 1 });
    expect(readFileSync(path.join(fake.userData, 'secrets.json'), 'utf8')).not.toContain('tok-REFRESH');
    expect(fake.dialogs).toEqual([]);
  });

  it('answers secret requests with an error, and keeps running, when encryption is unavailable', async () => {
    fake.encryption = false;
    await loadMain();
    await becomeReady();
    const child = hostChild();
    child?.emit('message', { type: 'ready' });
    child?.emit('message', { type: 'secret.request', id: 1, operation: 'write', key: 'central-api.tokens', value: 'tok-REFRESH-1' });
    await vi.waitFor(() => expect(child?.posted).toContainEqual({ type: 'secret.response', id: 1, error: expect.any(String) }));
    expect(fake.dialogs).toEqual([]);
    expect(fake.exitCodes).toEqual([]);
  });

  it('passes the configured central API to the host and starts no training server', async () => {
    writeFileSync(path.join(fake.userData, 'config.json'), JSON.stringify({ serverUrl: 'https://api.werkbank.example' }));
    await loadMain();
    await becomeReady();
    expect(fake.children).toHaveLength(1);
    const env = fake.children[0]?.options.env as Record<string, string>;
    expect(env.WERKBANK_SERVER_URL).toBe('https://api.werkbank.example');
    expect(env).not.toHaveProperty('WERKBANK_TRAINING_SERVER');
  });

  it('shows a two-language dialog and quits on a fatal host error', async () => {
    await loadMain();
    await becomeReady();
    hostChild()?.emit('message', { type: 'fatal', code: 'database_too_new', message: 'schema too new' });
    // The training server is stopped too before the app exits.
    await vi.waitFor(() => expect(fake.children[0]?.posted).toEqual([{ type: 'shutdown' }]));
    fake.children[0]?.emit('exit', 0);
    await vi.waitFor(() => expect(fake.exitCodes).toHaveLength(1));
    expect(fake.dialogs).toHaveLength(1);
    expect(String(fake.dialogs[0]?.detail)).toContain('nieuwere versie');
    expect(String(fake.dialogs[0]?.detail)).toContain('newer version');
    expect(fake.exitCodes).toEqual([1]);
  });

  it('refuses to start without the Electron build of better-sqlite3, clearly', async () => {
    await loadMain({ binding: false });
    await becomeReady();
    expect(fake.children).toHaveLength(0);
    expect(fake.windows).toHaveLength(0);
    expect(String(fake.dialogs[0]?.detail)).toContain('(native_missing)');
    await vi.waitFor(() => expect(fake.exitCodes).toEqual([1]));
  });

  it('refuses an invalid configuration instead of silently falling back to training', async () => {
    writeFileSync(path.join(fake.userData, 'config.json'), '{"serverUrl": "ftp://x"}');
    await loadMain();
    await becomeReady();
    expect(fake.children).toHaveLength(0);
    expect(String(fake.dialogs[0]?.detail)).toContain('(invalid_configuration)');
  });

  it('guards every webContents that is created', async () => {
    await loadMain();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    for (const listener of fake.appEvents.get('web-contents-created') ?? []) listener({}, contents);
    const preventDefault = vi.fn();
    contents.emit('will-navigate', { preventDefault }, 'https://evil.example/');
    expect(preventDefault).toHaveBeenCalled();
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });

  it('asks the host, then the training server, to shut down before quitting', async () => {
    await loadMain();
    await becomeReady();
    const preventDefault = vi.fn();
    for (const listener of fake.appEvents.get('before-quit') ?? []) listener({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    const host = hostChild();
    const server = fake.children[0];
    expect(host?.posted).toContainEqual({ type: 'shutdown' });
    expect(server?.posted).toEqual([]);
    host?.emit('exit', 0);
    await vi.waitFor(() => expect(server?.posted).toEqual([{ type: 'shutdown' }]));
    expect(fake.quits).toBe(0);
    server?.emit('exit', 0);
    await vi.waitFor(() => expect(fake.quits).toBe(1));
  });

  it('leaves at once when another instance holds the lock', async () => {
    fake.singleInstance = false;
    await loadMain();
    expect(fake.quits).toBe(1);
    expect(fake.calls).not.toContain('whenReady');
  });
});

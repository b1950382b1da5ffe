/**
 * The Electron main process: thin wiring of the modules beside it. Lifecycle, the one window
 * factory, the app:// protocol, the denials, the single IPC handler, the data host in a
 * utilityProcess and updates. Everything with logic lives in a module with unit tests.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
} from 'electron';
import { letterFontsDirectory, lettersDirectory } from '../render/letters/location';
import { messagesDirectory } from '../render/messages/location';
import { openRouteChannel } from '../shared/notifications';
import { showMessageNotifications } from './notifications';
import { hostEnvironment } from './host/protocol';
import { resolveConfig, type ShellConfig } from './config';
import { HostSupervisor, type HostFailure } from './host-process';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { externalLinkMessage, failureMessage } from './messages';
import { sqliteBindingPath } from './native-binding';
import { appEntryUrl, appOrigin, appScheme, appSchemePrivileges, createAppProtocolHandler } from './protocol';
import { createSecretVault } from './secrets';
import { guardSession, guardWebContents, type GuardOptions } from './security';
import { configureUpdates, readPublisherNames, type AutoUpdaterLike, type UpdateHandle } from './updates';
import type { UpdateStatus } from '../shared/updates';
import type { RestartAnswer } from '../shared/shell';
import { registerShellIpc, ShellStateHolder } from './shell-state';
import { createWindow } from './window';
import { startEmbeddedTrainingServer, TrainingServerFailure, trainingServerEnvironment, type EmbeddedTrainingServer } from './training-server';

// Sandbox every renderer, including any a future change forgets to configure.
app.enableSandbox();
app.setName('Werkbank');
// Tests give each run its own data folder; the packaged app never honours this.
const testUserData = process.env.WERKBANK_USER_DATA_DIR;
if (!app.isPackaged && testUserData) app.setPath('userData', testUserData);
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

/** electron-vite's dev server, trusted only in development and only on loopback. */
function developmentOrigin(): string | undefined {
  const raw = process.env.ELECTRON_RENDERER_URL;
  if (app.isPackaged || !raw) return undefined;
  try {
    const url = new URL(raw);
    const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
    return url.protocol === 'http:' && loopback ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

const devOrigin = developmentOrigin();
const trustedOrigins = devOrigin ? [appOrigin, devOrigin] : [appOrigin];
const entryUrl = devOrigin ? (process.env.ELECTRON_RENDERER_URL ?? appEntryUrl) : appEntryUrl;
const preloadPath = path.join(__dirname, '../preload/index.cjs');
const rendererRoot = path.join(__dirname, '../renderer');
const iconPath = path.join(app.getAppPath(), 'resources', 'icon.png');

let supervisor: HostSupervisor | undefined;
/** Start-up progress and the update state, for the page (src/shared/shell.ts). */
const shellState = new ShellStateHolder(() => BrowserWindow.getAllWindows().map((window) => window.webContents), trustedOrigins);
let updates: UpdateHandle | undefined;
let trainingServer: EmbeddedTrainingServer | undefined;
let quitting = false;
let failed = false;

const guardOptions: GuardOptions = {
  async confirmExternal(url) {
    const text = externalLinkMessage(url);
    const owner = BrowserWindow.getFocusedWindow();
    const options = { type: 'question' as const, title: text.title, message: text.message, detail: text.detail, buttons: text.buttons, defaultId: 0, cancelId: 0, noLink: true };
    const answer = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
    return answer.response === 1;
  },
  openExternal: (url) => shell.openExternal(url),
  onRefusal: (kind, scheme) => console.warn(`werkbank: refused ${kind} (${scheme})`),
};

/** Shows a start-up failure in both languages and quits; later failures are ignored. */
function failAndQuit(failure: HostFailure): void {
  if (failed) return;
  failed = true;
  shellState.setStartup({ step: 'failed', code: /^[a-z_]{1,40}$/.test(failure.code) ? failure.code : 'internal' });
  console.error(`werkbank: stopping after a fatal error (${failure.code}): ${failure.message}`);
  const text = failureMessage(failure.code);
  dialog.showMessageBoxSync({ type: 'error', title: text.title, message: text.message, detail: text.detail, buttons: ['OK'] });
  quitting = true;
  void (supervisor?.shutdown() ?? Promise.resolve()).finally(() => (trainingServer?.stop() ?? Promise.resolve()).finally(() => app.exit(1)));
}

async function readShellConfig(): Promise<ShellConfig | undefined> {
  let fileText: string | undefined;
  try {
    fileText = await readFile(path.join(app.getPath('userData'), 'config.json'), 'utf8');
  } catch {
    fileText = undefined;
  }
  const result = resolveConfig(fileText, process.env);
  if (!result.ok) {
    failAndQuit({ code: 'invalid_configuration', message: result.problem });
    return undefined;
  }
  return result.config;
}

/** The process environment without switches that change how Node runs, for utility processes. */
function childEnvironment(): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The children are plain Node code; they must not inherit switches that change how Node runs.
    // The server URL comes only from the validated configuration (or the training server).
    const dropped = key === 'NODE_OPTIONS' || key === 'ELECTRON_RUN_AS_NODE' || key === hostEnvironment.serverUrl || key === hostEnvironment.trainingServer;
    if (value !== undefined && !dropped) environment[key] = value;
  }
  return environment;
}

/**
 * No central API configured: the embedded training environment, in its own utilityProcess on a
 * free loopback port, PGlite in userData/training, seeded with 500 cases on first start.
 */
async function startTrainingServer(): Promise<EmbeddedTrainingServer | undefined> {
  const environment = childEnvironment();
  environment[trainingServerEnvironment.dataDir] = path.join(app.getPath('userData'), 'training');
  environment[trainingServerEnvironment.migrationsFolder] = path.join(__dirname, 'server-migrations');
  try {
    return await startEmbeddedTrainingServer({
      fork: () => utilityProcess.fork(path.join(__dirname, 'training-server.js'), [], { serviceName: 'Werkbank training server', env: environment, stdio: 'inherit' }),
      setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      onDidExitUnexpectedly: (code) => failAndQuit({ code: 'training_unavailable', message: `the training server stopped (${code})` }),
      onProgress: (progress) => shellState.setStartup({ step: 'training', ...progress }),
    });
  } catch (error) {
    const failure = error instanceof TrainingServerFailure ? error : new TrainingServerFailure('training_unavailable', 'the training server could not start');
    failAndQuit({ code: failure.code, message: failure.message });
    return undefined;
  }
}

/** The Electron build of better-sqlite3 for the host; undefined (and a failure shown) when missing. */
function hostBinding(): string | undefined {
  const binding = sqliteBindingPath({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron ?? 'unknown',
    platform: process.platform,
    arch: process.arch,
  });
  if (!existsSync(binding)) {
    if (!app.isPackaged) console.error('werkbank: better-sqlite3 for Electron is missing; run `node scripts/native-electron.mjs`');
    failAndQuit({ code: 'native_missing', message: 'the Electron build of better-sqlite3 is missing' });
    return undefined;
  }
  return binding;
}

/** The data host's environment, read when it is forked: by then the training server (if any) has its URL. */
function hostEnvironmentFor(config: ShellConfig, binding: string): Record<string, string> {
  const environment = childEnvironment();
  environment[hostEnvironment.dataDir] = path.join(app.getPath('userData'), 'data');
  environment[hostEnvironment.sqliteBinding] = binding;
  environment[hostEnvironment.appVersion] = app.getVersion();
  const resources = { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() };
  environment[hostEnvironment.lettersDir] = lettersDirectory(resources);
  environment[hostEnvironment.fontsDir] = letterFontsDirectory(resources);
  environment[hostEnvironment.messagesDir] = messagesDirectory(resources);
  if (config.serverUrl) {
    environment[hostEnvironment.serverUrl] = config.serverUrl;
  } else if (trainingServer) {
    environment[hostEnvironment.serverUrl] = trainingServer.url;
    environment[hostEnvironment.trainingServer] = '1';
  }
  // Main answers the host's secret requests: tokens encrypted with safeStorage, kept in userData.
  environment[hostEnvironment.secrets] = 'parent';
  return environment;
}

/**
 * The data host's supervisor, not started: windows can register with it at once and get their port
 * when the host is ready; onReady starts it once the training server (if any) is up.
 */
function createHostSupervisor(config: ShellConfig, binding: string): HostSupervisor {
  const secrets = createSecretVault({ file: path.join(app.getPath('userData'), 'secrets.json'), safeStorage, platform: process.platform });
  return new HostSupervisor({
    fork: () => utilityProcess.fork(path.join(__dirname, 'host.js'), [], {
      serviceName: 'Werkbank data host', env: hostEnvironmentFor(config, binding), stdio: 'inherit',
    }),
    createChannel: () => new MessageChannelMain(),
    onFailure: failAndQuit,
    onReady: () => shellState.setStartup({ step: 'ready' }),
    setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
    secrets,
    onMessagesReceived: (notice) => showMessageNotifications(notificationDependencies, notice),
  });
}

/** Loads electron-updater only when it is needed; its getter-based export sits on `default` under ESM interop. */
async function loadAutoUpdater(): Promise<AutoUpdaterLike> {
  const updaterModule = (await import('electron-updater')) as unknown as { autoUpdater?: AutoUpdaterLike; default?: { autoUpdater?: AutoUpdaterLike } };
  const updater = updaterModule.default?.autoUpdater ?? updaterModule.autoUpdater;
  if (!updater) throw new Error('electron-updater has no autoUpdater');
  return updater;
}

/** The packaged app-update.yml, the file NsisUpdater reads the publisher names from; absent in development. */
async function readAppUpdateConfig(): Promise<string | undefined> {
  if (!app.isPackaged) return undefined;
  return readFile(path.join(process.resourcesPath, 'app-update.yml'), 'utf8').catch(() => undefined);
}

/** Main → preload only (src/shared/shell.ts); the preload re-validates before the page sees it. */
function sendUpdateStatus(status: UpdateStatus): void {
  shellState.setUpdate(status);
}

/** The user's "restart to update": main decides, with the outbox the host last reported. */
async function restartToUpdate(): Promise<RestartAnswer> {
  if (!updates) return { install: false, reason: 'no update ready' };
  return updates.requestInstall(() => Promise.resolve(supervisor?.pendingMutations));
}

/** Electron's part of the message notifications (src/main/notifications.ts decides what to show). */
const notificationDependencies = {
  isSupported: () => Notification.isSupported(),
  show: (options: { title: string; body: string }, onClick: () => void) => {
    const notification = new Notification({ ...options, silent: false });
    notification.on('click', onClick);
    notification.show();
  },
  windowFocused: () => BrowserWindow.getAllWindows().some((window) => !window.isDestroyed() && window.isFocused()),
  focusWindow: () => {
    const window = BrowserWindow.getAllWindows()[0] ?? openMainWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  },
  openRoute: (route: string) => {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window || window.isDestroyed()) return;
    const send = () => window.webContents.mainFrame.send(openRouteChannel, route);
    // A window focusWindow just opened has no preload listening yet: the route waits for its page.
    if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
    else send();
  },
};

function openMainWindow(): BrowserWindow {
  return createWindow({ preloadPath, devTools: !app.isPackaged, iconPath: existsSync(iconPath) ? iconPath : undefined }, entryUrl, {
    createBrowserWindow: (options) => new BrowserWindow(options),
  });
}

async function onReady(): Promise<void> {
  guardSession(session.defaultSession, devOrigin ? [devOrigin] : []);
  protocol.handle(appScheme, createAppProtocolHandler(rendererRoot));
  const template = menuTemplate(process.platform);
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);

  const config = await readShellConfig();
  if (!config || failed) return;
  const binding = hostBinding();
  if (!binding) return;
  // The window first, so start-up shows its steps instead of nothing; the supervisor hands it its
  // port to the data host once the host answers.
  const host = createHostSupervisor(config, binding);
  supervisor = host;
  registerIpc(ipcMain, {
    trustedOrigins,
    connectWindow: (windowId, target) => host.connectWindow(windowId, target),
    disconnectWindow: (windowId) => host.disconnectWindow(windowId),
  });
  registerShellIpc(ipcMain, shellState, { trustedOrigins, restartToUpdate });
  openMainWindow();
  // Start order: the training server is ready before the host that syncs with it is forked.
  if (!config.serverUrl) {
    shellState.setStartup({ step: 'training', phase: 'database' });
    trainingServer = await startTrainingServer();
    if (!trainingServer || failed) return;
  }
  shellState.setStartup({ step: 'host' });
  host.start();
  if (failed) return;

  updates = await configureUpdates(
    {
      isPackaged: app.isPackaged,
      platform: process.platform,
      updateUrl: config.updateUrl,
      channel: config.updateChannel,
      publisherNames: readPublisherNames(await readAppUpdateConfig()),
    },
    loadAutoUpdater,
    sendUpdateStatus,
  );
}

if (!app.requestSingleInstanceLock()) {
  // Two instances would mean two writers on one database: the second one hands over and leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, guardOptions));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && !failed && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app.on('before-quit', (event) => {
    if (quitting || !supervisor) return;
    // Let the host close the database cleanly before the process goes away.
    event.preventDefault();
    quitting = true;
    void supervisor.shutdown().finally(() => (trainingServer?.stop() ?? Promise.resolve()).finally(() => app.quit()));
  });
  app.whenReady().then(onReady).catch((error: unknown) => {
    console.error('werkbank: start-up failed', error instanceof Error ? error.message : 'unknown error');
    failAndQuit({ code: 'internal', message: 'start-up failed' });
  });
}

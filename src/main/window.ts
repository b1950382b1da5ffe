/**
 * The one window factory (SECURITY.md): every BrowserWindow of the app is made here, with the same
 * locked-down webPreferences, so no window can be opened with a weaker configuration by accident.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface WindowSettings {
  /** Absolute path of out/preload/index.cjs. */
  preloadPath: string;
  /** False in the packaged app: devtools are a development tool only. */
  devTools: boolean;
  /** The window icon on Linux and Windows (macOS takes it from the bundle). */
  iconPath?: string;
}

/** The webPreferences of every window. */
export function secureWebPreferences(settings: WindowSettings): WebPreferences {
  return {
    preload: settings.preloadPath,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Auxclick (middle click) can open links outside setWindowOpenHandler's view in old Chromiums.
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Chromium's spellchecker downloads dictionaries from Google; the renderer makes no requests.
    spellcheck: false,
    devTools: settings.devTools,
  };
}

/** The full constructor options of a Werkbank window. */
export function windowOptions(settings: WindowSettings): BrowserWindowConstructorOptions {
  return {
    title: 'Werkbank',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show, so the user never sees an unstyled flash.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    ...(settings.iconPath ? { icon: settings.iconPath } : {}),
    webPreferences: secureWebPreferences(settings),
  };
}

/** What the factory needs from Electron; injected so tests run without it. */
export interface WindowDependencies {
  createBrowserWindow(options: BrowserWindowConstructorOptions): BrowserWindow;
}

/** How often a crashed renderer is reloaded before the window is left alone (no crash loop). */
export const maximumRendererReloads = 3;

/** Creates a window with the secure options, loads `entryUrl` and shows it once it has painted. */
export function createWindow(settings: WindowSettings, entryUrl: string, dependencies: WindowDependencies): BrowserWindow {
  const window = dependencies.createBrowserWindow(windowOptions(settings));
  window.once('ready-to-show', () => window.show());
  let reloads = 0;
  window.webContents.on('render-process-gone', (_event, details) => {
    // A reloaded page reconnects through its preload; unsaved input is the renderer's to keep.
    if (details.reason === 'clean-exit' || reloads >= maximumRendererReloads) return;
    reloads += 1;
    console.warn(`werkbank: the window's renderer stopped (${details.reason}); reloading`);
    window.webContents.reload();
  });
  void window.loadURL(entryUrl).catch((error: unknown) => {
    // Load failures carry no personal data: the URL is our own bundle.
    console.error('werkbank: the window could not load the user interface', error instanceof Error ? error.message : error);
  });
  return window;
}

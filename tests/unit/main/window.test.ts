import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createWindow, secureWebPreferences, windowOptions } from '../../../src/main/window';

const settings = { preloadPath: '/app/out/preload/index.cjs', devTools: false };

describe('the window factory', () => {
  it('locks down webPreferences as SECURITY.md requires', () => {
    const preferences = secureWebPreferences(settings);
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    // No Blink feature is switched on, and none of the options that weaken isolation is present.
    expect(preferences.enableBlinkFeatures).toBeUndefined();
    expect(preferences).not.toHaveProperty('additionalArguments');
    expect(preferences).not.toHaveProperty('partition');
  });

  it('enables devtools only when asked to (development)', () => {
    expect(secureWebPreferences({ ...settings, devTools: true }).devTools).toBe(true);
    expect(windowOptions(settings).webPreferences?.devTools).toBe(false);
  });

  it('hides the window until it has painted and sets the icon only when given', () => {
    expect(windowOptions(settings).show).toBe(false);
    expect(windowOptions(settings)).not.toHaveProperty('icon');
    expect(windowOptions({ ...settings, iconPath: '/app/resources/icon.png' }).icon).toBe('/app/resources/icon.png');
  });

  it('creates the window with these options, loads the entry URL and shows it on ready-to-show', async () => {
    const window = Object.assign(new EventEmitter(), { show: vi.fn(), loadURL: vi.fn(async () => undefined), webContents: new EventEmitter() });
    let received: BrowserWindowConstructorOptions | undefined;
    const created = createWindow(settings, 'app://werkbank/index.html', {
      createBrowserWindow: (options) => {
        received = options;
        return window as unknown as BrowserWindow;
      },
    });
    expect(created).toBe(window);
    expect(received).toEqual(windowOptions(settings));
    expect(window.loadURL).toHaveBeenCalledWith('app://werkbank/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });
});

describe('a crashed renderer', () => {
  function crashable() {
    const webContents = Object.assign(new EventEmitter(), { reload: vi.fn() });
    const window = Object.assign(new EventEmitter(), { show: vi.fn(), loadURL: vi.fn(async () => undefined), webContents });
    createWindow(settings, 'app://werkbank/index.html', { createBrowserWindow: () => window as unknown as BrowserWindow });
    return webContents;
  }

  it('is reloaded, a bounded number of times, so a crashing page cannot loop forever', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const webContents = crashable();
    for (let crash = 0; crash < 5; crash += 1) webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(webContents.reload).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });

  it('is not reloaded after a clean exit', () => {
    const webContents = crashable();
    webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(webContents.reload).not.toHaveBeenCalled();
  });
});

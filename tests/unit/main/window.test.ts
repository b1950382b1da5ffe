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
    const window = Object.assign(new EventEmitter(), { show: vi.fn(), loadURL: vi.fn(async () => undefined) });
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

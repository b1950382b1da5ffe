/**
 * The real shell in a real Electron: the window loads app://werkbank, the page sees only
 * window.werkbank, navigation and new windows are refused and the CSP blocks inline script and eval.
 * Needs `npm run build` and the Electron build of better-sqlite3 (node scripts/native-electron.mjs).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { calls } from '../../src/shared/contract';
import { electronBinary, missingBinaryMessage, projectRoot } from './electron-binary';

const binary = electronBinary();
test.skip(binary === undefined, missingBinaryMessage);
test.describe.configure({ mode: 'serial' });

const mainEntry = path.join(projectRoot, 'out', 'main', 'index.js');
let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  if (!existsSync(mainEntry)) throw new Error('out/main/index.js is missing: run `npm run build` first');
  const binding = path.join(projectRoot, '.native');
  if (!existsSync(binding)) throw new Error('.native/ is missing: run `node scripts/native-electron.mjs` first');
  userData = mkdtempSync(path.join(tmpdir(), 'werkbank-electron-'));
  const environment: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') environment[key] = value;
  app = await electron.launch({
    executablePath: binary,
    args: [mainEntry],
    env: { ...environment, WERKBANK_USER_DATA_DIR: userData },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

test('the window loads the UI from app://werkbank', async () => {
  expect(page.url()).toBe('app://werkbank/index.html');
});

test('the page sees window.werkbank with the contract namespaces and `on`, and no Node', async () => {
  const namespaces = [...new Set(Object.keys(calls).map((name) => name.split('.')[0] ?? ''))];
  const seen = await page.evaluate(() => {
    const api = (window as unknown as { werkbank?: Record<string, unknown> }).werkbank ?? {};
    return {
      keys: Object.keys(api).sort(),
      typeofRequire: typeof (globalThis as { require?: unknown }).require,
      typeofProcess: typeof (globalThis as { process?: unknown }).process,
      typeofIpc: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer,
    };
  });
  expect(seen.keys).toEqual([...namespaces, 'on'].sort());
  expect(seen.typeofRequire).toBe('undefined');
  expect(seen.typeofProcess).toBe('undefined');
  expect(seen.typeofIpc).toBe('undefined');
});

test('a contract call reaches the data host through the bridge', async () => {
  const info = await page.evaluate(() => (window as unknown as { werkbank: { app: { info: () => Promise<{ version: string }> } } }).werkbank.app.info());
  expect(typeof info.version).toBe('string');
});

test('a refused call reaches the page with its error code', async () => {
  const rejection = await page.evaluate(() =>
    (window as unknown as { werkbank: { cases: { list: (args: unknown) => Promise<unknown> } } }).werkbank.cases
      .list({ limit: 0 })
      .then(() => null, (error: unknown) => error),
  );
  expect(rejection).toMatchObject({ code: 'invalid_arguments' });
});

test('navigation to another origin is refused', async () => {
  await page.evaluate(() => {
    (window as unknown as { navigationMarker: number }).navigationMarker = 42;
  });
  // Record will-navigate in main first (awaited), so the attempt below cannot race the listener.
  await app.evaluate(({ BrowserWindow }) => {
    const seen: string[] = [];
    (globalThis as { seenNavigations?: string[] }).seenNavigations = seen;
    BrowserWindow.getAllWindows()[0]?.webContents.on('will-navigate', (_event, url) => seen.push(url));
  });
  await page.evaluate(() => {
    window.location.href = 'https://example.org/';
  });
  await expect.poll(() => app.evaluate(() => (globalThis as { seenNavigations?: string[] }).seenNavigations ?? [])).toContain('https://example.org/');
  // The same document is still there: the navigation never happened.
  expect(await page.evaluate(() => (window as unknown as { navigationMarker?: number }).navigationMarker)).toBe(42);
  expect(page.url()).toBe('app://werkbank/index.html');
});

test('window.open is denied', async () => {
  const opened = await page.evaluate(() => window.open('https://example.org/') === null);
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);
});

test('the CSP blocks inline script and eval', async () => {
  const result = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true;';
    document.head.append(script);
    let evalRan: boolean;
    try {
      evalRan = (0, eval)('true') === true;
    } catch {
      evalRan = false;
    }
    return { inlineRan: (window as unknown as { inlineRan?: boolean }).inlineRan === true, evalRan };
  });
  expect(result).toEqual({ inlineRan: false, evalRan: false });
});

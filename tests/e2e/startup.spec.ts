/**
 * The start screen (issue 18) as the Electron shell drives it: window.werkbankShell is put on the
 * preview's page the way the preload puts it there, and the test pushes each start-up state main
 * sends (src/shared/shell.ts). Each step is looked at in Dutch and English, passes axe, and the app
 * takes over once the state is ready; a failed step says what to do; a ready update offers a restart
 * and says why it cannot while the outbox holds work.
 */
import type { Page } from '@playwright/test';
import type { ShellState } from '../../src/shared/shell';
import { accessibilityViolations, expect, test } from './fixtures';

const shots = 'test-results/screens';

/** A stand-in for the preload's window.werkbankShell, driven by the test through window.__pushShell. */
const fakeShell = `(() => {
  const listeners = new Set();
  let state = { startup: { step: 'starting' }, update: { state: 'idle' } };
  window.__restartAnswer = { install: false, reason: 'outbox not empty' };
  window.__pushShell = (next) => { state = next; for (const listener of listeners) listener(next); };
  window.werkbankShell = {
    state: async () => state,
    onState: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
    restartToUpdate: async () => window.__restartAnswer,
  };
})();`;

async function push(page: Page, state: ShellState): Promise<void> {
  await page.evaluate((next) => (window as unknown as { __pushShell(state: unknown): void }).__pushShell(next), state);
}

const idle = { state: 'idle' } as const;

test('the start screen shows each step, in Dutch and English, and gives way to the app', async ({ page, preview }) => {
  await page.addInitScript({ content: fakeShell });
  await page.goto(preview.pageUrl);
  const screen = page.getByTestId('start-screen');
  await expect(screen).toHaveAttribute('data-step', 'starting');
  for (const language of ['nl', 'en'] as const) {
    if (language === 'en') {
      await push(page, { startup: { step: 'starting' }, update: idle });
      const radio = screen.getByRole('radio', { name: 'EN', exact: true });
      await page.locator(`label[for="${await radio.getAttribute('id') ?? ''}"]`).click();
      await expect(screen.getByRole('heading')).toHaveText('Werkbank is starting');
    }
    const steps: [string, ShellState['startup']][] = [
      ['starting', { step: 'starting' }],
      ['training', { step: 'training', phase: 'database' }],
      ['generating', { step: 'training', phase: 'generating' }],
      ['loading', { step: 'training', phase: 'loading', done: 200, total: 500 }],
      ['host', { step: 'host' }],
    ];
    for (const [name, startup] of steps) {
      await push(page, { startup, update: idle });
      await expect(screen).toHaveAttribute('data-step', startup.step === 'training' ? `training:${startup.phase}` : startup.step);
      await page.screenshot({ path: `${shots}/startup-${name}-${language}.png` });
      expect(await accessibilityViolations(page)).toEqual([]);
    }
    await expect(screen.locator('[aria-current="step"]')).toContainText(language === 'nl' ? 'Lokale gegevens openen' : 'Opening the local data');
    await expect(screen.locator('li[data-state="done"]')).toHaveCount(4);
  }
  await push(page, { startup: { step: 'ready' }, update: idle });
  await expect(screen).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
});

test('a failed step says what happened and what to do', async ({ page, preview }) => {
  await page.addInitScript({ content: fakeShell });
  await page.goto(preview.pageUrl);
  await push(page, { startup: { step: 'training', phase: 'loading', done: 100, total: 500 }, update: idle });
  await push(page, { startup: { step: 'failed', code: 'storage_full' }, update: idle });
  await expect(page.getByTestId('start-failed')).toContainText('De schijf is vol');
  await expect(page.locator('[data-testid="start-screen"] li[aria-current="step"]')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/startup-failed-nl.png` });
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('a ready update offers a restart, and says why not while the outbox holds work', async ({ page, preview }) => {
  await page.addInitScript({ content: fakeShell });
  await page.goto(preview.pageUrl);
  await push(page, { startup: { step: 'ready' }, update: { state: 'downloading', percent: 40 } });
  await expect(page.getByTestId('update-downloading')).toContainText('40%');
  await push(page, { startup: { step: 'ready' }, update: { state: 'ready', version: '0.2.0' } });
  const restart = page.getByTestId('update-restart');
  await expect(restart).toContainText('0.2.0');
  await page.screenshot({ path: `${shots}/update-ready-nl.png` });
  expect(await accessibilityViolations(page)).toEqual([]);
  await restart.click();
  await expect(page.locator('.mantine-Notification-root')).toContainText('wachtrij');
  await page.screenshot({ path: `${shots}/update-refused-nl.png` });
});

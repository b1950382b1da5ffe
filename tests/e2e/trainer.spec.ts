import { join } from 'node:path';
import { testPasswordCost } from '../../src/server/auth/passwords';
import { silentLogger } from '../../src/main/host/log';
import { formatCalendarDate } from '../../src/renderer/src/format/dates';
import { deadlineState } from '../../src/renderer/src/state/caseFigures';
import { listCases } from '../../src/main/host/cases/store';
import { demoPassword, demoUsernames } from '../../src/server/training/staff';
import { startPreview } from '../../scripts/preview/server';
import { startTrainingServer } from '../../src/server/training/serve';
import { silentLogger as silentServerLogger } from '../../src/server/services';
import { tempDir } from '../helpers/temp-dir';
import { ShellPage } from './pages/shell';
import { SignInPage } from './pages/sign-in';
import { accessibilityViolations, expect, test } from './fixtures';

test.describe('trainer controls in the training environment', () => {
  test('demo.trainer sets the training date, returns to real time and resets a scenario', async ({ page, trainingPreview }) => {
    await page.goto(trainingPreview.pageUrl);
    const signIn = new SignInPage(page);
    const shell = new ShellPage(page);
    await signIn.demoUser('demo.trainer').click();
    await signIn.submit.click();
    await expect(signIn.screen).toBeHidden();
    await expect(page.getByTestId('user-menu')).toBeVisible();

    await shell.navigation('Oefenomgeving').click();
    const controls = page.getByTestId('trainer-controls');
    await expect(controls).toBeVisible();
    const today = page.getByTestId('training-today');
    await expect(today).toContainText('De oefendatum is');
    const scenarios = controls.locator('[data-testid^="scenario-"]');
    await expect(scenarios.first()).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/trainer-nl.png', fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    // Set the clock: the shown date follows, and the host's training "today" with it.
    await page.getByTestId('training-date-input').fill('2026-06-15');
    await controls.getByRole('button', { name: 'Datum instellen' }).click();
    await expect(today).toContainText(formatCalendarDate('2026-06-15', 'nl'));
    await expect(page.getByText(`De oefendatum is nu ${formatCalendarDate('2026-06-15', 'nl')}`)).toBeVisible();
    await expect.poll(async () => (await trainingPreview.host.sync?.training.current())?.today).toBe('2026-06-15');

    // An impossible date is refused in the form, without a call.
    await page.getByTestId('training-date-input').fill('');
    await controls.getByRole('button', { name: 'Datum instellen' }).click();
    await expect(controls.getByText('Vul een bestaande datum in.')).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Reset one scenario, after confirmation.
    await scenarios.first().getByRole('button', { name: /^Scenario .* terugzetten$/ }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('gaat terug naar de begintoestand');
    // Wait for the dialog's opening transition, so axe measures the final colours.
    await expect(dialog).toHaveCSS('opacity', '1');
    await page.screenshot({ path: 'test-results/screens/trainer-confirm-nl.png' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Terugzetten' }).click();
    await expect(page.getByText(/^Teruggezet: \d+ za(ak|ken)\./)).toBeVisible();

    // Back to real time.
    await page.getByTestId('training-real-time').click();
    await expect(today).toContainText('De klok loopt mee met de echte tijd.');

    await shell.switchLanguage('EN');
    await expect(controls.getByRole('heading', { name: 'Trainer controls' })).toBeVisible();
    await expect(today).toContainText('The clock follows real time.');
    await page.screenshot({ path: 'test-results/screens/trainer-en.png', fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('a caseworker sees no trainer controls, and their queue counts days from the training date', async ({ page, trainingPreview }) => {
    // The trainer moves the clock far ahead (through the training server's API, as another workbench would).
    const server = trainingPreview.training;
    if (!server) throw new Error('the preview has no training server');
    const login = await fetch(`${server.url}/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: demoUsernames.trainer, password: demoPassword }),
    });
    const { accessToken } = await login.json() as { accessToken: string };
    const trainingToday = '2027-09-01';
    const moved = await fetch(`${server.url}/training/clock`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ today: trainingToday }),
    });
    expect(moved.status).toBe(200);

    await page.goto(trainingPreview.pageUrl);
    const signIn = new SignInPage(page);
    const shell = new ShellPage(page);
    await signIn.demoUser('demo.caseworker').click();
    await signIn.submit.click();
    await expect(page.getByTestId('user-menu')).toBeVisible();
    await expect(shell.caseRows.first()).toBeVisible({ timeout: 30_000 });

    // Days left / overdue count from the training date, not from the real one.
    const open = listCases(trainingPreview.host.cache.db, 200, 0).items.find((item) => deadlineState(item, trainingToday).kind === 'overdue');
    if (!open) throw new Error('no open case with a deadline in the queue');
    const state = deadlineState(open, trainingToday);
    const days = state.kind === 'overdue' ? state.days : 0;
    await page.getByTestId('queue-tab-team').click();
    await page.getByTestId('queue-search').fill(open.caseNumber);
    const row = page.locator(`[data-testid="queue-row"][data-case-id="${open.id}"]`);
    await expect(row.locator('[data-deadline-state]')).toHaveAttribute('data-deadline-state', 'overdue');
    await expect(row).toContainText(days === 1 ? '1 dag over termijn' : `${days} dagen over termijn`);

    await shell.navigation('Oefenomgeving').click();
    await expect(page.getByTestId('training-active')).toBeVisible();
    await expect(page.getByTestId('trainer-controls')).toHaveCount(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('a production workbench refuses to sign in to a training server, and says so', async ({ page }) => {
    const dir = tempDir('werkbank-e2e-mismatch-');
    const server = await startTrainingServer({
      port: 0, host: '127.0.0.1', dataDir: join(dir.path, 'training'), caseCount: 6, passwordCost: testPasswordCost, logger: silentServerLogger,
    });
    // A host configured for production (no trainingServer flag) pointed at the training server.
    const preview = await startPreview({
      port: 0,
      rendererDir: join(__dirname, '..', '..', 'out', 'renderer'),
      host: { dataDir: join(dir.path, 'cache'), appVersion: '0.1.0-e2e', logger: silentLogger, serverUrl: server.url },
    });
    try {
      await page.goto(preview.pageUrl);
      const signIn = new SignInPage(page);
      await signIn.username.fill(demoUsernames.caseworker);
      await signIn.password.fill(demoPassword);
      await signIn.submit.click();
      await expect(signIn.error).toContainText('Deze werkbank hoort bij een andere omgeving dan de server');
      await expect(signIn.screen).toBeVisible();
      await page.screenshot({ path: 'test-results/screens/sign-in-environment-mismatch-nl.png' });
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      await preview.close();
      await server.close();
      dir.remove();
    }
  });
});

import { join } from 'node:path';
import { testPasswordCost } from '../../src/server/auth/passwords';
import { silentLogger } from '../../src/main/host/log';
import { startPreview, type Preview } from '../../scripts/preview/server';
import { tempDir } from '../helpers/temp-dir';
import { ShellPage } from './pages/shell';
import { SignInPage } from './pages/sign-in';
import { accessibilityViolations, expect, test as base } from './fixtures';

/** A preview whose host syncs with an in-process training server (40 cases), as the app's default. */
const test = base.extend<{ trainingPreview: Preview }>({
  // eslint-disable-next-line no-empty-pattern
  trainingPreview: async ({}, use) => {
    const dir = tempDir('werkbank-e2e-training-');
    const preview = await startPreview({
      port: 0,
      rendererDir: join(__dirname, '..', '..', 'out', 'renderer'),
      host: { dataDir: join(dir.path, 'cache'), appVersion: '0.1.0-e2e', logger: silentLogger },
      training: { dataDir: join(dir.path, 'training'), caseCount: 40, passwordCost: testPasswordCost },
    });
    await use(preview);
    await preview.close();
    dir.remove();
  },
});

test.describe('training environment in the browser preview', () => {
  test('lists the demo users; demo.caseworker signs in and sees their queue', async ({ page, trainingPreview }) => {
    await page.goto(trainingPreview.pageUrl);
    const signIn = new SignInPage(page);
    const shell = new ShellPage(page);
    await expect(signIn.screen).toBeVisible();
    await expect(shell.environmentBadge).toContainText('Oefenomgeving');
    for (const username of ['demo.caseworker', 'demo.reviewer', 'demo.teamlead', 'demo.trainer', 'demo.admin']) {
      await expect(signIn.demoUser(username)).toBeVisible();
    }
    await page.screenshot({ path: 'test-results/screens/sign-in-nl.png' });
    expect(await accessibilityViolations(page)).toEqual([]);

    await signIn.demoUser('demo.caseworker').click();
    await expect(signIn.username).toHaveValue('demo.caseworker');
    await signIn.submit.click();
    await expect(signIn.screen).toBeHidden();
    await expect(page.getByTestId('user-menu')).toBeVisible();
    await expect(shell.caseRows.first()).toBeVisible({ timeout: 30_000 });
    const shown = await shell.caseRows.count();
    const cached = trainingPreview.host.cache.sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number };
    expect(shown).toBe(Math.min(cached.n, 200));
    await page.screenshot({ path: 'test-results/screens/training-queue-nl.png' });
    expect(await accessibilityViolations(page)).toEqual([]);

    await shell.switchLanguage('EN');
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Queue');
    await page.screenshot({ path: 'test-results/screens/training-queue-en.png' });
  });

  test('a wrong password is refused with a clear message and the typed name is kept', async ({ page, trainingPreview }) => {
    await page.goto(trainingPreview.pageUrl);
    const signIn = new SignInPage(page);
    await signIn.username.fill('demo.reviewer');
    await signIn.password.fill('not-the-password');
    await signIn.submit.click();
    await expect(signIn.error).toContainText('De gebruikersnaam of het wachtwoord klopt niet');
    await expect(signIn.username).toHaveValue('demo.reviewer');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

import { ShellPage } from './pages/shell';
import { SignInPage } from './pages/sign-in';
import { accessibilityViolations, expect, test } from './fixtures';

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
    // "My cases" first: the open cases assigned to demo.caseworker in the synced cache.
    const me = trainingPreview.host.sync?.session.userId();
    const mine = trainingPreview.host.cache.sqlite.prepare('SELECT count(*) FROM cases WHERE assignee = ? AND open = 1').pluck().get(me) as number;
    expect(mine).toBeGreaterThan(0);
    await expect(shell.caseRows).toHaveCount(mine);
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

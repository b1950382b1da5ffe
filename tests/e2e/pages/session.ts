import { expect, type Page } from '@playwright/test';
import type { Preview } from '../../../scripts/preview/server';
import { ShellPage } from './shell';
import { SignInPage } from './sign-in';

/** Signs in as the demo caseworker of a training preview and waits until the queue is synced. */
export async function signInAsCaseworker(page: Page, preview: Preview): Promise<ShellPage> {
  await page.goto(preview.pageUrl);
  const signIn = new SignInPage(page);
  await signIn.demoUser('demo.caseworker').click();
  await signIn.submit.click();
  await expect(signIn.screen).toBeHidden();
  const shell = new ShellPage(page);
  await expect(shell.caseRows.first()).toBeVisible({ timeout: 30_000 });
  await expect(shell.syncIndicator).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  return shell;
}

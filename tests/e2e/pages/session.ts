import { expect, type Page } from '@playwright/test';
import type { Preview } from '../../../scripts/preview/server';
import { ShellPage } from './shell';
import { SignInPage } from './sign-in';

/** Signs in as a demo user of a training preview and waits until the workbench is online. */
export async function signInAs(page: Page, preview: Preview, username: string): Promise<ShellPage> {
  await page.goto(preview.pageUrl);
  const signIn = new SignInPage(page);
  await signIn.demoUser(username).click();
  await signIn.submit.click();
  await expect(signIn.screen).toBeHidden();
  const shell = new ShellPage(page);
  await expect(shell.syncIndicator).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  return shell;
}

/** Signs in as the demo caseworker of a training preview and waits until the queue is synced. */
export async function signInAsCaseworker(page: Page, preview: Preview): Promise<ShellPage> {
  const shell = await signInAs(page, preview, 'demo.caseworker');
  await expect(shell.caseRows.first()).toBeVisible({ timeout: 30_000 });
  return shell;
}

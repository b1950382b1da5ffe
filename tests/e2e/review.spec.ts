import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Preview } from '../../scripts/preview/server';
import type { DatasetCase } from '../../src/server/training/dataset';
import { CasePage } from './pages/case';
import { ShellPage } from './pages/shell';
import { SignInPage } from './pages/sign-in';
import { accessibilityViolations, expect, test } from './fixtures';

async function signInAsCaseworker(page: Page, preview: Preview): Promise<ShellPage> {
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

function datasetCases(preview: Preview): DatasetCase[] {
  if (!preview.trainingDatasetFolder) throw new Error('the preview has no training dataset');
  return readFileSync(join(preview.trainingDatasetFolder, 'cases.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as DatasetCase);
}

test.describe('case review', () => {
  test('explore', async ({ page, trainingPreview }) => {
    test.setTimeout(120_000);
    page.on('console', (message) => console.log('console', message.type(), message.text().slice(0, 300)));
    page.on('pageerror', (error) => console.log('pageerror', error.message));
    const shell = await signInAsCaseworker(page, trainingPreview);
    const topId = await shell.caseRows.first().getAttribute('data-case-id');
    const review = new CasePage(page);
    await review.open(topId ?? '');
    await expect(review.deadline).toBeVisible();
    await page.waitForTimeout(5000);
    await page.screenshot({ path: 'test-results/screens/review-explore.png' });
    console.log(JSON.stringify(datasetCases(trainingPreview).find((kase) => kase.id === topId)?.documents.map((d) => d.kind)));
    console.log((await accessibilityViolations(page)).join('\n'));
  });
});

/**
 * Decision letters end to end in the browser preview: demo.caseworker drafts a refusal with a
 * ground and verified evidence, the live check passes, they submit and cannot approve their own
 * letter; demo.reviewer approves it from the approvals tab; demo.caseworker sends it and the case
 * shows its decision, and the letter among its documents. Screenshots in Dutch and English.
 */
import type { Page } from '@playwright/test';
import { datasetCases } from './dataset';
import { signInAs } from './pages/session';
import { ShellPage } from './pages/shell';
import { accessibilityViolations, expect, test } from './fixtures';

const shots = 'test-results/screens';

async function expectAccessible(page: Page): Promise<void> {
  // A notification fading in or out is measured at part opacity: wait until the last one has gone.
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** The letter's PDF drawn in the preview pane's viewer: what the screenshot is to show beside the editor. */
async function previewShown(page: Page): Promise<void> {
  await expect(page.frameLocator('[data-testid="letter-preview"] iframe').locator('#page[data-drawn]')).toBeAttached({ timeout: 20_000 });
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: /Afmelden|Sign out/ }).click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
}

test.describe('decision letters', () => {
  test('draft with grounds and evidence, check, submit, four-eyes approval, send: the case is decided', async ({ page, trainingPreview }) => {
    test.setTimeout(240_000);
    const scenarioCases = datasetCases(trainingPreview).filter((kase) => kase.scenario === 'letter-ready');
    const draftCase = scenarioCases.find((kase) => kase.letters.some((letter) => letter.status === 'draft'));
    if (!draftCase) throw new Error('the dataset has no letter-ready draft');

    await signInAs(page, trainingPreview, 'demo.caseworker');
    await page.evaluate((id) => { window.location.hash = `#/case/${id}`; }, draftCase.id);
    await page.getByTestId('tab-letters').click();
    await expect(page.getByTestId('letter-row').first()).toBeVisible();
    await page.screenshot({ path: `${shots}/letters-list-nl.png` });
    await expectAccessible(page);

    // A new refusal: the template's standard texts, its empty reasoning, and a check that says what is missing.
    await page.getByTestId('letter-new').click();
    await page.getByTestId('letter-new-refusal').click();
    const workspace = page.getByTestId('letter-workspace');
    await expect(page.getByTestId('letter-check')).toHaveAttribute('data-state', 'blocked', { timeout: 20_000 });
    await expect(page.locator('[data-testid="letter-findings"] [data-code="grounds_missing"]')).toContainText('wettelijke grond');
    await expect(page.locator('[data-testid="letter-findings"] [data-code="reasoning_missing"]')).toBeVisible();
    await expect(page.getByTestId('letter-preview')).toBeVisible();
    await previewShown(page);
    await page.screenshot({ path: `${shots}/letter-new-refusal-nl.png` });

    // The ground, its facts verified by the case's evidence links, and the reasoning it writes.
    const ground = page.locator('[data-testid="ground"][data-ground-id="salary_below_threshold"]');
    await ground.getByRole('checkbox').check();
    await expect(ground.locator('[data-testid="ground-fact"][data-status="verified"]').first()).toBeVisible();
    await page.getByTestId('reasoning-insert').click();
    await expect(page.getByTestId('letter-check')).toHaveAttribute('data-state', /passed|warnings/, { timeout: 20_000 });
    await expect(page.getByTestId('letter-save-state')).toContainText('opgeslagen');
    await previewShown(page);
    await page.screenshot({ path: `${shots}/letter-refusal-checked-nl.png` });
    await expectAccessible(page);

    await page.getByTestId('letter-submit').click();
    await expect(workspace).toHaveAttribute('data-status', 'submitted');
    await expect(page.getByTestId('letter-awaiting')).toContainText('vier ogen');
    const letterId = await workspace.getAttribute('data-letter-id');
    if (!letterId) throw new Error('the workspace names its letter');
    // The caseworker cannot approve: there is no button, and the server refuses it when asked anyway.
    await expect(page.getByTestId('letter-approve')).toHaveCount(0);
    await expect(page.locator(`[data-testid="letter-row"][data-letter-id="${letterId}"]`)).toContainText('Gesynchroniseerd', { timeout: 30_000 });
    await page.screenshot({ path: `${shots}/letter-submitted-nl.png` });

    await signOut(page);
    await signInAs(page, trainingPreview, 'demo.reviewer');
    await page.getByTestId('queue-tab-approvals').click();
    const approval = page.locator(`[data-testid="approval-row"][data-letter-id="${letterId}"]`);
    await expect(approval).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: `${shots}/letters-approvals-nl.png` });
    await expectAccessible(page);
    await approval.getByRole('link').click();
    await expect(workspace).toHaveAttribute('data-status', 'submitted');
    await expect(page.getByTestId('letter-check')).toHaveAttribute('data-state', /passed|warnings/, { timeout: 20_000 });
    // The reviewer reads what the drafter wrote against the template's proposal: the reasoning, added.
    await expect(page.locator('[data-testid="letter-diff-block"][data-block="reasoning"] ins').first()).toBeVisible();
    await previewShown(page);
    await page.screenshot({ path: `${shots}/letter-review-nl.png` });
    await expectAccessible(page);
    await page.getByTestId('letter-approve').click();
    await expect(page.locator(`[data-testid="letter-row"][data-letter-id="${letterId}"]`)).toHaveAttribute('data-status', 'approved', { timeout: 30_000 });
    await expect(page.locator(`[data-testid="letter-row"][data-letter-id="${letterId}"]`)).toContainText('Gesynchroniseerd', { timeout: 30_000 });

    await signOut(page);
    await signInAs(page, trainingPreview, 'demo.caseworker');
    await page.evaluate(([id, letter]) => { window.location.hash = `#/case/${id}/letter/${letter}`; }, [draftCase.id, letterId]);
    await expect(workspace).toHaveAttribute('data-status', 'approved', { timeout: 30_000 });
    await page.getByTestId('letter-send').click();
    await expect(page.locator(`[data-testid="letter-row"][data-letter-id="${letterId}"]`)).toHaveAttribute('data-status', 'sent');
    // Once the server has it, the case is decided and the letter is one of its documents.
    await page.getByTestId('tab-data').click();
    await expect(page.getByTestId('document-tab').filter({ hasText: /afwijzing/i })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('case-screen').getByText('Besloten').first()).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('document-tab').filter({ hasText: /afwijzing/i }).click();
    // The decision and the remedy period it opens, with its last day from the domain engine.
    await expect(page.getByTestId('review-decision')).toHaveAttribute('data-decision', 'refuse');
    await expect(page.getByTestId('review-remedy')).toHaveAttribute('data-last-day', /^\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByTestId('review-remedy')).toContainText('Bezwaar mogelijk tot en met');
    await page.screenshot({ path: `${shots}/letter-sent-nl.png` });
    await expectAccessible(page);

    // The same states in English: the decision, the sent letter, and the returned letter of the scenario.
    await new ShellPage(page).switchLanguage('EN');
    await expect(page.getByTestId('review-remedy')).toContainText('Objection possible until');
    await page.screenshot({ path: `${shots}/letter-sent-en.png` });
    await page.getByTestId('tab-letters').click();
    await page.locator(`[data-testid="letter-row"][data-letter-id="${letterId}"]`).getByTestId('letter-open').click();
    await expect(workspace).toHaveAttribute('data-status', 'sent');
    await previewShown(page);
    await page.screenshot({ path: `${shots}/letter-sent-workspace-en.png` });
    await expectAccessible(page);
    const returnedCase = scenarioCases.find((kase) => kase.letters.some((letter) => letter.status === 'returned'));
    if (returnedCase) {
      await page.evaluate((id) => { window.location.hash = `#/case/${id}`; }, returnedCase.id);
      await page.getByTestId('tab-letters').click();
      await page.locator('[data-testid="letter-row"][data-status="returned"]').getByTestId('letter-open').click();
      await expect(page.getByTestId('letter-return-reason')).toBeVisible();
      await expect(page.getByTestId('letter-check')).toBeVisible({ timeout: 20_000 });
      await previewShown(page);
    await page.screenshot({ path: `${shots}/letter-returned-en.png` });
      await expectAccessible(page);
    }
  });
});

/**
 * Issue 8, robustness: on the case screen a damaged and a password-protected upload each say what
 * is wrong and what to do, while the other documents, the application data, the evidence checklist
 * and the case actions go on working. The case is the dataset's damaged-uploads scenario.
 */
import type { Page } from '@playwright/test';
import { datasetCases } from './dataset';
import { CasePage } from './pages/case';
import { signInAsCaseworker } from './pages/session';
import { accessibilityViolations, expect, test } from './fixtures';

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

test.describe('case review with unreadable documents', () => {
  test('a damaged and a protected upload explain themselves; the rest of the case stays usable', async ({ page, trainingPreview }) => {
    test.setTimeout(180_000);
    const shell = await signInAsCaseworker(page, trainingPreview);
    const review = new CasePage(page);
    const kase = datasetCases(trainingPreview).find((candidate) => candidate.scenario === 'damaged-uploads');
    if (!kase) throw new Error('the dataset has no damaged-uploads case');
    const truncated = kase.documents.find((document) => document.broken === 'truncated');
    const encrypted = kase.documents.find((document) => document.broken === 'encrypted');
    if (!truncated || !encrypted) throw new Error('the damaged-uploads case lacks a truncated or an encrypted upload');
    const readable = kase.documents.filter((document) => !document.broken);
    const tabOf = (documentId: string) => page.locator(`[data-testid="document-tab"][data-document-id="${documentId}"]`);

    // The demo caseworker finds the case in the queue and opens it.
    await expect(shell.caseRows.and(page.locator(`[data-case-id="${kase.id}"]`))).toBeVisible();
    await review.open(kase.id);
    await expect(page.getByTestId('screen-heading')).toContainText(kase.caseNumber);

    // 1. The damaged upload: what is wrong and what to do, in the viewer; the tab and the banner say it too.
    await tabOf(truncated.id).click();
    await expect(review.viewerMessage).toContainText('Dit document kan niet worden getoond', { timeout: 20_000 });
    await expect(review.viewerMessage).toContainText('Het bestand is beschadigd of geen geldige PDF.');
    await expect(review.viewerMessage).toContainText('Vraag de aanvrager om het document opnieuw aan te leveren.');
    await expect(tabOf(truncated.id)).toHaveAttribute('data-failure', 'malformed');

    // 2. The protected upload.
    await tabOf(encrypted.id).click();
    await expect(review.viewerMessage).toContainText('Het document is met een wachtwoord beveiligd.', { timeout: 20_000 });
    await expect(review.viewerMessage).toContainText('vraag de aanvrager om een onbeveiligde versie');
    await expect(tabOf(encrypted.id)).toHaveAttribute('data-failure', 'encrypted');
    await expect(tabOf(encrypted.id)).toHaveAccessibleName(/beveiligd met wachtwoord/);
    // No page, so no notes on a page.
    await expect(page.getByTestId('page-notes')).toBeHidden();
    await expect(page.getByTestId('document-failures')).toContainText('2 documenten kunnen niet worden geopend: Upload (onvolledig), Upload (beveiligd). De rest van het dossier is gewoon te gebruiken.');
    await page.screenshot({ path: 'test-results/screens/review-unreadable-nl.png' });
    await expectAccessible(page);

    // 3. Every other document of the case still opens and draws its first page.
    for (const document of readable) {
      await tabOf(document.id).click();
      await expect(page.frameLocator('[data-testid="document-viewer"]').locator('#page-count')).toHaveText(`van ${document.pageCount}`, { timeout: 20_000 });
      await expect(review.drawnPage(1)).toBeAttached({ timeout: 20_000 });
      await expect(review.viewerMessage).toBeHidden();
      await expect(tabOf(document.id)).not.toHaveAttribute('data-failure', /.+/);
      await expect(page.getByTestId('page-notes')).toBeVisible();
    }

    // 4. The application data: a field verified against page 1 of the passport, after the failures.
    const passport = readable.find((document) => document.kind === 'passport');
    if (!passport) throw new Error('the damaged-uploads case has no passport');
    await tabOf(passport.id).click();
    await expect(review.drawnPage(1)).toBeAttached({ timeout: 20_000 });
    await review.field('surname').getByTestId('verify-field').click();
    await expect(review.field('surname')).toHaveAttribute('data-state', 'verified');
    await expect(review.field('surname').getByTestId('evidence-link')).toContainText('Paspoort, p. 1');
    await expect(review.field('surname').getByTestId('evidence-link')).not.toContainText('wacht op synchronisatie', { timeout: 30_000 });

    // 5. The evidence checklist lists the requirements and the documents that meet them.
    await review.tab('evidence').click();
    await expect(page.getByTestId('checklist-item').and(page.locator('[data-requirement="passport"]'))).toBeVisible();
    await expect(page.getByTestId('checklist-item').and(page.locator('[data-requirement="employment_contract"]'))).toBeVisible();

    // 6. A case action: ask the applicant for the unreadable uploads again (their kind is offered); the period is suspended and synced.
    await review.tab('data').click();
    await page.getByTestId('case-actions').click();
    await page.getByTestId('action-request').click();
    const dialog = page.getByRole('dialog', { name: 'Ontbrekende documenten opvragen' });
    await dialog.getByRole('checkbox', { name: 'Overige stukken' }).check();
    await dialog.getByTestId('action-submit').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('suspension').first()).toContainText('Overige stukken');
    await expect(page.getByTestId('case-screen').locator('[data-status="waiting_on_applicant"]')).toBeVisible({ timeout: 30_000 });

    // 7. In English: the protected upload's message and the damaged one's.
    await shell.switchLanguage('EN');
    await tabOf(encrypted.id).click();
    await expect(review.viewerMessage).toContainText('This document cannot be shown', { timeout: 20_000 });
    await expect(review.viewerMessage).toContainText('The document is protected with a password.');
    await expect(review.viewerMessage).toContainText('ask the applicant for an unprotected version');
    await expect(page.getByTestId('document-failures')).toContainText('2 documents cannot be opened: Upload (onvolledig), Upload (beveiligd). The rest of the case can be used as normal.');
    await page.screenshot({ path: 'test-results/screens/review-unreadable-en.png' });
    await expectAccessible(page);
    await tabOf(truncated.id).click();
    await expect(review.viewerMessage).toContainText('The file is damaged or not a valid PDF. Ask the applicant to submit the document again.', { timeout: 20_000 });

    // 8. The size cap: a document said to be over 100 MB is refused before its bytes are fetched, with a message in the pane.
    const sync = trainingPreview.host.sync;
    if (!sync) throw new Error('the preview host has no sync');
    // No sync from here on, so the local row keeps the size the test gives it.
    await sync.engine.stop();
    const contract = readable.find((document) => document.kind === 'employment_contract');
    if (!contract) throw new Error('the damaged-uploads case has no employment contract');
    trainingPreview.host.cache.sqlite.prepare('UPDATE documents SET size = ? WHERE id = ?').run(100 * 1024 * 1024 + 1, contract.id);
    await page.evaluate(() => {
      window.location.hash = '#/queue';
    });
    await expect(review.screen).toBeHidden();
    await review.open(kase.id);
    await shell.switchLanguage('NL');
    await tabOf(contract.id).click();
    await expect(tabOf(contract.id)).toHaveAttribute('data-failure', 'too_large');
    const refused = page.getByTestId('document-refused');
    await expect(refused).toContainText('Dit document kan niet worden getoond');
    await expect(refused).toContainText('Het bestand is groter dan 100 MB. Vraag de aanvrager om een kleiner bestand of splits het document.');
    await expect(page.getByTestId('document-failures')).toContainText('Arbeidsovereenkomst');
    await page.screenshot({ path: 'test-results/screens/review-too-large-nl.png' });
    await expectAccessible(page);
    // The passport still opens beside it.
    await tabOf(passport.id).click();
    await expect(refused).toBeHidden();
    await expect(review.drawnPage(1)).toBeAttached({ timeout: 20_000 });
  });
});

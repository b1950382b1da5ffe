import type { Page } from '@playwright/test';
import { datasetCases } from './dataset';
import { CasePage } from './pages/case';
import { signInAsCaseworker } from './pages/session';
import { accessibilityViolations, expect, test } from './fixtures';

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

test.describe('case review', () => {
  test('open the top case, verify two fields against their pages, find a planted mismatch, request a missing document and see the deadline move', async ({ page, trainingPreview }) => {
    test.setTimeout(180_000);
    // The reads the page asks the host to record (the audit log), as sent over the bridge.
    const readsRequested: string[] = [];
    // The documents the case screen fetches ahead of a click (no read recorded for those).
    const prefetchesRequested: string[] = [];
    page.on('websocket', (socket) => socket.on('framesent', (frame) => {
      if (typeof frame.payload !== 'string') return;
      if (frame.payload.includes('audit.recordRead')) readsRequested.push(frame.payload);
      if (frame.payload.includes('documents.prefetch')) prefetchesRequested.push(frame.payload);
    }));
    const shell = await signInAsCaseworker(page, trainingPreview);
    const review = new CasePage(page);

    // 1. The top case of the queue opens with its data beside its documents.
    const topId = await shell.caseRows.first().getAttribute('data-case-id');
    if (!topId) throw new Error('the queue is empty');
    const top = datasetCases(trainingPreview).find((kase) => kase.id === topId);
    if (!top?.documents.some((document) => document.kind === 'passport')) throw new Error('the top case has no passport to verify against');
    await review.open(topId);
    await expect(page.getByTestId('screen-heading')).toContainText(top.caseNumber);
    await expect(review.deadline).toHaveAttribute('data-deadline', /^\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByTestId('deadline-steps').getByRole('listitem').first()).toContainText('Ontvangen');

    // 2. Verify surname and date of birth against page 1 of the passport.
    await review.documentTab('Paspoort').click();
    await expect(review.drawnPage(1)).toBeAttached({ timeout: 20_000 });
    const passportId = top.documents.find((document) => document.kind === 'passport')?.id ?? '';
    const passportReads = () => readsRequested.filter((payload) => payload.includes(passportId)).length;
    const readsBeforeVerifying = passportReads();
    // One read for opening it (none asked here when the click fetched it: documents.open records that read itself).
    expect(readsBeforeVerifying).toBeLessThanOrEqual(1);
    for (const field of ['surname', 'birthDate']) {
      await review.field(field).getByTestId('verify-field').click();
      await expect(review.field(field)).toHaveAttribute('data-state', 'verified');
      await expect(review.field(field).getByTestId('evidence-link')).toContainText('Paspoort, p. 1');
    }
    // The links reach the server: once synced they are no longer marked pending.
    await expect(review.field('birthDate').getByTestId('evidence-link')).not.toContainText('wacht op synchronisatie', { timeout: 30_000 });
    // Verifying reloads the case twice; the passport stayed open, so no further read is recorded.
    expect(passportReads()).toBe(readsBeforeVerifying);
    // The case's other documents were fetched ahead as it opened, and that recorded no read: the
    // reads asked for are of documents shown (the first one's was recorded by documents.open itself).
    const firstId = await page.getByTestId('document-tab').first().getAttribute('data-document-id');
    const notShown = top.documents.filter((document) => document.id !== passportId && document.id !== firstId);
    expect(notShown.filter((document) => prefetchesRequested.some((payload) => payload.includes(document.id))).length).toBe(notShown.length);
    expect(readsRequested.filter((payload) => notShown.some((document) => payload.includes(document.id)))).toEqual([]);
    await page.screenshot({ path: 'test-results/screens/review-verified-nl.png' });
    await expectAccessible(page);
    // Back from a field to its evidence: the passport, page 1.
    await review.documentTab('Arbeidsovereenkomst').or(review.documentTab('Antecedentenverklaring')).first().click();
    await review.field('surname').getByTestId('evidence-link').click();
    await expect(review.documentTab('Paspoort')).toHaveAttribute('aria-selected', 'true');
    await expect(review.drawnPage(1)).toBeAttached();

    // 3. The planted mismatch of the dataset: the contract salary under the threshold.
    const planted = datasetCases(trainingPreview).find((kase) => kase.expectedFindings.some((finding) => finding.kind === 'salary_below_threshold')
      && kase.assignee === 'demo.caseworker');
    if (!planted) throw new Error('the dataset has no planted salary mismatch for demo.caseworker');
    await review.open(planted.id);
    await review.tab('evidence').click();
    const finding = page.getByTestId('finding').and(page.locator('[data-kind="salary_below_threshold"]'));
    await expect(finding).toBeVisible({ timeout: 30_000 });
    await expect(finding).toContainText('onder de norm');
    await expect(page.getByTestId('checklist-item').and(page.locator('[data-requirement="employment_contract"]'))).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/review-mismatch-nl.png' });
    await expectAccessible(page);
    await finding.getByRole('button', { name: 'Toon in document' }).click();
    await expect(review.documentTab('Arbeidsovereenkomst')).toHaveAttribute('aria-selected', 'true');

    // 4. Request a missing document: the period is suspended and the deadline moves.
    await review.tab('data').click();
    const before = await review.deadline.getAttribute('data-deadline');
    await page.getByTestId('case-actions').click();
    await page.getByTestId('action-request').click();
    const dialog = page.getByRole('dialog', { name: 'Ontbrekende documenten opvragen' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('checkbox', { name: 'Loonstroken' }).check();
    await page.screenshot({ path: 'test-results/screens/review-request-nl.png' });
    await expectAccessible(page);
    await dialog.getByTestId('action-submit').click();
    await expect(dialog).toBeHidden();
    await expect(review.projectedDeadline).toBeVisible();
    const after = await review.projectedDeadline.getAttribute('data-deadline');
    expect(after && before && after > before).toBe(true);
    await expect(page.getByTestId('suspension').first()).toBeVisible();
    await expect(page.getByTestId('review-deadline-projected')).toContainText('volledig wordt benut');
    // Synced: the server applied it (status "waiting on applicant") and the suspension is no longer pending.
    await expect(page.getByTestId('case-screen').locator('[data-status="waiting_on_applicant"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('suspension').first()).not.toContainText('wacht op synchronisatie', { timeout: 30_000 });
    await page.screenshot({ path: 'test-results/screens/review-suspended-nl.png' });
    await expectAccessible(page);

    // 5. The same screen in English; the shortcut legend lists the keys.
    await shell.switchLanguage('EN');
    await expect(review.projectedDeadline).toContainText('used in full');
    await page.screenshot({ path: 'test-results/screens/review-suspended-en.png' });
    await expectAccessible(page);
    await review.tab('evidence').click();
    await expect(finding).toContainText('under the threshold');
    await page.screenshot({ path: 'test-results/screens/review-mismatch-en.png' });
    await page.keyboard.press('Shift+?');
    await expect(page.getByTestId('shortcut-legend')).toContainText('Next case of the queue');
    // Wait for the dialog's opening transition, so axe measures the final colours.
    await expect(page.getByRole('dialog').filter({ has: page.getByTestId('shortcut-legend') })).toHaveCSS('opacity', '1');
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/screens/review-shortcuts-en.png' });
  });

  test('offline: the top case of the queue opens with all its documents while the server is gone', async ({ page, trainingPreview }) => {
    test.setTimeout(180_000);
    const shell = await signInAsCaseworker(page, trainingPreview);
    const topId = await shell.caseRows.first().getAttribute('data-case-id');
    if (!topId) throw new Error('the queue is empty');
    // The documents of the top of the queue are prefetched after the sync; wait for them, then go offline.
    const cache = trainingPreview.host.cache.sqlite;
    const missing = () => cache.prepare(`SELECT count(*) FROM documents d LEFT JOIN document_files f ON f.sha256 = d.sha256
      WHERE d.case_id = ? AND f.sha256 IS NULL`).pluck().get(topId) as number;
    await expect.poll(missing, { timeout: 60_000 }).toBe(0);
    await trainingPreview.training?.close();
    await expect(shell.syncIndicator).not.toHaveAttribute('data-state', 'online', { timeout: 30_000 }).catch(() => undefined);

    const review = new CasePage(page);
    await review.open(topId);
    const tabs = page.getByTestId('document-tab');
    const count = await tabs.count();
    expect(count).toBeGreaterThan(0);
    const documents = datasetCases(trainingPreview).find((kase) => kase.id === topId)?.documents ?? [];
    const frame = page.frameLocator('[data-testid="document-viewer"]');
    for (let index = 0; index < count; index++) {
      const documentId = await tabs.nth(index).getAttribute('data-document-id');
      const pages = documents.find((document) => document.id === documentId)?.pageCount;
      await tabs.nth(index).click();
      // Opened from the local document cache: the viewer shows its page count and draws page 1.
      await expect(frame.locator('#page-count')).toHaveText(`van ${pages ?? '?'}`, { timeout: 20_000 });
      await expect(review.drawnPage(1)).toBeAttached({ timeout: 20_000 });
      await expect(tabs.nth(index)).not.toHaveAttribute('data-failure', /.+/);
    }
    await page.screenshot({ path: 'test-results/screens/review-offline-nl.png' });
    await expectAccessible(page);
  });
});

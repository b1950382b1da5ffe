import type { Page } from '@playwright/test';
import type { Preview } from '../../scripts/preview/server';
import { signInAsCaseworker } from './pages/session';
import { accessibilityViolations, expect, test } from './fixtures';
import { pushOnServer } from './training-server';

/** Claims a case through the contract, as a future claim button will. */
async function claimInBrowser(page: Page, caseId: string): Promise<void> {
  await page.evaluate(async (id) => {
    const api = (window as unknown as { werkbank: { sync: { mutate(args: { name: string; args: unknown }): Promise<unknown> } } }).werkbank;
    await api.sync.mutate({ name: 'case.claim', args: { caseId: id } });
  }, caseId);
}

/** Stops background sync and gives two of my cases back to the team queue on the server, synced here. */
async function prepareClaimableCases(preview: Preview): Promise<[string, string]> {
  const sync = preview.host.sync;
  if (!sync) throw new Error('the preview host has no sync');
  // No background sync from here on: each step happens when the test (or "sync now") says so.
  await sync.engine.stop();
  const cache = preview.host.cache.sqlite;
  const taken = cache.prepare(`SELECT id, assignee FROM cases WHERE assignee IS NOT NULL AND status NOT IN ('decided', 'closed') ORDER BY id LIMIT 2`)
    .all() as { id: string; assignee: string }[];
  expect(taken.length).toBe(2);
  for (const row of taken) await pushOnServer(preview, 'case.release', row.id, { assigneeId: row.assignee });
  await sync.syncNow();
  const ids = taken.map((row) => row.id) as [string, string];
  expect(cache.prepare('SELECT count(*) FROM cases WHERE assignee IS NULL AND id IN (?, ?)').pluck().get(...ids)).toBe(2);
  return ids;
}

test.describe('sync UI', () => {
  test('a claim goes queued → synced; a clashing claim lands in the conflicts inbox and is resolved there', async ({ page, trainingPreview }) => {
    test.setTimeout(120_000);
    const shell = await signInAsCaseworker(page, trainingPreview);
    const [mine, clashing] = await prepareClaimableCases(trainingPreview);

    // 1. My claim waits in the outbox: the row and the top bar say so.
    await claimInBrowser(page, mine);
    const mineRow = shell.caseRows.and(page.locator(`[data-case-id="${mine}"]`));
    await expect(mineRow).toHaveAttribute('data-sync-state', 'queued');
    const mineState = mineRow.getByRole('img', { name: 'Wacht op verzending' });
    await expect(mineState).toBeVisible();
    await expect(shell.syncIndicator).toHaveAttribute('data-pending', '1');
    await mineState.hover();
    await expect(page.getByRole('tooltip')).toHaveText('Wacht op verzending');
    await page.screenshot({ path: 'test-results/screens/sync-row-queued-nl.png' });
    expect(await accessibilityViolations(page)).toEqual([]);

    // 2. Someone else claims the second case on the server first; I claim it too, offline.
    await pushOnServer(trainingPreview, 'case.claim', clashing, { assigneeId: null });
    await claimInBrowser(page, clashing);
    await expect(shell.syncIndicator).toHaveAttribute('data-pending', '2');

    // 3. "Sync now": my first claim is synced, the second is a conflict.
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await expect(mineRow).toHaveAttribute('data-sync-state', 'synced', { timeout: 30_000 });
    await expect(shell.syncIndicator).toHaveAttribute('data-conflicts', '1', { timeout: 30_000 });
    await expect(shell.syncIndicator).toHaveAttribute('data-pending', '0');
    // The refused claim is not applied here: the case is someone else's, on the team tab.
    await page.getByTestId('queue-tab-team').click();
    const clashRow = shell.caseRows.and(page.locator(`[data-case-id="${clashing}"]`));
    await expect(clashRow).toHaveAttribute('data-sync-state', 'conflict');
    await expect(clashRow.getByRole('img', { name: /^Conflict/ })).toBeVisible();
    await expect(page.getByTestId('nav-conflicts-count')).toContainText('1');
    await clashRow.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens/sync-conflict-row-nl.png' });
    expect(await accessibilityViolations(page)).toEqual([]);
    // A 1280px window at 200% zoom: the top bar keeps the conflicts link and "sync now" reachable.
    const size = page.viewportSize();
    await page.setViewportSize({ width: 640, height: 800 });
    await expect(page.locator('#main-navigation')).not.toBeInViewport();
    await expect(page.getByTestId('sync-conflicts-link')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nu synchroniseren' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/sync-conflict-narrow-nl.png' });
    expect(await accessibilityViolations(page)).toEqual([]);
    if (size) await page.setViewportSize(size);

    // 4. The top bar's link opens the conflicts screen: mine against theirs, side by side.
    const caseNumber = await clashRow.getByRole('rowheader').textContent();
    await page.getByTestId('sync-conflicts-link').click();
    await expect(shell.heading).toHaveText('Conflicten');
    const conflict = page.getByTestId('conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict.getByRole('heading', { level: 2 })).toHaveText(`Dossier ${caseNumber ?? ''}`);
    await expect(conflict).toContainText('Actie: Dossier oppakken');
    await expect(conflict).toContainText('Veld: Behandelaar');
    await expect(conflict.getByTestId('conflict-mine')).toContainText('Ikzelf');
    await expect(conflict.getByTestId('conflict-theirs')).toContainText('Een collega');
    await page.screenshot({ path: 'test-results/screens/sync-conflicts-nl.png', fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    await shell.switchLanguage('EN');
    await expect(shell.heading).toHaveText('Conflicts');
    await expect(conflict).toContainText('Action: Claim case');
    await expect(conflict.getByTestId('conflict-mine')).toContainText('Me');
    await expect(conflict.getByTestId('conflict-theirs')).toContainText('A colleague');
    await page.screenshot({ path: 'test-results/screens/sync-conflicts-en.png', fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    // 5. Keep theirs: the conflict leaves the inbox, the counts go to zero, the empty state shows.
    await conflict.getByRole('button', { name: "Keep the server's value" }).click();
    await expect(conflict).toHaveCount(0);
    await expect(page.getByTestId('conflicts-empty')).toBeVisible();
    await expect(shell.syncIndicator).toHaveAttribute('data-conflicts', '0');
    await expect(page.getByTestId('nav-conflicts-count')).toHaveCount(0);
    await expect(page.getByTestId('sync-conflicts-link')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screens/sync-conflicts-empty-en.png' });
    expect(await accessibilityViolations(page)).toEqual([]);

    await shell.navigation(/^Queue/).click();
    await page.getByTestId('queue-tab-team').click();
    await expect(clashRow).toHaveAttribute('data-sync-state', 'synced');
    await page.screenshot({ path: 'test-results/screens/sync-queue-en.png' });
  });

  test('keeping my claim sends it again; the server refuses it and the row and top bar say so', async ({ page, trainingPreview }) => {
    test.setTimeout(120_000);
    const shell = await signInAsCaseworker(page, trainingPreview);
    const [, clashing] = await prepareClaimableCases(trainingPreview);
    await pushOnServer(trainingPreview, 'case.claim', clashing, { assigneeId: null });
    await claimInBrowser(page, clashing);
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await expect(shell.syncIndicator).toHaveAttribute('data-conflicts', '1', { timeout: 30_000 });

    await shell.navigation(/^Conflicten/).click();
    const conflict = page.getByTestId('conflict');
    await conflict.getByRole('button', { name: 'Mijn wijziging houden' }).click();
    await expect(conflict).toHaveCount(0);
    await expect(page.getByTestId('conflicts-empty')).toBeVisible();
    // Sent again at once against the server's value: a claim of a taken case is refused.
    await expect(shell.syncIndicator).toContainText('1 wijziging geweigerd', { timeout: 30_000 });

    await shell.navigation(/^Werkvoorraad/).click();
    await page.getByTestId('queue-tab-team').click();
    const row = shell.caseRows.and(page.locator(`[data-case-id="${clashing}"]`));
    await expect(row).toHaveAttribute('data-sync-state', 'failed');
    await expect(row.getByRole('img', { name: /^Geweigerd door de server/ })).toBeVisible();
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens/sync-row-failed-nl.png' });
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

import { signInAs, signInAsCaseworker } from './pages/session';
import { accessibilityViolations, expect, test } from './fixtures';
import { pushOnServer } from './training-server';

const bandRank: Record<string, number> = {
  penalty_accruing: 7, notice_of_default: 6, overdue: 5, due_within_7_days: 4, due_within_30_days: 3, on_track: 2, no_deadline: 1, decided: 0,
};

test.describe('work queue', () => {
  test('demo.caseworker filters, searches by V-number, claims, takes next, claims offline and sees it synced', async ({ page, trainingPreview, network }) => {
    test.setTimeout(180_000);
    const shell = await signInAsCaseworker(page, trainingPreview);
    const me = trainingPreview.host.sync?.session.userId();
    if (!me) throw new Error('not signed in');
    const cache = trainingPreview.host.cache.sqlite;
    await expect(page.getByTestId('queue-tab-mine')).toHaveAttribute('aria-selected', 'true');
    await page.screenshot({ path: 'test-results/screens/queue-mine-nl.png' });
    expect(await accessibilityViolations(page)).toEqual([]);

    // Team: most urgent first, by the domain engine's bands.
    await page.getByTestId('queue-tab-team').click();
    const teamTotal = cache.prepare(`SELECT count(*) FROM cases WHERE open = 1`).pluck().get() as number;
    await expect(page.getByTestId('queue-summary')).toContainText(`${teamTotal} zaken`);
    const bands = await page.getByTestId('row-band').evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-band') ?? ''));
    expect(bands.length).toBeGreaterThan(5);
    expect(bands.map((band) => bandRank[band] ?? -1)).toEqual([...bands.map((band) => bandRank[band] ?? -1)].sort((a, b) => b - a));

    // "Why here?" explains the band and, one click further, the deadline.
    await page.getByTestId('why-here').first().click();
    await expect(page.getByTestId('why-popover')).toContainText('Waarom staat');
    await page.getByTestId('why-deadline-toggle').click();
    // At least two steps (received, then the period); waits for the list to render.
    await expect(page.getByTestId('why-deadline-steps').getByRole('listitem').nth(1)).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/queue-why-nl.png' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    // Filter: overdue only.
    await page.getByTestId('filter-window').click();
    await page.getByRole('option', { name: 'Over termijn' }).click();
    const today = trainingPreview.host.sync?.today() ?? '';
    const overdue = cache.prepare(`SELECT count(*) FROM cases WHERE open = 1 AND deadline < ?`).pluck().get(today) as number;
    expect(overdue).toBeGreaterThan(0);
    await expect(page.getByTestId('queue-summary')).toContainText(overdue === 1 ? '1 zaak' : `${overdue} zaken`);
    for (const state of await page.locator('[data-testid="queue-row"] [data-deadline-state]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-deadline-state')))) {
      expect(state).toBe('overdue');
    }
    await page.screenshot({ path: 'test-results/screens/queue-filter-overdue-nl.png' });
    await page.getByTestId('filter-clear').click();

    // Search by V-number: one case, the match marked.
    const target = cache.prepare(`SELECT id, v_number AS vNumber FROM cases WHERE open = 1 AND v_number <> '' ORDER BY case_number LIMIT 1`).get() as { id: string; vNumber: string };
    await page.keyboard.press('/');
    await expect(page.getByTestId('queue-search')).toBeFocused();
    await page.keyboard.type(target.vNumber);
    await expect(shell.caseRows).toHaveCount(1);
    await expect(shell.caseRows.first()).toHaveAttribute('data-case-id', target.id);
    await expect(shell.caseRows.first().locator('mark.search-hit')).toHaveText(target.vNumber);
    await page.screenshot({ path: 'test-results/screens/queue-search-nl.png' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Zoekterm wissen' }).click();

    // Colleagues give three cases back to the team, so there is something to claim.
    const taken = cache.prepare(`SELECT id, assignee FROM cases WHERE assignee IS NOT NULL AND assignee <> ? AND open = 1 ORDER BY id LIMIT 3`).all(me) as { id: string; assignee: string }[];
    expect(taken).toHaveLength(3);
    for (const row of taken) await pushOnServer(trainingPreview, 'case.release', row.id, { assigneeId: row.assignee });
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await expect.poll(() => cache.prepare('SELECT count(*) FROM cases WHERE assignee IS NULL AND open = 1').pluck().get(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);

    // Claim from the unassigned tab: the row moves to my cases and syncs.
    await page.getByTestId('queue-tab-unassigned').click();
    const unassignedRow = shell.caseRows.first();
    const claimedId = await unassignedRow.getAttribute('data-case-id');
    if (!claimedId) throw new Error('no unassigned case');
    await unassignedRow.getByTestId('row-claim').click();
    await expect(page.locator(`[data-testid="queue-row"][data-case-id="${claimedId}"]`)).toHaveCount(0);
    await page.getByTestId('queue-tab-mine').click();
    const claimedRow = page.locator(`[data-testid="queue-row"][data-case-id="${claimedId}"]`);
    await expect(claimedRow).toHaveAttribute('data-sync-state', 'synced', { timeout: 30_000 });
    expect(JSON.parse(cache.prepare(`SELECT data FROM server_rows WHERE entity = 'case' AND id = ?`).pluck().get(claimedId) as string)).toMatchObject({ assigneeId: me });

    // Take next (n): the most urgent unassigned case is claimed and opened.
    const expectedNext = cache.prepare(`SELECT id FROM cases WHERE assignee IS NULL AND open = 1 ORDER BY priority_score DESC, rowid LIMIT 1`).pluck().get() as string;
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    await expect(page).toHaveURL(new RegExp(`#/case/${expectedNext}$`));
    await expect.poll(() => cache.prepare('SELECT assignee FROM cases WHERE id = ?').pluck().get(expectedNext)).toBe(me);
    await page.evaluate(() => {
      window.location.hash = '#/queue';
    });

    // Offline: claim with the keyboard (j to the row, c); it waits in the outbox, then syncs when back online.
    network.offline = true;
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await expect(shell.syncIndicator).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
    await page.getByTestId('queue-tab-unassigned').click();
    const offlineId = await shell.caseRows.first().getAttribute('data-case-id');
    if (!offlineId) throw new Error('no unassigned case left');
    await shell.caseRows.first().click();
    await page.keyboard.press('c');
    await page.getByTestId('queue-tab-mine').click();
    const offlineRow = page.locator(`[data-testid="queue-row"][data-case-id="${offlineId}"]`);
    await expect(offlineRow).toHaveAttribute('data-sync-state', 'queued');
    await expect(shell.syncIndicator).toHaveAttribute('data-pending', '1');
    await page.screenshot({ path: 'test-results/screens/queue-offline-claim-nl.png' });
    expect(await accessibilityViolations(page)).toEqual([]);

    network.offline = false;
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await expect(offlineRow).toHaveAttribute('data-sync-state', 'synced', { timeout: 30_000 });
    await expect(shell.syncIndicator).toHaveAttribute('data-pending', '0');
    expect(JSON.parse(cache.prepare(`SELECT data FROM server_rows WHERE entity = 'case' AND id = ?`).pluck().get(offlineId) as string)).toMatchObject({ assigneeId: me });

    // The shortcut legend and the command palette.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcut-legend')).toBeVisible();
    // Wait for the dialog's opening transition, so axe measures the final colours.
    await expect(page.getByRole('dialog').filter({ has: page.getByTestId('shortcut-legend') })).toHaveCSS('opacity', '1');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    // The legend's closing transition must end before the palette opens: one dialog at a time.
    await expect(page.getByTestId('shortcut-legend')).toBeHidden();
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog').getByRole('textbox')).toBeVisible();
    await page.keyboard.type('Volgende');
    await expect(page.getByRole('dialog')).toContainText('Volgende zaak');
    await page.screenshot({ path: 'test-results/screens/queue-palette-nl.png' });
    await page.keyboard.press('Escape');

    await shell.switchLanguage('EN');
    await expect(shell.heading).toHaveText('Queue');
    await expect(page.getByTestId('queue-tab-mine')).toHaveText(/My cases/);
    await page.screenshot({ path: 'test-results/screens/queue-mine-en.png' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByTestId('queue-tab-team').click();
    await page.screenshot({ path: 'test-results/screens/queue-team-en.png' });
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

test.describe('work queue for a team lead', () => {
  test('demo.teamlead selects cases with x, assigns them with a reason, and saves a view shared with the team', async ({ page, trainingPreview }) => {
    test.setTimeout(150_000);
    const shell = await signInAs(page, trainingPreview, 'demo.teamlead');
    await page.getByTestId('queue-tab-team').click();
    await expect(shell.caseRows.nth(2)).toBeVisible({ timeout: 30_000 });

    // x selects the active row, j moves down.
    await shell.caseRows.first().click();
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    const chosen = [await shell.caseRows.nth(0).getAttribute('data-case-id'), await shell.caseRows.nth(1).getAttribute('data-case-id')];
    await expect(shell.caseRows.nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(shell.caseRows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.getByTestId('assign-open').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('assign-submit')).toBeDisabled();
    await dialog.getByTestId('assign-user').click();
    const option = page.getByRole('option').first();
    const assigneeName = (await option.textContent()) ?? '';
    await option.click();
    await dialog.getByTestId('assign-reason').fill('Verdeling na ziekmelding');
    await page.screenshot({ path: 'test-results/screens/queue-assign-nl.png' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByTestId('assign-submit').click();
    await expect(dialog).toBeHidden();
    for (const id of chosen) {
      const row = page.locator(`[data-testid="queue-row"][data-case-id="${id}"]`);
      await expect(row).toContainText(assigneeName);
      await expect(row).toHaveAttribute('data-sync-state', 'synced', { timeout: 30_000 });
    }

    // Save the current view (overdue only) shared with the team; it follows through the server.
    await page.getByTestId('filter-window').click();
    await page.getByRole('option', { name: 'Over termijn' }).click();
    await page.getByTestId('views-menu').click();
    await page.getByTestId('view-save-open').click();
    await page.getByTestId('view-name').fill('Team: over termijn');
    await page.getByTestId('view-share').check();
    await page.getByTestId('view-save').click();
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await expect.poll(() => trainingPreview.host.cache.sqlite.prepare(`SELECT count(*) FROM server_rows WHERE entity = 'savedView'
      AND json_extract(data, '$.name') = 'Team: over termijn' AND json_extract(data, '$.teamId') IS NOT NULL`).pluck().get(), { timeout: 30_000 }).toBe(1);
    await page.getByTestId('filter-clear').click();
    await page.getByTestId('views-menu').click();
    await page.getByTestId('view-item').filter({ hasText: 'Team: over termijn' }).click();
    await expect(page.getByTestId('filter-window')).toHaveValue('Over termijn');
    // The views menu's closing transition must end before axe looks: a half-closed menu has no items.
    await expect(page.getByRole('menu')).toBeHidden();
    await page.screenshot({ path: 'test-results/screens/queue-teamlead-view-nl.png' });
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

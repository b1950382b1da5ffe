/**
 * Messages in the browser preview against the training server (issue 16), as a caseworker lives
 * them: an applicant writes through My IND (`npm run simulate`'s code, narrowed to one message), the open
 * app shows it within seconds with a notification and unread counts; the caseworker answers from
 * the case with a template and an attachment while offline, and the answer is sent once the
 * network is back and delivered once My IND acknowledges it. Axe and screenshots in both languages.
 */
import type { Page } from '@playwright/test';
import type { Preview } from '../../scripts/preview/server';
import { runSimulation } from '../../src/server/training/simulate';
import { datasetCases } from './dataset';
import { accessibilityViolations, e2eIntakeToken, expect, test } from './fixtures';
import { signInAsCaseworker } from './pages/session';
import { ShellPage } from './pages/shell';

const shots = 'test-results/screens';

async function expectAccessible(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** What My IND does with what the IND sends: picks up the pending messages and says they were shown. */
async function acknowledgeOutbound(preview: Preview): Promise<number> {
  const base = preview.training?.url ?? '';
  const headers = { authorization: `Bearer ${e2eIntakeToken}`, 'content-type': 'application/json' };
  const list = await fetch(`${base}/intake/messages/outbound?limit=50`, { headers });
  expect(list.status).toBe(200);
  const { items } = await list.json() as { items: { id: string }[] };
  for (const item of items) {
    const answer = await fetch(`${base}/intake/messages/${item.id}/delivery`, { method: 'POST', headers, body: JSON.stringify({ status: 'delivered' }) });
    expect(answer.status).toBeLessThan(300);
  }
  return items.length;
}

test.describe('messages', () => {
  test('an inbound message reaches the open app; the answer goes out offline first, is sent and delivered', async ({ page, trainingPreview, network }) => {
    test.setTimeout(240_000);
    const kase = datasetCases(trainingPreview).find((candidate) => candidate.assignee === 'demo.caseworker'
      && candidate.status !== 'closed' && candidate.status !== 'decided' && candidate.documents.length > 0);
    if (!kase) throw new Error('the dataset has no open case of demo.caseworker with documents');
    await signInAsCaseworker(page, trainingPreview);

    // The applicant writes, as `npm run simulate -- --events message --cases <case>` plays it; the poke channel brings it to the open app.
    const simulated = await runSimulation({
      serverUrl: trainingPreview.training?.url ?? '', token: e2eIntakeToken, ratePerSecond: 10, maxEvents: 1, seed: 11,
      events: ['message'], caseNumbers: [kase.caseNumber],
    });
    expect(simulated.byEvent.message.accepted).toBe(1);
    const notification = page.locator('.mantine-Notification-root').filter({ hasText: kase.caseNumber });
    await expect(notification).toBeVisible({ timeout: 10_000 });
    await expect(page.getByTestId('nav-unread-count')).toBeVisible();
    // The queue says which cases have unread messages for this user.
    await expect(page.getByTestId('queue-row').filter({ hasText: kase.caseNumber }).getByTestId('row-unread')).toBeVisible();
    await page.screenshot({ path: `${shots}/messages-notification-nl.png` });
    await notification.getByTestId('message-notification-open').click();

    // The case screen opens on the thread; reading it clears the unread count.
    await expect(page.getByTestId('case-screen')).toHaveAttribute('data-case-id', kase.id);
    const open = page.getByTestId('thread-open');
    await expect(open.locator('[data-testid="message"][data-direction="inbound"]').last()).toBeVisible();
    await expect(open.getByRole('heading')).toContainText('Vraag over mijn aanvraag');
    await expect(page.locator('[data-testid="thread-row"][aria-current="true"]')).toHaveAttribute('data-unread', '0', { timeout: 15_000 });
    await page.screenshot({ path: `${shots}/messages-thread-nl.png` });
    await expectAccessible(page);

    // The answer, on a train: a template, an attachment, a look at the preview, then send.
    network.offline = true;
    const composer = open.getByTestId('message-composer');
    await composer.getByTestId('composer-template').click();
    await page.getByRole('option').first().click();
    await expect(composer.getByTestId('composer-body')).not.toHaveValue('');
    // The template's place to fill in is selected; until it is filled the message cannot go.
    await expect(composer.getByTestId('composer-unfilled')).toBeVisible();
    await expect(composer.getByTestId('composer-send')).toBeDisabled();
    await expect(composer.getByTestId('composer-body')).toBeFocused();
    await page.keyboard.type('Uw aanvraag wordt deze maand beoordeeld.');
    await expect(composer.getByTestId('composer-unfilled')).toHaveCount(0);
    const sentBody = (await composer.getByTestId('composer-body').inputValue()).trim();
    await composer.getByTestId('composer-attachments').click();
    await page.getByRole('option').first().click();
    await page.keyboard.press('Escape');
    await composer.getByTestId('composer-preview-toggle').click();
    await expect(composer.getByTestId('composer-preview')).toBeVisible();
    await composer.getByTestId('composer-send').click();
    const answer = open.locator('[data-testid="message"][data-direction="outbound"]').last();
    await expect(answer).toHaveAttribute('data-state', 'queued');
    await expect(answer.getByTestId('message-attachment')).toHaveCount(1);
    await page.screenshot({ path: `${shots}/messages-queued-nl.png` });
    await expectAccessible(page);

    // Back online: the outbox sends it once; My IND acknowledges it.
    network.offline = false;
    await expect(answer).toHaveAttribute('data-state', 'sent', { timeout: 30_000 });
    expect(await acknowledgeOutbound(trainingPreview)).toBeGreaterThanOrEqual(1);
    await expect(answer).toHaveAttribute('data-state', 'delivered', { timeout: 30_000 });
    // Sent once, not once per attempt the outbox made while offline.
    await expect(open.locator('[data-testid="message"][data-direction="outbound"]').filter({ hasText: sentBody.slice(0, 40) })).toHaveCount(1);

    // Search over the case's messages marks the words in the hits.
    await page.getByTestId('messages-search').fill('aanvraag');
    await expect(page.getByTestId('message-hit').first().locator('mark').first()).toContainText(/aanvraag/i);
    // Over every case in scope: a word of another case's conversation finds it, named by its case, and opens there.
    const other = datasetCases(trainingPreview).find((candidate) => candidate.id !== kase.id && candidate.assignee === 'demo.caseworker'
      && candidate.threads.some((thread) => thread.messages.length > 0));
    const word = other?.threads.flatMap((thread) => thread.messages).map((message) => /\p{L}{7,}/u.exec(message.body)?.[0]).find(Boolean);
    if (!other || !word) throw new Error('the dataset has no other conversation of demo.caseworker');
    const scopeAll = page.getByTestId('messages-search-scope').getByRole('radio', { name: 'Alle dossiers' });
    await page.locator(`label[for="${await scopeAll.getAttribute('id') ?? ''}"]`).click();
    await page.getByTestId('messages-search').fill(word);
    const elsewhere = page.getByTestId('message-hit').filter({ hasText: other.caseNumber }).first();
    await expect(elsewhere).toBeVisible();
    await page.screenshot({ path: `${shots}/messages-search-nl.png` });
    await elsewhere.click();
    await expect(page.getByTestId('case-screen')).toHaveAttribute('data-case-id', other.id);
    await expect(page.getByTestId('thread-open')).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId('case-screen')).toHaveAttribute('data-case-id', kase.id);
    await expect(page.getByTestId('thread-open')).toBeVisible();

    await new ShellPage(page).switchLanguage('EN');
    await page.getByTestId('messages-search').fill('');
    await expect(answer).toHaveAttribute('data-state', 'delivered');
    await expect(answer.getByTestId('message-state')).toContainText('Delivered');
    await page.screenshot({ path: `${shots}/messages-thread-en.png` });
    await expectAccessible(page);
    await page.getByTestId('message-new').click();
    await expect(page.getByTestId('message-composer').first()).toBeVisible();
    await page.screenshot({ path: `${shots}/messages-new-en.png` });
    await expectAccessible(page);
  });
});

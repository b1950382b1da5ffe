import { datasetCases } from './dataset';
import { signInAsCaseworker } from './pages/session';
import { expect, test } from './fixtures';

test('explore letters', async ({ page, trainingPreview }) => {
  test.setTimeout(180_000);
  const shell = await signInAsCaseworker(page, trainingPreview);
  const ids = await shell.caseRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-case-id')));
  const cases = datasetCases(trainingPreview);
  const topId = ids.find((id) => {
    const kase = cases.find((candidate) => candidate.id === id);
    return kase && kase.caseType === 'highly_skilled_migrant' && kase.parties.some((party) => party.role === 'applicant' && party.address && 'street' in party.address);
  }) ?? ids.find((id) => cases.find((candidate) => candidate.id === id)?.parties.some((party) => party.role === 'applicant' && party.address && 'street' in party.address));
  console.log('case', topId, cases.find((c) => c.id === topId)?.caseType);
  await page.evaluate((id) => { window.location.hash = `#/case/${id}`; }, topId);
  await page.getByTestId('tab-letters').click();
  await page.screenshot({ path: '/tmp/shots/1-tab.png' });
  await page.getByTestId('letter-new').click();
  await page.getByTestId('letter-new-refusal').click();
  await expect(page.getByTestId('letter-workspace')).toBeVisible();
  await expect(page.getByTestId('letter-check')).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(3000);
  await page.screenshot({ path: '/tmp/shots/2-refusal.png' });
  const ground = page.getByTestId('ground').first();
  await ground.getByRole('checkbox').check();
  await page.getByTestId('reasoning-insert').click();
  await page.waitForTimeout(3000);
  await page.screenshot({ path: '/tmp/shots/3-reasoning.png', fullPage: true });
});

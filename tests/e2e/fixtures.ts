import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { seedDevelopmentCases } from '../../scripts/dev-seed';
import { startPreview, type Preview } from '../../scripts/preview/server';
import { silentLogger } from '../../src/main/host/log';
import { testPasswordCost } from '../../src/server/auth/passwords';
import { tempDir } from '../helpers/temp-dir';

export const seededCaseCount = 60;
const rendererDir = join(__dirname, '..', '..', 'out', 'renderer');
export const seedTodayIso = '2026-11-22';
/** The intake service token of the training preview: what My IND and `npm run simulate` use. */
export const e2eIntakeToken = 'e2e-intake-token-not-a-secret';

interface Fixtures {
  preview: Preview;
  /** A preview whose host syncs with an in-process training server (40 cases), as the app's default. */
  trainingPreview: Preview;
  /** The page, opened on the preview and waited until the app says it is ready. */
  app: Page;
  /** The training preview's network: set `offline` and the host's requests to the server fail as on a train. */
  network: { offline: boolean };
}

/** Each test gets its own data folder and its own preview (host + static server). */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  preview: async ({}, use) => {
    const dir = tempDir('werkbank-e2e-');
    const preview = await startPreview({
      port: 0,
      rendererDir,
      host: { dataDir: dir.path, appVersion: '0.1.0-e2e', logger: silentLogger },
      prepare: (host) => seedDevelopmentCases(host.cache.db, { count: seededCaseCount, seed: 7, today: seedTodayIso }),
    });
    await use(preview);
    await preview.close();
    dir.remove();
  },
  // eslint-disable-next-line no-empty-pattern
  network: async ({}, use) => {
    await use({ offline: false });
  },
  trainingPreview: async ({ network }, use) => {
    const dir = tempDir('werkbank-e2e-training-');
    const fetchUnlessOffline: typeof fetch = (input, init) =>
      network.offline ? Promise.reject(new TypeError('fetch failed: the test took the network away')) : fetch(input, init);
    const preview = await startPreview({
      port: 0,
      rendererDir,
      host: { dataDir: join(dir.path, 'cache'), appVersion: '0.1.0-e2e', logger: silentLogger, fetch: fetchUnlessOffline },
      training: { dataDir: join(dir.path, 'training'), caseCount: 40, passwordCost: testPasswordCost, intakeTokens: [e2eIntakeToken] },
    });
    await use(preview);
    await preview.close();
    dir.remove();
  },
  app: async ({ page, preview }, use) => {
    await page.goto(preview.pageUrl);
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
    await use(page);
  },
});

/** Runs axe with the WCAG 2.1 A/AA rules and returns the violations, summarised. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
}

export { expect };

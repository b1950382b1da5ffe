import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/test-tools.cjs';

const chromium = findChromium();

/**
 * e2e: the built renderer (out/renderer, from `npm run build`) in Chromium (scripts/test-tools.cjs) against a real
 * data host over the loopback WebSocket. Each test file starts its own preview with its own data
 * folder (tests/e2e/fixtures.ts); tests wait on app events, never on sleeps.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'off',
    launchOptions: {
      // Without one, Playwright's own browser is tried; `npm test` stops before this step when there is none.
      ...(chromium ? { executablePath: chromium } : {}),
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--no-first-run', '--disable-quic', '--disable-sync',
      ],
    },
  },
});

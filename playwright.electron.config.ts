import { defineConfig } from '@playwright/test';
import { electronBinary, missingBinaryMessage } from './tests/electron/electron-binary';

/**
 * The Electron tests: Playwright's Electron launcher against the built shell (out/main/index.js).
 * Where no Electron binary exists (downloads are blocked on the CI machines) every test is skipped
 * with a message saying so; see tests/electron/electron-binary.ts.
 */
// The list reporter does not print skip reasons; say once, up front, why everything is skipped.
if (electronBinary() === undefined && !process.env.TEST_WORKER_INDEX) console.warn(`Electron tests skipped: ${missingBinaryMessage}.`);

export default defineConfig({
  testDir: './tests/electron',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // reports/electron.json feeds the summary line of `npm test` (scripts/test-all.mjs).
  reporter: [['list'], ['json', { outputFile: 'reports/electron.json' }]],
});

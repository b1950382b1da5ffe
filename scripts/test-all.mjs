#!/usr/bin/env node
/**
 * `npm test`: every check, in order — lint, type-checks per runtime, vitest (unit + integration),
 * the build, the packed app's file list, Playwright e2e in Chromium, the Electron tests (skipped where no Electron binary
 * exists) and Electronegativity. Stops at the first failing step and ends with one summary line
 * "N passed, N failed, N skipped" counted from the test runners' JSON reports. Chromium, poppler-utils
 * and qpdf are installed first where the machine allows it (scripts/test-tools.cjs); without a
 * Chromium it stops before the e2e step with one line that says what to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureTestTools, findChromium } from './test-tools.cjs';

const steps = [
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']],
  ['build', 'npm', ['run', '-s', 'build']],
  ['package', 'npx', ['vitest', 'run', '-c', 'vitest.package.config.mts', '--reporter=default', '--reporter=json', '--outputFile.json=reports/package.json']],
  ['e2e', 'npm', ['run', '-s', 'test:e2e']],
  ['electron', 'npm', ['run', '-s', 'test:electron']],
  ['electronegativity', 'npm', ['run', '-s', 'security:electronegativity']],
];

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

const counts = { passed: 0, failed: 0, skipped: 0 };
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

function addVitest(report) {
  if (!report) return;
  counts.passed += report.numPassedTests ?? 0;
  counts.failed += report.numFailedTests ?? 0;
  counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function addPlaywright(report) {
  if (!report?.stats) return;
  counts.passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
  counts.failed += report.stats.unexpected ?? 0;
  counts.skipped += report.stats.skipped ?? 0;
}

const missingTools = ensureTestTools();
for (const tool of missingTools) console.info(tool.hint);
const chromium = findChromium();
// The configs and benchmarks read CHROMIUM_PATH; a Chromium found elsewhere is handed on to them.
const environment = { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0', ...(chromium ? { CHROMIUM_PATH: chromium } : {}) };

let failedStep = null;
const started = Date.now();
for (const [name, command, args] of steps) {
  if (name === 'e2e' && !chromium) {
    console.info(`\n=== e2e: stopped ===\n${missingTools.find((tool) => tool.name === 'Chromium')?.hint ?? 'Chromium is missing.'}`);
    failedStep = name;
    break;
  }
  const stepStart = Date.now();
  console.info(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: environment });
  console.info(`=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - stepStart) / 1000).toFixed(1)} s ===`);
  if (result.status !== 0) {
    failedStep = name;
    break;
  }
}

addVitest(readJson('reports/vitest.json'));
addVitest(readJson('reports/package.json'));
addPlaywright(readJson('reports/e2e.json'));
addPlaywright(readJson('reports/electron.json'));
if (failedStep && counts.failed === 0) counts.failed = 1;

console.info(`\nAll checks ${failedStep ? `stopped at "${failedStep}"` : 'done'} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.info(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedStep ? 1 : 0);

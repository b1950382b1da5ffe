/**
 * npm run bench:startup (issue 18): from starting Werkbank to the first queue rows on screen, on a
 * first start (an empty data folder: the training environment generates and loads its 500 cases,
 * the local cache fills) and on later starts (everything in place, still signed in). The steps
 * follow the app's order: the training server in a process of its own (as main's utilityProcess,
 * with the app's password hashing), then the data host, then the page in Debian's Chromium with
 * the built renderer (the browser preview stands in for the Electron window, which cannot run here).
 *
 * The training server runs from the app's own bundle (out/main/training-server.js, as main forks
 * it), in a Node child whose parent port is the IPC channel, with the app's password hashing.
 *
 * Goals: first start ≤ 5 s, later starts ≤ 1.5 s. Floor: a bare Node process plus Chromium loading
 * a static page, same run. In the app the window opens first and loads while the training server
 * starts; here the page loads after the host, so these figures overstate the app's by the page's
 * own load. BENCH_STARTUP_LATER runs (default 3) for the later start.
 */
import { fork, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { startPreview } from '../../scripts/preview/server';
import { silentLogger } from '../../src/main/host/log';
import { memorySecretStore } from '../../src/main/host/session/session';
import { tempDir } from '../helpers/temp-dir';
import { median } from './stats';

const rendererDir = join(__dirname, '..', '..', 'out', 'renderer');
const mainBundleDir = join(__dirname, '..', '..', 'out', 'main');
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const laterRuns = Number(process.env['BENCH_STARTUP_LATER'] ?? 3);
const caseCount = Number(process.env['BENCH_STARTUP_CASES'] ?? 500);

function emit(metric: string, value: number, unit: string, floor?: number): void {
  const line: Record<string, unknown> = { bench: 'startup', metric, value: Math.round(value * 10) / 10, unit };
  if (floor !== undefined) line['floor'] = Math.round(floor * 10) / 10;
  console.log(JSON.stringify(line));
}

interface Timings { training: number; host: number; rows: number }

/** One start: the training server, the host, the page, until the first queue row is visible. */
async function start(browser: Browser, dir: string, secrets: ReturnType<typeof memorySecretStore>, signIn: boolean): Promise<Timings> {
  const began = performance.now();
  const child = fork(bundleRunner(dir), [], {
    env: {
      ...process.env, WERKBANK_TRAINING_DATA_DIR: join(dir, 'training'), WERKBANK_TRAINING_CASES: String(caseCount),
      WERKBANK_SERVER_MIGRATIONS: join(mainBundleDir, 'server-migrations'),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.on('message', (message: { type?: string; url?: string; message?: string }) => {
      if (message.type === 'ready' && message.url) resolve(message.url);
      if (message.type === 'fatal') reject(new Error(`the training server failed: ${message.message ?? ''}`));
    });
    child.once('exit', (code) => reject(new Error(`the training server exited (${code})`)));
  });
  const training = performance.now() - began;
  const preview = await startPreview({
    port: 0, rendererDir,
    host: { dataDir: join(dir, 'cache'), appVersion: '0.1.0-bench', logger: silentLogger, serverUrl: url, trainingServer: true, secrets },
  });
  const host = performance.now() - began;
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(preview.pageUrl);
    if (signIn) {
      await page.getByTestId('demo-user').filter({ hasText: 'demo.caseworker' }).click();
      await page.getByTestId('sign-in').getByRole('button', { name: 'Aanmelden' }).click();
    }
    await page.getByTestId('queue-row').first().waitFor({ timeout: 120_000 });
    return { training, host, rows: performance.now() - began };
  } finally {
    await page.close();
    await preview.close();
    // As main stops it: a shutdown message, then it closes its database and exits.
    child.send({ type: 'shutdown' });
    await once(child, 'exit');
  }
}

/**
 * A Node entry that gives the bundle the parent port Electron gives a utility process (here: the
 * IPC channel of a forked child), then loads it.
 */
function bundleRunner(dir: string): string {
  const file = join(dir, 'training-runner.cjs');
  writeFileSync(file, [
    'process.parentPort = {',
    '  postMessage: (message) => process.send(message),',
    '  on: (event, listener) => process.on(event, (data) => listener({ data })),',
    '};',
    `require(${JSON.stringify(join(mainBundleDir, 'training-server.js'))});`,
  ].join('\n'));
  return file;
}

/** The floor: a bare Node process, and Chromium showing a static page. */
async function floor(browser: Browser): Promise<number> {
  const began = performance.now();
  spawnSync(process.execPath, ['-e', 'process.stdout.write("ready\\n")'], { stdio: 'ignore' });
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>floor</title><p>ready</p>');
  await page.close();
  return performance.now() - began;
}

async function main(): Promise<void> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is missing at ${chromiumPath}: install Debian's chromium or set CHROMIUM_PATH`);
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npx electron-vite build` first');
  const dir = tempDir('werkbank-startup-bench-');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const bare = await floor(browser);
    const secrets = memorySecretStore();
    const first = await start(browser, dir.path, secrets, true);
    emit('first_start_training_ready', first.training, 'ms');
    emit('first_start_host_ready', first.host, 'ms');
    emit('first_start_to_queue_rows', first.rows, 'ms', bare);
    const later: Timings[] = [];
    for (let run = 0; run < laterRuns; run++) later.push(await start(browser, dir.path, secrets, false));
    emit('later_start_training_ready_median', median(later.map((timing) => timing.training)), 'ms');
    emit('later_start_host_ready_median', median(later.map((timing) => timing.host)), 'ms');
    emit('later_start_to_queue_rows_median', median(later.map((timing) => timing.rows)), 'ms', bare);
    emit('later_start_to_queue_rows_max', Math.max(...later.map((timing) => timing.rows)), 'ms', bare);
  } finally {
    await browser.close();
    dir.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

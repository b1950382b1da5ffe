/**
 * The inbound half of `npm run bench:messages` (issue 16): an applicant's message posted to the
 * central API's intake (what My IND and `npm run simulate` do) until it is on the caseworker's
 * screen — the in-app notification of the built renderer in Debian's Chromium, signed in as
 * demo.caseworker on the browser preview, against a training server in a process of its own.
 *
 * With the poke channel (the app's default): p95 of BENCH_MESSAGES_INBOUND (default 20) messages,
 * goal ≤ 2 s. With polling only (the poke channel refused by the host's network, as behind a proxy
 * that drops server-sent events): BENCH_MESSAGES_POLLED (default 3) messages at the app's polling
 * interval. Floor: the intake POST's own round trip, same run.
 *
 * Opening a thread of 200 messages: from the click on the thread in the case's Messages tab to its
 * 200 messages on screen, p95 of BENCH_MESSAGES_OPENS (default 10), goal ≤ 100 ms. Floor: the same
 * messages.thread call through the page's bridge.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startPreview, type Preview } from '../../scripts/preview/server';
import { silentLogger } from '../../src/main/host/log';
import type { DatasetCase } from '../../src/server/training/dataset';
import { tempDir } from '../helpers/temp-dir';
import { median, p95 } from './stats';
import { startTrainingProcess, stopTrainingProcess } from './training-child';

export type Emit = (metric: string, value: number, unit: string, floor?: number) => void;

const rendererDir = join(__dirname, '..', '..', 'out', 'renderer');
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const intakeToken = 'bench-intake-token-not-a-secret';
const pokedSamples = Number(process.env['BENCH_MESSAGES_INBOUND'] ?? 20);
const polledSamples = Number(process.env['BENCH_MESSAGES_POLLED'] ?? 3);
const opens = Number(process.env['BENCH_MESSAGES_OPENS'] ?? 10);
const longThread = 200;

type BridgeGlobal = { werkbank: { messages: {
  threads(args: { caseId: string }): Promise<{ threads: { id: string; subject: string; messageCount: number }[] }>;
  thread(args: { threadId: string }): Promise<unknown>;
} } };

async function postMessage(serverUrl: string, body: Record<string, unknown>): Promise<{ id: string; caseId: string }> {
  const response = await fetch(`${serverUrl}/intake/messages`, {
    method: 'POST', headers: { authorization: `Bearer ${intakeToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`the intake answered ${response.status}`);
  return await response.json() as { id: string; caseId: string };
}

/** A thread of 200 messages on one case, then the time from a click on it to all of them on screen. */
async function openLongThread(page: Page, serverUrl: string, caseNumber: string): Promise<{ opened: number[]; calls: number[] }> {
  const subject = 'Lange draad voor de benchmark';
  const first = await postMessage(serverUrl, { caseNumber, subject, counterpart: 'applicant', body: 'Bericht 0 van de lange draad.' });
  const threadOf = async () => (await page.evaluate(async ({ caseId, wanted }) => (await (globalThis as unknown as BridgeGlobal).werkbank.messages.threads({ caseId }))
    .threads.find((thread) => thread.subject === wanted) ?? null, { caseId: first.caseId, wanted: subject }));
  let thread = await threadOf();
  for (let tries = 0; thread === null && tries < 300; tries++) {
    await page.waitForTimeout(100);
    thread = await threadOf();
  }
  if (!thread) throw new Error('the long thread did not reach the host');
  const threadId = thread.id;
  for (let index = 1; index < longThread; index++) {
    await postMessage(serverUrl, { caseNumber, threadId, counterpart: 'applicant', body: `Bericht ${index} van de lange draad, met een vraag over de aanvraag.` });
  }
  for (let tries = 0; (thread?.messageCount ?? 0) < longThread && tries < 600; tries++) {
    await page.waitForTimeout(100);
    thread = await threadOf();
  }
  // A fresh page: the notifications of 200 messages are not what is measured.
  await page.goto(`${page.url().split('#')[0] ?? ''}#/case/${first.caseId}`);
  await page.getByTestId('tab-messages').click();
  const rows = page.getByTestId('thread-row');
  await rows.first().waitFor();
  const other = rows.filter({ hasNotText: subject }).first();
  const opened: number[] = [];
  const calls: number[] = [];
  for (let run = -1; run < opens; run++) {
    await other.click();
    await page.locator('[data-testid="thread-open"]').filter({ hasNotText: subject }).waitFor();
    const elapsed = await page.evaluate(async ({ id, count }) => {
      const row = document.querySelector<HTMLElement>(`[data-testid="thread-row"][data-thread-id="${id}"]`);
      const started = performance.now();
      row?.click();
      // No named function in here: tsx would wrap it in a helper the page does not have.
      while (document.querySelectorAll('[data-testid="thread-messages"] [data-testid="message"]').length < count) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return performance.now() - started;
    }, { id: threadId, count: longThread });
    const call = await page.evaluate(async (id) => {
      const started = performance.now();
      await (globalThis as unknown as BridgeGlobal).werkbank.messages.thread({ threadId: id });
      return performance.now() - started;
    }, threadId);
    if (run >= 0) {
      opened.push(elapsed);
      calls.push(call);
    }
  }
  return { opened, calls };
}


/** The host's network: with `pokeDown`, the poke channel (GET /sync/events) gets no answer. */
function hostFetch(pokeDown: boolean): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return pokeDown && url.endsWith('/sync/events') ? Promise.reject(new TypeError('fetch failed: no server-sent events here')) : fetch(input, init);
  };
}

async function signedIn(browser: Browser, preview: Preview): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(preview.pageUrl);
  await page.getByTestId('demo-user').filter({ hasText: 'demo.caseworker' }).click();
  await page.getByTestId('sign-in').getByRole('button', { name: 'Aanmelden' }).click();
  await page.locator('[data-testid="sync-indicator"][data-state="online"]').waitFor({ timeout: 60_000 });
  return page;
}

/** Posts one message and waits for its notification; returns the latency and the POST's own time (ms). */
async function oneMessage(page: Page, serverUrl: string, caseNumber: string, index: number, timeoutMs: number): Promise<{ latency: number; post: number }> {
  const started = Date.now();
  const response = await fetch(`${serverUrl}/intake/messages`, {
    method: 'POST', headers: { authorization: `Bearer ${intakeToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ caseNumber, subject: `Vraag ${index}`, counterpart: 'applicant', body: `Bericht ${index} voor de benchmark.` }),
  });
  const post = Date.now() - started;
  if (response.status !== 201) throw new Error(`the intake answered ${response.status}`);
  const { id } = await response.json() as { id: string };
  const notification = page.locator(`[data-message-id="${id}"]`);
  await notification.waitFor({ timeout: timeoutMs });
  const seenAt = await page.evaluate(() => performance.timeOrigin + performance.now());
  // Closed again, so the next one is not queued behind Mantine's limit of shown notifications.
  await notification.getByRole('button').last().click().catch(() => undefined);
  return { latency: seenAt - started, post };
}

async function run(pokeDown: boolean, samples: number, timeoutMs: number): Promise<{ latencies: number[]; posts: number[]; thread: { opened: number[]; calls: number[] } | null }> {
  const dir = tempDir('werkbank-messages-bench-');
  const training = await startTrainingProcess(join(dir.path, 'training'), { cases: 40, intakeToken });
  let browser: Browser | undefined;
  const preview = await startPreview({
    port: 0, rendererDir,
    host: { dataDir: join(dir.path, 'cache'), appVersion: '0.1.0-bench', logger: silentLogger, serverUrl: training.url, trainingServer: true, fetch: hostFetch(pokeDown) },
  });
  try {
    const cases = readFileSync(join(training.datasetFolder, 'cases.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as DatasetCase);
    const mine = cases.filter((kase) => kase.assignee === 'demo.caseworker').map((kase) => kase.caseNumber);
    if (mine.length === 0) throw new Error('the dataset has no case of demo.caseworker');
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const page = await signedIn(browser, preview);
    const latencies: number[] = [];
    const posts: number[] = [];
    // One untimed message first: the first pull after sign-in warms the host and the page.
    for (let index = -1; index < samples; index++) {
      const timed = await oneMessage(page, training.url, mine[(index + 1) % mine.length] ?? '', index, timeoutMs);
      if (index >= 0) {
        latencies.push(timed.latency);
        posts.push(timed.post);
      }
      await page.waitForTimeout(200);
    }
    const thread = pokeDown || opens === 0 ? null : await openLongThread(page, training.url, mine[0] ?? '');
    return { latencies, posts, thread };
  } finally {
    await browser?.close();
    await preview.close();
    await stopTrainingProcess(training);
    dir.remove();
  }
}

export async function measureInbound(emit: Emit): Promise<void> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is missing at ${chromiumPath}: install Debian's chromium or set CHROMIUM_PATH`);
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npx electron-vite build` first');
  const poked = await run(false, pokedSamples, 30_000);
  emit('inbound_to_screen_poke_p95', p95(poked.latencies), 'ms', p95(poked.posts));
  emit('inbound_to_screen_poke_max', Math.max(...poked.latencies), 'ms');
  if (poked.thread) {
    emit('open_thread_200_messages_p95', p95(poked.thread.opened), 'ms', p95(poked.thread.calls));
    emit('open_thread_200_messages_median', median(poked.thread.opened), 'ms');
  }
  if (polledSamples > 0) {
    const polled = await run(true, polledSamples, 150_000);
    emit('inbound_to_screen_polling_max', Math.max(...polled.latencies), 'ms', p95(polled.posts));
    emit('inbound_to_screen_polling_mean', polled.latencies.reduce((sum, value) => sum + value, 0) / polled.latencies.length, 'ms');
  }
}

/**
 * The browser half of `npm run bench:queue`: the real queue screen in Chromium on the browser
 * preview, whose host opens the pre-filled cache without a central API (no sign-in; the Team tab
 * then holds every open case). Measures when the first queue rows are painted (after navigation and
 * after clicking the queue in the navigation), and the frames while the queue's scroll container is
 * scrolled from the first to the last of its rows, and while it is wheel-scrolled.
 *
 * The page is probed by a plain script (queue-probe.ts) installed before the app's own scripts;
 * what it reports back is checked with zod here. Figures only, no assertions.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { z } from 'zod';
import { startPreview } from '../../scripts/preview/server';
import { silentLogger } from '../../src/main/host/log';
import { probeScript } from './queue-probe';

const rendererDir = join(__dirname, '..', '..', 'out', 'renderer');
const scrollSeconds = Number(process.env['BENCH_QUEUE_SCROLL_SECONDS'] ?? 10);
const wheelSeconds = Number(process.env['BENCH_QUEUE_WHEEL_SECONDS'] ?? 4);
const navigations = 3;
const navClicks = 5;

type Emit = (metric: string, value: number, unit: string) => void;

/** The probe's methods (queue-probe.ts); what they answer is checked with zod on this side. */
type ProbeMethod = 'loadTimes' | 'armRows' | 'scrollThrough' | 'scrollToTop' | 'startFrames' | 'stopFrames';
type ProbeGlobal = { __queueBench: { rows: unknown } & Record<ProbeMethod, (...values: number[]) => unknown> };

/**
 * Calls a probe method in the page. A function, not a string: the app's CSP forbids eval, which
 * Playwright uses for strings. It is serialised into the page, so it must not call helpers of this file.
 */
function callProbe(page: Page, method: ProbeMethod, ...values: number[]): Promise<unknown> {
  return page.evaluate(([name, args]) => (globalThis as unknown as ProbeGlobal).__queueBench[name](...args), [method, values] as const);
}

const paintTimes = z.object({ inDom: z.number(), painted: z.number(), since: z.number() });
const loadTimes = z.object({ firstContentfulPaint: z.number().nullable(), ready: z.number().nullable() });
const frames = z.object({
  deltas: z.array(z.number()),
  longFrames: z.array(z.object({
    start: z.number(), duration: z.number(), blocking: z.number(), styleAndLayout: z.number(), renderStart: z.number(),
    scripts: z.array(z.object({
      invoker: z.string(), duration: z.number(), forcedStyleAndLayout: z.number(), scriptStart: z.number(), functionName: z.string(),
    })),
  })),
  longFramesSupported: z.boolean(),
  /** Diagnostics: the page time of every animation frame. */
  times: z.array(z.number()),
});
const scrollOutcome = frames.extend({ lastIndex: z.number(), bottomPainted: z.number().nullable(), tops: z.array(z.number()) });

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/** Waits for the probe's first-rows figures: rows in the DOM and painted, in page time. */
async function firstRows(page: Page, timeoutMilliseconds = 60_000): Promise<z.infer<typeof paintTimes>> {
  const handle = await page.waitForFunction(() => (globalThis as unknown as ProbeGlobal).__queueBench.rows, undefined, { timeout: timeoutMilliseconds, polling: 50 });
  return paintTimes.parse(await handle.jsonValue());
}

/**
 * Diagnostics on stderr: where each missed frame (interval over 20 ms) fell, as frame number, page
 * time, the scrollTop the probe set (scroll phase) and the long animation frames overlapping it.
 */
function reportMissedFrames(prefix: string, figures: z.infer<typeof frames> & { tops?: readonly number[] }): void {
  const round = (value: number): number => Math.round(value * 10) / 10;
  for (let index = 1; index < figures.times.length; index += 1) {
    const end = figures.times[index] ?? 0;
    const begin = figures.times[index - 1] ?? 0;
    if (end - begin <= 20) continue;
    const top = figures.tops?.[index - 1];
    const overlapping = figures.longFrames.filter((frame) => frame.start < end && frame.start + frame.duration > begin).map((frame) => {
      const scripts = frame.scripts.map((script) => `${script.invoker} ${script.functionName} ${round(script.duration)} ms at ${round(script.scriptStart - begin)}`).join(', ');
      return `LoAF ${round(frame.duration)} ms from ${round(frame.start - begin)} (render at ${round(frame.renderStart - begin)}, style+layout ${round(frame.styleAndLayout)} ms) [${scripts}]`;
    });
    console.error(`# ${prefix} missed frame ${index}/${figures.times.length - 1}: ${round(end - begin)} ms at ${round(begin)} ms`
      + `${top === undefined ? '' : `, scrollTop ${top} (row ${Math.floor(top / 52)})`}${overlapping.length > 0 ? `; ${overlapping.join('; ')}` : ''}`);
  }
}

/** Frame figures of one phase: rAF intervals (what a user sees) and long animation frames (≥ 50 ms, with their causes' total). */
function emitFrames(emit: Emit, prefix: string, figures: z.infer<typeof frames>): void {
  reportMissedFrames(prefix, figures);
  const deltas = [...figures.deltas].sort((left, right) => left - right);
  // A frame that misses its 16.7 ms slot shows as an interval of two slots; 20 ms leaves room for timer jitter.
  const missed = deltas.filter((delta) => delta > 20).length;
  emit(`${prefix}_frames`, deltas.length, 'frames');
  emit(`${prefix}_longest_frame`, deltas.at(-1) ?? Number.NaN, 'ms');
  emit(`${prefix}_frame_p99`, deltas[Math.max(0, Math.ceil(deltas.length * 0.99) - 1)] ?? Number.NaN, 'ms');
  emit(`${prefix}_frames_over_16ms`, missed, 'frames');
  if (!figures.longFramesSupported) return;
  const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
  emit(`${prefix}_long_animation_frames`, figures.longFrames.length, 'frames');
  emit(`${prefix}_longest_animation_frame`, Math.max(0, ...figures.longFrames.map((frame) => frame.duration)), 'ms');
  // Where the long frames' time went: scripts, and style + layout of the rendering.
  emit(`${prefix}_long_frames_total`, sum(figures.longFrames.map((frame) => frame.duration)), 'ms');
  emit(`${prefix}_long_frames_script`, sum(figures.longFrames.flatMap((frame) => frame.scripts.map((script) => script.duration))), 'ms');
  emit(`${prefix}_long_frames_style_layout`, sum(figures.longFrames.map((frame) => frame.styleAndLayout)), 'ms');
  emit(`${prefix}_long_frames_forced_layout_in_scripts`, sum(figures.longFrames.flatMap((frame) => frame.scripts.map((script) => script.forcedStyleAndLayout))), 'ms');
  const byInvoker = new Map<string, number>();
  for (const script of figures.longFrames.flatMap((frame) => frame.scripts)) byInvoker.set(script.invoker, (byInvoker.get(script.invoker) ?? 0) + script.duration);
  const top = [...byInvoker].sort((left, right) => right[1] - left[1]).slice(0, 5).map(([invoker, total]) => `${invoker} ${Math.round(total)} ms`);
  if (top.length > 0) console.error(`# ${prefix} long-frame scripts by invoker: ${top.join('; ')}`);
}

const viewport = { width: 1440, height: 900 };
const traceCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8.execute', 'blink.user_timing', 'v8', 'disabled-by-default-v8.gc', 'disabled-by-default-v8.cpu_profiler'];

interface App {
  page: Page;
  /** queue.list calls the page has sent to the host so far (the preview's WebSocket). */
  queueCalls: () => number;
  close: () => Promise<void>;
}

/** A fresh page with the probe installed, opened on the preview (the queue is the start screen). */
async function openApp(browser: Browser, pageUrl: string): Promise<App> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  let queueCalls = 0;
  page.on('websocket', (socket) => socket.on('framesent', (frame) => {
    if (typeof frame.payload === 'string' && frame.payload.includes('"method":"queue.list"')) queueCalls += 1;
  }));
  await page.addInitScript({ content: probeScript });
  await page.goto(pageUrl);
  return { page, queueCalls: () => queueCalls, close: () => context.close() };
}

/** (a) Navigation to the first painted rows, each time in a fresh context (nothing remembered between them). */
async function measureNavigation(browser: Browser, pageUrl: string, emit: Emit): Promise<void> {
  const painted: number[] = [];
  const inDom: number[] = [];
  const contentfulPaints: number[] = [];
  const readies: number[] = [];
  for (let attempt = 0; attempt < navigations; attempt++) {
    const app = await openApp(browser, pageUrl);
    const rows = await firstRows(app.page);
    painted.push(rows.painted);
    inDom.push(rows.inDom);
    await app.page.locator('html[data-ready="true"]').waitFor();
    const load = loadTimes.parse(await callProbe(app.page, 'loadTimes'));
    if (load.firstContentfulPaint !== null) contentfulPaints.push(load.firstContentfulPaint);
    if (load.ready !== null) readies.push(load.ready);
    await app.close();
  }
  emit('first_rows_painted_after_navigation_median', median(painted), 'ms');
  emit('first_rows_painted_after_navigation_max', Math.max(...painted), 'ms');
  emit('first_rows_in_dom_after_navigation_median', median(inDom), 'ms');
  // Where the time before the first rows goes: the first paint of anything, and the app's readiness signal.
  if (contentfulPaints.length > 0) emit('first_contentful_paint_median', median(contentfulPaints), 'ms');
  if (readies.length > 0) emit('app_ready_after_navigation_median', median(readies), 'ms');
}

/** (b) From a click on the queue in the navigation (coming back from the dashboard) to painted rows. */
async function measureQueueClick(page: Page, emit: Emit): Promise<void> {
  const sinceClick: number[] = [];
  for (let attempt = 0; attempt < navClicks; attempt++) {
    await page.getByTestId('nav-dashboard').click();
    await page.locator('[data-testid="queue-row"]').first().waitFor({ state: 'detached' });
    await callProbe(page, 'armRows');
    await page.getByTestId('nav-queue').click();
    const rows = await firstRows(page);
    sinceClick.push(rows.painted - rows.since);
  }
  emit('first_rows_painted_after_queue_click_median', median(sinceClick), 'ms');
  emit('first_rows_painted_after_queue_click_max', Math.max(...sinceClick), 'ms');
}

/** (c) The queue at rest, then top to bottom through every row with a scrollTop step per animation frame. */
async function measureScroll(app: App, expectedRows: number, emit: Emit): Promise<void> {
  const { page } = app;
  await page.getByTestId('queue-tab-team').click();
  await page.locator('[data-testid="queue-row"][data-index="0"]').waitFor();
  // At rest first: what the machine and the idle app cost, to read the scrolling figures against.
  await page.waitForTimeout(500);
  await callProbe(page, 'startFrames');
  await page.waitForTimeout(2000);
  emitFrames(emit, 'idle', frames.parse(await callProbe(page, 'stopFrames')));
  const callsBefore = app.queueCalls();
  const scrolled = scrollOutcome.parse(await callProbe(page, 'scrollThrough', scrollSeconds * 1000, expectedRows));
  emit('scroll_duration', scrollSeconds * 1000, 'ms');
  // Windows asked of the host while scrolling and settling: each is a query the host answers in turn.
  emit('scroll_queue_calls', app.queueCalls() - callsBefore, 'calls');
  emit('scroll_last_row_index', scrolled.lastIndex, 'index');
  emitFrames(emit, 'scroll', scrolled);
  if (scrolled.bottomPainted !== null) emit('scroll_bottom_rows_painted_after_stop', scrolled.bottomPainted, 'ms');
}

/** (d) Mouse-wheel scrolling from the top, input through the compositor as a mouse gives it: 300 px steps, about 100 rows a second. */
async function measureWheel(page: Page, emit: Emit): Promise<void> {
  await callProbe(page, 'scrollToTop');
  await page.locator('[data-testid="queue-row"][data-index="0"]').waitFor();
  const box = await page.getByTestId('queue-scroll').boundingBox();
  if (!box) throw new Error('the queue has no scroll container on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await callProbe(page, 'startFrames');
  const started = Date.now();
  while (Date.now() - started < wheelSeconds * 1000) {
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(30);
  }
  emitFrames(emit, 'wheel', frames.parse(await callProbe(page, 'stopFrames')));
}

/** Runs the browser half against the cache in `dataDir` (whose Team tab holds `expectedRows` rows) and prints its figures. */
export async function measureBrowser(dataDir: string, expectedRows: number, emit: Emit): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` before the queue benchmark');
  const preview = await startPreview({ port: 0, rendererDir, host: { dataDir, appVersion: '0.1.0-bench', logger: silentLogger } });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    await measureNavigation(browser, preview.pageUrl, emit);
    const app = await openApp(browser, preview.pageUrl);
    await firstRows(app.page);
    await app.page.locator('html[data-ready="true"]').waitFor();
    await measureQueueClick(app.page, emit);
    // Diagnostics: BENCH_QUEUE_TRACE=dir writes a Chromium trace of each phase (it slows the page: figures then are not comparable).
    const traceDir = process.env['BENCH_QUEUE_TRACE'];
    const traced = async (name: string, phase: () => Promise<void>): Promise<void> => {
      if (!traceDir) return phase();
      await browser?.startTracing(app.page, { path: join(traceDir, `queue-${name}.json`), categories: traceCategories });
      await phase();
      await browser?.stopTracing();
    };
    await traced('scroll', () => measureScroll(app, expectedRows, emit));
    await traced('wheel', () => measureWheel(app.page, emit));
    await app.close();
  } finally {
    await browser?.close();
    await preview.close();
  }
}

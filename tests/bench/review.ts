/**
 * npm run bench:review — the case screen (issue 8). Needs the built renderer (npm run build) and
 * Debian's Chromium. Prints one JSON object per line: {"bench","metric","value","unit","floor"?}.
 *
 * 1. Time to the first rendered page of a 300-page PDF on the case screen: from the click on its
 *    document tab to the frame's page 1 on screen (the case screen's render, transfer to the frame,
 *    pdf.js parse and draw), median of 5: in a case at rest (its documents fetched, read for the
 *    assistant and parsed by the viewer while idle), and cold (the first time the report is shown,
 *    right after the case opened: fetched from the host if not yet, and parsed); also to its text
 *    layer laid out as well. The floor is pdf.js's own rendering of that first page
 *    in the same Chromium (getDocument + getPage + render on a plain page, bytes in memory, parsed in
 *    pdf.js's worker as the viewer must), median of 5; pdf.js without a worker is printed beside it.
 *    BENCH_REVIEW_TRACE=1 prints each switch's steps; BENCH_REVIEW_PROFILE=dir profiles the last one.
 * 2. Case open to data visible with 100,000 cases in the cache: from the hash change to the case
 *    screen showing the case, median over 9 cases; and the host's review.case read alone.
 * No assertions: this is a measurement. Goals: first page ≤ 500 ms and ≤ 1.5× the floor; case open ≤ 150 ms.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import type * as PdfJs from 'pdfjs-dist';
import { startPreview } from '../../scripts/preview/server';
import { silentLogger } from '../../src/main/host/log';
import { openDocument } from '../../src/main/host/documents/handlers';
import { ReviewReader } from '../../src/main/host/review/case';
import type { DatasetCase } from '../../src/server/training/dataset';
import { tempDir } from '../helpers/temp-dir';
import { fillCache } from './review-cache';
import { startTrainingProcess, stopTrainingProcess } from './training-child';

const rendererDir = join(__dirname, '..', '..', 'out', 'renderer');
const runs = 5;
const profileDir = process.env['BENCH_REVIEW_PROFILE'];

function emit(metric: string, value: number, unit: string, floor?: number): void {
  const rounded = (figure: number) => Math.round(figure * 10) / 10;
  console.log(JSON.stringify({ bench: 'review', metric, value: rounded(value), unit, ...(floor === undefined ? {} : { floor: rounded(floor) }) }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
}

/**
 * Milliseconds from clicking a document tab to its page 1 on screen in the viewer frame (the canvas
 * drawn: data-painted) and to its text layer ready as well (data-drawn); zeros when already shown.
 */
async function timeTabToFirstPage(page: Page, documentId: string, settleMilliseconds = 1000): Promise<{ painted: number; withText: number; parsed: boolean }> {
  if (await page.locator(`[data-testid="document-tab"][data-document-id="${documentId}"][aria-selected="true"]`).count() > 0) return { painted: 0, withText: 0, parsed: false };
  const frame = page.frames().find((candidate) => candidate.url().endsWith('/viewer/index.html'));
  if (!frame) throw new Error('no viewer frame');
  await frame.evaluate(() => {
    const box = document.getElementById('page') as HTMLElement;
    type Probe = { paintedAt: number | null; drawnAt: number | null; parsed: boolean; observer?: MutationObserver; statusObserver?: MutationObserver };
    const state = window as unknown as Probe;
    state.observer?.disconnect();
    state.statusObserver?.disconnect();
    state.paintedAt = null;
    state.drawnAt = null;
    // The viewer says "loading" only while it parses: a document kept parsed shows without it.
    state.parsed = false;
    const status = document.getElementById('status') as HTMLElement;
    state.statusObserver = new MutationObserver(() => {
      if (status.textContent) state.parsed = true;
    });
    state.statusObserver.observe(status, { childList: true, characterData: true, subtree: true });
    // Page 1 of the document asked for: the attributes are removed when its drawing starts, then set.
    let cleared = false;
    state.observer = new MutationObserver(() => {
      if (!box.dataset['painted']) cleared = true;
      if (!cleared) return;
      if (box.dataset['painted'] === '1' && state.paintedAt === null) state.paintedAt = Date.now();
      if (box.dataset['drawn'] === '1' && state.drawnAt === null) state.drawnAt = Date.now();
    });
    state.observer.observe(box, { attributes: true, attributeFilter: ['data-painted', 'data-drawn'] });
  });
  if (process.env['BENCH_REVIEW_TRACE']) {
    await frame.evaluate(`window.addEventListener('message', (event) => { if (event.data && event.data.type === 'open') window.openAt = Date.now(); })`);
  }
  // From a screen at rest, as a person switches after looking at a page (and as the floor runs):
  // the previous switch's background work (the left pane, the thumbnail strip) has finished.
  await page.waitForTimeout(settleMilliseconds);
  const started = await page.evaluate((id) => {
    performance.mark('tab click');
    const tab = document.querySelector<HTMLElement>(`[data-testid="document-tab"][data-document-id="${id}"]`);
    const at = Date.now();
    tab?.click();
    return at;
  }, documentId);
  await frame.waitForFunction(() => (window as unknown as { drawnAt: number | null }).drawnAt !== null, undefined, { timeout: 60_000, polling: 5 });
  const { paintedAt, drawnAt, parsed } = await frame.evaluate(() => {
    const state = window as unknown as { paintedAt: number; drawnAt: number; parsed: boolean };
    return { paintedAt: state.paintedAt, drawnAt: state.drawnAt, parsed: state.parsed };
  });
  if (process.env['BENCH_REVIEW_TRACE']) {
    const frameOpen = await frame.evaluate('window.openAt') as number;
    console.error(`click→frame open ${frameOpen - started} ms, frame open→painted ${paintedAt - frameOpen} ms, →text layer ${drawnAt - frameOpen} ms`);
  }
  return { painted: paintedAt - started, withText: drawnAt - started, parsed };
}

/**
 * Where the time of a switch goes (BENCH_REVIEW_PROFILE=dir): a Chromium trace of every process
 * (trace.json; the click is the user-timing mark 'tab click') and a CPU profile of the app's page
 * (app-cpu.cpuprofile), both openable in Chromium's DevTools. Returns the function that stops both.
 */
async function startProfiling(browser: Browser, page: Page, dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  await browser.startTracing(undefined, {
    path: join(dir, 'trace.json'),
    categories: ['devtools.timeline', 'toplevel', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(join(dir, 'app-cpu.cpuprofile'), JSON.stringify(profile));
    await cdp.detach();
    await browser.stopTracing();
  };
}

/**
 * pdf.js alone on a plain page: getDocument, getPage(1) and render at the viewer's scale, in
 * milliseconds. `worker`: parsing in pdf.js's worker, started once before the runs (as the viewer
 * keeps one warm); the page has an http origin, so pdf.js's module worker starts from its blob: URL.
 * `main thread`: no worker at all (pdf.js's fallback, which it warns about as a "fake worker"):
 * no messages between threads, but the page is blocked while the file is parsed.
 */
async function pdfJsFloor(browser: Browser, bytes: Uint8Array, scale: number, mode: 'worker' | 'main thread'): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const root = join(__dirname, '..', '..', 'node_modules', 'pdfjs-dist', 'build');
  const html = '<!doctype html><html><body><canvas id="c"></canvas></body></html>';
  if (mode === 'worker') {
    const origin = 'http://pdfjs-floor.localhost';
    await page.route(`${origin}/**`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(`${origin}/`);
  } else {
    // about:blank has an opaque origin, where Chromium refuses pdf.js's module worker from a blob: URL.
    await page.setContent(html);
  }
  await page.addScriptTag({ content: `${readFileSync(join(root, 'pdf.min.mjs'), 'utf8')}\nwindow.pdfjs = globalThis.pdfjsLib;`, type: 'module' });
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  await page.evaluate(async ({ worker, useWorker, data }) => {
    const lib = (globalThis as unknown as { pdfjsLib: typeof PdfJs }).pdfjsLib;
    (globalThis as unknown as { floorBytes: Uint8Array }).floorBytes = new Uint8Array(data);
    lib.GlobalWorkerOptions.workerSrc = URL.createObjectURL(new Blob([worker], { type: 'text/javascript' }));
    if (useWorker) {
      const scope = globalThis as unknown as { floorWorker?: PdfJs.PDFWorker };
      scope.floorWorker = new lib.PDFWorker();
      await scope.floorWorker.promise;
    }
  }, { worker: readFileSync(join(root, 'pdf.worker.min.mjs'), 'utf8'), useWorker: mode === 'worker', data: [...bytes] });
  const times: number[] = [];
  // One run first, untimed, as the viewer's worker has seen a document before the timed switches.
  for (let run = -1; run < runs; run++) {
    const elapsed = await page.evaluate(async (viewScale) => {
      const scope = globalThis as unknown as { pdfjsLib: typeof PdfJs; floorWorker?: PdfJs.PDFWorker; floorBytes: Uint8Array };
      const lib = scope.pdfjsLib;
      const worker = scope.floorWorker;
      // A copy per run, made before the clock starts: pdf.js transfers the bytes to its worker.
      const data = scope.floorBytes.slice();
      const started = performance.now();
      const task = lib.getDocument({ data, ...(worker ? { worker } : {}) });
      const pdf = await task.promise;
      const first = await pdf.getPage(1);
      const viewport = first.getViewport({ scale: viewScale });
      const canvas = document.getElementById('c') as HTMLCanvasElement;
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      await first.render({ canvas, viewport }).promise;
      const elapsed = performance.now() - started;
      await task.destroy();
      return elapsed;
    }, scale);
    if (run >= 0) times.push(elapsed);
  }
  const fellBack = warnings.some((text) => text.includes('fake worker'));
  await page.close();
  if ((mode === 'worker') === fellBack) throw new Error(`the ${mode} floor ran pdf.js ${fellBack ? 'without' : 'with'} its worker`);
  return times;
}

async function firstPageOf300(browser: Browser): Promise<void> {
  const dir = tempDir('werkbank-review-bench-');
  const training = await startTrainingProcess(join(dir.path, 'training'), { cases: 120 });
  const preview = await startPreview({
    port: 0, rendererDir,
    host: { dataDir: join(dir.path, 'cache'), appVersion: '0.1.0-bench', logger: silentLogger, serverUrl: training.url, trainingServer: true },
  });
  try {
    const cases = readFileSync(join(training.datasetFolder, 'cases.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as DatasetCase);
    const kase = cases.find((candidate) => candidate.documents.some((document) => document.pageCount === 300 && !document.broken) && candidate.documents.length > 1);
    const report = kase?.documents.find((document) => document.pageCount === 300);
    const other = kase?.documents.find((document) => document !== report && !document.broken);
    if (!kase || !report || !other) throw new Error('the dataset has no case with a 300-page PDF');
    if (process.env['BENCH_REVIEW_TRACE']) {
      console.error(`case ${kase.id}: ${kase.documents.map((document) => `${document.kind} ${document.pageCount}p ${Math.round(document.size / 1024)} KiB`).join(', ')}`);
    }
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(preview.pageUrl);
    // The trainer sees every case of the training environment.
    await page.getByTestId('demo-user').filter({ hasText: 'demo.trainer' }).click();
    await page.getByTestId('sign-in').getByRole('button', { name: 'Aanmelden' }).click();
    // Bootstrapped: the sync indicator is back online.
    await page.locator('[data-testid="sync-indicator"][data-state="online"]').waitFor({ timeout: 60_000 });
    await page.evaluate((id) => {
      window.location.hash = `#/case/${id}`;
    }, kase.id);
    const openCase = async (): Promise<void> => {
      await page.evaluate((id) => {
        window.location.hash = `#/case/${id}`;
      }, kase.id);
      await page.getByTestId('case-screen').waitFor();
      await page.frameLocator('[data-testid="document-viewer"]').locator('#page[data-drawn]').waitFor({ state: 'attached', timeout: 60_000 });
    };
    await page.getByTestId('case-screen').waitFor();
    await page.frameLocator('[data-testid="document-viewer"]').locator('#page[data-drawn]').waitFor({ state: 'attached', timeout: 60_000 });
    if (process.env['BENCH_REVIEW_TRACE']) console.error(`tabs: ${(await page.getByTestId('document-tab').allTextContents()).join(', ')}`);
    // Cold: the report shown for the first time after the case opened (its first document on screen,
    // the others still being read), so its bytes may still have to come from the host and it is parsed.
    const cold: number[] = [];
    let coldParsed = 0;
    for (let run = 0; run < runs; run++) {
      if (run > 0) {
        await page.evaluate(() => {
          window.location.hash = '#/queue';
        });
        await page.getByTestId('case-screen').waitFor({ state: 'detached' });
        await openCase();
      }
      // At once: before the viewer, idle, would have parsed it.
      const timed = await timeTabToFirstPage(page, report.id, 0);
      cold.push(timed.painted);
      if (timed.parsed) coldParsed += 1;
    }
    await page.evaluate(() => {
      window.location.hash = '#/queue';
    });
    await page.getByTestId('case-screen').waitFor({ state: 'detached' });
    await openCase();
    // Steady state: the assistant has read every document (its reading badge is gone).
    await page.getByText(/documenten? lezen/).waitFor({ state: 'detached', timeout: 120_000 });
    const transfer: number[] = [];
    for (let run = 0; run < runs; run++) {
      transfer.push(await page.evaluate(`(async () => {
        const started = performance.now();
        const answer = await window.werkbank.documents.open({ documentId: '${report.id}' });
        return answer.bytes.byteLength && performance.now() - started;
      })()`));
    }
    emit('documents_open_300_pages_median', median(transfer), 'ms');
    if (process.env['BENCH_REVIEW_TRACE']) {
      const info: number[] = [];
      for (let run = 0; run < runs; run++) info.push(await page.evaluate(`(async () => { const s = performance.now(); await window.werkbank.app.info(); return performance.now() - s; })()`));
      console.error('app.info', info.map(Math.round).join(' '), 'documents.open', transfer.map(Math.round).join(' '));
    }
    const direct: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      if (preview.host.sync) await openDocument(preview.host.sync, report.id);
      direct.push(performance.now() - started);
    }
    emit('host_documents_open_300_pages_median', median(direct), 'ms');
    emit('document_300_pages_size', report.size / 1024, 'KiB');
    const times: number[] = [];
    const withText: number[] = [];
    let warmParsed = 0;
    for (let run = 0; run < runs; run++) {
      await timeTabToFirstPage(page, other.id);
      const profiled = profileDir && run === runs - 1 ? await startProfiling(browser, page, profileDir) : null;
      const timed = await timeTabToFirstPage(page, report.id);
      await profiled?.();
      times.push(timed.painted);
      withText.push(timed.withText);
      if (timed.parsed) warmParsed += 1;
    }
    const scale = await page.frames().find((frame) => frame.url().endsWith('/viewer/index.html'))
      ?.evaluate(() => Number(getComputedStyle(document.getElementById('page') as HTMLElement).getPropertyValue('--total-scale-factor')) || 1) ?? 1;
    const pdfBytes = readFileSync(join(training.datasetFolder, 'blobs', `${report.sha256}.pdf`));
    const floor = await pdfJsFloor(browser, pdfBytes, scale, 'worker');
    const mainThread = await pdfJsFloor(browser, pdfBytes, scale, 'main thread');
    // Switching to the report in a case at rest: the viewer has parsed the case's documents while idle.
    emit('first_page_300_pages_median', median(times), 'ms', median(floor));
    emit('first_page_300_pages_ratio_to_pdfjs', median(times) / median(floor), 'x');
    emit('first_page_300_pages_switches_that_parsed', warmParsed, 'of 5');
    emit('first_page_300_pages_cold_median', median(cold), 'ms', median(floor));
    emit('first_page_300_pages_cold_ratio_to_pdfjs', median(cold) / median(floor), 'x');
    emit('first_page_300_pages_cold_runs_that_parsed', coldParsed, 'of 5');
    emit('pdfjs_own_first_page_median', median(floor), 'ms');
    // For comparison only: pdf.js without a worker, which the viewer may not do (parsing stays in the worker).
    emit('pdfjs_main_thread_first_page_median', median(mainThread), 'ms');
    // Selectable and searchable: the text layer laid out over the drawn page (the floor has none).
    emit('first_page_300_pages_with_text_layer_median', median(withText), 'ms');
    await page.close();
  } finally {
    await preview.close();
    await stopTrainingProcess(training);
    dir.remove();
  }
}


async function caseOpenAt100k(browser: Browser): Promise<void> {
  const dir = tempDir('werkbank-review-bench-100k-');
  let caseIds: string[] = [];
  let fillSeconds = 0;
  const preview = await startPreview({
    port: 0, rendererDir,
    host: { dataDir: dir.path, appVersion: '0.1.0-bench', logger: silentLogger },
    prepare: (host) => {
      const started = performance.now();
      caseIds = fillCache(host.cache.sqlite, Number(process.env['BENCH_REVIEW_CASES'] ?? 100_000));
      fillSeconds = (performance.now() - started) / 1000;
    },
  });
  try {
    emit('cache_cases', caseIds.length, 'cases');
    emit('cache_fill', fillSeconds, 's');
    const reader = new ReviewReader(preview.host.cache.sqlite, preview.host.cache.db);
    const hostTimes: number[] = [];
    for (let index = 0; index < 50; index++) {
      const id = caseIds[Math.floor((index * 7919) % caseIds.length)] ?? '';
      const started = performance.now();
      reader.read(id, '2026-03-16');
      hostTimes.push(performance.now() - started);
    }
    emit('host_review_case_median', median(hostTimes), 'ms');
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(preview.pageUrl);
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
    const times: number[] = [];
    for (let index = 0; index < 9; index++) {
      const id = caseIds[Math.floor(((index + 1) * 10_007) % caseIds.length)] ?? '';
      // A string, not a function: tsx's name-keeping helper does not exist in the page.
      times.push(await page.evaluate(`new Promise((resolve) => {
        const started = performance.now();
        window.location.hash = '#/case/${id}';
        const check = () => document.querySelector('[data-testid="case-screen"][data-case-id="${id}"] [data-testid="section-applicant"]')
          ? resolve(performance.now() - started) : requestAnimationFrame(check);
        check();
      })`));
    }
    emit('case_open_to_data_visible_median', median(times.slice(1)), 'ms');
    emit('case_open_to_data_visible_first', times[0] ?? Number.NaN, 'ms');
    await page.close();
  } finally {
    await preview.close();
    dir.remove();
  }
}

async function main(): Promise<void> {
  const browser = await launch();
  try {
    if (process.env['BENCH_REVIEW_SKIP_PDF'] !== '1') await firstPageOf300(browser);
    if (process.env['BENCH_REVIEW_SKIP_CASE_OPEN'] !== '1') await caseOpenAt100k(browser);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

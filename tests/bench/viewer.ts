/**
 * npm run bench:viewer — memory of the sandboxed PDF viewer across 200 open/close cycles (SECURITY.md:
 * memory returns to baseline after closing a document). Needs the built renderer (npm run build)
 * and Debian's Chromium. Runs the viewer frame in the test harness on the real preview.
 *
 * Prints one JSON object per line: {"bench", "metric", "value", "unit"}. Measured after forced
 * garbage collection (through CDP, in the frame and in every pdf.js worker): the frame's JS heap, the
 * kept pdf.js worker's JS heap, the renderer processes' resident memory (Linux /proc) and the
 * number of live pdf.js workers, after one warm-up document and after all
 * cycles. No assertions: this is a measurement.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { startPreview } from '../../scripts/preview/server';
import { silentLogger } from '../../src/main/host/log';
import { tempDir } from '../helpers/temp-dir';
import { installViewerHarness, openPdf, outcomeOf, viewerFrame } from './viewer-harness';
import { scannedPagePdf } from './viewer-pdfs';

const cycles = Number(process.env['BENCH_VIEWER_CYCLES'] ?? 200);

function emit(metric: string, value: number, unit: string): void {
  console.log(JSON.stringify({ bench: 'viewer', metric, value: Math.round(value * 100) / 100, unit }));
}

async function textPdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let index = 0; index < pages; index++) {
    const page = pdf.addPage([595, 842]);
    for (let line = 0; line < 40; line++) page.drawText(`Pagina ${index + 1}, regel ${line + 1}: verslag van het gehoor`, { x: 50, y: 800 - line * 19, size: 11, font });
  }
  return pdf.save();
}

/** Resident memory of the browser (every process descended from this one but itself), in MiB; Linux only. */
function residentMebibytes(): number {
  const rootPid = process.pid;
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const parent = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      rss.set(Number(entry), kilobytes);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = -(rss.get(rootPid) ?? 0);
  const pending = [rootPid];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    total += rss.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total / 1024;
}

/** The renderer's JS heap in MiB (the frame shares the page's process and V8 heap unless isolated). */
async function jsHeap(session: CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / (1024 * 1024);
}

/** Sends one CDP command to a target attached without flattening (Playwright's sessions cannot address a worker). */
function callInTarget(session: CDPSession, sessionId: string, id: number, method: string): Promise<unknown> {
  return new Promise((resolve) => {
    const listener = (event: { sessionId: string; message: string }): void => {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (event.sessionId !== sessionId || message.id !== id) return;
      session.off('Target.receivedMessageFromTarget', listener);
      resolve(message.result);
    };
    session.on('Target.receivedMessageFromTarget', listener);
    void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
  });
}

/** Collects garbage in every pdf.js worker (blob: workers) and returns their JS heaps in MiB, summed. */
async function workerHeaps(browser: Browser): Promise<number> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    let used = 0;
    for (const target of targetInfos.filter((info) => info.type === 'worker' && info.url.startsWith('blob:'))) {
      const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      for (let round = 0; round < 3; round++) await callInTarget(session, sessionId, round + 1, 'HeapProfiler.collectGarbage');
      const usage = await callInTarget(session, sessionId, 9, 'Runtime.getHeapUsage') as { usedSize?: number };
      used += usage.usedSize ?? 0;
      await session.send('Target.detachFromTarget', { sessionId });
    }
    return used / (1024 * 1024);
  } finally {
    await session.detach();
  }
}

async function settle(browser: Browser, page: Page, session: CDPSession): Promise<{ heap: number; workerHeap: number; workers: number }> {
  for (let round = 0; round < 3; round++) await session.send('HeapProfiler.collectGarbage');
  const workerHeap = await workerHeaps(browser);
  return { heap: await jsHeap(session), workerHeap, workers: page.workers().length };
}

async function closeDocument(page: Page): Promise<void> {
  const before = await page.evaluate(() => (globalThis as unknown as { viewerMessages: { type: string }[] }).viewerMessages.filter((m) => m.type === 'closed').length);
  await page.evaluate(() => (globalThis as unknown as { harness: { send(m: unknown): void } }).harness.send({ type: 'close' }));
  await page.waitForFunction(
    (count) => (globalThis as unknown as { viewerMessages: { type: string }[] }).viewerMessages.filter((m) => m.type === 'closed').length > count,
    before,
  );
}

async function main(): Promise<void> {
  const dir = tempDir('werkbank-viewer-bench-');
  const preview = await startPreview({
    port: 0,
    rendererDir: join(__dirname, '..', '..', 'out', 'renderer'),
    host: { dataDir: dir.path, appVersion: '0.1.0-bench', logger: silentLogger },
  });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    // Not --js-flags=--expose-gc: with it pdf.js's blob: worker never answers; CDP collects garbage instead.
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const pdfs = new Map<string, Uint8Array>([['text.pdf', await textPdf(20)], ['image.pdf', await scannedPagePdf()]]);
    await installViewerHarness(page, preview.url, pdfs, 'nl');
    // Chromium runs sandboxed frames in their own renderer process: measure that process's heap.
    let session: CDPSession;
    let isolated = true;
    try {
      session = await page.context().newCDPSession(viewerFrame(page));
    } catch {
      isolated = false;
      session = await page.context().newCDPSession(page);
    }
    await session.send('Performance.enable');
    await session.send('HeapProfiler.enable');
    emit('frame_out_of_process', isolated ? 1 : 0, 'boolean');

    // Warm-up: one document of each kind, so code and caches are loaded before the baseline.
    for (const name of pdfs.keys()) {
      await outcomeOf(page, await openPdf(page, name));
      await closeDocument(page);
    }
    const baseline = await settle(browser, page, session);
    const baselineResident = residentMebibytes();
    emit('frame_js_heap_baseline', baseline.heap, 'MiB');
    emit('pdfjs_worker_js_heap_baseline', baseline.workerHeap, 'MiB');
    emit('browser_rss_baseline', baselineResident, 'MiB');

    const started = performance.now();
    let peakHeap = 0;
    let peakWorkers = 0;
    for (let cycle = 0; cycle < cycles; cycle++) {
      const name = cycle % 2 === 0 ? 'text.pdf' : 'image.pdf';
      const cycleStarted = performance.now();
      const outcome = await outcomeOf(page, await openPdf(page, name));
      if (outcome.type !== 'opened') throw new Error(`cycle ${cycle}: ${outcome.type}`);
      if (cycle % 50 === 0) {
        peakHeap = Math.max(peakHeap, await jsHeap(session));
        peakWorkers = Math.max(peakWorkers, page.workers().length);
      }
      await closeDocument(page);
      if (process.env['BENCH_VIEWER_TRACE']) console.error(name, Math.round(performance.now() - cycleStarted));
    }
    const elapsed = performance.now() - started;
    const after = await settle(browser, page, session);
    const afterResident = residentMebibytes();
    emit('cycles', cycles, 'documents');
    emit('open_close_mean', elapsed / cycles, 'ms');
    emit('frame_js_heap_sampled_while_open', peakHeap, 'MiB');
    emit('frame_js_heap_after', after.heap, 'MiB');
    emit('frame_js_heap_growth', after.heap - baseline.heap, 'MiB');
    emit('pdfjs_worker_js_heap_after', after.workerHeap, 'MiB');
    emit('pdfjs_worker_js_heap_growth', after.workerHeap - baseline.workerHeap, 'MiB');
    emit('browser_rss_after', afterResident, 'MiB');
    emit('browser_rss_growth', afterResident - baselineResident, 'MiB');
    emit('pdfjs_workers_alive_while_open', peakWorkers, 'workers');
    emit('pdfjs_workers_alive_after', after.workers, 'workers');
  } finally {
    await browser.close();
    await preview.close();
    dir.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

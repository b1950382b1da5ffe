/**
 * A test-only parent page for the sandboxed PDF viewer, served on the real preview's origin through
 * Playwright's page.route, with the app's CSP and security headers. It embeds the built viewer
 * frame (out/renderer/viewer/index.html) exactly as DocumentViewer does, speaks the same protocol,
 * records every message from the frame in window.viewerMessages, and serves test PDFs from Node.
 * Used by tests/e2e/viewer.spec.ts and the memory benchmark (tests/bench/viewer.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import en from '../../src/renderer/src/i18n/en.json';
import nl from '../../src/renderer/src/i18n/nl.json';
import { contentSecurityPolicy, securityHeaders } from '../../src/shared/security/csp';
import { viewerStringKeys, type FrameMessage, type ViewerStrings } from '../../src/renderer/viewer/protocol';

const root = join(__dirname, '..', '..');
export const harnessPath = '/__viewer-harness/index.html';

function stringsOf(catalog: { viewer: Record<string, string> }): ViewerStrings {
  return Object.fromEntries(viewerStringKeys.map((key) => [key, catalog.viewer[key] ?? key])) as ViewerStrings;
}

const harnessHtml = (language: 'nl' | 'en'): string => `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>Viewer harness</title><link rel="icon" href="data:,">
<script type="module" src="/__viewer-harness/harness.js"></script></head>
<body style="margin:0;font-family:sans-serif">
<main>
<h1 style="font-size:16px;margin:4px 8px">Viewer harness</h1>
<button type="button" id="outside">Outside button</button> <output id="outside-count">0</output>
<iframe id="viewer" title="${language === 'nl' ? nl.viewer.frameTitle : en.viewer.frameTitle}" sandbox="allow-scripts"
  referrerpolicy="no-referrer" src="/viewer/index.html" style="display:block;border:0;width:100%;height:calc(100vh - 70px)"></iframe>
</main></body></html>`;

const harnessScript = (language: 'nl' | 'en'): string => `
const strings = ${JSON.stringify({ nl: stringsOf(nl), en: stringsOf(en) })};
const frame = document.getElementById('viewer');
// Something worth stealing: the frame must not be able to reach it.
window.werkbank = { secret: 'case data' };
window.viewerMessages = [];
let language = ${JSON.stringify(language)};
let nextId = 0;
let markReady;
const initialised = new Promise((resolve) => { markReady = resolve; });
const workerSource = fetch('/__viewer-harness/pdf.worker.mjs').then((response) => response.text());
document.getElementById('outside').addEventListener('click', () => {
  const out = document.getElementById('outside-count');
  out.textContent = String(Number(out.textContent) + 1);
});
window.addEventListener('message', async (event) => {
  if (event.source !== frame.contentWindow || event.origin !== 'null') return;
  window.viewerMessages.push(event.data);
  if (event.data && event.data.type === 'ready') {
    frame.contentWindow.postMessage({ type: 'init', language, strings: strings[language], workerSource: await workerSource }, '*');
    markReady();
    document.documentElement.dataset.viewerReady = 'true';
  }
});
const cache = new Map();
window.harness = {
  send(message) { frame.contentWindow.postMessage(message, '*'); },
  setLanguage(next) { language = next; frame.contentWindow.postMessage({ type: 'strings', language, strings: strings[language] }, '*'); },
  async load(url) {
    if (!cache.has(url)) cache.set(url, await (await fetch(url)).arrayBuffer());
    return cache.get(url).byteLength;
  },
  async open(url, page, inPlace) {
    await initialised;
    await window.harness.load(url);
    const data = cache.get(url).slice(0);
    const documentId = ++nextId;
    frame.contentWindow.postMessage({ type: 'open', documentId, data, ...(page ? { page } : {}), ...(inPlace ? { inPlace } : {}) }, '*', [data]);
    return documentId;
  },
  openRaw(data) {
    const documentId = ++nextId;
    frame.contentWindow.postMessage({ type: 'open', documentId, data }, '*', [data]);
    return documentId;
  },
};
`;

const headers = {
  ...securityHeaders,
  'Content-Security-Policy': contentSecurityPolicy(),
  'Cache-Control': 'no-store',
};

/** Routes the harness's files and the given PDFs on the preview origin. */
async function routeHarness(
  page: Page,
  origin: string,
  pdfs: ReadonlyMap<string, Uint8Array>,
  files: ReadonlyMap<string, { type: string; body: string | Uint8Array }>,
): Promise<void> {
  await page.route(`${origin}/__viewer-harness/**`, async (route) => {
    const path = new URL(route.request().url()).pathname.replace('/__viewer-harness/', '');
    const file = files.get(path);
    if (file) return route.fulfill({ headers: { ...headers, 'Content-Type': file.type }, body: Buffer.from(file.body) });
    const pdf = pdfs.get(decodeURIComponent(path.replace(/^pdf\//, '')));
    if (pdf) return route.fulfill({ headers: { ...headers, 'Content-Type': 'application/pdf' }, body: Buffer.from(pdf) });
    return route.fulfill({ status: 404, headers });
  });
}

/** Routes the harness page, its script, pdf.js's worker and the given PDFs on the preview origin. */
export async function installViewerHarness(
  page: Page,
  origin: string,
  pdfs: ReadonlyMap<string, Uint8Array>,
  language: 'nl' | 'en' = 'nl',
): Promise<void> {
  const worker = readFileSync(join(root, 'node_modules', 'pdfjs-dist', 'build', 'pdf.worker.min.mjs'), 'utf8');
  await routeHarness(page, origin, pdfs, new Map([
    ['index.html', { type: 'text/html; charset=utf-8', body: harnessHtml(language) }],
    ['harness.js', { type: 'text/javascript', body: harnessScript(language) }],
    ['pdf.worker.mjs', { type: 'text/javascript', body: worker }],
  ]));
  await page.goto(`${origin}${harnessPath}`);
  await page.locator('html[data-viewer-ready="true"]').waitFor();
}

let hostBundle: Promise<Map<string, { type: string; body: string | Uint8Array }>> | null = null;

/** Bundles src/renderer/src/viewer/testHost.tsx (the real DocumentViewer) with vite, once per run. */
function bundleHost(): Promise<Map<string, { type: string; body: string | Uint8Array }>> {
  hostBundle ??= (async () => {
    const { build } = await import('vite');
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root: join(root, 'src', 'renderer'),
      base: '/__viewer-harness/host/',
      build: {
        write: false,
        minify: false,
        modulePreload: false,
        rollupOptions: { input: join(root, 'src', 'renderer', 'src', 'viewer', 'testHost.tsx') },
      },
    });
    const files = new Map<string, { type: string; body: string | Uint8Array }>();
    const outputs = (Array.isArray(result) ? result : [result]) as {
      output: ({ type: 'chunk'; fileName: string; code: string; isEntry: boolean } | { type: 'asset'; fileName: string; source: string | Uint8Array })[];
    }[];
    for (const output of outputs) {
      for (const file of output.output) {
        const body = file.type === 'chunk' ? file.code : file.source;
        files.set(`host/${file.fileName}`, { type: 'text/javascript', body });
        if (file.type === 'chunk' && file.isEntry) files.set('host/entry.js', { type: 'text/javascript', body });
      }
    }
    return files;
  })();
  return hostBundle;
}

/** Opens a page that renders the real DocumentViewer component (testHost.tsx) on the preview origin. */
export async function installDocumentViewerHost(page: Page, origin: string, pdfs: ReadonlyMap<string, Uint8Array>): Promise<void> {
  const files = new Map(await bundleHost());
  await routeHarness(page, origin, pdfs, files);
  // At the origin's root, like the app's index.html, so the component's ./viewer/index.html resolves.
  await page.route(`${origin}/__viewer-host.html`, (route) => route.fulfill({
    headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
    body: '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>DocumentViewer host</title><link rel="icon" href="data:,">'
      + '<script type="module" src="/__viewer-harness/host/entry.js"></script></head><body style="margin:0"><div id="root"></div></body></html>',
  }));
  await page.goto(`${origin}/__viewer-host.html`);
  await page.locator('html[data-host-ready="true"]').waitFor();
}

/** The URL the harness fetches a routed PDF from. */
export function pdfUrl(name: string): string {
  return `/__viewer-harness/pdf/${encodeURIComponent(name)}`;
}

/** The viewer frame of the harness page. */
export function viewerFrame(page: Page): Frame {
  const frame = page.frames().find((candidate) => candidate.url().endsWith('/viewer/index.html'));
  if (!frame) throw new Error('viewer frame not found');
  return frame;
}

/** Every message the frame has sent so far. */
export function viewerMessages(page: Page): Promise<FrameMessage[]> {
  return page.evaluate(() => (globalThis as unknown as { viewerMessages: FrameMessage[] }).viewerMessages);
}

/** Opens a routed PDF in the frame and returns its document id; `inPlace`: as a new version of the shown one. */
export function openPdf(page: Page, name: string, startPage?: number, inPlace = false): Promise<number> {
  return page.evaluate(
    ([url, at, replace]) => (globalThis as unknown as { harness: { open(u: string, p?: number, i?: boolean): Promise<number> } }).harness.open(url, at, replace),
    [pdfUrl(name), startPage, inPlace] as const,
  );
}

/** Waits until the frame has answered about a document: opened or failed. */
export async function outcomeOf(page: Page, documentId: number, timeoutMilliseconds = 45_000): Promise<FrameMessage> {
  const handle = await page.waitForFunction(
    (id) => (globalThis as unknown as { viewerMessages: FrameMessage[] }).viewerMessages
      .find((message) => (message.type === 'opened' || message.type === 'failed') && message.documentId === id) ?? null,
    documentId,
    { timeout: timeoutMilliseconds, polling: 50 },
  );
  return (await handle.jsonValue()) as FrameMessage;
}

/** Sends a protocol message to the frame as the parent. */
export function sendToViewer(page: Page, message: Record<string, unknown>): Promise<void> {
  return page.evaluate((m) => (globalThis as unknown as { harness: { send(x: unknown): void } }).harness.send(m), message);
}

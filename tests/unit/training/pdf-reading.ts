/**
 * Reading PDFs in tests the way the app does: pdf.js (legacy build for Node), poppler's pdfinfo
 * when installed, and pdf-lib re-parsing. pdf.js 6 calls Promise.withResolvers, which Node 20 lacks
 * (Node 22 has it): the small polyfill below is the only accommodation, installed before loading it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

type Resolvers<T> = { promise: Promise<T>; resolve: (value: T) => void; reject: (reason?: unknown) => void };
const promiseConstructor = Promise as unknown as { withResolvers?: <T>() => Resolvers<T> };
if (!promiseConstructor.withResolvers) {
  promiseConstructor.withResolvers = <T>() => {
    let resolve!: (value: T) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((accept, refuse) => {
      resolve = accept;
      reject = refuse;
    });
    return { promise, resolve, reject };
  };
}

/** Opens a PDF with pdf.js: its page count and, when asked, the text of every page joined. */
export async function readWithPdfJs(bytes: Uint8Array, withText = false): Promise<{ pageCount: number; text: string }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const document = await task.promise;
    let text = '';
    if (withText) {
      for (let number = 1; number <= document.numPages; number += 1) {
        const page = await document.getPage(number);
        const content = await page.getTextContent();
        text += content.items.map((item) => ('str' in item ? item.str : '')).join('\n');
        text += '\n';
      }
    }
    return { pageCount: document.numPages, text };
  } finally {
    await task.destroy();
  }
}

/** The name of the error pdf.js raises for a file, or null when it opens. */
export async function pdfJsError(bytes: Uint8Array): Promise<string | null> {
  try {
    await readWithPdfJs(bytes);
    return null;
  } catch (error: unknown) {
    return error instanceof Error ? error.name : 'unknown';
  }
}

/** The page count pdf-lib finds when re-parsing a file, or null when it cannot make a document of it. */
export async function pdfLibPages(bytes: Uint8Array): Promise<number | null> {
  const { PDFDocument } = await import('pdf-lib');
  try {
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    const count = document.getPageCount();
    return count > 0 ? count : null;
  } catch {
    return null;
  }
}

/** Path of poppler's pdfinfo, or null when poppler-utils is not installed (CI installs only chromium). */
export const pdfinfoPath = ['/usr/bin/pdfinfo', '/usr/local/bin/pdfinfo'].find((path) => existsSync(path)) ?? null;
if (!pdfinfoPath) console.info('poppler-utils is not installed: the pdfinfo checks are skipped (pdf.js and pdf-lib checks still run).');

/** The page count pdfinfo reports for a file, or an error message. */
export function pdfinfoPages(path: string): number | string {
  if (!pdfinfoPath) throw new Error('pdfinfo is not installed');
  try {
    const output = execFileSync(pdfinfoPath, [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const match = /^Pages:\s+(\d+)/m.exec(output);
    return match ? Number(match[1]) : 'no page count';
  } catch (error: unknown) {
    const stderr = (error as { stderr?: unknown }).stderr;
    return typeof stderr === 'string' && stderr ? stderr.trim() : 'pdfinfo failed';
  }
}

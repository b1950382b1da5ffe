/**
 * pdf.js inside the frame, in workers started from a blob: URL because an opaque-origin document may
 * not start a worker from the app's origin (and the CSP allows blob:). Each purpose (the shown
 * document, text extraction) keeps one warm worker: starting one compiles pdf.js's worker script,
 * which cost about 70 ms per opened document. Closing a document destroys its pdf.js document and
 * the memory it holds in the worker. A worker that timed out on a document is terminated and
 * replaced, so a file that sends pdf.js into a loop cannot block the next one.
 */
import {
  AnnotationMode, getDocument, PDFWorker, RenderingCancelledException, TextLayer, VerbosityLevel,
  type PDFDocumentLoadingTask, type PDFDocumentProxy, type PDFPageProxy, type RenderTask,
} from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import { toClassicWorkerSource } from './classic-worker';
import { classifyOpenError } from './errors';
import { refuseAfterParsing, refuseBeforeParsing, type ViewerErrorKind } from './protocol';
import { pageTextOf, type PageText } from './search';

/** Largest image pdf.js decodes, in pixels; a bigger one is skipped rather than exhausting memory. */
const maxImagePixels = 64 * 1024 * 1024;
/** Largest canvas the viewer draws, in pixels (about 64 MB of RGBA); the pixel ratio is reduced beyond. */
export const maxCanvasPixels = 16 * 1024 * 1024;
/** A document that has not finished opening by then is given up as unreadable. */
const openTimeoutMilliseconds = 30_000;

export type OpenResult = { ok: true; document: OpenDocument } | { ok: false; kind: ViewerErrorKind };

/** An open document and everything that must be destroyed with it. */
export interface OpenDocument {
  readonly pageCount: number;
  page(number: number): Promise<PDFPageProxy>;
  /** The page's searchable text, cached. */
  text(number: number): Promise<PageText>;
  textContent(number: number): Promise<TextContent>;
  destroy(): Promise<void>;
  /** False once its worker was ended (it hung on another document): the document is gone with it. */
  usable(): boolean;
}

let workerUrl: string | null = null;

/** What a worker is kept for: the document on screen, or text extraction running beside it. */
export type WorkerPurpose = 'view' | 'extract';

interface KeptWorker {
  port: Worker;
  worker: PDFWorker;
  ended: boolean;
}

const keptWorkers = new Map<WorkerPurpose, KeptWorker>();

/** Keeps pdf.js's worker as a blob: URL (called once with the module source from the parent) and warms the viewing worker. */
export function setWorkerSource(moduleSource: string): void {
  if (workerUrl) return;
  const source = toClassicWorkerSource(moduleSource);
  // Without a worker every open fails with 'unknown'; pdf.js's main-thread fallback is never used.
  if (!source) return;
  workerUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  workerFor('view');
}

function workerFor(purpose: WorkerPurpose): KeptWorker | null {
  const kept = keptWorkers.get(purpose);
  if (kept) return kept;
  if (!workerUrl) return null;
  const port = new Worker(workerUrl, { name: `pdf.js ${purpose}` });
  const fresh = { port, worker: new PDFWorker({ port: port as unknown as null }), ended: false };
  keptWorkers.set(purpose, fresh);
  return fresh;
}

/** Ends a worker that hung; the next document of its purpose starts a new one. */
function discardWorker(purpose: WorkerPurpose, kept: KeptWorker): void {
  if (keptWorkers.get(purpose) === kept) keptWorkers.delete(purpose);
  kept.ended = true;
  kept.worker.destroy();
  kept.port.terminate();
}

/** Opens a document from its bytes, or says why it cannot be shown. Never prompts for a password. */
export async function openDocument(data: ArrayBuffer, purpose: WorkerPurpose = 'view'): Promise<OpenResult> {
  const early = refuseBeforeParsing(data.byteLength);
  if (early) return { ok: false, kind: early };
  const kept = workerFor(purpose);
  if (!kept) return { ok: false, kind: 'unknown' };
  const { worker } = kept;
  let task: PDFDocumentLoadingTask | null = null;
  // The document's memory in the worker goes with its loading task; the worker stays for the next one.
  const release = async (): Promise<void> => {
    await task?.destroy();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    task = getDocument({
      data,
      worker,
      // No XFA forms, no wasm decoders (the CSP forbids compiling wasm), rendering on this thread.
      enableXfa: false,
      useWasm: false,
      disableWorkerRendering: true,
      stopAtErrors: false,
      // pdf.js warnings can quote a file's contents (font names, object text): keep them out of the console.
      verbosity: VerbosityLevel.ERRORS,
      maxImageSize: maxImagePixels,
      // No isEvalSupported: pdf.js 6 removed its eval path (PostScript functions are interpreted),
      // and the CSP would refuse eval anyway.
    });
    // No onPassword handler: pdf.js then rejects with PasswordException instead of asking for one,
    // and the viewer refuses the file (the portal accepts only unprotected PDFs).
    const loading = task.promise;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), openTimeoutMilliseconds);
    });
    const pdf = await Promise.race([loading, timeout]);
    const refused = refuseAfterParsing(pdf.numPages);
    if (refused) {
      await release();
      return { ok: false, kind: refused };
    }
    return { ok: true, document: wrap(pdf, release, () => !kept.ended) };
  } catch (error) {
    const timedOut = error instanceof Error && error.message === 'timeout';
    if (timedOut) {
      // Still busy with this document, the worker would answer neither the next one nor the destroy.
      discardWorker(purpose, kept);
      void release().catch(() => undefined);
    } else {
      await release().catch(() => undefined);
    }
    return { ok: false, kind: timedOut ? 'unknown' : classifyOpenError(error) };
  } finally {
    clearTimeout(timer);
  }
}

function wrap(pdf: PDFDocumentProxy, release: () => Promise<void>, usable: () => boolean): OpenDocument {
  const texts = new Map<number, Promise<PageText>>();
  const contents = new Map<number, Promise<TextContent>>();
  const textContent = (number: number): Promise<TextContent> => {
    let content = contents.get(number);
    if (!content) {
      content = pdf.getPage(number).then((page) => page.getTextContent());
      contents.set(number, content);
    }
    return content;
  };
  return {
    pageCount: pdf.numPages,
    usable,
    page: (number) => pdf.getPage(number),
    textContent,
    text(number) {
      let text = texts.get(number);
      if (!text) {
        text = textContent(number).then(
          (content) => pageTextOf(content.items.filter((item): item is TextItem => 'str' in item)),
          // A page whose text cannot be read has nothing to find, but the rest of the search goes on.
          () => pageTextOf([]),
        );
        texts.set(number, text);
      }
      return text;
    },
    async destroy() {
      texts.clear();
      contents.clear();
      await release();
    },
  };
}

/** Size of the drawn canvas for a viewport: CSS pixels times the device pixel ratio, capped. */
export function canvasSize(width: number, height: number, devicePixelRatio: number): { ratio: number; width: number; height: number } {
  let ratio = Math.max(1, devicePixelRatio);
  const area = width * height * ratio * ratio;
  if (area > maxCanvasPixels) ratio = Math.max(0.25, Math.sqrt(maxCanvasPixels / (width * height)));
  return { ratio, width: Math.max(1, Math.floor(width * ratio)), height: Math.max(1, Math.floor(height * ratio)) };
}

/** A page drawn onto a canvas (sharp on high-density screens) with its text layer. */
export interface DrawnPage {
  /** The canvas is drawn: the page is on screen. */
  painted: Promise<void>;
  /** The text layer is there too (selection, search marks, highlights). */
  promise: Promise<void>;
  /** The text layer's spans, one per text item (parallel to the page's item strings). */
  textSpans(): HTMLElement[];
  cancel(): void;
}

/** Draws a page at a scale and rotation into the canvas and (optionally) the text layer container. */
export function drawPage(
  page: PDFPageProxy,
  canvas: HTMLCanvasElement,
  options: { scale: number; rotation: number; textLayer?: HTMLElement; textContent?: () => Promise<TextContent> },
): DrawnPage {
  const viewport = page.getViewport({ scale: options.scale, rotation: (page.rotate + options.rotation) % 360 });
  const size = canvasSize(viewport.width, viewport.height, window.devicePixelRatio || 1);
  canvas.width = size.width;
  canvas.height = size.height;
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  // Annotations are drawn as their appearance only: no links, no form fields, no scripts.
  const render: RenderTask = page.render({
    canvas,
    viewport,
    transform: size.ratio === 1 ? undefined : [size.ratio, 0, 0, size.ratio, 0, 0],
    annotationMode: AnnotationMode.ENABLE,
  });
  // The text is asked for once the canvas is drawn: asked at once, the worker would read the page's
  // text while it builds the operator list, and the page would show later. The layer follows the page.
  let layer: TextLayer | null = null;
  let cancelled = false;
  const text = async (): Promise<void> => {
    const { textLayer, textContent } = options;
    if (!textLayer || !textContent) return;
    await render.promise;
    const source = await textContent();
    // Another page (or zoom) took over while the text came: its layer is not this one's to replace.
    if (cancelled) return;
    textLayer.replaceChildren();
    layer = new TextLayer({ textContentSource: source, container: textLayer, viewport });
    await layer.render();
  };
  const promise = Promise.all([render.promise, text()]).then(() => undefined);
  // A caller that stops at `painted` (a cancelled drawing) leaves `promise` unawaited: not an unhandled rejection.
  promise.catch(() => undefined);
  return {
    painted: render.promise,
    promise,
    textSpans: () => (layer ? [...layer.textDivs] : []),
    cancel() {
      cancelled = true;
      render.cancel();
      layer?.cancel();
    },
  };
}

/** Width of the scratch drawing that warms a page, in pixels: the work that is kept does not depend on it. */
const warmWidth = 64;

/**
 * Draws a page once, tiny and off screen, so its first real drawing is quick: pdf.js keeps the
 * page's operator list (per intent, whatever the scale) and the fonts it loaded, which is most of a
 * first drawing's cost; the document keeps the page's text for the text layer. Without it a document parsed ahead still took a parse's time to show.
 */
export async function warmPage(document: OpenDocument, number: number): Promise<void> {
  const page = await document.page(number);
  const natural = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: warmWidth / natural.width });
  const canvas = window.document.createElement('canvas');
  canvas.width = Math.max(1, Math.floor(viewport.width));
  canvas.height = Math.max(1, Math.floor(viewport.height));
  try {
    // The same intent and annotation mode as drawPage, so the operator list kept is the one it uses.
    await page.render({ canvas, viewport, annotationMode: AnnotationMode.ENABLE }).promise;
  } finally {
    canvas.width = 0;
    canvas.height = 0;
  }
  // Its text too (kept by the document), which the text layer over the drawn page waits for.
  await document.textContent(number);
}

/** True for the rejection pdf.js uses when a render was cancelled on purpose. */
export function isCancellation(error: unknown): boolean {
  return error instanceof RenderingCancelledException || (error instanceof Error && error.name === 'AbortException');
}

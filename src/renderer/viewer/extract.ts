/**
 * Text extraction for the parent (the evidence assistant and the search across all documents of a
 * case): the document is opened in a pdf.js document of its own, in the extraction worker, read
 * page by page and destroyed, whatever the viewer shows meanwhile. Requests run one at a time to bound memory.
 */
import { openDocument } from './pdf';
import { viewerLimits, type ViewerErrorKind } from './protocol';

export type ExtractResult = { ok: true; pages: string[] } | { ok: false; kind: ViewerErrorKind };

let queue: Promise<unknown> = Promise.resolve();

/** Resolves once `busy()` is false, checking every 50 ms. */
export async function whenIdle(busy: () => boolean): Promise<void> {
  while (busy()) await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * The text of every page ('' for image-only pages), capped at maxExtractedCharacters in all. It
 * pauses between pages while `busy()` says the viewer is opening or drawing what the person asked for.
 */
export function extractText(data: ArrayBuffer, busy: () => boolean = () => false): Promise<ExtractResult> {
  const run = queue.then(() => extractNow(data, busy));
  queue = run.catch(() => undefined);
  return run;
}

async function extractNow(data: ArrayBuffer, busy: () => boolean): Promise<ExtractResult> {
  await whenIdle(busy);
  const opened = await openDocument(data, 'extract');
  if (!opened.ok) return opened;
  try {
    const pages: string[] = [];
    let room: number = viewerLimits.maxExtractedCharacters;
    for (let number = 1; number <= opened.document.pageCount; number++) {
      await whenIdle(busy);
      const { text } = await opened.document.text(number);
      const kept = text.slice(0, room);
      room -= kept.length;
      pages.push(kept);
    }
    return { ok: true, pages };
  } catch {
    return { ok: false, kind: 'malformed' };
  } finally {
    await opened.document.destroy();
  }
}

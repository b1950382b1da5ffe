/**
 * pdf.js's worker module as text. The sandboxed viewer frame has an opaque origin, so it may neither
 * start a worker from the app's URL nor fetch it; the app (same origin as the file) fetches it once
 * and hands the text to the frame, which starts it from a blob: URL (the CSP allows worker-src blob:).
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

let source: Promise<string> | null = null;

/** The worker's source text, fetched once per page load. */
export function pdfWorkerSource(): Promise<string> {
  source ??= fetch(workerUrl).then((response) => {
    if (!response.ok) throw new Error(`pdf.js worker not loaded (${response.status})`);
    return response.text();
  });
  // A failed fetch is retried on the next call rather than remembered.
  source.catch(() => {
    source = null;
  });
  return source;
}

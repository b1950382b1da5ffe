/**
 * The message protocol between the app (parent) and the sandboxed PDF viewer frame. Both ends
 * validate every message with these schemas: the frame holds hostile input (a PDF parsed by pdf.js),
 * so the parent trusts nothing it says, and the frame accepts only what its parent sends.
 * No DOM and no pdf.js here, so unit tests run it in Node.
 */
import { z } from 'zod';

/** Caps on what the viewer opens (SECURITY.md: caps on file size and page count). */
export const viewerLimits = {
  /** Largest file the viewer parses, in bytes (100 MiB). */
  maxFileBytes: 100 * 1024 * 1024,
  /** Most pages a document may have. */
  maxPages: 2000,
  /** Zoom bounds as a scale factor of the page's natural size. */
  minZoom: 0.25,
  maxZoom: 5,
  /** Largest search query, in characters. */
  maxQueryLength: 200,
  /** Hits reported to the parent per search; the frame still navigates all of them. */
  maxReportedHits: 1000,
  /** Text handed to the parent per extracted document, in characters (the evidence checks and cross-document search). */
  maxExtractedCharacters: 2_000_000,
  /** Longest selected text reported, in characters. */
  maxSelectionLength: 500,
  /** Highlights the parent may ask for on one document. */
  maxHighlights: 500,
} as const;

/** Why a document could not be shown; each has a message for the person in both languages. */
export const viewerErrorKinds = ['too_large', 'too_many_pages', 'encrypted', 'malformed', 'empty', 'unknown'] as const;
export type ViewerErrorKind = (typeof viewerErrorKinds)[number];

/** How the page is fitted into the view. */
export const fitModes = ['width', 'page', 'none'] as const;
export type FitMode = (typeof fitModes)[number];

/** The texts the frame shows, passed by the parent in the user's language (the frame has no i18n). */
export const viewerStringKeys = [
  'toolbarLabel', 'previousPage', 'nextPage', 'pageNumber', 'pageOf', 'zoomIn', 'zoomOut', 'fitWidth', 'fitPage',
  'rotate', 'search', 'searchPlaceholder', 'previousHit', 'nextHit', 'hitsOf', 'noHits', 'thumbnails', 'thumbnail',
  'document', 'loading', 'errorTitle',
  'error_too_large', 'error_too_many_pages', 'error_encrypted', 'error_malformed', 'error_empty', 'error_unknown',
] as const;
export type ViewerStringKey = (typeof viewerStringKeys)[number];

const text = z.string().max(500);
export const viewerStringsSchema = z.strictObject(
  Object.fromEntries(viewerStringKeys.map((key) => [key, text])) as Record<ViewerStringKey, typeof text>,
);
export type ViewerStrings = z.infer<typeof viewerStringsSchema>;

const pageNumber = z.number().int().min(1).max(viewerLimits.maxPages);
const zoom = z.number().min(viewerLimits.minZoom).max(viewerLimits.maxZoom);
const rotation = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
/** Each document opened gets an id from the parent, so late answers about a closed one are ignored. */
const documentId = z.number().int().nonnegative();
/** The parent's name for a document of the case (its id): the frame keeps documents parsed under it. */
const documentKey = z.string().min(1).max(100);

/** Messages the parent sends to the frame. */
export const parentMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('init'),
    language: z.enum(['nl', 'en']),
    strings: viewerStringsSchema,
    /** The text of pdf.js's worker module: the opaque-origin frame starts it from a blob: URL. */
    workerSource: z.string().min(1),
  }),
  z.strictObject({ type: z.literal('strings'), language: z.enum(['nl', 'en']), strings: viewerStringsSchema }),
  z.strictObject({
    type: z.literal('open'), documentId, data: z.instanceof(ArrayBuffer), page: pageNumber.optional(), key: documentKey.optional(),
    // A new version of the shown document (a letter's preview): the page stays on screen until the new one is drawn.
    inPlace: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('close') }),
  z.strictObject({ type: z.literal('goToPage'), page: pageNumber }),
  z.strictObject({ type: z.literal('setZoom'), zoom }),
  z.strictObject({ type: z.literal('fit'), mode: z.enum(['width', 'page']) }),
  z.strictObject({ type: z.literal('rotate'), rotation }),
  z.strictObject({ type: z.literal('search'), query: z.string().max(viewerLimits.maxQueryLength) }),
  z.strictObject({ type: z.literal('searchStep'), direction: z.enum(['next', 'previous']) }),
  /**
   * Reads a document's text without showing it, in a pdf.js document and worker of its own. With a
   * key, the frame then parses it for showing too when it has nothing else to do.
   */
  z.strictObject({ type: z.literal('extractText'), requestId: z.number().int().nonnegative(), data: z.instanceof(ArrayBuffer), key: documentKey.optional() }),
  /**
   * A document of the case fetched ahead of a click: parsed for showing under its key when the frame
   * has nothing else to do (within the kept documents' caps), so its first showing skips parsing.
   */
  z.strictObject({ type: z.literal('prepare'), data: z.instanceof(ArrayBuffer), key: documentKey }),
  /** Texts to mark on the pages of the shown document: evidence quotes and notes. */
  z.strictObject({
    type: z.literal('highlights'),
    items: z.array(z.strictObject({ page: pageNumber, text: z.string().min(1).max(500), kind: z.enum(['evidence', 'note']) }))
      .max(viewerLimits.maxHighlights),
  }),
]);
export type ParentMessage = z.infer<typeof parentMessageSchema>;

/** One search hit: the page and the hit's index within that page's text. */
export const searchHitSchema = z.strictObject({ page: pageNumber, index: z.number().int().nonnegative() });
export type SearchHit = z.infer<typeof searchHitSchema>;

/** Messages the frame sends to the parent. */
export const frameMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('opened'), documentId, pageCount: pageNumber }),
  z.strictObject({ type: z.literal('failed'), documentId, kind: z.enum(viewerErrorKinds) }),
  z.strictObject({ type: z.literal('closed'), documentId }),
  z.strictObject({
    type: z.literal('view'),
    documentId,
    page: pageNumber,
    pageCount: pageNumber,
    zoom,
    fit: z.enum(fitModes),
    rotation,
  }),
  z.strictObject({
    type: z.literal('searchResult'),
    documentId,
    query: z.string().max(viewerLimits.maxQueryLength),
    total: z.number().int().nonnegative(),
    hits: z.array(searchHitSchema).max(viewerLimits.maxReportedHits),
    /** Index of the current hit in the whole list, or null when there is none. */
    current: z.number().int().nonnegative().nullable(),
  }),
  /** The text of every page of an extracted document ('' for image-only pages), or why it could not be read. */
  z.strictObject({
    type: z.literal('text'), requestId: z.number().int().nonnegative(),
    pages: z.array(z.string()).max(viewerLimits.maxPages)
      .refine((pages) => pages.reduce((total, page) => total + page.length, 0) <= viewerLimits.maxExtractedCharacters, 'too much text'),
  }),
  z.strictObject({ type: z.literal('textFailed'), requestId: z.number().int().nonnegative(), kind: z.enum(viewerErrorKinds) }),
  /** What the person selected on the page (empty when the selection went), for evidence and notes. */
  z.strictObject({ type: z.literal('selection'), documentId, page: pageNumber, text: z.string().max(viewerLimits.maxSelectionLength) }),
]);
export type FrameMessage = z.infer<typeof frameMessageSchema>;

/** Parses a message from the parent; null for anything that does not match the protocol. */
export function parseParentMessage(value: unknown): ParentMessage | null {
  const result = parentMessageSchema.safeParse(value);
  return result.success ? result.data : null;
}

/** Parses a message from the frame; null for anything that does not match the protocol. */
export function parseFrameMessage(value: unknown): FrameMessage | null {
  const result = frameMessageSchema.safeParse(value);
  return result.success ? result.data : null;
}

/** Checks the caps that can be known before parsing; null when the file may be opened. */
export function refuseBeforeParsing(byteLength: number): ViewerErrorKind | null {
  if (byteLength === 0) return 'empty';
  if (byteLength > viewerLimits.maxFileBytes) return 'too_large';
  return null;
}

/** Checks the page count once the document is parsed; null when it may be shown. */
export function refuseAfterParsing(pageCount: number): ViewerErrorKind | null {
  if (pageCount < 1) return 'empty';
  if (pageCount > viewerLimits.maxPages) return 'too_many_pages';
  return null;
}

/** The values of the error messages' placeholders ({maxMegabytes}, {maxPages}), written as `locale` writes numbers. */
export function errorMessageValues(locale: string): Record<string, string> {
  const numbers = new Intl.NumberFormat(locale);
  return {
    maxMegabytes: numbers.format(Math.round(viewerLimits.maxFileBytes / (1024 * 1024))),
    maxPages: numbers.format(viewerLimits.maxPages),
  };
}

/** Keeps a zoom factor inside the viewer's bounds. */
export function clampZoom(value: number): number {
  if (!Number.isFinite(value)) return 1;
  return Math.min(viewerLimits.maxZoom, Math.max(viewerLimits.minZoom, value));
}

/** Replaces {name} placeholders in a catalog text; unknown names stay as they are. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

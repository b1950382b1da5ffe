/**
 * A letter as structured content, before it becomes a PDF (src/render/letters). The same object is
 * rendered by the data host (live preview, offline) and by the central API (the authoritative PDF at
 * approval and sending), so it holds everything the page shows and nothing the renderer would have to
 * look up: the renderer is a pure function of this object and the bundled fonts.
 */
import { z } from 'zod';
import { isoDate, language, vNumber } from '../contract/common';

/**
 * Printable text on one line: control characters (tabs, newlines, bidi overrides…) would either
 * show as missing glyphs or silently change the layout, so they are refused here, not at rendering.
 */
const line = (max: number) =>
  z.string().trim().min(1).max(max)
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    .refine((value) => !/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(value), 'contains control characters');

/** `**` opens and closes bold; an odd count would leave the rest of the paragraph bold by accident. */
const BOLD_MARK = '**';

const paragraphText = line(4000).refine((value) => value.split(BOLD_MARK).length % 2 === 1, 'unbalanced ** (bold) markers');

export const letterBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: line(200) }).strict(),
  /** Inline bold is written `**like this**` so templates can produce it as plain text. */
  z.object({ type: z.literal('paragraph'), text: paragraphText }).strict(),
]);
export type LetterBlock = z.infer<typeof letterBlock>;

export const letterDocument = z.object({
  language,
  /** The date printed on the letter; also the PDF's creation date, so the bytes never depend on the clock. */
  date: isoDate,
  references: z.object({
    vNumber: vNumber.nullable(),
    caseNumber: line(64),
    ourReference: line(64),
  }).strict(),
  addressee: z.object({
    name: line(200),
    addressLines: z.array(line(200)).min(1).max(6),
  }).strict(),
  subject: line(200),
  blocks: z.array(letterBlock).min(1).max(500),
  signature: z.object({
    /** "Met vriendelijke groet," — written by the template in the letter's language. */
    closing: line(100),
    name: line(200),
    /** Function and department lines under the name, e.g. "Beslismedewerker", "Directie Asiel". */
    lines: z.array(line(200)).max(4),
  }).strict(),
}).strict();
export type LetterDocument = z.infer<typeof letterDocument>;

export interface TextRun {
  text: string;
  bold: boolean;
}

/** Splits a paragraph's `**bold**` markup into runs; empty runs (from `****` or a leading marker) are dropped. */
export function paragraphRuns(text: string): TextRun[] {
  return text
    .split(BOLD_MARK)
    .map((part, index) => ({ text: part, bold: index % 2 === 1 }))
    .filter((run) => run.text.length > 0);
}

/** The plain text of a paragraph, as a screen reader or a search should see it. */
export function plainText(text: string): string {
  return text.split(BOLD_MARK).join('');
}

/**
 * A letter (src/shared/letters/document.ts) as a tagged PDF/A-2a file. The host renders it for the
 * live preview, the server for the authoritative PDF at approval and sending; both must get the same
 * bytes from the same letter, so the output is a function of the letter, this layout and the fonts:
 *
 * - the Info and XMP dates are the letter date, never the clock;
 * - the trailer /ID and the XMP document IDs are a SHA-256 of the canonical letter, the layout version
 *   and the font files (pdf-document.ts);
 * - PDFKit's font subset tags come from its font ids (F1, F2…), which depend only on the order fonts
 *   are first used, and nothing in PDFKit draws random bytes unless the file is encrypted.
 *
 * Bytes are the same for the same Node (zlib) and PDFKit versions; see layoutVersion.
 */
import { createHash } from 'node:crypto';
import { type LetterDocument, letterDocument } from '../../shared/letters/document';
import { fontDigest, type LetterFonts, registerLetterFonts } from './fonts';
import { letterhead, letterInstant, letterLabels } from './labels';
import { drawLetter, drawPageFurniture, fontNames, pageOptions } from './layout';
import { LetterPdfDocument } from './pdf-document';

export { defaultLetterFontDirectory, type LetterFonts, loadLetterFonts, registerLetterFonts } from './fonts';

/**
 * Raise on any change that moves a glyph: it is part of the document ID, so an archived PDF's ID
 * tells which layout made it.
 */
export const layoutVersion = 1;

/** JSON with keys sorted at every level, so the ID does not depend on how the caller built the object. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The trailer /ID: 16 bytes, as PDFKit's own MD5-based ID is. */
export function letterDocumentId(letter: LetterDocument, fonts: LetterFonts): Uint8Array {
  const hash = createHash('sha256')
    .update(`werkbank-letter-pdf/${layoutVersion}\n`)
    .update(`${fontDigest(fonts)}\n`)
    .update(canonicalJson(letter))
    .digest();
  return new Uint8Array(hash.subarray(0, 16));
}

/** The bytes a PDFKit document writes, once it has ended. */
export function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * Renders a letter. The input is parsed again here: the server renders what the host sent, and a
 * letter that is not valid must fail before a single byte is produced.
 */
export async function renderLetterPdf(input: LetterDocument, fonts: LetterFonts): Promise<Buffer> {
  const letter = letterDocument.parse(input);
  const labels = letterLabels[letter.language];
  const doc = new LetterPdfDocument({
    ...pageOptions,
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    displayTitle: true,
    bufferPages: true,
    // No default font: PDFKit would load Helvetica, one of the standard 14 that PDF/A forbids.
    font: '',
  }, {
    title: letter.subject,
    author: letterhead.organisation,
    subject: `${labels.caseNumber} ${letter.references.caseNumber}, ${labels.ourReference} ${letter.references.ourReference}`,
    creator: 'Werkbank',
    producer: 'Werkbank (PDFKit)',
    lang: labels.lang,
    created: letterInstant(letter.date),
    id: letterDocumentId(letter, fonts),
  });
  const done = collect(doc);
  registerLetterFonts(doc, fonts, fontNames);
  drawLetter(doc, letter, labels);
  drawPageFurniture(doc, letter, labels);
  doc.end();
  return done;
}

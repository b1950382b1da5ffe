/**
 * Where everything of a letter goes on the page, and how it is tagged. The page follows the Dutch
 * central government's letter layout: a blue ribbon with the word mark at the top, the addressee
 * where an envelope window shows it, a narrow column on the right for the references, a body column
 * of about 65 characters, and the page number in the right column at the foot.
 *
 * Tagging (PDF/A-2a): everything drawn is either inside a structure element (Document > Div/H1/H2/P,
 * in reading order: letterhead, references, addressee, subject, body, signature) or an Artifact
 * (the ribbon, the "Betreft" label, running heads and page numbers, which a reader must not read out
 * on every page). Structure closures run when added to the attached root, so the order of `add` calls
 * is the drawing order and the reading order at once.
 */
import { type LetterBlock, type LetterDocument, paragraphRuns, plainText } from '../../shared/letters/document';
import { formatLetterDate, type LetterLabels, letterhead } from './labels';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** Names under which the fonts are registered on each document. */
export const fontNames = { regular: 'LetterRegular', bold: 'LetterBold' } as const;

/** A4 in points; margins chosen so the body column is 360 pt (about 65 characters at 10 pt). */
export const geometry = {
  size: 'A4',
  width: 595.28,
  height: 841.89,
  left: 72,
  bodyWidth: 360,
  columnX: 462,
  columnWidth: 105,
  top: 108,
  bottom: 86,
  footerY: 796,
  /** Where an envelope window shows the addressee, and where the reference column starts beside it. */
  addressY: 168,
} as const;

const ink = { text: '#000000', muted: '#535353', ribbon: '#154273' } as const;

/** Sizes in points; a line gap of ~0.28 em gives the generous leading of printed government letters. */
const type = {
  body: 10,
  bodyGap: 2.8,
  heading: 10.5,
  subject: 11,
  small: 7.5,
  smallGap: 1.5,
  wordmark: 9,
  paragraphSpace: 8,
  headingSpaceBefore: 8,
  headingSpaceAfter: 3,
} as const;

/** The document-wide options every page shares: auto page breaks use them for the next page. */
export const pageOptions = {
  size: geometry.size,
  margins: {
    top: geometry.top,
    bottom: geometry.bottom,
    left: geometry.left,
    right: geometry.width - geometry.left - geometry.bodyWidth,
  },
} as const;

function artifact(doc: Doc, kind: 'Layout' | 'Pagination', draw: () => void): void {
  doc.markContent('Artifact', { type: kind });
  draw();
  doc.endMarkedContent();
}

function bodyLineHeight(doc: Doc): number {
  doc.font(fontNames.regular).fontSize(type.body);
  return doc.currentLineHeight(true) + type.bodyGap;
}

/** Starts a new page when fewer than `needed` points are left, so a heading never ends a page alone. */
function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.maxY()) {
    doc.addPage();
  }
}

function smallPair(doc: Doc, label: string, value: string, x: number, width: number): void {
  doc.font(fontNames.bold).fontSize(type.small).fillColor(ink.text)
    .text(label, x, doc.y, { width, lineGap: type.smallGap });
  doc.font(fontNames.regular).fontSize(type.small).fillColor(ink.text)
    .text(value, x, doc.y, { width, lineGap: type.smallGap });
  doc.y += 5;
}

function referencePairs(letter: LetterDocument, labels: LetterLabels): [string, string][] {
  const pairs: [string, string][] = [[labels.date, formatLetterDate(letter.date, letter.language)]];
  if (letter.references.vNumber !== null) pairs.push([labels.vNumber, letter.references.vNumber]);
  pairs.push([labels.caseNumber, letter.references.caseNumber], [labels.ourReference, letter.references.ourReference]);
  return pairs;
}

/** The ribbon (a vector mark standing in for the logo) and the word mark beside it. */
function drawLetterhead(doc: Doc, root: Struct): void {
  const ribbonWidth = 32;
  const ribbonX = geometry.width / 2 - ribbonWidth / 2;
  artifact(doc, 'Layout', () => {
    doc.rect(ribbonX, 0, ribbonWidth, 78).fill(ink.ribbon);
  });
  const x = ribbonX + ribbonWidth + 8;
  root.add(doc.struct('Div', { lang: letterhead.lang }, [
    doc.struct('P', {}, () => {
      // lineBreak: false draws without wrapping but also without moving down, hence the explicit y.
      doc.font(fontNames.bold).fontSize(type.wordmark).fillColor(ink.text)
        .text(letterhead.organisation, x, 46, { lineBreak: false });
      doc.font(fontNames.regular).fontSize(type.wordmark).fillColor(ink.text)
        .text(letterhead.ministry, x, 46 + doc.currentLineHeight(true) + 1, { lineBreak: false });
    }),
  ]));
}

/** Right column: the references, labels in the letter's language. Returns where the column ends. */
function drawReferences(doc: Doc, root: Struct, letter: LetterDocument, labels: LetterLabels): number {
  doc.y = geometry.addressY;
  const div = doc.struct('Div');
  for (const [label, value] of referencePairs(letter, labels)) {
    div.add(doc.struct('P', {}, () => smallPair(doc, label, value, geometry.columnX, geometry.columnWidth)));
  }
  root.add(div);
  div.end();
  return doc.y;
}

function drawAddressee(doc: Doc, root: Struct, letter: LetterDocument): number {
  const lines = [letter.addressee.name, ...letter.addressee.addressLines].join('\n');
  root.add(doc.struct('P', {}, () => {
    doc.font(fontNames.regular).fontSize(type.body).fillColor(ink.text)
      .text(lines, geometry.left, geometry.addressY, { width: geometry.columnX - geometry.left - 24, lineGap: 2 });
  }));
  return doc.y;
}

function drawSubject(doc: Doc, root: Struct, letter: LetterDocument, labels: LetterLabels, y: number): void {
  artifact(doc, 'Layout', () => {
    doc.font(fontNames.regular).fontSize(type.small).fillColor(ink.muted)
      .text(labels.subject, geometry.left, y, { lineBreak: false });
  });
  const subjectY = y + 12;
  root.add(doc.struct('H1', {}, () => {
    doc.font(fontNames.bold).fontSize(type.subject).fillColor(ink.text)
      .text(letter.subject, geometry.left, subjectY, { width: geometry.bodyWidth, lineGap: type.bodyGap });
  }));
  doc.y += 18;
}

/** "€ 12,50" and "artikel 3.4" must not break after the sign or the word: a no-break space keeps them on one line. */
function keepTogether(text: string): string {
  return text.replace(/€ (?=\d)/g, '€\u00a0');
}

/**
 * How much earlier the current page must break so a paragraph does not carry a single last line
 * (a widow) over to the next page. PDFKit breaks when the next line's top plus its height passes the
 * bottom margin, and the wrapper reads that margin when the paragraph starts, so raising it for this
 * one paragraph moves the break. Measured with the regular font; a paragraph with much bold can
 * come out one line different, and then the widow stays.
 */
function widowShift(doc: Doc, text: string): number {
  doc.font(fontNames.regular).fontSize(type.body);
  const height = doc.currentLineHeight(true);
  const step = height + type.bodyGap;
  const fitting = Math.floor((doc.page.maxY() - doc.y - height) / step) + 1;
  // Measuring lays the paragraph out twice; skip it when even 0.75 em a character (text averages
  // about 0.5) would fit on this page, which is every paragraph but the one that meets the foot.
  if (Math.ceil((text.length * 0.75 * type.body) / geometry.bodyWidth) + 1 <= fitting) return 0;
  const lines = Math.round((doc.heightOfString(text, { width: geometry.bodyWidth, lineGap: type.bodyGap })) / step);
  const carried = lines - fitting;
  // Moving one line over must still leave two on this page, or the paragraph's start would be the orphan.
  return carried === 1 && fitting >= 3 ? step : 0;
}

function drawBlock(doc: Doc, root: Struct, block: LetterBlock, first: boolean): void {
  const line = bodyLineHeight(doc);
  if (block.type === 'heading') {
    ensureSpace(doc, (first ? 0 : type.headingSpaceBefore) + line * 3);
    if (!first && doc.y > doc.page.margins.top) doc.y += type.headingSpaceBefore;
    root.add(doc.struct('H2', {}, () => {
      doc.font(fontNames.bold).fontSize(type.heading).fillColor(ink.text)
        .text(block.text, geometry.left, doc.y, { width: geometry.bodyWidth, lineGap: type.bodyGap });
    }));
    doc.y += type.headingSpaceAfter;
    return;
  }
  // Two lines at least, so a paragraph does not leave its first line alone at the foot of a page.
  ensureSpace(doc, line * 2);
  const text = keepTogether(block.text);
  const page = doc.page;
  const bottom = page.margins.bottom;
  page.margins.bottom += widowShift(doc, plainText(text));
  const runs = paragraphRuns(text);
  root.add(doc.struct('P', {}, () => {
    doc.fillColor(ink.text);
    runs.forEach((run, index) => {
      const options = { width: geometry.bodyWidth, lineGap: type.bodyGap, continued: index < runs.length - 1 };
      doc.font(run.bold ? fontNames.bold : fontNames.regular).fontSize(type.body);
      if (index === 0) doc.text(run.text, geometry.left, doc.y, options);
      else doc.text(run.text, options);
    });
  }));
  page.margins.bottom = bottom;
  doc.y += type.paragraphSpace;
}

function drawSignature(doc: Doc, root: Struct, letter: LetterDocument): void {
  const line = bodyLineHeight(doc);
  const { closing, name, lines } = letter.signature;
  // Closing, a blank line, the name and its lines stay together on one page.
  ensureSpace(doc, type.paragraphSpace + line * (3 + lines.length));
  doc.y += type.paragraphSpace;
  const options = { width: geometry.bodyWidth, lineGap: type.bodyGap };
  root.add(doc.struct('Div', {}, [
    doc.struct('P', {}, () => {
      doc.font(fontNames.regular).fontSize(type.body).fillColor(ink.text).text(closing, geometry.left, doc.y, options);
    }),
    doc.struct('P', {}, () => {
      doc.font(fontNames.bold).fontSize(type.body).fillColor(ink.text).text(name, geometry.left, doc.y + line, options);
      for (const extra of lines) {
        doc.font(fontNames.regular).fontSize(type.body).text(extra, geometry.left, doc.y, options);
      }
    }),
  ]));
}

/** Lays out and tags the whole letter; pages are added as the text flows. */
export function drawLetter(doc: Doc, letter: LetterDocument, labels: LetterLabels): void {
  const root = doc.struct('Document');
  doc.addStructure(root);
  drawLetterhead(doc, root);
  const referencesEnd = drawReferences(doc, root, letter, labels);
  const addresseeEnd = drawAddressee(doc, root, letter);
  drawSubject(doc, root, letter, labels, Math.max(referencesEnd, addresseeEnd, 270) + 24);
  letter.blocks.forEach((block, index) => drawBlock(doc, root, block, index === 0));
  drawSignature(doc, root, letter);
  root.end();
}

/**
 * Page numbers on every page and a running head (date, case number) on the pages after the first,
 * written once the page count is known: the document buffers its pages for this.
 */
export function drawPageFurniture(doc: Doc, letter: LetterDocument, labels: LetterLabels): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Text below the bottom margin would make PDFKit start yet another page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    artifact(doc, 'Pagination', () => {
      doc.font(fontNames.regular).fontSize(type.small).fillColor(ink.text)
        .text(labels.page(index - start + 1, count), geometry.columnX, geometry.footerY, { lineBreak: false });
      if (index > start) {
        doc.y = geometry.top;
        smallPair(doc, labels.date, formatLetterDate(letter.date, letter.language), geometry.columnX, geometry.columnWidth);
        smallPair(doc, labels.caseNumber, letter.references.caseNumber, geometry.columnX, geometry.columnWidth);
      }
    });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * A small PDF 1.4 writer for the demo dataset's documents: pages of text in the standard fonts
 * (WinAnsi encoding), lines and boxes, and grayscale raster images for scanned-looking pages.
 * Written by hand rather than with pdf-lib because 100,000 cases need hundreds of thousands of small
 * PDFs in two minutes; the output is plain, deterministic (no clock, no random id) and checked by
 * pdf.js, pdf-lib and poppler in the tests. The catalog and page tree are written last, so a
 * truncated copy loses them and is broken for every reader, as intended.
 */
import { deflateSync } from 'node:zlib';

/** The standard fonts a page may use. */
export type FontName = 'sans' | 'sansBold' | 'mono' | 'serif';

const fontResources: Record<FontName, { resource: string; baseFont: string }> = {
  sans: { resource: 'F1', baseFont: 'Helvetica' },
  sansBold: { resource: 'F2', baseFont: 'Helvetica-Bold' },
  mono: { resource: 'F3', baseFont: 'Courier' },
  serif: { resource: 'F4', baseFont: 'Times-Roman' },
};
const fontOrder: FontName[] = ['sans', 'sansBold', 'mono', 'serif'];

/** An 8-bit grayscale raster (0 black, 255 white), row by row from the top. */
export type GrayImage = { width: number; height: number; pixels: Uint8Array };

/** Characters of WinAnsiEncoding outside Latin-1, by code point. */
const winAnsiExtras: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  Š: 0x8a, '‹': 0x8b, Œ: 0x8c, Ž: 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96,
  '—': 0x97, '˜': 0x98, '™': 0x99, š: 0x9a, '›': 0x9b, œ: 0x9c, ž: 0x9e, Ÿ: 0x9f,
};

/** Whether a character can be shown in the standard fonts (WinAnsiEncoding). */
export function isWinAnsi(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || character in winAnsiExtras;
}

/** A PDF literal string in WinAnsi bytes (as a latin1 string); unknown characters become '?'. */
function literal(text: string): string {
  let out = '(';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0x3f;
    let byte: number;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) byte = code;
    else byte = winAnsiExtras[character] ?? 0x3f;
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += '\\';
    out += String.fromCharCode(byte);
  }
  return `${out})`;
}

function number(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** One page being drawn; coordinates in points from the bottom left. */
export class PageBuilder {
  readonly operations: string[] = [];
  readonly images: GrayImage[] = [];
  readonly fonts = new Set<FontName>();

  constructor(readonly width = 595, readonly height = 842) {}

  /** Draws one line of text. */
  text(x: number, y: number, text: string, size = 10, font: FontName = 'sans'): this {
    this.fonts.add(font);
    this.operations.push(`BT /${fontResources[font].resource} ${number(size)} Tf ${number(x)} ${number(y)} Td ${literal(text)} Tj ET`);
    return this;
  }

  /** Draws wrapped text from the top line at y downwards; returns the y below the last line. */
  paragraph(x: number, y: number, text: string, options: { size?: number; font?: FontName; maxCharacters?: number } = {}): number {
    const size = options.size ?? 10;
    let lineY = y;
    for (const line of wrap(text, options.maxCharacters ?? 95)) {
      this.text(x, lineY, line, size, options.font ?? 'sans');
      lineY -= size * 1.35;
    }
    return lineY;
  }

  /** Large light text at an angle, e.g. SPECIMEN across a document. */
  watermark(x: number, y: number, text: string, size: number, degrees: number, gray = 0.82): this {
    this.fonts.add('sansBold');
    const radians = (degrees * Math.PI) / 180;
    const cos = Math.cos(radians).toFixed(4);
    const sin = Math.sin(radians).toFixed(4);
    const negativeSin = (-Math.sin(radians)).toFixed(4);
    this.operations.push(`BT ${number(gray)} g /F2 ${number(size)} Tf ${cos} ${sin} ${negativeSin} ${cos} ${number(x)} ${number(y)} Tm ${literal(text)} Tj ET 0 g`);
    return this;
  }

  /** A rectangle: filled with a gray level (0 black, 1 white) or stroked. */
  rectangle(x: number, y: number, width: number, height: number, fill?: number): this {
    if (fill === undefined) this.operations.push(`0 G 0.8 w ${number(x)} ${number(y)} ${number(width)} ${number(height)} re S`);
    else this.operations.push(`${number(fill)} g ${number(x)} ${number(y)} ${number(width)} ${number(height)} re f 0 g`);
    return this;
  }

  /** A straight line. */
  line(x1: number, y1: number, x2: number, y2: number): this {
    this.operations.push(`0 G 0.5 w ${number(x1)} ${number(y1)} m ${number(x2)} ${number(y2)} l S`);
    return this;
  }

  /** Places a grayscale image; the same image object on several pages is stored once per file. */
  image(image: GrayImage, x: number, y: number, width: number, height: number): this {
    let index = this.images.indexOf(image);
    if (index < 0) index = this.images.push(image) - 1;
    this.operations.push(`q ${number(width)} 0 0 ${number(height)} ${number(x)} ${number(y)} cm /ImPAGE${index} Do Q`);
    return this;
  }
}

/** Splits text into lines of at most maxCharacters, at spaces where possible. */
export function wrap(text: string, maxCharacters: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + 1 + word.length > maxCharacters) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** Document information; `created` is the date the document claims, never the generator's clock. */
export type PdfInformation = { title: string; author?: string; created: string };

/** Options for deliberately broken output. */
export type PdfWriteOptions = {
  /** Adds a Standard security handler whose user password is not empty: readers ask for a password. */
  encryptWithId?: string;
};

function pdfDate(isoDate: string): string {
  return `D:${isoDate.replaceAll('-', '')}090000Z`;
}

/** Serialises pages into PDF bytes, deterministically. */
export function writePdf(pages: readonly PageBuilder[], information: PdfInformation, options: PdfWriteOptions = {}): Buffer {
  const chunks: string[] = [];
  let length = 0;
  const offsets: number[] = [];
  const push = (text: string) => {
    chunks.push(text);
    length += text.length;
  };
  const object = (id: number, body: string) => {
    offsets[id] = length;
    push(`${id} 0 obj\n${body}\nendobj\n`);
  };

  // Object numbers: fonts 1-4, page tree 5, catalog 6, info 7, encryption 8, then images and pages.
  let next = 9;
  const imageIds = new Map<GrayImage, number>();
  for (const page of pages) for (const image of page.images) if (!imageIds.has(image)) imageIds.set(image, next++);
  const pageIds = pages.map(() => {
    const ids = { page: next, content: next + 1 };
    next += 2;
    return ids;
  });

  push('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n');
  fontOrder.forEach((font, index) => {
    object(index + 1, `<< /Type /Font /Subtype /Type1 /BaseFont /${fontResources[font].baseFont} /Encoding /WinAnsiEncoding >>`);
  });
  for (const [image, id] of imageIds) {
    const data = deflateSync(image.pixels, { level: 6 }).toString('latin1');
    object(id, `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray `
      + `/BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n${data}\nendstream`);
  }
  pages.forEach((page, index) => {
    const ids = pageIds[index];
    if (!ids) return;
    let content = page.operations.join('\n');
    page.images.forEach((image, imageIndex) => {
      content = content.replaceAll(`/ImPAGE${imageIndex} `, `/Im${imageIds.get(image) ?? 0} `);
    });
    const fonts = fontOrder.filter((font) => page.fonts.has(font))
      .map((font) => `/${fontResources[font].resource} ${fontOrder.indexOf(font) + 1} 0 R`).join(' ');
    const images = page.images.map((image) => `/Im${imageIds.get(image) ?? 0} ${imageIds.get(image) ?? 0} 0 R`).join(' ');
    const resources = `<< /Font << ${fonts} >>${images ? ` /XObject << ${images} >>` : ''} >>`;
    object(ids.content, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    object(ids.page, `<< /Type /Page /Parent 5 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Resources ${resources} /Contents ${ids.content} 0 R >>`);
  });
  object(5, `<< /Type /Pages /Count ${pages.length} /Kids [${pageIds.map((ids) => `${ids.page} 0 R`).join(' ')}] >>`);
  object(6, '<< /Type /Catalog /Pages 5 0 R >>');
  const author = information.author ? ` /Author ${literal(information.author)}` : '';
  object(7, `<< /Title ${literal(information.title)}${author} /Producer (Werkbank training dataset) `
    + `/CreationDate (${pdfDate(information.created)}) /ModDate (${pdfDate(information.created)}) >>`);
  let trailerExtra = '';
  if (options.encryptWithId) {
    // A Standard handler (RC4, 40-bit) whose /U does not match the empty password: every reader
    // must ask for a password, which is what the app's error handling is exercised with.
    const id = options.encryptWithId.padEnd(32, '0').slice(0, 32);
    object(8, `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -3904 /O <${id}${id}> /U <${id.split('').reverse().join('')}${id}> >>`);
    trailerExtra = ` /Encrypt 8 0 R /ID [<${id}> <${id}>]`;
  } else {
    object(8, 'null');
  }
  const xrefOffset = length;
  let xref = `xref\n0 ${next}\n0000000000 65535 f \n`;
  for (let id = 1; id < next; id += 1) xref += `${String(offsets[id] ?? 0).padStart(10, '0')} 00000 n \n`;
  push(xref);
  push(`trailer\n<< /Size ${next} /Root 6 0 R /Info 7 0 R${trailerExtra} >>\nstartxref\n${xrefOffset}\n%%EOF\n`);
  return Buffer.from(chunks.join(''), 'latin1');
}

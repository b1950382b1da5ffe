/**
 * The fonts every letter embeds (resources/fonts, OFL). The caller says where they are: the server
 * runs from the repository, the packaged app from its resources folder, and src/render may not ask
 * Electron, so the folder is an argument and only the default assumes the repository layout.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface LetterFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export const letterFontFiles = { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } as const;

/** resources/fonts of the working directory: the server, the tests and the benches start at the repository root. */
export function defaultLetterFontDirectory(): string {
  return resolve(process.cwd(), 'resources', 'fonts');
}

export async function loadLetterFonts(directory: string = defaultLetterFontDirectory()): Promise<LetterFonts> {
  const [regular, bold] = await Promise.all([
    readFile(join(directory, letterFontFiles.regular)),
    readFile(join(directory, letterFontFiles.bold)),
  ]);
  return { regular, bold };
}

/**
 * fontkit's parsed font, which PDFKit takes in place of a file's bytes (PDFFontFactory.open accepts
 * anything with a `layout` method). Parsing Noto Sans's tables is most of a render's time, and the
 * parsed font holds no state of a document, so it is parsed once per loaded file and shared.
 */
interface ParsedFont {
  layout: (...args: never[]) => unknown;
}

interface PdfKitFontInternals {
  _font: { font: ParsedFont } | null;
}

const parsedFonts = new WeakMap<Uint8Array, ParsedFont>();

/**
 * Registers the letter fonts on a document and selects each once, regular first, whatever is cached:
 * PDFKit numbers fonts (F1, F2) in the order they are first selected and derives the subset tag in
 * the font's name from that number, so the order must never depend on what happened before.
 */
export function registerLetterFonts(doc: PDFKit.PDFDocument, fonts: LetterFonts, names: { regular: string; bold: string }): void {
  for (const [name, bytes] of [[names.regular, fonts.regular], [names.bold, fonts.bold]] as const) {
    const parsed = parsedFonts.get(bytes);
    // The cast only widens PDFKit's declared source types to what its code accepts (see ParsedFont).
    doc.registerFont(name, (parsed ?? bytes) as unknown as PDFKit.Mixins.PDFFontSource);
    doc.font(name);
    if (parsed === undefined) {
      const current = (doc as unknown as PdfKitFontInternals)._font;
      if (current !== null) parsedFonts.set(bytes, current.font);
    }
  }
}

const digests = new WeakMap<LetterFonts, string>();

/**
 * Part of the document ID: other font files give other bytes, so they must give another ID too.
 * Cached per loaded set because hashing a megabyte of fonts for every preview keystroke is waste.
 */
export function fontDigest(fonts: LetterFonts): string {
  let digest = digests.get(fonts);
  if (digest === undefined) {
    digest = createHash('sha256').update(fonts.regular).update(fonts.bold).digest('hex');
    digests.set(fonts, digest);
  }
  return digest;
}

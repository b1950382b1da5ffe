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

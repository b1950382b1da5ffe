/**
 * One letter, from its frame and body to its PDF bytes and their SHA-256: the one module the data
 * host (preview) and the central API (approval, sending, `GET /letters/{id}/pdf`) render with. It
 * reads each template once and the fonts once, and takes no date or id from the clock, so the same
 * letter always gives the same bytes.
 */
import { createHash } from 'node:crypto';
import type { Language } from '../../shared/contract/common';
import type { Regime } from '../../shared/domain/rules';
import type { LetterBlock } from '../../shared/letters/blocks';
import type { LetterBody } from '../../shared/letters/body';
import { letterDocument, type LetterDocument } from '../../shared/letters/document';
import type { LetterFields } from '../../shared/letters/fields';
import type { LetterKind } from '../../shared/sync/mutations';
import { composeBlocks, toLetterDocument } from './compose';
import { defaultLettersDirectory } from './location';
import { defaultLetterFontDirectory, type LetterFonts, loadLetterFonts, renderLetterPdf } from './pdf';
import { createLetterRenderer, type RenderedLetter } from './templates';

export interface LetterInput {
  kind: LetterKind;
  language: Language;
  regime: Regime;
  fields: LetterFields;
  /** The editor's document; null renders the template's own proposal (a new letter). */
  body: LetterBody | null;
}

export interface MadeLetter {
  pdf: Uint8Array;
  sha256: string;
  pageCount: number | undefined;
  /** The letter's blocks: the template's standard texts with the body's free text, as checked and laid out. */
  blocks: LetterBlock[];
  /** The template's own blocks, for a new letter's first body. */
  templateBlocks: LetterBlock[];
  rendered: RenderedLetter;
  /** The template the letter was made from, without `.liquid`: what a draft's frame records. */
  template: string;
  document: LetterDocument;
}

/** The composed letter cannot be laid out: a block too long, a control character in a name. */
export class LetterLayoutError extends Error {
  constructor(readonly template: string, readonly field: string) {
    super(`letter ${template} cannot be laid out (${field})`);
  }
}

/** The fonts could not be read; the next call tries again. */
export class LetterFontsError extends Error {}

export interface LetterMakerOptions {
  lettersDirectory?: string | undefined;
  fontsDirectory?: string | undefined;
}

/** PDFKit writes every page object as "/Type /Page"; the page tree is "/Pages". */
function countPages(pdf: Uint8Array): number | undefined {
  const count = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
  return count > 0 ? count : undefined;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export class LetterMaker {
  private readonly renderer;
  private fonts: Promise<LetterFonts> | null = null;

  constructor(private readonly options: LetterMakerOptions = {}) {
    this.renderer = createLetterRenderer({ directory: options.lettersDirectory ?? defaultLettersDirectory });
  }

  /** Throws LetterTemplateError (templates.ts), LetterLayoutError or LetterFontsError. */
  async make(input: LetterInput): Promise<MadeLetter> {
    const rendered = await this.renderer.render(input);
    const template = rendered.file.replace(/\.liquid$/, '');
    const blocks = composeBlocks(rendered, input.body, input.fields);
    const document = letterDocument.safeParse(toLetterDocument(rendered, blocks, input.fields));
    if (!document.success) throw new LetterLayoutError(template, document.error.issues[0]?.path.join('.') ?? '');
    const pdf = await renderLetterPdf(document.data, await this.loadFonts());
    // A copy: a pooled Buffer's ArrayBuffer would be transferred whole over a MessagePort.
    const bytes = new Uint8Array(pdf);
    return {
      pdf: bytes, sha256: sha256Hex(bytes), pageCount: countPages(bytes), blocks, templateBlocks: rendered.blocks,
      rendered, template, document: document.data,
    };
  }

  private loadFonts(): Promise<LetterFonts> {
    if (!this.fonts) {
      const directory = this.options.fontsDirectory ?? defaultLetterFontDirectory();
      this.fonts = loadLetterFonts(directory).catch((error: unknown) => {
        // Forgotten, so that the next call tries again (a folder restored, a disk remounted).
        this.fonts = null;
        throw new LetterFontsError(error instanceof Error ? error.name : 'unknown');
      });
    }
    return this.fonts;
  }
}

/**
 * The letter preview: the case's fields through the template in effect on the letter date
 * (src/render/letters/templates.ts), the blocks made into the structured letter and that laid out as
 * the PDF (src/render/letters/pdf.ts), the same renderer and fonts the central API uses for the
 * letter it sends. The renderer parses each template once and the fonts are read once per host.
 */
import { createHash } from 'node:crypto';
import type { Language, LetterPreview, LetterTemplateInfo } from '../../../shared/contract';
import type { Regime } from '../../../shared/domain/rules';
import type { LetterBlock } from '../../../shared/letters/blocks';
import { letterDocument, type LetterDocument } from '../../../shared/letters/document';
import type { LetterFields } from '../../../shared/letters/fields';
import { letterTemplates, selectTemplate, templateFile, type LetterTemplateEntry } from '../../../shared/letters/manifest';
import { RpcError } from '../../../shared/rpc';
import { letterKind, type LetterKind } from '../../../shared/sync/mutations';
import { defaultLetterFontDirectory, type LetterFonts, loadLetterFonts, renderLetterPdf } from '../../../render/letters/pdf';
import { createLetterRenderer, LetterTemplateError, type RenderedLetter } from '../../../render/letters/templates';
import { defaultLettersDirectory } from '../../../render/letters/location';
import type { Logger } from '../log';

/** Template blocks the layout prints in places of its own (address window, reference column, signature). */
const placedBlocks = new Set(['address', 'references', 'subject', 'signature', 'signatory']);

const closingFallback: Record<Language, string> = { nl: 'Met vriendelijke groet,', en: 'Kind regards,' };

export interface LetterPreviewOptions {
  lettersDirectory?: string | undefined;
  fontsDirectory?: string | undefined;
  logger: Logger;
}

const info = (entry: LetterTemplateEntry): LetterTemplateInfo => ({
  kind: entry.kind, language: entry.language, title: entry.title, variant: entry.variant, effectiveFrom: entry.effectiveFrom,
});

/** The templates in effect on a day for a regime, per kind, Dutch first; a language without its own text shows the Dutch one once. */
export function templatesFor(regime: Regime, today: string): LetterTemplateInfo[] {
  const seen = new Set<string>();
  const items: LetterTemplateInfo[] = [];
  for (const kind of letterKind.options) {
    for (const language of ['nl', 'en'] as const) {
      const entry = selectTemplate(letterTemplates, kind, language, regime, today);
      if (!entry || seen.has(templateFile(entry))) continue;
      seen.add(templateFile(entry));
      items.push(info(entry));
    }
  }
  return items;
}

const lines = (block: LetterBlock | undefined): string[] =>
  block ? block.text.split('\n').map((line) => line.trim()).filter((line) => line !== '') : [];

/** The subject as the layout wants it: the layout prints its own "Betreft", so the template's label goes. */
function subjectOf(heading: LetterBlock | undefined, entry: LetterTemplateEntry): string {
  const text = heading?.text.replace(/\s+/g, ' ').replace(/^(Onderwerp|Subject):\s*/i, '').trim() ?? '';
  return text === '' ? entry.title : text.charAt(0).toUpperCase() + text.slice(1);
}

/** The rendered blocks as the structured letter the PDF is made from. */
export function toLetterDocument(rendered: RenderedLetter, fields: LetterFields): LetterDocument {
  const byName = new Map(rendered.blocks.map((block) => [block.block, block] as const));
  const recipient = fields.representative ?? fields.applicant;
  const signatory = lines(byName.get('signatory'));
  const closing = lines(byName.get('signature')).join(' ');
  return {
    language: rendered.language,
    date: fields.letter.date,
    references: { vNumber: fields.applicant.vNumber, caseNumber: fields.case.caseNumber, ourReference: fields.letter.reference },
    addressee: { name: recipient.name, addressLines: recipient.addressLines },
    subject: subjectOf(byName.get('subject'), rendered.template),
    blocks: rendered.blocks.filter((block) => !placedBlocks.has(block.block)).flatMap((block): LetterDocument['blocks'] =>
      block.type === 'heading'
        ? [{ type: 'heading', text: block.text.replace(/\s+/g, ' ').trim() }]
        // A kept line break ("lines" blocks) is a paragraph of its own: the letter's text holds no control characters.
        : lines(block).map((text) => ({ type: 'paragraph', text }))),
    signature: {
      closing: closing === '' ? closingFallback[rendered.language] : closing,
      name: signatory[0] ?? fields.letter.signatory,
      lines: signatory.slice(1, 5),
    },
  };
}

/** PDFKit writes every page object as "/Type /Page"; the page tree is "/Pages". */
function countPages(pdf: Uint8Array): number | undefined {
  const count = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
  return count > 0 ? count : undefined;
}

export class LetterPreviewer {
  private readonly renderer;
  private fonts: Promise<LetterFonts> | null = null;

  constructor(private readonly options: LetterPreviewOptions) {
    this.renderer = createLetterRenderer({ directory: options.lettersDirectory ?? defaultLettersDirectory });
  }

  async preview(request: { kind: LetterKind; language: Language; regime: Regime; fields: LetterFields }): Promise<LetterPreview> {
    let rendered: RenderedLetter;
    try {
      rendered = await this.renderer.render(request);
    } catch (error) {
      throw this.renderError(error, request.fields);
    }
    const document = letterDocument.safeParse(toLetterDocument(rendered, request.fields));
    if (!document.success) {
      const field = document.error.issues[0]?.path.join('.') ?? '';
      this.options.logger.warn('letters.layout_refused', { template: rendered.file, field });
      throw new RpcError('invalid_arguments', 'This letter cannot be laid out as it stands.', { reason: 'invalid_document', field });
    }
    const pdf = await renderLetterPdf(document.data, await this.loadFonts());
    // A copy: a pooled Buffer's ArrayBuffer would be transferred whole over a MessagePort.
    const bytes = new Uint8Array(pdf);
    const pageCount = countPages(bytes);
    return {
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      ...(pageCount === undefined ? {} : { pageCount }),
      blocks: rendered.blocks,
      template: { ...info(rendered.template), fellBack: rendered.fellBack },
    };
  }

  private loadFonts(): Promise<LetterFonts> {
    if (!this.fonts) {
      const directory = this.options.fontsDirectory ?? defaultLetterFontDirectory();
      this.fonts = loadLetterFonts(directory).catch((error: unknown) => {
        // Forgotten, so that the next preview tries again (a folder restored, a disk remounted).
        this.fonts = null;
        this.options.logger.error('letters.fonts_unreadable', { error: error instanceof Error ? error.name : 'unknown' });
        throw new RpcError('unavailable', 'The letter fonts could not be read.', { reason: 'fonts_missing' });
      });
    }
    return this.fonts;
  }

  /**
   * The renderer's messages name templates and fields but may quote rendered text, so they are not
   * passed on: the code and the field path are what the caller and the log get.
   */
  private renderError(error: unknown, fields: LetterFields): Error {
    if (!(error instanceof LetterTemplateError)) return error instanceof Error ? error : new Error('letter render failed');
    const details = { reason: error.code, ...(error.field === undefined ? {} : { field: error.field }) };
    this.options.logger.warn('letters.render_failed', { code: error.code, ...(error.template ? { template: error.template } : {}), ...(error.field ? { field: error.field } : {}) });
    switch (error.code) {
      case 'no_template':
        return new RpcError('not_found', 'No template of this kind applies to this case on the letter date.', details);
      case 'template_missing':
        return new RpcError('unavailable', 'A letter template is missing from this installation.', details);
      case 'invalid_fields':
        return new RpcError('invalid_arguments', 'The letter\'s fields do not match the field catalogue.', details);
      case 'template_error': {
        // A field of a group the case has no facts for (a decision without reasoning) is the case's gap, not the template's.
        const group = error.field?.split('.')[0];
        if (group !== undefined && Object.hasOwn(fields, group) && fields[group as keyof LetterFields] === null) {
          return new RpcError('not_found', 'The case lacks facts this letter needs.', { reason: 'missing_facts', missing: error.field ?? group });
        }
        return new RpcError('unavailable', 'A letter template could not be rendered.', details);
      }
    }
  }
}

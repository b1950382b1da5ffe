/**
 * The letter preview: the case's fields through the template in effect on the letter date
 * (src/render/letters/templates.ts), the blocks made into the structured letter and that laid out as
 * the PDF (src/render/letters/pdf.ts), the same renderer and fonts the central API uses for the
 * letter it sends. The renderer parses each template once and the fonts are read once per host.
 */
import type { LetterPreview, LetterTemplateInfo } from '../../../shared/contract';
import type { Regime } from '../../../shared/domain/rules';
import type { LetterFields } from '../../../shared/letters/fields';
import { letterTemplates, selectTemplate, templateFile, type LetterTemplateEntry } from '../../../shared/letters/manifest';
import { RpcError } from '../../../shared/rpc';
import { letterKind } from '../../../shared/sync/mutations';
import { LetterFontsError, LetterLayoutError, LetterMaker, type LetterInput, type MadeLetter } from '../../../render/letters/letter';
import { LetterTemplateError } from '../../../render/letters/templates';
import type { Logger } from '../log';

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

export class LetterPreviewer {
  private readonly maker;

  constructor(private readonly options: LetterPreviewOptions) {
    this.maker = new LetterMaker({ lettersDirectory: options.lettersDirectory, fontsDirectory: options.fontsDirectory });
  }

  async make(request: LetterInput): Promise<MadeLetter> {
    try {
      return await this.maker.make(request);
    } catch (error) {
      throw this.renderError(error, request.fields);
    }
  }

  async preview(request: LetterInput): Promise<LetterPreview> {
    const made = await this.make(request);
    return previewOf(made);
  }

  /**
   * The renderer's messages name templates and fields but may quote rendered text, so they are not
   * passed on: the code and the field path are what the caller and the log get.
   */
  private renderError(error: unknown, fields: LetterFields): Error {
    if (error instanceof LetterLayoutError) {
      this.options.logger.warn('letters.layout_refused', { template: error.template, field: error.field });
      return new RpcError('invalid_arguments', 'This letter cannot be laid out as it stands.', { reason: 'invalid_document', field: error.field });
    }
    if (error instanceof LetterFontsError) {
      this.options.logger.error('letters.fonts_unreadable', { error: error.message });
      return new RpcError('unavailable', 'The letter fonts could not be read.', { reason: 'fonts_missing' });
    }
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

/** A made letter as the preview call answers it. */
export function previewOf(made: MadeLetter): LetterPreview {
  return {
    bytes: made.pdf,
    sha256: made.sha256,
    ...(made.pageCount === undefined ? {} : { pageCount: made.pageCount }),
    blocks: made.blocks,
    template: { ...info(made.rendered.template), fellBack: made.rendered.fellBack },
  };
}

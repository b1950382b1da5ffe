/**
 * The central API's letters: one LetterMaker per server (templates parsed once, fonts read once),
 * rendering a stored letter exactly as the data host previews it, and the consistency check against
 * the server's own record. Approval, sending and `GET /letters/{id}/pdf` all render through here, so
 * the bytes a reviewer approves are the bytes that are sent and the bytes anyone can fetch.
 */
import { isRegime, type Regime } from '../../shared/domain/rules';
import { storedLetterBody } from '../../shared/letters/body';
import { checkLetterConsistency, type LetterFinding } from '../../shared/letters/consistency';
import type { LetterFrame } from '../../shared/letters/draft';
import { letterKind, type LetterKind } from '../../shared/sync/mutations';
import { LetterFontsError, LetterLayoutError, LetterMaker, type MadeLetter } from '../../render/letters/letter';
import { LetterTemplateError } from '../../render/letters/templates';
import type { CaseRow } from '../cases/records';
import type { Executor } from '../db/database';
import type { letters } from '../db/schema';
import type { Logger } from '../services';
import { letterCheckRecord } from './record';

export type LetterRow = typeof letters.$inferSelect;

export interface LetterServiceOptions {
  /** The letters folder (default: resources/letters of the repository, as the host's). */
  lettersDirectory?: string | undefined;
  /** The letter fonts (default: the repository's, as the host's). */
  fontsDirectory?: string | undefined;
  logger: Logger;
}

/**
 * Why a stored letter cannot be rendered. `reason` is a code or a template or field path, never text
 * of the letter, so it may go into a rejection and a log.
 */
export class LetterNotRenderable extends Error {
  constructor(readonly reason: string, readonly serverFault = false) {
    super(reason);
  }
}

/** A stored letter, ready to render: its kind, frame and the case's regime checked. */
export interface RenderableLetter {
  kind: LetterKind;
  frame: LetterFrame;
  regime: Regime;
}

export const noFrameReason = 'letter has no frame: save it with this version first';

export class LetterService {
  private readonly maker: LetterMaker;

  constructor(private readonly options: LetterServiceOptions) {
    this.maker = new LetterMaker({ lettersDirectory: options.lettersDirectory, fontsDirectory: options.fontsDirectory });
  }

  /** The letter's kind, frame and regime; null when it has no frame (saved before frames, or by an older workbench). */
  renderable(letter: LetterRow, kase: CaseRow): RenderableLetter | null {
    if (letter.frame === null) return null;
    const kind = letterKind.safeParse(letter.kind);
    if (!kind.success) throw new LetterNotRenderable('unknown_kind');
    if (!isRegime(kase.regime)) throw new LetterNotRenderable('unknown_regime');
    return { kind: kind.data, frame: letter.frame, regime: kase.regime };
  }

  /** Renders the letter's current version: its frame's fields and its stored body. */
  async make(letter: LetterRow, renderable: RenderableLetter): Promise<MadeLetter> {
    const { kind, frame, regime } = renderable;
    let made: MadeLetter;
    try {
      made = await this.maker.make({ kind, language: frame.language, regime, fields: frame.fields, body: storedLetterBody(letter.body) });
    } catch (error) {
      throw this.renderError(error, letter.id);
    }
    // A letter keeps the template version it was drafted from; a different one means the text changed under it.
    if (made.template !== frame.template) throw new LetterNotRenderable('template_changed');
    return made;
  }

  /** The consistency check of a rendered letter against the case record the server holds. */
  async check(executor: Executor, kase: CaseRow, renderable: RenderableLetter, made: MadeLetter): Promise<LetterFinding[]> {
    const { kind, frame, regime } = renderable;
    const record = await letterCheckRecord(executor, kase, regime, frame.letterDate, frame);
    return checkLetterConsistency({
      kind, fields: frame.fields, blocks: made.blocks, record,
      grounds: (frame.decision?.groundIds ?? []).map((reference) => ({ reference })),
    });
  }

  /** The renderer's messages may quote rendered text: only codes and paths are logged and passed on. */
  private renderError(error: unknown, letterId: string): Error {
    if (error instanceof LetterLayoutError) {
      this.options.logger.warn('letters.layout_refused', { letterId, template: error.template, field: error.field });
      return new LetterNotRenderable(`invalid_document: ${error.field}`);
    }
    if (error instanceof LetterFontsError) {
      this.options.logger.error('letters.fonts_unreadable', { letterId, error: error.message });
      return new LetterNotRenderable('fonts_missing', true);
    }
    if (error instanceof LetterTemplateError) {
      this.options.logger.warn('letters.render_failed', { letterId, code: error.code, field: error.field ?? null });
      return new LetterNotRenderable(error.field === undefined ? error.code : `${error.code}: ${error.field}`, error.code === 'template_missing');
    }
    return error instanceof Error ? error : new Error('letter render failed');
  }
}

/** The codes of the blocking findings, for a rejection's reason: codes and field paths only, no values. */
export function findingsReason(findings: readonly LetterFinding[]): string {
  const codes = findings.filter((entry) => entry.severity === 'error')
    .map((entry) => (entry.field === undefined ? entry.code : `${entry.code} (${entry.field})`));
  return `letter is inconsistent with the case: ${[...new Set(codes)].join(', ')}`;
}

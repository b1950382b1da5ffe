/**
 * Renders letter templates (resources/letters, listed in src/shared/letters/manifest.ts) into blocks.
 *
 * LiquidJS runs in strict mode: an unknown field or filter is an error naming the template and the
 * field, never an empty spot in a decision. The fields are checked against `letterFields` before a
 * render, so "unknown" means "not in the catalogue", the same list the editor offers.
 */
import { Context, LiquidError, type Liquid, type Template } from 'liquidjs';
import type { Language } from '../../shared/contract/common';
import type { Regime } from '../../shared/domain/rules';
import type { LetterBlock } from '../../shared/letters/blocks';
import { letterFields, type LetterFields } from '../../shared/letters/fields';
import { letterTemplates, selectTemplate, templateFile, type LetterTemplateEntry } from '../../shared/letters/manifest';
import type { LetterKind } from '../../shared/sync/mutations';
import { createTemplateEngine, failureOf, parsedFiles, positionOf, trimTagLines } from '../templates/engine';
import { attachCollector, newCollector, registerBlockTags, type FreeSlot } from './blocks';
import { defaultLettersDirectory } from './location';
import { absentFieldMessage, letterScope } from './scope';

export type LetterTemplateErrorCode =
  /** No template of the kind for the regime is in effect on the letter date, in any language. */
  | 'no_template'
  /** The manifest lists a file that is not in the letters folder. */
  | 'template_missing'
  /** The fields do not match the catalogue. */
  | 'invalid_fields'
  /** The template does not parse, or its render failed (unknown field or filter, a bad value). */
  | 'template_error';

/** A letter that cannot be rendered. Messages name templates, fields and filters, never values. */
export class LetterTemplateError extends Error {
  override readonly name = 'LetterTemplateError';
  constructor(
    readonly code: LetterTemplateErrorCode,
    message: string,
    /** The template's file, relative to the letters folder, when one was chosen. */
    readonly template?: string,
    /** The unknown or invalid field (`applicant.nmae`), or the unknown filter, when that is the cause. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface LetterRequest {
  kind: LetterKind;
  /** The applicant's language; Dutch is used when the template has no version in it. */
  language: Language;
  regime: Regime;
  /** The fields; `letter.date` is the letter date that picks the template version. */
  fields: LetterFields;
}

export interface RenderedLetter {
  template: LetterTemplateEntry;
  /** The template's file, relative to the letters folder. */
  file: string;
  /** The language the letter is written in (the template's). */
  language: Language;
  /** True when the requested language had no template and the Dutch one was used. */
  fellBack: boolean;
  blocks: LetterBlock[];
  /** Free blocks the template leaves empty (a reasoning still to write), where they go. */
  emptyFreeBlocks: FreeSlot[];
}

export interface LetterRendererOptions {
  /** The letters folder (default: resources/letters of the repository, see location.ts). */
  directory?: string;
  /** The templates to choose from (default: the manifest). */
  templates?: readonly LetterTemplateEntry[];
}

export interface LetterRenderer {
  /** Picks the template for a letter and renders it. */
  render(request: LetterRequest): Promise<RenderedLetter>;
  /** Renders one listed template as it is (tests, the preview of a template). */
  renderTemplate(entry: LetterTemplateEntry, fields: LetterFields): Promise<RenderedLetter>;
}

/** A renderer over a letters folder; it parses each template file once. */
export function createLetterRenderer(options: LetterRendererOptions = {}): LetterRenderer {
  const directory = options.directory ?? defaultLettersDirectory;
  const entries = options.templates ?? letterTemplates;
  const read = parsedFiles<Template[]>(directory,
    (file) => new LetterTemplateError('template_missing', `letter template ${file} is listed but not found in the letters folder`, file));
  const load = (entry: LetterTemplateEntry): Promise<Template[]> => {
    const file = templateFile(entry);
    return read(file, (source) => parseTemplate(source, file, entry.language));
  };

  const renderTemplate = async (entry: LetterTemplateEntry, fields: LetterFields, fellBack = false): Promise<RenderedLetter> => {
    const file = templateFile(entry);
    const checked = checkFields(fields, file);
    const { blocks, emptyFree } = renderParsed(await load(entry), file, entry.language, checked);
    return { template: entry, file, language: entry.language, fellBack, blocks, emptyFreeBlocks: emptyFree };
  };

  return {
    renderTemplate,
    async render(request) {
      const letterDate = request.fields.letter.date;
      const entry = selectTemplate(entries, request.kind, request.language, request.regime, letterDate);
      if (!entry) {
        throw new LetterTemplateError('no_template', `no ${request.kind} template for regime ${request.regime} is in effect on ${letterDate}`);
      }
      return renderTemplate(entry, request.fields, entry.language !== request.language);
    },
  };
}

/** Renders a template's source directly (the editor's preview of an unsaved template, tests). */
export function renderLetterSource(source: string, name: string, language: Language, fields: LetterFields): LetterBlock[] {
  return renderParsed(parseTemplate(source, name, language), name, language, checkFields(fields, name)).blocks;
}

/** One engine per language: the shared strict engine (render/templates/engine.ts) with the block tags. */
const engines = new Map<Language, Liquid>();

function engine(language: Language): Liquid {
  const existing = engines.get(language);
  if (existing) return existing;
  const liquid = createTemplateEngine(language);
  registerBlockTags(liquid);
  engines.set(language, liquid);
  return liquid;
}

export { trimTagLines };

function parseTemplate(source: string, name: string, language: Language): Template[] {
  try {
    return engine(language).parse(trimTagLines(source), name);
  } catch (error) {
    throw templateError(error, name);
  }
}

function checkFields(fields: LetterFields, name: string): LetterFields {
  const result = letterFields.safeParse(fields);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue ? issue.path.join('.') : '';
  throw new LetterTemplateError('invalid_fields', `the fields for ${name} do not match the catalogue at "${path}": ${issue?.message ?? 'invalid'}`, name, path);
}

function renderParsed(templates: Template[], name: string, language: Language, fields: LetterFields): { blocks: LetterBlock[]; emptyFree: FreeSlot[] } {
  const liquid = engine(language);
  const context = new Context(letterScope(fields), liquid.options);
  const collector = newCollector();
  attachCollector(context, collector);
  let outside: unknown;
  try {
    outside = liquid.renderSync(templates, context);
  } catch (error) {
    throw templateError(error, name);
  }
  if (typeof outside === 'string' && outside.trim() !== '') {
    throw new LetterTemplateError('template_error', `${name}: text outside a block ("${outside.trim().slice(0, 40)}"): put it in {% standard %} or {% free %}`, name);
  }
  if (collector.blocks.length === 0) throw new LetterTemplateError('template_error', `${name}: the template rendered no blocks`, name);
  return { blocks: collector.blocks, emptyFree: collector.emptyFree };
}

/** A Liquid error as a LetterTemplateError that names the template and the field or filter. */
function templateError(error: unknown, name: string): LetterTemplateError {
  if (error instanceof LetterTemplateError) return error;
  const failure = failureOf(error, absentFieldMessage);
  const at = positionOf(failure.message);
  if (failure.kind === 'field') return new LetterTemplateError('template_error', `${name}: unknown field "${failure.name}" (${at})`, name, failure.name ?? undefined);
  if (failure.kind === 'absent') return new LetterTemplateError('template_error', `${name}: field "${failure.name}" is used but its group is empty (${at})`, name, failure.name ?? undefined);
  if (failure.kind === 'filter') return new LetterTemplateError('template_error', `${name}: unknown filter "${failure.name}" (${at})`, name, failure.name ?? undefined);
  const reason = LiquidError.is(error) ? failure.message.replace(/, file:.*$/, '') : failure.message;
  return new LetterTemplateError('template_error', `${name}: ${reason}`, name);
}

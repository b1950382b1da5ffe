/**
 * Renders message templates (resources/messages, listed in src/shared/messages/templates.ts) into
 * a subject and a plain-text body, with the letters' strict engine (../templates/engine.ts) over
 * the letters' field catalogue plus `recipient` and `appointment`. An unknown field, or a field of
 * a fact the case lacks, is an error naming it: a message never goes out with a gap.
 */
import type { Liquid, Template } from 'liquidjs';
import type { Language } from '../../shared/contract/common';
import { letterFields, type LetterFields } from '../../shared/letters/fields';
import { messageTemplateFile, type MessageTemplateEntry, type messageTemplateVersion } from '../../shared/messages/templates';
import type { z } from 'zod';
import { absentFieldMessage, absentGroup, letterScope } from '../letters/scope';
import { createTemplateEngine, failureOf, parsedFiles, positionOf, trimTagLines } from '../templates/engine';
import { defaultMessagesDirectory } from './location';

export type MessageTemplateErrorCode = 'template_missing' | 'invalid_fields' | 'template_error';

/** A message that cannot be rendered. Messages name templates and fields, never values. */
export class MessageTemplateError extends Error {
  override readonly name = 'MessageTemplateError';
  constructor(readonly code: MessageTemplateErrorCode, message: string, readonly template: string, readonly field?: string) {
    super(message);
  }
}

/** What a message template renders with besides the letters' fields. */
export interface MessageFacts {
  recipient: { name: string; salutation: string };
  /** The biometrics appointment, in Amsterdam time; null when the case has none. */
  appointment: { date: string; time: string; location: string } | null;
}

export interface RenderedMessage {
  subject: string;
  body: string;
}

export interface MessageRenderer {
  render(entry: MessageTemplateEntry, version: z.infer<typeof messageTemplateVersion>, fields: LetterFields, facts: MessageFacts): Promise<RenderedMessage>;
}

const subjectLine = /^subject:[ \t]*(.*)\r?\n/;

/** A renderer over a messages folder; it parses each file once. */
export function createMessageRenderer(options: { directory?: string | undefined } = {}): MessageRenderer {
  const directory = options.directory ?? defaultMessagesDirectory;
  const engines = new Map<Language, Liquid>();
  const engine = (language: Language) => {
    const existing = engines.get(language) ?? createTemplateEngine(language);
    engines.set(language, existing);
    return existing;
  };
  const read = parsedFiles<{ subject: Template[]; body: Template[] }>(directory,
    (file) => new MessageTemplateError('template_missing', `message template ${file} is listed but not found in the messages folder`, file));

  const load = (file: string, language: Language) => read(file, (source) => {
    const subject = subjectLine.exec(source);
    if (!subject) throw new MessageTemplateError('template_error', `${file}: the first line must be "subject: …"`, file);
    try {
      const liquid = engine(language);
      return { subject: liquid.parse(subject[1] ?? '', file), body: liquid.parse(trimTagLines(source.slice(subject[0].length)), file) };
    } catch (error) {
      throw templateError(error, file);
    }
  });

  return {
    async render(entry, version, fields, facts) {
      const file = messageTemplateFile(entry.id, version);
      const checked = letterFields.safeParse(fields);
      if (!checked.success) {
        const path = checked.error.issues[0]?.path.join('.') ?? '';
        throw new MessageTemplateError('invalid_fields', `the fields for ${file} do not match the catalogue at "${path}"`, file, path);
      }
      const templates = await load(file, version.language);
      const scope = { ...letterScope(checked.data), recipient: facts.recipient, appointment: facts.appointment ?? absentGroup('appointment') };
      try {
        const liquid = engine(version.language);
        const subject = String(liquid.renderSync(templates.subject, scope)).replace(/\s+/g, ' ').trim();
        const body = String(liquid.renderSync(templates.body, scope)).replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
        return { subject, body };
      } catch (error) {
        throw templateError(error, file);
      }
    },
  };
}

function templateError(error: unknown, file: string): MessageTemplateError {
  if (error instanceof MessageTemplateError) return error;
  const failure = failureOf(error, absentFieldMessage);
  const at = positionOf(failure.message);
  if (failure.kind === 'field') return new MessageTemplateError('template_error', `${file}: unknown field "${failure.name}" (${at})`, file, failure.name ?? undefined);
  if (failure.kind === 'absent') return new MessageTemplateError('template_error', `${file}: the case has no ${failure.name} (${at})`, file, failure.name ?? undefined);
  if (failure.kind === 'filter') return new MessageTemplateError('template_error', `${file}: unknown filter "${failure.name}" (${at})`, file, failure.name ?? undefined);
  return new MessageTemplateError('template_error', `${file}: ${failure.message.replace(/, file:.*$/, '')}`, file);
}

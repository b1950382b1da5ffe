/**
 * The message templates for a counterpart of a case and their rendering: the letters' field
 * catalogue built from the cache by the letters' reader (so a message and a letter state the same
 * facts), plus the recipient and the biometrics appointment. A fact the template needs and the case
 * lacks is `not_found` with `details.missing` naming the field, as letters answer.
 */
import type Database from 'better-sqlite3';
import type { Language, MessageTemplateInfo } from '../../../shared/contract';
import { calendarDateInAmsterdam } from '../../../shared/domain/dates';
import type { LetterFields } from '../../../shared/letters/fields';
import { messageTemplateId, messageTemplates, selectMessageVersion } from '../../../shared/messages/templates';
import { RpcError } from '../../../shared/rpc';
import { entitySchemas } from '../../../shared/sync';
import type { Counterpart } from '../../../shared/sync/mutations';
import { createMessageRenderer, MessageTemplateError, type MessageFacts } from '../../../render/messages/templates';
import type { LetterFieldsReader } from '../letters/fields';
import type { Logger } from '../log';
import type { ThreadsReader } from './threads';

const amsterdamTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hour12: false });

/** A salutation for an organisation, whose contact person the case does not name. */
const genericSalutation: Record<Language, string> = { nl: 'Geachte heer, mevrouw,', en: 'Dear Sir or Madam,' };

export interface ComposerOptions {
  sqlite: Database.Database;
  fields: LetterFieldsReader;
  threads: ThreadsReader;
  today: () => string;
  logger: Logger;
  directory?: string | undefined;
}

export class MessageComposer {
  private readonly renderer;
  private readonly caseRow;

  constructor(private readonly options: ComposerOptions) {
    this.renderer = createMessageRenderer({ directory: options.directory });
    this.caseRow = options.sqlite.prepare(`SELECT data FROM server_rows WHERE entity = 'case' AND id = ?`).pluck();
  }

  /** The templates for the counterpart, each in the counterpart's language where it exists (else Dutch). */
  templates(caseId: string, counterpart: Counterpart): MessageTemplateInfo[] {
    const language = this.options.threads.counterparts(caseId).find((party) => party.counterpart === counterpart)?.language ?? 'nl';
    const today = this.options.today();
    return messageTemplates.flatMap((entry) => {
      const version = entry.counterparts.includes(counterpart) ? selectMessageVersion(entry, language, today) : null;
      return version ? [{ id: entry.id, title: entry.title[version.language], language: version.language, counterparts: entry.counterparts }] : [];
    });
  }

  async compose(request: { caseId: string; counterpart: Counterpart; templateId: string; language: Language }): Promise<{ subject: string; body: string; language: Language }> {
    const id = messageTemplateId.safeParse(request.templateId);
    const entry = id.success ? messageTemplates.find((candidate) => candidate.id === id.data) : undefined;
    if (!entry || !entry.counterparts.includes(request.counterpart)) throw new RpcError('not_found', 'No such message template for this counterpart.');
    const today = this.options.today();
    const version = selectMessageVersion(entry, request.language, today);
    if (!version) throw new RpcError('not_found', 'This message template is not in effect yet.');
    const { fields } = this.options.fields.build({ caseId: request.caseId, letterDate: today, language: version.language });
    const facts: MessageFacts = { recipient: recipientOf(fields, request.counterpart, version.language), appointment: this.appointment(request.caseId) };
    if (entry.needs.includes('appointment') && facts.appointment === null) {
      throw new RpcError('not_found', 'The case lacks facts this message needs.', { reason: 'missing_facts', missing: 'appointment.date,appointment.time,appointment.location' });
    }
    try {
      return { ...(await this.renderer.render(entry, version, fields, facts)), language: version.language };
    } catch (error) {
      if (!(error instanceof MessageTemplateError)) throw error;
      // The renderer's message may quote rendered text: only the code, file and field go on.
      this.options.logger.warn('messages.render_failed', { code: error.code, template: error.template, ...(error.field ? { field: error.field } : {}) });
      const details = { reason: error.code, ...(error.field === undefined ? {} : { field: error.field }) };
      const group = error.field?.split('.')[0];
      if (group === 'appointment' || (group !== undefined && Object.hasOwn(fields, group) && fields[group as keyof LetterFields] === null)) {
        throw new RpcError('not_found', 'The case lacks facts this message needs.', { reason: 'missing_facts', missing: error.field ?? group });
      }
      if (error.code === 'template_missing') throw new RpcError('unavailable', 'A message template is missing from this installation.', details);
      throw new RpcError('unavailable', `A message template could not be rendered${error.field ? ` (field ${error.field})` : ''}.`, details);
    }
  }

  private appointment(caseId: string): MessageFacts['appointment'] {
    const data = this.caseRow.get(caseId) as string | undefined;
    const kase = data === undefined ? null : entitySchemas.case.safeParse(JSON.parse(data) as unknown).data ?? null;
    const biometrics = kase?.biometrics ?? null;
    if (!biometrics) return null;
    const at = new Date(biometrics.at);
    return { date: calendarDateInAmsterdam(at), time: amsterdamTime.format(at), location: biometrics.location };
  }
}

/** The counterpart written to, named and greeted as the letters' fields do. */
function recipientOf(fields: LetterFields, counterpart: Counterpart, language: Language): MessageFacts['recipient'] {
  if (counterpart === 'applicant') return { name: fields.applicant.name, salutation: fields.applicant.salutation };
  if (counterpart === 'representative') {
    if (!fields.representative) throw new RpcError('not_found', 'The case has no representative.', { reason: 'missing_facts', missing: 'representative.name' });
    return { name: fields.representative.name, salutation: fields.representative.salutation };
  }
  if (!fields.sponsor) throw new RpcError('not_found', 'The case has no sponsor.', { reason: 'missing_facts', missing: 'sponsor.name' });
  return { name: fields.sponsor.organisation ?? fields.sponsor.name, salutation: genericSalutation[language] };
}

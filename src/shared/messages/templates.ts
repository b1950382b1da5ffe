/**
 * The message templates: which texts exist, in which languages, for which counterparts, from which
 * date. The texts are plain-text Liquid files under resources/messages that
 * src/render/messages/templates.ts renders with the letters' strict engine and field catalogue.
 *
 * File layout: `resources/messages/<templateId>/<language>.<effectiveFrom>.liquid`. The first line
 * is `subject: …` (Liquid too), a blank line, then the body. As with letters a sent text's version
 * is never edited: new wording is a new file with a later effectiveFrom, listed here.
 *
 * Fields: the letters' catalogue (src/shared/letters/fields.ts: `case.*`, `applicant.*`,
 * `deadline.*`, `letter.signatory`, …) plus `recipient.name` and `recipient.salutation` (the
 * counterpart written to) and, for templates that list it in `needs`, `appointment.date`,
 * `appointment.time` and `appointment.location` (the case's biometrics appointment).
 */
import { z } from 'zod';
import { isoDate, language, type Language } from '../contract/common';
import { counterpart, type Counterpart } from '../sync/mutations';

export const messageTemplateId = z.enum(['request_information', 'status_update', 'appointment_confirmation', 'answer_question']);
export type MessageTemplateId = z.infer<typeof messageTemplateId>;

export const messageTemplateVersion = z.object({ language, effectiveFrom: isoDate }).strict();

export const messageTemplateEntry = z.object({
  id: messageTemplateId,
  title: z.object({ nl: z.string().min(1).max(200), en: z.string().min(1).max(200) }).strict(),
  counterparts: z.array(counterpart).min(1),
  /** Facts beyond the catalogue the template uses; composing refuses a case without them, naming the field. */
  needs: z.array(z.enum(['appointment'])),
  versions: z.array(messageTemplateVersion).min(1),
}).strict();
export type MessageTemplateEntry = z.infer<typeof messageTemplateEntry>;

const first = '2026-01-01';
const everyone: Counterpart[] = ['applicant', 'sponsor', 'representative'];
const bothLanguages = [{ language: 'nl', effectiveFrom: first }, { language: 'en', effectiveFrom: first }] as const;

export const messageTemplates: readonly MessageTemplateEntry[] = z.array(messageTemplateEntry).parse([
  {
    id: 'request_information', title: { nl: 'Vraag om informatie', en: 'Request for information' },
    counterparts: everyone, needs: [], versions: bothLanguages,
  },
  {
    id: 'status_update', title: { nl: 'Stand van zaken', en: 'Status update' },
    counterparts: everyone, needs: [], versions: bothLanguages,
  },
  {
    // The applicant comes to the desk; a representative arranges it for them.
    id: 'appointment_confirmation', title: { nl: 'Bevestiging van uw afspraak', en: 'Appointment confirmation' },
    counterparts: ['applicant', 'representative'], needs: ['appointment'], versions: bothLanguages,
  },
  {
    id: 'answer_question', title: { nl: 'Antwoord op uw vraag', en: 'Answer to your question' },
    counterparts: everyone, needs: [], versions: bothLanguages,
  },
]);

/** The file of one version, relative to the messages folder. */
export function messageTemplateFile(id: MessageTemplateId, version: z.infer<typeof messageTemplateVersion>): string {
  return `${id}/${version.language}.${version.effectiveFrom}.liquid`;
}

/**
 * The version in effect on `day` in the language, else in Dutch (as letters fall back); null when
 * neither is in effect yet.
 */
export function selectMessageVersion(entry: MessageTemplateEntry, requested: Language, day: string): z.infer<typeof messageTemplateVersion> | null {
  const inEffect = (wanted: Language) => entry.versions
    .filter((version) => version.language === wanted && version.effectiveFrom <= day)
    .sort((left, right) => right.effectiveFrom.localeCompare(left.effectiveFrom))[0] ?? null;
  return inEffect(requested) ?? inEffect('nl');
}

/**
 * The merge fields of a letter: the render context every letter template receives, as one zod
 * schema. Templates are rendered in strict mode (src/render/letters/templates.ts), so a template can
 * use exactly these fields and nothing else; the letter editor shows them as atoms with the labels
 * of `letterFieldLabels`.
 *
 * Values are language-neutral where a filter can format them (dates YYYY-MM-DD through `date_long`,
 * money in integer cents through `euro`, periods through `period`); texts a person reads as they
 * are (names, the case type's label, the reasoning) arrive already in the letter's language.
 *
 * Optional groups are `null`, never absent: strict mode refuses a missing key, so `{% if sponsor %}`
 * only works when the key is there.
 */
import { z } from 'zod';
import { isoDate, vNumber } from '../contract/common';

const text = (max: number) => z.string().trim().min(1).max(max);
const cents = z.number().int();

/** A period as the rules table writes it (`{ months: 6 }`); the `period` filter writes it out. */
export const letterPeriod = z.object({
  days: z.number().int().min(1).optional(),
  weeks: z.number().int().min(1).optional(),
  months: z.number().int().min(1).optional(),
  years: z.number().int().min(1).optional(),
}).strict().refine((period) => Object.values(period).some((part) => part !== undefined), 'empty period');

/** Someone a letter can be addressed to: the applicant, or their representative. */
const addressee = {
  name: text(200),
  /** Postal address, one line each, as it goes in the window of the envelope. */
  addressLines: z.array(text(200)).min(1).max(6),
  /** The whole salutation with its comma: "Geachte mevrouw El Amrani,". */
  salutation: text(200),
};

export const letterFields = z.object({
  case: z.object({
    caseNumber: text(64),
    /** The case type's code (`highly_skilled_migrant`), for conditions in a template. */
    caseType: text(64),
    /** The case type as the applicant reads it, in the letter's language. */
    caseTypeLabel: text(200),
    /** The day the application, or for an objection the objection notice, was received. */
    receivedOn: isoDate,
    /** For an objection: the date of the decision it is against. */
    contestedDecisionOn: isoDate.nullable(),
  }).strict(),
  applicant: z.object({
    ...addressee,
    vNumber: vNumber.nullable(),
    birthDate: isoDate.nullable(),
    nationality: text(100).nullable(),
  }).strict(),
  /** The sponsor (referent: employer, partner, educational institution), when the case has one. */
  sponsor: z.object({ name: text(200), organisation: text(200).nullable() }).strict().nullable(),
  /** A lawyer or other representative: when there is one, the letter goes to them. */
  representative: z.object({ ...addressee, organisation: text(200).nullable() }).strict().nullable(),
  deadline: z.object({
    /** The decision deadline as it stands on the letter date. */
    decisionDeadline: isoDate,
    statutoryPeriod: letterPeriod,
    legalBasis: text(100),
    extensions: z.array(z.object({ period: letterPeriod, legalGround: text(200), announcedOn: isoDate }).strict()).max(10),
    suspensions: z.array(z.object({ requestedOn: isoDate, dueOn: isoDate, endedOn: isoDate.nullable() }).strict()).max(50),
  }).strict(),
  /** The request for missing documents (herstelverzuim, Awb 4:5) this letter makes or refers to. */
  request: z.object({
    requestedOn: isoDate,
    dueOn: isoDate,
    documents: z.array(text(200)).min(1).max(50),
  }).strict().nullable(),
  decision: z.object({
    outcome: z.enum(['granted', 'refused', 'not_processed', 'objection_well_founded', 'objection_unfounded', 'objection_inadmissible']),
    decidedOn: isoDate,
    /** The legal grounds of the decision, each a standard text with its basis (Awb 3:46). */
    grounds: z.array(z.object({ text: text(2000), legalBasis: text(100) }).strict()).max(20),
    /** The caseworker's own reasoning; empty while it is being written (the letter check refuses it empty). */
    reasoning: z.string().trim().max(50_000),
    /** The permit granted, for a grant of residence. */
    permit: z.object({ purpose: text(200), validFrom: isoDate, validUntil: isoDate.nullable() }).strict().nullable(),
    /** The date by which a refused applicant must leave (Vw art. 62), when the duty to leave applies. */
    departureBy: isoDate.nullable(),
  }).strict().nullable(),
  /** The penalty for deciding late (dwangsom, Awb 4:17), for a penalty decision (Awb 4:18). */
  penalty: z.object({
    noticeReceivedOn: isoDate,
    firstPenaltyDay: isoDate,
    lastPenaltyDay: isoDate,
    days: z.number().int().min(1).max(42),
    amountCents: cents.min(0),
  }).strict().nullable(),
  remedies: z.object({
    /** Objection (bezwaar) at the IND, or appeal (beroep) at the district court. */
    remedy: z.enum(['objection', 'appeal']),
    weeks: z.number().int().min(1).max(12),
    /** The last day of the remedy period (from the day after the letter date, Awb 6:8). */
    lastDay: isoDate,
    legalBasis: text(100),
  }).strict().nullable(),
  letter: z.object({
    date: isoDate,
    reference: text(64),
    /** Who signs on the State Secretary's behalf: a name or a function. */
    signatory: text(200),
  }).strict(),
}).strict();

export type LetterFields = z.infer<typeof letterFields>;

/** A field's label in the editor's two languages, and how the editor shows its value. */
export type FieldLabel = {
  nl: string;
  en: string;
  type: 'text' | 'date' | 'number' | 'money' | 'period' | 'list' | 'choice';
};

/** One label per field, nested like the fields; a list or a period is one atom. */
type LabelsOf<Fields> = {
  [Key in keyof Fields]-?: NonNullable<Fields[Key]> extends readonly unknown[]
    ? FieldLabel
    : NonNullable<Fields[Key]> extends Record<string, unknown>
      ? (Key extends 'statutoryPeriod' | 'period' ? FieldLabel : LabelsOf<NonNullable<Fields[Key]>>)
      : FieldLabel;
};

const label = (nl: string, en: string, type: FieldLabel['type'] = 'text'): FieldLabel => ({ nl, en, type });

/** The groups of fields, as the editor's field menu lists them. */
export const letterFieldGroups = {
  case: { nl: 'Zaak', en: 'Case' },
  applicant: { nl: 'Aanvrager', en: 'Applicant' },
  sponsor: { nl: 'Referent', en: 'Sponsor' },
  representative: { nl: 'Gemachtigde', en: 'Representative' },
  deadline: { nl: 'Beslistermijn', en: 'Decision period' },
  request: { nl: 'Verzoek om stukken', en: 'Request for documents' },
  decision: { nl: 'Besluit', en: 'Decision' },
  penalty: { nl: 'Dwangsom', en: 'Penalty' },
  remedies: { nl: 'Rechtsmiddel', en: 'Remedy' },
  letter: { nl: 'Brief', en: 'Letter' },
} as const satisfies Record<keyof LetterFields, { nl: string; en: string }>;

/** Every field's label; a field without one, or a label without a field, fails to compile. */
export const letterFieldLabels = {
  case: {
    caseNumber: label('Zaaknummer', 'Case number'),
    caseType: label('Soort aanvraag (code)', 'Case type (code)', 'choice'),
    caseTypeLabel: label('Soort aanvraag', 'Case type'),
    receivedOn: label('Datum ontvangst aanvraag', 'Application received on', 'date'),
    contestedDecisionOn: label('Datum bestreden besluit', 'Date of the contested decision', 'date'),
  },
  applicant: {
    name: label('Naam aanvrager', "Applicant's name"),
    addressLines: label('Adres aanvrager', "Applicant's address", 'list'),
    salutation: label('Aanhef aanvrager', "Applicant's salutation"),
    vNumber: label('V-nummer', 'V-number'),
    birthDate: label('Geboortedatum', 'Date of birth', 'date'),
    nationality: label('Nationaliteit', 'Nationality'),
  },
  sponsor: {
    name: label('Naam referent', "Sponsor's name"),
    organisation: label('Organisatie referent', "Sponsor's organisation"),
  },
  representative: {
    name: label('Naam gemachtigde', "Representative's name"),
    addressLines: label('Adres gemachtigde', "Representative's address", 'list'),
    salutation: label('Aanhef gemachtigde', "Representative's salutation"),
    organisation: label('Kantoor gemachtigde', "Representative's firm"),
  },
  deadline: {
    decisionDeadline: label('Einde beslistermijn', 'Decision deadline', 'date'),
    statutoryPeriod: label('Wettelijke beslistermijn', 'Statutory decision period', 'period'),
    legalBasis: label('Wettelijke grondslag termijn', 'Legal basis of the period'),
    extensions: label('Verlengingen', 'Extensions', 'list'),
    suspensions: label('Opschortingen', 'Suspensions', 'list'),
  },
  request: {
    requestedOn: label('Datum verzoek', 'Requested on', 'date'),
    dueOn: label('Uiterste inleverdatum', 'Due date', 'date'),
    documents: label('Gevraagde stukken', 'Documents requested', 'list'),
  },
  decision: {
    outcome: label('Uitkomst', 'Outcome', 'choice'),
    decidedOn: label('Datum besluit', 'Decided on', 'date'),
    grounds: label('Gronden', 'Grounds', 'list'),
    reasoning: label('Motivering', 'Reasoning'),
    permit: {
      purpose: label('Verblijfsdoel', 'Purpose of residence'),
      validFrom: label('Geldig vanaf', 'Valid from', 'date'),
      validUntil: label('Geldig tot', 'Valid until', 'date'),
    },
    departureBy: label('Uiterste vertrekdatum', 'Departure deadline', 'date'),
  },
  penalty: {
    noticeReceivedOn: label('Ingebrekestelling ontvangen op', 'Notice of default received on', 'date'),
    firstPenaltyDay: label('Eerste dag dwangsom', 'First penalty day', 'date'),
    lastPenaltyDay: label('Laatste dag dwangsom', 'Last penalty day', 'date'),
    days: label('Aantal dagen', 'Number of days', 'number'),
    amountCents: label('Bedrag dwangsom', 'Penalty amount', 'money'),
  },
  remedies: {
    remedy: label('Rechtsmiddel', 'Remedy', 'choice'),
    weeks: label('Termijn in weken', 'Period in weeks', 'number'),
    lastDay: label('Laatste dag termijn', 'Last day of the period', 'date'),
    legalBasis: label('Grondslag rechtsmiddel', 'Legal basis of the remedy'),
  },
  letter: {
    date: label('Datum brief', 'Letter date', 'date'),
    reference: label('Kenmerk', 'Reference'),
    signatory: label('Ondertekenaar', 'Signatory'),
  },
} as const satisfies LabelsOf<LetterFields>;

/** One merge field as the editor lists it: its path in the template (`applicant.name`) and label. */
export type LetterFieldEntry = FieldLabel & { path: string; group: keyof LetterFields };

/** Every field as a flat list, in catalogue order. */
export function letterFieldCatalogue(): LetterFieldEntry[] {
  const entries: LetterFieldEntry[] = [];
  const walk = (group: keyof LetterFields, prefix: string, node: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(node)) {
      const path = `${prefix}.${key}`;
      if (isFieldLabel(value)) entries.push({ ...value, path, group });
      else walk(group, path, value as Record<string, unknown>);
    }
  };
  for (const [group, fields] of Object.entries(letterFieldLabels)) walk(group as keyof LetterFields, group, fields);
  return entries;
}

function isFieldLabel(value: unknown): value is FieldLabel {
  return typeof value === 'object' && value !== null && 'nl' in value && 'en' in value && 'type' in value;
}

/**
 * The words a letter prints around its content, in the letter's language. Written out here rather
 * than taken from Intl: month names and casing from ICU differ between Node and Electron builds, and
 * a different byte anywhere would change the letter's hash.
 */
import type { Language } from '../../shared/contract/common';
import { formatLegalDateLong } from '../../shared/domain/dates';

export interface LetterLabels {
  date: string;
  vNumber: string;
  caseNumber: string;
  ourReference: string;
  subject: string;
  page: (page: number, total: number) => string;
  /** BCP 47 tag for the catalogue's /Lang and the XMP. */
  lang: string;
}

export const letterLabels: Record<Language, LetterLabels> = {
  nl: {
    date: 'Datum',
    vNumber: 'V-nummer',
    caseNumber: 'Zaaknummer',
    ourReference: 'Ons kenmerk',
    subject: 'Betreft',
    page: (page, total) => `pagina ${page} van ${total}`,
    lang: 'nl-NL',
  },
  en: {
    date: 'Date',
    vNumber: 'V-number',
    caseNumber: 'Case number',
    ourReference: 'Our reference',
    subject: 'Subject',
    page: (page, total) => `page ${page} of ${total}`,
    lang: 'en-GB',
  },
};

/** The letterhead is the organisation's Dutch name in every letter, so it is tagged Dutch even in an English letter. */
export const letterhead = {
  organisation: 'Immigratie- en Naturalisatiedienst',
  ministry: 'Ministerie van Justitie en Veiligheid',
  lang: 'nl-NL',
} as const;

/** '2025-03-12' → '12 maart 2025' / '12 March 2025', as the domain engine words a legal date. */
export function formatLetterDate(isoDate: string, language: Language): string {
  return formatLegalDateLong(isoDate, language);
}

/** Midnight UTC of the letter date: the PDF's dates come from the letter, never from the clock. */
export function letterInstant(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

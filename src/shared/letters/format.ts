/**
 * How a letter writes dates, money, periods and small numbers, in Dutch and English. The renderer
 * registers these as the templates' filters (`date_long`, `euro`, `period`, `in_words`); the editor
 * can show a merge field's value the same way. Month names are written out here rather than taken
 * from Intl, so a letter does not change with the ICU data of the runtime that renders it.
 *
 * Each function refuses a value it cannot write (throws), so a wrong field fails the render instead
 * of printing "undefined" or "NaN" in a decision.
 */
import type { Language } from '../contract/common';
import { formatLegalDateLong } from '../domain/dates';

/** "28 april 2026" (nl), "28 April 2026" (en), from 'YYYY-MM-DD': the domain engine's wording of a legal date. */
export function formatDateLong(value: unknown, language: Language): string {
  if (typeof value === 'string') {
    try {
      return formatLegalDateLong(value, language);
    } catch {
      // Reported below as the filter's own error, naming what it got.
    }
  }
  throw new TypeError(`date_long expects a date as YYYY-MM-DD, got ${describe(value)}`);
}

/** "€ 1.234,56" (nl), "€1,234.56" (en), from integer cents. */
export function formatEuro(value: unknown, language: Language): string {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new TypeError(`euro expects integer cents, got ${describe(value)}`);
  const sign = value < 0 ? '-' : '';
  const absolute = Math.abs(value);
  const euros = Math.floor(absolute / 100).toString();
  const cents = (absolute % 100).toString().padStart(2, '0');
  const grouped = euros.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'nl' ? '.' : ',');
  return language === 'nl' ? `${sign}€ ${grouped},${cents}` : `${sign}€${grouped}.${cents}`;
}

const units = {
  nl: { years: ['jaar', 'jaar'], months: ['maand', 'maanden'], weeks: ['week', 'weken'], days: ['dag', 'dagen'] },
  en: { years: ['year', 'years'], months: ['month', 'months'], weeks: ['week', 'weeks'], days: ['day', 'days'] },
} as const;

/** "1 jaar en 6 maanden", "6 weeks", from a period such as `{ months: 6 }`; largest unit first. */
export function formatPeriod(value: unknown, language: Language): string {
  if (typeof value !== 'object' || value === null) throw new TypeError(`period expects a period such as { months: 6 }, got ${describe(value)}`);
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const unit of ['years', 'months', 'weeks', 'days'] as const) {
    const count = record[unit];
    if (count === undefined) continue;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw new TypeError(`period: ${unit} must be a positive whole number`);
    const [one, other] = units[language][unit];
    parts.push(`${count} ${count === 1 ? one : other}`);
  }
  if (parts.length === 0) throw new TypeError('period expects at least one of years, months, weeks, days');
  const and = language === 'nl' ? ' en ' : ' and ';
  return parts.length === 1 ? parts[0] ?? '' : `${parts.slice(0, -1).join(', ')}${and}${parts[parts.length - 1] ?? ''}`;
}

const words: Record<Language, readonly string[]> = {
  nl: ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf',
    'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien', 'twintig'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
    'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'],
};

/**
 * "vier" for 4: legal periods in a letter are written in words ("binnen vier weken"). Numbers above
 * twenty are written in digits, as Dutch style guides do.
 */
export function formatInWords(value: unknown, language: Language): string {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new TypeError(`in_words expects a whole number, got ${describe(value)}`);
  return words[language][value] ?? String(value);
}

/** The kind of a refused value, never the value itself: it may be personal data. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? 'a text in another format' : `a ${typeof value}`;
}

/**
 * Calendar dates as 'YYYY-MM-DD' strings. Arithmetic runs on whole day numbers (days since
 * 1970-01-01, proleptic Gregorian), never on a `Date`: a legal date has no time of day and no time
 * zone, so nothing here can shift by a daylight-saving hour.
 */
import { DomainError } from './errors';

/** A calendar date in Europe/Amsterdam, 'YYYY-MM-DD'. */
export type IsoDate = string;

/** A period of the statutes; each part a whole number. */
export type Period = { days?: number; weeks?: number; months?: number; years?: number };

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Gregorian calendar only: earlier dates are not legal dates of this engine. */
const firstYear = 1583;

type CivilDate = { year: number; month: number; day: number };

/** Number of days in a month of a year (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether a year is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Day number (days since 1970-01-01) of a civil date; H. Hinnant's days_from_civil. */
function dayNumberFromCivil({ year, month, day }: CivilDate): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const shiftedMonth = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Civil date of a day number; H. Hinnant's civil_from_days. */
function civilFromDayNumber(dayNumber: number): CivilDate {
  const shifted = dayNumber + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function parseCivil(value: unknown): CivilDate | null {
  if (typeof value !== 'string') return null;
  const match = isoDatePattern.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < firstYear || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function formatCivil({ year, month, day }: CivilDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a value is an existing calendar date written 'YYYY-MM-DD' (so '2025-02-30' is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  return parseCivil(value) !== null;
}

/** Checks that a value is an existing 'YYYY-MM-DD' date; throws a DomainError naming the field. */
export function requireIsoDate(value: unknown, field: string): IsoDate {
  if (value === undefined || value === null) {
    throw new DomainError('missing_field', field, 'is required (a date written YYYY-MM-DD)');
  }
  if (!isIsoDate(value)) {
    const shown = typeof value === 'string' ? `'${value.slice(0, 20)}'` : `a ${typeof value}`;
    throw new DomainError('invalid_date', field, `${shown} is not an existing calendar date written YYYY-MM-DD`);
  }
  return value;
}

/** Day number (days since 1970-01-01) of a valid date; throws naming `field` otherwise. */
export function toDayNumber(date: IsoDate, field = 'date'): number {
  const civil = parseCivil(date);
  if (!civil) requireIsoDate(date, field);
  return dayNumberFromCivil(civil as CivilDate);
}

/** The date of a day number. */
export function fromDayNumber(dayNumber: number): IsoDate {
  return formatCivil(civilFromDayNumber(dayNumber));
}

/** The date a whole number of days later (earlier when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to, 'to') - toDayNumber(from, 'from');
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** The year, month and day of a valid date. */
export function splitDate(date: IsoDate): CivilDate {
  return civilFromDayNumber(toDayNumber(date));
}

/** Builds a date from its parts; the day must exist in that month. */
export function makeDate(year: number, month: number, day: number): IsoDate {
  return requireIsoDate(formatCivil({ year, month, day }), 'date');
}

/** The earlier of two dates. */
export function minDate(first: IsoDate, second: IsoDate): IsoDate {
  return first <= second ? first : second;
}

/** The later of two dates. */
export function maxDate(first: IsoDate, second: IsoDate): IsoDate {
  return first >= second ? first : second;
}

/** Checks that a period has only whole-number parts; throws a DomainError naming the field. */
export function requirePeriod(value: unknown, field: string): Required<Period> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DomainError('invalid_period', field, 'must be a period such as { "months": 6 }');
  }
  const record = value as Record<string, unknown>;
  const parts = { years: 0, months: 0, weeks: 0, days: 0 };
  for (const key of Object.keys(record)) {
    if (!(key in parts)) throw new DomainError('invalid_period', field, `has an unknown part '${key.slice(0, 20)}'`);
  }
  for (const part of ['years', 'months', 'weeks', 'days'] as const) {
    const amount = record[part];
    if (amount === undefined) continue;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
      throw new DomainError('invalid_period', `${field}.${part}`, 'must be a whole number');
    }
    parts[part] = amount;
  }
  return parts;
}

/** A date plus whole months: the same day number, or the month's last day when it does not exist. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = splitDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatCivil({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** A date plus a period: years and months first (clamped to the month's end), then weeks and days. */
export function addPeriod(date: IsoDate, period: Period): IsoDate {
  requireIsoDate(date, 'date');
  const { years, months, weeks, days } = requirePeriod(period, 'period');
  const afterMonths = years === 0 && months === 0 ? date : addMonths(date, years * 12 + months);
  const result = addDays(afterMonths, weeks * 7 + days);
  return requireIsoDate(result, 'result');
}

/** A language a legal date can be written in. */
export type LegalDateLanguage = 'nl' | 'en';

// Written out rather than taken from Intl: ICU data differs between Node, Electron and builds
// without full ICU, and a date in a decision letter must read the same wherever it was produced.
export const monthNames: Readonly<Record<LegalDateLanguage, readonly string[]>> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A legal date the way a letter writes it: '28 april 2026' (nl), '28 April 2026' (en). */
export function formatLegalDateLong(date: IsoDate, language: LegalDateLanguage): string {
  const { year, month, day } = splitDate(requireIsoDate(date, 'date'));
  if (!Object.hasOwn(monthNames, language)) {
    throw new DomainError('invalid_input', 'language', `'${String(language).slice(0, 10)}' is not nl or en`);
  }
  return `${day} ${monthNames[language][month - 1] ?? ''} ${year}`;
}

const amsterdamDate = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/Amsterdam' });

/** The calendar date in Europe/Amsterdam at a moment, 'YYYY-MM-DD' ("today" of the legal periods). */
export function calendarDateInAmsterdam(moment: Date): IsoDate {
  const parts = amsterdamDate.formatToParts(moment);
  const value = (type: Intl.DateTimeFormatPartTypes): string => parts.find((part) => part.type === type)?.value ?? '';
  return `${value('year')}-${value('month')}-${value('day')}`;
}

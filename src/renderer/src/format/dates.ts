/**
 * Dates as a caseworker reads them. Legal dates are 'YYYY-MM-DD' calendar dates in Europe/Amsterdam:
 * they are formatted from their parts and never pass through the machine's local time zone, so a
 * deadline never moves a day on a laptop set to another zone.
 */
import type { Language } from '../../../shared/contract';

export const legalTimeZone = 'Europe/Amsterdam';

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds in one calendar day in UTC arithmetic (no daylight saving there). */
const dayMs = 86_400_000;

/** The parts of a 'YYYY-MM-DD' date, or null when it is not one. */
function dateParts(isoDate: string): { year: number; month: number; day: number } | null {
  const match = isoDatePattern.exec(isoDate);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

const dateFormats: Record<Language, Intl.DateTimeFormat> = {
  // nl: 21-01-2025
  nl: new Intl.DateTimeFormat('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: legalTimeZone }),
  // en: 21 Jan 2025
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: legalTimeZone }),
};

/**
 * Formats a calendar date for the user: DD-MM-YYYY in Dutch, "21 Jan 2025" in English.
 * Returns the input unchanged when it is not a calendar date, so nothing is hidden.
 */
export function formatCalendarDate(isoDate: string, language: Language): string {
  const parts = dateParts(isoDate);
  if (!parts) return isoDate;
  // Noon UTC is the same calendar day in Amsterdam (UTC+1/+2), whatever the machine's zone is.
  const anchor = new Date(Date.UTC(parts.year, parts.month - 1, parts.day, 12));
  return dateFormats[language].format(anchor);
}

/** Today's calendar date in Europe/Amsterdam for a given moment (the domain engine's, so host and screen agree). */
export { calendarDateInAmsterdam } from '../../../shared/domain/dates';

/**
 * Whole calendar days from `fromDate` to `toDate` (both 'YYYY-MM-DD'): positive when `toDate` is later,
 * 0 on the same day, negative when it has passed. Null when either is not a calendar date.
 */
export function daysBetween(fromDate: string, toDate: string): number | null {
  const from = dateParts(fromDate);
  const to = dateParts(toDate);
  if (!from || !to) return null;
  return Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / dayMs,
  );
}

// Made once per language: building an Intl formatter costs far more than using one.
const relativeFormats: Record<Language, Intl.RelativeTimeFormat> = {
  nl: new Intl.RelativeTimeFormat('nl', { numeric: 'auto' }),
  en: new Intl.RelativeTimeFormat('en', { numeric: 'auto' }),
};

const relativeUnits: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/**
 * "5 minuten geleden" / "5 minutes ago" for an ISO instant relative to `now`. Under a minute reads as
 * "now"; a moment in the future (a skewed clock) is shown as "now" too rather than "in 3 minutes".
 */
export function formatRelativeInstant(isoInstant: string, now: Date, language: Language): string {
  const moment = Date.parse(isoInstant);
  if (Number.isNaN(moment)) return isoInstant;
  const seconds = Math.max(0, Math.round((now.getTime() - moment) / 1000));
  const format = relativeFormats[language];
  for (const [unit, size] of relativeUnits) {
    if (seconds >= size) return format.format(-Math.floor(seconds / size), unit);
  }
  return format.format(0, 'second');
}

const instantFormats: Record<Language, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: legalTimeZone }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: legalTimeZone }),
};

/** An ISO instant as date and time in Europe/Amsterdam, for tooltips and details. */
export function formatInstant(isoInstant: string, language: Language): string {
  const moment = Date.parse(isoInstant);
  if (Number.isNaN(moment)) return isoInstant;
  return instantFormats[language].format(new Date(moment));
}

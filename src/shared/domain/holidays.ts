/**
 * Public holidays of the Algemene termijnenwet (Atw art. 3) and the roll-over of art. 1: a statutory
 * period ending on a Saturday, Sunday or such a holiday runs on to the next day that is none of these.
 * The holidays come from the rules table; this module only places them in a year.
 */
import { addDays, dayOfWeek, makeDate, requireIsoDate, splitDate, type IsoDate } from './dates';
import { domainRules, type DomainRules, type HolidayDefinition } from './rules';

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return makeDate(year, month, day);
}

function placeHoliday(definition: HolidayDefinition, year: number): IsoDate {
  const rule = definition.rule;
  if (rule.kind === 'easter') return addDays(easterSunday(year), rule.offset);
  const date = makeDate(year, rule.month, rule.day);
  return rule.ifSunday !== undefined && dayOfWeek(date) === 0 ? addDays(date, rule.ifSunday) : date;
}

// Holidays per year are computed once per rules table; the table is immutable data.
const cache = new WeakMap<DomainRules, Map<number, Map<IsoDate, string>>>();

/** The Atw holidays of a year: date → holiday id (e.g. 'easterMonday'). */
export function atwHolidaysOfYear(year: number, rules: DomainRules = domainRules): Map<IsoDate, string> {
  let byYear = cache.get(rules);
  if (!byYear) {
    byYear = new Map();
    cache.set(rules, byYear);
  }
  const known = byYear.get(year);
  if (known) return known;
  const holidays = new Map<IsoDate, string>();
  for (const definition of rules.holidays) {
    const date = placeHoliday(definition, year);
    const inEffect = definition.effectiveFrom <= date && (!definition.effectiveUntil || date <= definition.effectiveUntil);
    if (inEffect) holidays.set(date, definition.id);
  }
  byYear.set(year, holidays);
  return holidays;
}

/** The id of the Atw holiday on a date (e.g. 'kingsDay'), or null. */
export function atwHolidayOn(date: IsoDate, rules: DomainRules = domainRules): string | null {
  requireIsoDate(date, 'date');
  return atwHolidaysOfYear(splitDate(date).year, rules).get(date) ?? null;
}

/** Whether a date is a public holiday of the Algemene termijnenwet (art. 3). */
export function isAtwHoliday(date: IsoDate): boolean {
  return atwHolidayOn(date) !== null;
}

/** Why a date is no working day under the Atw: 'saturday', 'sunday', a holiday id, or null. */
export function nonWorkingReason(date: IsoDate, rules: DomainRules = domainRules): string | null {
  const holiday = atwHolidayOn(date, rules);
  if (holiday) return holiday;
  const weekday = dayOfWeek(date);
  if (weekday === 6) return 'saturday';
  if (weekday === 0) return 'sunday';
  return null;
}

/** The date itself, or the next day that is not a Saturday, Sunday or Atw holiday (Atw art. 1). */
export function atwRollForward(date: IsoDate, rules: DomainRules = domainRules): IsoDate {
  let current = requireIsoDate(date, 'date');
  while (nonWorkingReason(current, rules) !== null) current = addDays(current, 1);
  return current;
}

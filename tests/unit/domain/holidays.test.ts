import { describe, expect, it } from 'vitest';
import { atwRollForward, DomainError, isAtwHoliday } from '../../../src/shared/domain';
import { addDays, dayOfWeek, makeDate } from '../../../src/shared/domain/dates';
import { atwHolidayOn, easterSunday } from '../../../src/shared/domain/holidays';

/** Written by hand from the calendar: New Year, Good Friday, Easter Monday, King's Day, 5 May, Ascension, Whit Monday, Christmas, Boxing Day. */
const holidaysByYear: Record<number, string[]> = {
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-04-27', '2024-05-05', '2024-05-09', '2024-05-20', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-04-26', '2025-05-05', '2025-05-29', '2025-06-09', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-04-27', '2027-05-05', '2027-05-06', '2027-05-17', '2027-12-25', '2027-12-26'],
  2028: ['2028-01-01', '2028-04-14', '2028-04-17', '2028-04-27', '2028-05-05', '2028-05-25', '2028-06-05', '2028-12-25', '2028-12-26'],
  2029: ['2029-01-01', '2029-03-30', '2029-04-02', '2029-04-27', '2029-05-05', '2029-05-10', '2029-05-21', '2029-12-25', '2029-12-26'],
  2030: ['2030-01-01', '2030-04-19', '2030-04-22', '2030-04-27', '2030-05-05', '2030-05-30', '2030-06-10', '2030-12-25', '2030-12-26'],
};

describe('Atw holidays 2024-2030 against the hand-written list', () => {
  it.each(Object.values(holidaysByYear).flat())('%s is an Atw holiday', (date) => {
    expect(isAtwHoliday(date)).toBe(true);
  });

  it.each(Object.keys(holidaysByYear).map(Number))('%i has exactly the listed holidays and no other', (year) => {
    const found: string[] = [];
    for (let date = makeDate(year, 1, 1); date <= makeDate(year, 12, 31); date = addDays(date, 1)) {
      if (isAtwHoliday(date)) found.push(date);
    }
    expect(found).toEqual(holidaysByYear[year]);
  });
});

describe('Easter', () => {
  const easter: [number, string][] = [
    [2000, '2000-04-23'], [2008, '2008-03-23'], [2011, '2011-04-24'], [2019, '2019-04-21'], [2024, '2024-03-31'],
    [2025, '2025-04-20'], [2026, '2026-04-05'], [2027, '2027-03-28'], [2028, '2028-04-16'], [2029, '2029-04-01'],
    [2030, '2030-04-21'], [2038, '2038-04-25'], [2100, '2100-03-28'],
  ];
  it.each(easter)('Easter %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  /** Gauss's Easter algorithm, a second method to check the first for every supported year. */
  function gaussEaster(year: number): string {
    const a = year % 19;
    const b = year % 4;
    const c = year % 7;
    const k = Math.floor(year / 100);
    const p = Math.floor((13 + 8 * k) / 25);
    const q = Math.floor(k / 4);
    const m = (15 - p + k - q) % 30;
    const n = (4 + k - q) % 7;
    const d = (19 * a + m) % 30;
    const e = (2 * b + 4 * c + 6 * d + n) % 7;
    let day = 22 + d + e;
    if (d === 29 && e === 6) day = 50;
    else if (d === 28 && e === 6 && (11 * m + 11) % 30 < 19) day = 49;
    return day > 31 ? makeDate(year, 4, day - 31) : makeDate(year, 3, day);
  }
  it('agrees with Gauss for 2000-2100, always a Sunday between 22 March and 25 April', () => {
    for (let year = 2000; year <= 2100; year++) {
      const date = easterSunday(year);
      expect(date).toBe(gaussEaster(year));
      expect(dayOfWeek(date)).toBe(0);
      expect(date >= `${year}-03-22` && date <= `${year}-04-25`).toBe(true);
    }
  });
});

describe("Queen's Day before 2014, King's Day from 2014", () => {
  const cases: [string, boolean][] = [
    ['2000-04-29', true], ['2000-04-30', false], ['2006-04-29', true], ['2006-04-30', false], ['2011-04-30', true],
    ['2013-04-30', true], ['2013-04-27', false], ['2014-04-26', true], ['2014-04-27', false], ['2014-04-30', false],
    ['2020-04-27', true], ['2025-04-27', false], ['2025-04-20', false], ['2026-05-24', false], ['2025-12-24', false],
    ['2025-12-31', false], ['2025-05-04', false], ['2100-12-25', true], ['2100-05-05', true],
  ];
  it.each(cases)('%s holiday: %s', (date, expected) => {
    expect(isAtwHoliday(date)).toBe(expected);
  });

  it('names the holiday for the explanation', () => {
    expect(atwHolidayOn('2013-04-30')).toBe('queensDay');
    expect(atwHolidayOn('2025-04-26')).toBe('kingsDay');
    expect(atwHolidayOn('2025-04-22')).toBeNull();
  });
});

describe('atwRollForward', () => {
  const cases: [string, string][] = [
    ['2025-01-21', '2025-01-21'],
    ['2025-04-18', '2025-04-22'],
    ['2025-04-21', '2025-04-22'],
    ['2025-04-22', '2025-04-22'],
    ['2025-04-26', '2025-04-28'],
    ['2026-04-27', '2026-04-28'],
    ['2026-12-25', '2026-12-28'],
    ['2027-12-24', '2027-12-24'],
    ['2027-12-25', '2027-12-27'],
    ['2025-12-25', '2025-12-29'],
    ['2026-05-14', '2026-05-15'],
    ['2026-05-24', '2026-05-26'],
    ['2026-05-05', '2026-05-06'],
    ['2027-05-05', '2027-05-07'],
    ['2028-01-01', '2028-01-03'],
    ['2025-06-07', '2025-06-10'],
    ['2024-03-29', '2024-04-02'],
    ['2029-12-29', '2029-12-31'],
  ];
  it.each(cases)('%s rolls to %s', (date, expected) => {
    expect(atwRollForward(date)).toBe(expected);
  });

  it('refuses an impossible date', () => {
    expect(() => atwRollForward('2025-02-30')).toThrow(DomainError);
    expect(() => isAtwHoliday('2025-02-30')).toThrow(/date/);
  });
});

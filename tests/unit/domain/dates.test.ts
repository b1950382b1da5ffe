import { describe, expect, it } from 'vitest';
import { addPeriod, DomainError, type Period } from '../../../src/shared/domain';
import { daysBetween, dayOfWeek, isIsoDate } from '../../../src/shared/domain/dates';

describe('addPeriod', () => {
  const cases: [string, Period, string][] = [
    ['2025-01-21', { days: 90 }, '2025-04-21'],
    ['2026-02-13', { days: 90 }, '2026-05-14'],
    ['2026-03-30', { weeks: 4 }, '2026-04-27'],
    ['2026-04-28', { weeks: 19 }, '2026-09-08'],
    ['2025-01-31', { months: 1 }, '2025-02-28'],
    ['2024-01-31', { months: 1 }, '2024-02-29'],
    ['2025-03-31', { months: 1 }, '2025-04-30'],
    ['2025-05-31', { months: 1 }, '2025-06-30'],
    ['2025-07-31', { months: 2 }, '2025-09-30'],
    ['2025-12-31', { months: 2 }, '2026-02-28'],
    ['2025-10-31', { months: 4 }, '2026-02-28'],
    ['2023-08-31', { months: 6 }, '2024-02-29'],
    ['2025-08-31', { months: 6 }, '2026-02-28'],
    ['2023-05-31', { months: 9 }, '2024-02-29'],
    ['2024-02-29', { years: 1 }, '2025-02-28'],
    ['2024-02-29', { years: 4 }, '2028-02-29'],
    ['2028-02-29', { months: 12 }, '2029-02-28'],
    ['2099-02-28', { years: 1 }, '2100-02-28'],
    // Months first, then days: Jan 30 + 1 month is Feb 28, then + 1 day.
    ['2025-01-30', { months: 1, days: 1 }, '2025-03-01'],
    ['2025-01-31', { months: 1, days: 1 }, '2025-03-01'],
    ['2024-01-31', { months: 1, days: 1 }, '2024-03-01'],
    ['2025-01-15', { years: 1, months: 1, weeks: 1, days: 1 }, '2026-02-23'],
    ['2025-02-28', { days: 1 }, '2025-03-01'],
    ['2024-02-28', { days: 1 }, '2024-02-29'],
    ['2100-02-28', { days: 1 }, '2100-03-01'],
    ['2000-02-28', { days: 1 }, '2000-02-29'],
    ['2025-12-31', { days: 1 }, '2026-01-01'],
    ['2099-12-31', { days: 1 }, '2100-01-01'],
    ['2024-12-31', { weeks: 9 }, '2025-03-04'],
    ['2025-03-31', { months: -1 }, '2025-02-28'],
    ['2025-03-01', { days: -1 }, '2025-02-28'],
    ['2025-01-01', {}, '2025-01-01'],
  ];
  it.each(cases)('%s + %j = %s', (date, period, expected) => {
    expect(addPeriod(date, period)).toBe(expected);
  });

  it('refuses a fractional part, naming it', () => {
    expect(() => addPeriod('2025-01-01', { days: 1.5 })).toThrow(/period\.days/);
  });
});

describe('calendar dates', () => {
  const impossible = [
    '2025-02-30', '2025-02-29', '2100-02-29', '2024-02-30', '2025-04-31', '2025-06-31', '2025-13-01',
    '2025-00-10', '2025-01-32', '2025-01-00', '2025-1-01', '20250101', '', 'abcd-ef-gh', '2025-01-01T00:00:00Z',
  ];
  it.each(impossible)('refuses %j with a DomainError naming the field', (date) => {
    expect(isIsoDate(date)).toBe(false);
    let caught: unknown;
    try {
      addPeriod(date, { days: 1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).field).toBe('date');
  });

  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '2100-12-31'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it('knows the weekday and the distance between dates', () => {
    expect(dayOfWeek('2025-04-21')).toBe(1);
    expect(dayOfWeek('2026-12-26')).toBe(6);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
  });
});

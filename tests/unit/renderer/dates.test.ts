import { afterEach, describe, expect, it } from 'vitest';
import {
  calendarDateInAmsterdam, daysBetween, formatCalendarDate, formatInstant, formatRelativeInstant,
} from '../../../src/renderer/src/format/dates';

// These tests are also type-checked with the renderer's tsconfig, which has no Node types.
const environment = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const originalZone = environment.TZ;

/** Node applies a changed TZ at once: the machine time zone the code must not depend on. */
function useMachineZone(zone: string | undefined): void {
  if (zone === undefined) delete environment.TZ;
  else environment.TZ = zone;
}

afterEach(() => {
  useMachineZone(originalZone);
});

describe('formatCalendarDate', () => {
  it('shows DD-MM-YYYY in Dutch and "21 Jan 2025" in English', () => {
    expect(formatCalendarDate('2025-01-21', 'nl')).toBe('21-01-2025');
    expect(formatCalendarDate('2025-01-21', 'en')).toBe('21 Jan 2025');
    expect(formatCalendarDate('2024-12-05', 'nl')).toBe('05-12-2024');
  });

  it('never moves a legal date through the machine time zone', () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Los_Angeles', 'Asia/Tokyo', 'UTC']) {
      useMachineZone(zone);
      // New Year, leap day and both daylight-saving switch days in Amsterdam.
      expect(formatCalendarDate('2025-01-01', 'nl')).toBe('01-01-2025');
      expect(formatCalendarDate('2024-02-29', 'nl')).toBe('29-02-2024');
      expect(formatCalendarDate('2025-03-30', 'nl')).toBe('30-03-2025');
      expect(formatCalendarDate('2025-10-26', 'en')).toBe('26 Oct 2025');
      expect(formatCalendarDate('2024-12-31', 'en')).toBe('31 Dec 2024');
    }
  });

  it('returns what is not a calendar date unchanged rather than a wrong date', () => {
    expect(formatCalendarDate('2025-02-30', 'nl')).toBe('2025-02-30');
    expect(formatCalendarDate('21-01-2025', 'en')).toBe('21-01-2025');
    expect(formatCalendarDate('', 'nl')).toBe('');
  });
});

describe('calendarDateInAmsterdam', () => {
  it('takes the date in Amsterdam, not in UTC', () => {
    // 23:30 UTC in winter is 00:30 the next day in Amsterdam (UTC+1).
    expect(calendarDateInAmsterdam(new Date('2025-01-21T23:30:00Z'))).toBe('2025-01-22');
    expect(calendarDateInAmsterdam(new Date('2025-01-21T22:59:59Z'))).toBe('2025-01-21');
    // In summer (UTC+2) the day already turns at 22:00 UTC.
    expect(calendarDateInAmsterdam(new Date('2025-07-01T22:00:00Z'))).toBe('2025-07-02');
    expect(calendarDateInAmsterdam(new Date('2025-07-01T21:59:59Z'))).toBe('2025-07-01');
  });

  it('does not depend on the machine time zone', () => {
    useMachineZone('America/Los_Angeles');
    expect(calendarDateInAmsterdam(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  });
});

describe('daysBetween', () => {
  it('counts whole calendar days, negative when the date has passed', () => {
    expect(daysBetween('2025-01-21', '2025-01-21')).toBe(0);
    expect(daysBetween('2025-01-21', '2025-01-22')).toBe(1);
    expect(daysBetween('2025-01-22', '2025-01-21')).toBe(-1);
    expect(daysBetween('2025-01-21', '2025-04-21')).toBe(90);
  });

  it('is not thrown off by daylight saving or leap years', () => {
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-10-25', '2025-10-27')).toBe(2);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('gives null for what is not a calendar date', () => {
    expect(daysBetween('2025-02-30', '2025-03-01')).toBeNull();
    expect(daysBetween('2025-01-01', 'soon')).toBeNull();
  });
});

describe('formatRelativeInstant', () => {
  const now = new Date('2025-01-21T12:00:00Z');

  it('reads as minutes, hours and days ago in the user language', () => {
    expect(formatRelativeInstant('2025-01-21T11:55:00Z', now, 'en')).toBe('5 minutes ago');
    expect(formatRelativeInstant('2025-01-21T11:55:00Z', now, 'nl')).toBe('5 minuten geleden');
    expect(formatRelativeInstant('2025-01-21T09:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(formatRelativeInstant('2025-01-20T12:00:00Z', now, 'nl')).toBe('gisteren');
  });

  it('says "now" under a minute and for a moment in the future', () => {
    expect(formatRelativeInstant('2025-01-21T11:59:30Z', now, 'en')).toBe('now');
    expect(formatRelativeInstant('2025-01-21T12:03:00Z', now, 'nl')).toBe('nu');
  });

  it('returns an unreadable instant unchanged', () => {
    expect(formatRelativeInstant('yesterday', now, 'en')).toBe('yesterday');
    expect(formatInstant('yesterday', 'en')).toBe('yesterday');
  });

  it('shows an exact instant in Amsterdam time', () => {
    expect(formatInstant('2025-01-21T23:30:00Z', 'nl')).toContain('22 jan 2025');
    expect(formatInstant('2025-01-21T23:30:00Z', 'nl')).toContain('00:30');
  });
});

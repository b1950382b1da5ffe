/** Formatting of amounts and dates as they appear on Dutch and international documents. */
import { monthNames } from '../../../shared/domain/dates';

const monthsEnglish = monthNames.en;
const monthsDutch = monthNames.nl;

/** Euro cents as on a Dutch document: "€ 6.250,00", "€ -190,00". */
export function formatEuro(cents: number): string {
  const euros = Math.floor(Math.abs(cents) / 100);
  const rest = String(Math.abs(cents) % 100).padStart(2, '0');
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `€ ${cents < 0 ? '-' : ''}${grouped},${rest}`;
}

/** A 'YYYY-MM-DD' date written out: "12 augustus 1990" or "12 August 1990". */
export function formatDateLong(date: string, language: 'nl' | 'en'): string {
  const month = Number(date.slice(5, 7)) - 1;
  const names = language === 'nl' ? monthsDutch : monthsEnglish;
  return `${Number(date.slice(8, 10))} ${names[month] ?? ''} ${date.slice(0, 4)}`;
}

/** A date as on a passport data page: "12 AUG 1990". */
export function formatPassportDate(date: string): string {
  const month = monthsEnglish[Number(date.slice(5, 7)) - 1] ?? '';
  return `${date.slice(8, 10)} ${month.slice(0, 3).toUpperCase()} ${date.slice(0, 4)}`;
}

/** The month of a date in words: "maart 2026". */
export function formatMonth(date: string, language: 'nl' | 'en'): string {
  const month = Number(date.slice(5, 7)) - 1;
  return `${(language === 'nl' ? monthsDutch : monthsEnglish)[month] ?? ''} ${date.slice(0, 4)}`;
}

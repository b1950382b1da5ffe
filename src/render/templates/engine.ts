/**
 * The strict LiquidJS engine that letters and messages are rendered with: an unknown field or
 * filter is an error naming it, never an empty spot in a text sent to an applicant. The filters
 * write dates, money and periods in the template's language, so there is one engine per language
 * and purpose (letters add their block tags to theirs).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Liquid } from 'liquidjs';
import type { Language } from '../../shared/contract/common';
import { formatDateLong, formatEuro, formatInWords, formatPeriod } from '../../shared/letters/format';

/** A new strict engine with the shared filters; the caller keeps it (parsing is cached per engine). */
export function createTemplateEngine(language: Language): Liquid {
  const liquid = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    // Whitespace control ("-%}") trims one line break, never the indentation of the next line.
    greedy: false,
  });
  liquid.registerFilter('date_long', (value: unknown) => formatDateLong(value, language));
  liquid.registerFilter('euro', (value: unknown) => formatEuro(value, language));
  liquid.registerFilter('period', (value: unknown) => formatPeriod(value, language));
  liquid.registerFilter('in_words', (value: unknown) => formatInWords(value, language));
  return liquid;
}

/**
 * A line that holds only tags leaves no line behind, so an {% if %} on its own line cannot split a
 * paragraph or add an empty line to an address. Done by adding whitespace control to the line's
 * last tag rather than with trimTagRight, which would also eat the space after an inline tag
 * ("week{% endif %} na"); the line count stays, so Liquid's error positions stay right.
 */
export function trimTagLines(source: string): string {
  return source.replace(/^([ \t]*(?:\{%(?:(?!%\}).)*%\}[ \t]*)+)$/gm, (line) => line.replace(/(?<!-)%\}([ \t]*)$/, '-%}$1'));
}

/** What a failed parse or render names, read from LiquidJS's message: a field, an absent group's field, a filter. */
export function failureOf(error: unknown, absentPrefix: string): { kind: 'field' | 'absent' | 'filter' | 'other'; name: string | null; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  const field = /undefined variable: ([^\s,]+)/.exec(message)?.[1];
  if (field) return { kind: 'field', name: field, message };
  const absent = new RegExp(`${absentPrefix}([^\\s,]+)`).exec(message)?.[1];
  if (absent) return { kind: 'absent', name: absent, message };
  const filter = /undefined filter: ([^\s,]+)/.exec(message)?.[1];
  if (filter) return { kind: 'filter', name: filter, message };
  return { kind: 'other', name: null, message };
}

/** The "line:…, col:…" of a LiquidJS message. */
export function positionOf(message: string): string {
  return /line:\d+, col:\d+/.exec(message)?.[0] ?? 'position unknown';
}

/**
 * Reads and parses each template file of a folder once. `missing` makes the error for a file the
 * manifest lists but the folder lacks (a packaging fault, said as such rather than as a parse error).
 */
export function parsedFiles<T>(directory: string, missing: (file: string) => Error): (file: string, parse: (source: string) => T) => Promise<T> {
  const parsed = new Map<string, T>();
  return async (file, parse) => {
    const cached = parsed.get(file);
    if (cached !== undefined) return cached;
    let source: string;
    try {
      source = await readFile(join(directory, file), 'utf8');
    } catch {
      throw missing(file);
    }
    const result = parse(source);
    parsed.set(file, result);
    return result;
  };
}

import { describe, expect, it } from 'vitest';
import { findInPage, foldCase, itemRangesOf, normaliseQuery, pageTextOf, stepHit } from '../../../src/renderer/viewer/search';

const page = pageTextOf([
  { str: 'Het Paspoort van de', hasEOL: true },
  { str: 'vreemdeling is echt.', hasEOL: false },
  { str: ' Paspoort retour.', hasEOL: true },
]);

describe('search within a page', () => {
  it('finds every occurrence regardless of case, in order', () => {
    expect(findInPage(page, 'paspoort').map((range) => page.text.slice(range.start, range.end))).toEqual(['Paspoort', 'Paspoort']);
    expect(findInPage(page, 'PASPOORT')).toHaveLength(2);
    expect(findInPage(page, 'visum')).toEqual([]);
    expect(findInPage(page, '   ')).toEqual([]);
  });

  it('finds a phrase broken over two lines', () => {
    const ranges = findInPage(page, 'van de  vreemdeling');
    expect(ranges).toHaveLength(1);
    expect(ranges.flatMap((range) => itemRangesOf(page, range))).toEqual([
      { item: 0, from: 13, to: 19 },
      { item: 1, from: 0, to: 11 },
    ]);
  });

  it('maps a match to the part of its text item', () => {
    const second = findInPage(page, 'paspoort').slice(1);
    expect(second.flatMap((range) => itemRangesOf(page, range))).toEqual([{ item: 2, from: 1, to: 9 }]);
  });

  it('keeps offsets when lower-casing changes a character length', () => {
    expect(foldCase('İSTANBUL').length).toBe('İSTANBUL'.length);
    expect(normaliseQuery('  Paspoort   Retour ')).toBe('paspoort retour');
  });
});

describe('stepping through hits', () => {
  it('wraps at both ends and starts at the first or last', () => {
    expect(stepHit(null, 3, 'next')).toBe(0);
    expect(stepHit(null, 3, 'previous')).toBe(2);
    expect(stepHit(2, 3, 'next')).toBe(0);
    expect(stepHit(0, 3, 'previous')).toBe(2);
    expect(stepHit(0, 0, 'next')).toBeNull();
  });
});

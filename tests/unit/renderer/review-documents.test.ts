/**
 * The case screen's size cap: a document whose declared size is over the viewer's cap is refused
 * before its bytes are fetched, and the pane says so in the viewer's own words (issue 8).
 */
import { describe, expect, it } from 'vitest';
import en from '../../../src/renderer/src/i18n/en.json';
import nl from '../../../src/renderer/src/i18n/nl.json';
import { refusalBeforeFetching } from '../../../src/renderer/src/review/useDocuments';
import { errorMessageValues, format, viewerLimits } from '../../../src/renderer/viewer/protocol';

describe('refusal before fetching', () => {
  it('refuses a document over the size cap, and an empty one; opens one at the cap', () => {
    expect(refusalBeforeFetching({ size: viewerLimits.maxFileBytes + 1 })).toBe('too_large');
    expect(refusalBeforeFetching({ size: 2 * 1024 ** 3 })).toBe('too_large');
    expect(refusalBeforeFetching({ size: viewerLimits.maxFileBytes })).toBeNull();
    expect(refusalBeforeFetching({ size: 48_213 })).toBeNull();
    expect(refusalBeforeFetching({ size: 0 })).toBe('empty');
  });

  it('says what is wrong and what to do, with the caps written as each language writes numbers', () => {
    expect(format(nl.viewer.error_too_large, errorMessageValues('nl'))).toBe(
      'Het bestand is groter dan 100 MB. Vraag de aanvrager om een kleiner bestand of splits het document.');
    expect(format(en.viewer.error_too_large, errorMessageValues('en'))).toBe(
      'The file is larger than 100 MB. Ask the applicant for a smaller file or split the document.');
    expect(format(nl.viewer.error_too_many_pages, errorMessageValues('nl'))).toContain('meer dan 2.000 pagina’s');
    expect(format(en.viewer.error_too_many_pages, errorMessageValues('en'))).toContain('more than 2,000 pages');
  });
});

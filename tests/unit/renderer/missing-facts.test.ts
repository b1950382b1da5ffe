/** What the letter workspace says a letter lacks: field labels, and the penalty apart, since no one can fill that in. */
import { describe, expect, it } from 'vitest';
import { missingFactsText, splitMissingFacts } from '../../../src/renderer/src/letters/missingFacts';

describe('the missing facts of a letter', () => {
  it('names the fields by their labels', () => {
    expect(missingFactsText('applicant.addressLines,deadline', 'nl')).toBe('Adres aanvrager, Beslistermijn');
    expect(missingFactsText('applicant.addressLines,deadline', 'en')).toBe("Applicant's address, Decision period");
  });

  it('sets a penalty that is not final apart from the facts to complete', () => {
    expect(splitMissingFacts('penalty')).toEqual({ facts: '', penaltyNotFinal: true });
    expect(splitMissingFacts('applicant.addressLines,penalty')).toEqual({ facts: 'applicant.addressLines', penaltyNotFinal: true });
    expect(splitMissingFacts('deadline')).toEqual({ facts: 'deadline', penaltyNotFinal: false });
  });
});

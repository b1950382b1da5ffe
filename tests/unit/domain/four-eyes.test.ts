/** Which letters a second person approves: an entry of the rules table, versioned like every rule. */
import { describe, expect, it } from 'vitest';
import { domainRules, needsSecondApprover } from '../../../src/shared/domain';
import { letterKind } from '../../../src/shared/sync';

describe('four-eyes', () => {
  it('holds for decisions against the applicant, objection decisions and penalty decisions, not for the others', () => {
    const needing = letterKind.options.filter((kind) => needsSecondApprover(kind, '2026-12-03'));
    expect(needing.sort()).toEqual(['not_processed', 'objection_decision', 'penalty_decision', 'refusal']);
  });

  it('follows the version in effect on the day', () => {
    const rules = { ...domainRules, fourEyes: [...domainRules.fourEyes, { effectiveFrom: '2027-01-01', kinds: ['refusal', 'grant'], basis: 'test' }] };
    expect(needsSecondApprover('grant', '2026-12-31', rules)).toBe(false);
    expect(needsSecondApprover('grant', '2027-01-01', rules)).toBe(true);
    expect(needsSecondApprover('penalty_decision', '2027-01-01', rules)).toBe(false);
  });
});

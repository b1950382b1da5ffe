/** The decision code a sent letter registers on its case (src/server/letters/record.ts). */
import { describe, expect, it } from 'vitest';
import { caseDecisionCode } from '../../../src/server/letters/record';
import type { LetterFrame } from '../../../src/shared/letters/draft';
import { sampleLetterFields } from '../../../src/shared/letters/samples';

const frame = (outcome: NonNullable<LetterFrame['decision']>['outcome'] | null): LetterFrame => ({
  letterDate: '2026-03-02', language: 'nl', template: 'objection_decision/nl.objection.2026-01-01',
  fields: sampleLetterFields.nl, decision: outcome === null ? null : { outcome, groundIds: [] },
});

describe('caseDecisionCode', () => {
  it('keeps the first-instance codes the queue, the training data and the host read', () => {
    expect(caseDecisionCode('grant', frame('granted'))).toBe('grant');
    expect(caseDecisionCode('refusal', frame('refused'))).toBe('refuse');
    expect(caseDecisionCode('not_processed', frame('not_processed'))).toBe('not_processed');
  });

  it('records an objection decision by its outcome, and nothing for letters that decide nothing', () => {
    expect(caseDecisionCode('objection_decision', frame('objection_unfounded'))).toBe('objection_unfounded');
    expect(caseDecisionCode('penalty_decision', frame(null))).toBeNull();
    expect(caseDecisionCode('acknowledgement', frame(null))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { ReviewCase } from '../../../src/shared/contract';
import { caseDeadline } from '../../../src/renderer/src/review/deadline';

const base: ReviewCase = {
  summary: {
    id: 'c1', caseNumber: 'IND-1', applicantName: 'A', vNumber: '0012345678', caseType: 'highly_skilled_migrant', regime: 'regular',
    status: 'in_progress', receivedOn: '2026-02-02', deadline: '2026-05-04', assignee: null, team: null,
  },
  teamId: null, contestedDecisionOn: null, decidedOn: null, decision: null, fee: { status: 'paid', paidOn: null, amountCents: null }, biometrics: null,
  application: {}, parties: [], suspensions: [], extensions: [], noticesOfDefault: [], documents: [], annotations: [], evidenceLinks: [],
  events: [], notes: [], messages: [], people: {},
};

describe('the case screen\'s decision period', () => {
  it('is 90 days after receipt for a regular case, with the steps explained', () => {
    const result = caseDeadline(base, '2026-03-02');
    if (!result.ok) throw new Error('not computed');
    expect(result.deadline.deadline).toBe('2026-05-04');
    expect(result.deadline.steps.map((step) => step.key)).toContain('deadline.step.statutoryPeriod');
    expect(result.projected).toBeNull();
    expect(result.penalty.status).toBe('none');
  });

  it('a suspension requested today moves nothing yet, but projects the deadline if the term is used in full', () => {
    const suspended = { ...base, suspensions: [{ id: 's1', requestedOn: '2026-03-02', dueOn: '2026-03-16', endedOn: null, documents: ['payslips'], pending: true }] };
    const result = caseDeadline(suspended, '2026-03-02');
    if (!result.ok) throw new Error('not computed');
    expect(result.deadline.deadline).toBe('2026-05-04');
    expect(result.projected?.deadline).toBe('2026-05-18');
  });

  it('an extension beyond what the regime allows is reported, not thrown', () => {
    const extended = { ...base, extensions: [1, 2].map((index) => ({ id: `e${index}`, period: { months: 1 }, legalGround: 'Vw art. 25(2)', announcedOn: '2026-03-01', pending: false })) };
    expect(caseDeadline(extended, '2026-03-02')).toEqual({ ok: false, reason: 'rules', code: 'too_many_extensions' });
  });
});

import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../../src/shared/contract';
import { deadlineState, isOpenCase, summarizeCases } from '../../../src/renderer/src/state/caseFigures';

const today = '2025-03-10';
const item = (status: CaseStatus, deadline: string | null) => ({ status, deadline });

describe('deadlineState', () => {
  it('tells overdue, today, soon and later apart for open cases', () => {
    expect(deadlineState(item('in_progress', '2025-03-07'), today)).toEqual({ kind: 'overdue', days: 3 });
    expect(deadlineState(item('in_progress', '2025-03-10'), today)).toEqual({ kind: 'today' });
    expect(deadlineState(item('intake', '2025-03-11'), today)).toEqual({ kind: 'soon', days: 1 });
    expect(deadlineState(item('intake', '2025-03-17'), today)).toEqual({ kind: 'soon', days: 7 });
    expect(deadlineState(item('in_review', '2025-03-18'), today)).toEqual({ kind: 'later', days: 8 });
    expect(deadlineState(item('waiting_on_applicant', null), today)).toEqual({ kind: 'none' });
  });

  it('does not count down for decided or closed cases', () => {
    expect(deadlineState(item('decided', '2025-03-01'), today)).toEqual({ kind: 'finished' });
    expect(deadlineState(item('closed', null), today)).toEqual({ kind: 'finished' });
    expect(isOpenCase(item('decided', null))).toBe(false);
    expect(isOpenCase(item('waiting_on_applicant', null))).toBe(true);
  });
});

describe('summarizeCases', () => {
  it('counts per status, overdue, due within seven days and without deadline', () => {
    const figures = summarizeCases([
      item('in_progress', '2025-03-01'), // overdue
      item('in_progress', '2025-03-09'), // overdue by one day
      item('intake', '2025-03-10'), // due today: soon
      item('in_review', '2025-03-17'), // day 7: soon
      item('in_review', '2025-03-18'), // day 8: later
      item('waiting_on_applicant', null), // no deadline
      item('decided', '2025-02-01'), // finished: not overdue
      item('closed', null),
    ], today);
    expect(figures).toEqual({
      total: 8,
      open: 6,
      overdue: 2,
      dueSoon: 2,
      withoutDeadline: 1,
      byStatus: { intake: 1, in_progress: 2, waiting_on_applicant: 1, in_review: 2, decided: 1, closed: 1 },
    });
  });

  it('gives zeros for every status on an empty list', () => {
    const figures = summarizeCases([], today);
    expect(figures.total).toBe(0);
    expect(Object.values(figures.byStatus)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

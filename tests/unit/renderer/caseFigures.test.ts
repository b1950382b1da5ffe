import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../../src/shared/contract';
import { deadlineState, isOpenCase } from '../../../src/renderer/src/state/caseFigures';

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

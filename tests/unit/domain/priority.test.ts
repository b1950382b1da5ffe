import { describe, expect, it } from 'vitest';
import { computePriority, DomainError, type PriorityBand, type PriorityCase } from '../../../src/shared/domain';

const today = '2025-06-01';
const base: PriorityCase = { regime: 'regular', receivedOn: '2025-03-01', deadline: '2025-08-01' };

describe('computePriority bands', () => {
  const cases: [string, PriorityCase, PriorityBand, string][] = [
    ['penalty accruing', { ...base, deadline: '2025-05-01', noticeOfDefaultReceivedOn: '2025-05-10' }, 'penalty_accruing', 'priority.reason.penaltyAccruing'],
    ['penalty capped', { ...base, deadline: '2025-01-01', noticeOfDefaultReceivedOn: '2025-01-02' }, 'penalty_accruing', 'priority.reason.penaltyCapped'],
    ['notice of default in its grace period', { ...base, deadline: '2025-05-01', noticeOfDefaultReceivedOn: '2025-05-25' }, 'notice_of_default', 'priority.reason.noticeOfDefault'],
    ['asylum notice after the deadline', { ...base, regime: 'asylum', deadline: '2025-05-01', noticeOfDefaultReceivedOn: '2025-05-10' }, 'notice_of_default', 'priority.reason.noticeOfDefaultAsylum'],
    ['early notice does not count', { ...base, deadline: '2025-05-01', noticeOfDefaultReceivedOn: '2025-04-20' }, 'overdue', 'priority.reason.overdue'],
    ['overdue by a day', { ...base, deadline: '2025-05-31' }, 'overdue', 'priority.reason.overdue'],
    ['due today', { ...base, deadline: '2025-06-01' }, 'due_within_7_days', 'priority.reason.dueWithin7Days'],
    ['due in 7 days', { ...base, deadline: '2025-06-08' }, 'due_within_7_days', 'priority.reason.dueWithin7Days'],
    ['due in 8 days', { ...base, deadline: '2025-06-09' }, 'due_within_30_days', 'priority.reason.dueWithin30Days'],
    ['due in 30 days', { ...base, deadline: '2025-07-01' }, 'due_within_30_days', 'priority.reason.dueWithin30Days'],
    ['due in 31 days', { ...base, deadline: '2025-07-02' }, 'on_track', 'priority.reason.onTrack'],
    ['decided', { ...base, deadline: '2025-05-01', decidedOn: '2025-05-20' }, 'decided', 'priority.reason.decided'],
  ];
  it.each(cases)('%s', (_name, caseFacts, band, reason) => {
    const result = computePriority(caseFacts, today);
    expect(result.band).toBe(band);
    expect(result.reasons[0]?.key).toBe(reason);
  });

  it('gives reasons with values', () => {
    const result = computePriority({ ...base, deadline: '2025-05-29', vulnerable: true, suspensionOpen: true }, today);
    expect(result.reasons).toEqual([
      { key: 'priority.reason.overdue', values: { deadline: '2025-05-29', days: 3 } },
      { key: 'priority.reason.vulnerable', values: {} },
      { key: 'priority.reason.waitingOnApplicant', values: {} },
    ]);
  });

  it('computes the deadline when it is not given, and reads an open suspension as waiting', () => {
    const result = computePriority({
      regime: 'regular', receivedOn: '2025-03-01', suspensions: [{ requestedOn: '2025-05-20' }], unaccompaniedMinor: true,
    }, today);
    // 2025-03-01 + 90 days = 2025-05-30, + 12 suspended days (21 May through 1 June) = 2025-06-11: due in 10 days.
    expect(result.band).toBe('due_within_30_days');
    expect(result.reasons).toEqual([
      { key: 'priority.reason.dueWithin30Days', values: { deadline: '2025-06-11', days: 10 } },
      { key: 'priority.reason.vulnerable', values: {} },
      { key: 'priority.reason.waitingOnApplicant', values: {} },
    ]);
    const waiting = computePriority({ ...base, waitingOnApplicant: true }, today).score;
    expect(waiting).toBeLessThan(computePriority(base, today).score);
  });

  it('refuses bad input naming the field', () => {
    expect(() => computePriority({ ...base, deadline: '2025-02-30' }, today)).toThrow(/case\.deadline/);
    expect(() => computePriority(base, '2025-13-01')).toThrow(DomainError);
  });
});

describe('computePriority order', () => {
  const sortByScore = (cases: Record<string, PriorityCase>) =>
    Object.entries(cases)
      .map(([name, caseFacts]) => ({ name, score: computePriority(caseFacts, today).score }))
      .sort((left, right) => right.score - left.score)
      .map((entry) => entry.name);

  it('orders penalty > notice > overdue > 7 days > 30 days > rest > decided', () => {
    expect(sortByScore({
      rest: { ...base, deadline: '2025-09-01' },
      decided: { ...base, decidedOn: '2025-05-01', deadline: '2025-04-01' },
      due30: { ...base, deadline: '2025-06-20' },
      overdue: { ...base, deadline: '2025-05-20' },
      notice: { ...base, deadline: '2025-05-20', noticeOfDefaultReceivedOn: '2025-05-25' },
      due7: { ...base, deadline: '2025-06-03' },
      penalty: { ...base, deadline: '2025-05-01', noticeOfDefaultReceivedOn: '2025-05-10' },
    })).toEqual(['penalty', 'notice', 'overdue', 'due7', 'due30', 'rest', 'decided']);
  });

  it('lets vulnerable applicants rise within their band only', () => {
    expect(sortByScore({
      overdue: { ...base, deadline: '2025-05-20' },
      vulnerableDue7: { ...base, deadline: '2025-06-03', vulnerable: true },
      due7: { ...base, deadline: '2025-06-02' },
    })).toEqual(['overdue', 'vulnerableDue7', 'due7']);
  });

  it('sinks cases waiting on the applicant below active ones of their band, not below a lower band', () => {
    expect(sortByScore({
      waitingOverdue: { ...base, deadline: '2025-05-01', suspensionOpen: true },
      overdue: { ...base, deadline: '2025-05-30' },
      waitingVulnerable: { ...base, deadline: '2025-05-02', suspensionOpen: true, vulnerable: true },
      due7: { ...base, deadline: '2025-06-02' },
    })).toEqual(['overdue', 'waitingVulnerable', 'waitingOverdue', 'due7']);
  });

  it('breaks ties by deadline, then by received date', () => {
    expect(sortByScore({
      later: { ...base, deadline: '2025-06-20', receivedOn: '2025-01-01' },
      earlierReceivedLater: { ...base, deadline: '2025-06-15', receivedOn: '2025-03-10' },
      earlierReceivedEarlier: { ...base, deadline: '2025-06-15', receivedOn: '2025-03-09' },
    })).toEqual(['earlierReceivedEarlier', 'earlierReceivedLater', 'later']);
  });
});

import { describe, expect, it } from 'vitest';
import { computePenalty, DomainError, type PenaltyInput } from '../../../src/shared/domain';

type Expected = { firstPenaltyDay: string | null; penaltyDays: number; amountCents: number };
const base = { regime: 'regular', deadline: '2025-04-22' } as const;
const notice = '2025-04-23'; // the day after the deadline: first penalty day 2025-05-07

const cases: [string, PenaltyInput, Expected][] = [
  ['no notice of default', { ...base, asOf: '2025-08-01' }, { firstPenaltyDay: null, penaltyDays: 0, amountCents: 0 }],
  ['asylum never', { ...base, regime: 'asylum', noticeOfDefaultReceivedOn: '2025-05-01', asOf: '2025-08-01' }, { firstPenaltyDay: null, penaltyDays: 0, amountCents: 0 }],
  ['notice received on the deadline', { ...base, noticeOfDefaultReceivedOn: '2025-04-22', asOf: '2025-08-01' }, { firstPenaltyDay: null, penaltyDays: 0, amountCents: 0 }],
  ['notice received before the deadline', { ...base, noticeOfDefaultReceivedOn: '2025-04-01', asOf: '2025-08-01' }, { firstPenaltyDay: null, penaltyDays: 0, amountCents: 0 }],
  ['grace period: the day before the first penalty day', { ...base, noticeOfDefaultReceivedOn: notice, asOf: '2025-05-06' }, { firstPenaltyDay: '2025-05-07', penaltyDays: 0, amountCents: 0 }],
  ['asOf on the first penalty day counts 1 day', { ...base, noticeOfDefaultReceivedOn: notice, asOf: '2025-05-07' }, { firstPenaltyDay: '2025-05-07', penaltyDays: 1, amountCents: 2300 }],
  ['day 14, the last at €23', { ...base, noticeOfDefaultReceivedOn: notice, asOf: '2025-05-20' }, { firstPenaltyDay: '2025-05-07', penaltyDays: 14, amountCents: 32200 }],
  ['day 15, the first at €35', { ...base, noticeOfDefaultReceivedOn: notice, asOf: '2025-05-21' }, { firstPenaltyDay: '2025-05-07', penaltyDays: 15, amountCents: 35700 }],
  ['day 28', { ...base, noticeOfDefaultReceivedOn: notice, asOf: '2025-06-03' }, { firstPenaltyDay: '2025-05-07', penaltyDays: 28, amountCents: 81200 }],
  ['day 29, the first at €45', { ...base, noticeOfDefaultReceivedOn: notice, asOf: '2025-06-04' }, { firstPenaltyDay: '2025-05-07', penaltyDays: 29, amountCents: 85700 }],
  ['day 42, the maximum', { ...base, noticeOfDefaultReceivedOn: notice, asOf: '2025-06-17' }, { firstPenaltyDay: '2025-05-07', penaltyDays: 42, amountCents: 144200 }],
  ['long after: capped at 42 days', { ...base, noticeOfDefaultReceivedOn: notice, asOf: '2025-12-31' }, { firstPenaltyDay: '2025-05-07', penaltyDays: 42, amountCents: 144200 }],
  ['decided on the first penalty day: nothing owed', { ...base, noticeOfDefaultReceivedOn: notice, decidedOn: '2025-05-07', asOf: '2025-08-01' }, { firstPenaltyDay: '2025-05-07', penaltyDays: 0, amountCents: 0 }],
  ['decided the day after: 1 day', { ...base, noticeOfDefaultReceivedOn: notice, decidedOn: '2025-05-08', asOf: '2025-08-01' }, { firstPenaltyDay: '2025-05-07', penaltyDays: 1, amountCents: 2300 }],
  ['decided on day 16: 15 days', { ...base, noticeOfDefaultReceivedOn: notice, decidedOn: '2025-05-22', asOf: '2025-08-01' }, { firstPenaltyDay: '2025-05-07', penaltyDays: 15, amountCents: 35700 }],
  ['decided the day after the cap', { ...base, noticeOfDefaultReceivedOn: notice, decidedOn: '2025-06-18', asOf: '2025-08-01' }, { firstPenaltyDay: '2025-05-07', penaltyDays: 42, amountCents: 144200 }],
  ['decided long after', { ...base, noticeOfDefaultReceivedOn: notice, decidedOn: '2025-09-01', asOf: '2025-09-01' }, { firstPenaltyDay: '2025-05-07', penaltyDays: 42, amountCents: 144200 }],
  ['decided before the notice arrived', { ...base, noticeOfDefaultReceivedOn: '2025-05-02', decidedOn: '2025-04-30', asOf: '2025-08-01' }, { firstPenaltyDay: '2025-05-16', penaltyDays: 0, amountCents: 0 }],
  ['naturalisation accrues', { regime: 'naturalisation', deadline: '2026-01-10', noticeOfDefaultReceivedOn: '2026-02-01', asOf: '2026-02-20' }, { firstPenaltyDay: '2026-02-15', penaltyDays: 6, amountCents: 13800 }],
  ['objection_general accrues', { regime: 'objection_general', deadline: '2026-01-10', noticeOfDefaultReceivedOn: '2026-02-01', asOf: '2026-02-20' }, { firstPenaltyDay: '2026-02-15', penaltyDays: 6, amountCents: 13800 }],
  ['first penalty day on 29 February', { regime: 'mvv', deadline: '2024-02-10', noticeOfDefaultReceivedOn: '2024-02-15', asOf: '2024-03-01' }, { firstPenaltyDay: '2024-02-29', penaltyDays: 2, amountCents: 4600 }],
  ['notice arrived on asOf', { ...base, noticeOfDefaultReceivedOn: '2025-06-01', asOf: '2025-06-01' }, { firstPenaltyDay: '2025-06-15', penaltyDays: 0, amountCents: 0 }],
];

describe('computePenalty', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    const result = computePenalty(input);
    expect({ firstPenaltyDay: result.firstPenaltyDay, penaltyDays: result.penaltyDays, amountCents: result.amountCents }).toEqual(expected);
  });

  it('reports the status, the cap and the projection for dashboards', () => {
    const accruing = computePenalty({ ...base, noticeOfDefaultReceivedOn: notice, asOf: '2025-05-21' });
    expect(accruing).toMatchObject({
      status: 'accruing', capReached: false, capReachedOn: '2025-06-17', projectedAmountCents: 144200,
      maximumAmountCents: 144200, currentDailyRateCents: 3500,
    });
    const capped = computePenalty({ ...base, noticeOfDefaultReceivedOn: notice, asOf: '2025-12-31' });
    expect(capped).toMatchObject({ status: 'capped', capReached: true, capReachedOn: '2025-06-17', currentDailyRateCents: 0 });
    const stopped = computePenalty({ ...base, noticeOfDefaultReceivedOn: notice, decidedOn: '2025-05-22', asOf: '2025-08-01' });
    expect(stopped).toMatchObject({ status: 'stopped', capReached: false, capReachedOn: null, projectedAmountCents: 35700 });
    const grace = computePenalty({ ...base, noticeOfDefaultReceivedOn: notice, asOf: '2025-05-01' });
    expect(grace).toMatchObject({ status: 'grace', currentDailyRateCents: 2300, projectedAmountCents: 144200 });
    const none = computePenalty({ ...base, asOf: '2025-05-01' });
    expect(none).toMatchObject({ status: 'none', capReachedOn: null, projectedAmountCents: 0 });
  });

  it('explains the amount per rate band', () => {
    const result = computePenalty({ ...base, noticeOfDefaultReceivedOn: notice, asOf: '2025-05-21' });
    expect(result.steps.map((step) => step.key)).toEqual([
      'penalty.step.firstDay', 'penalty.step.days.undecided', 'penalty.step.tier', 'penalty.step.tier', 'penalty.step.total',
    ]);
    expect(result.steps[3]?.values).toMatchObject({ days: 1, rateCents: 3500, amountCents: 3500 });
    expect(result.steps[0]?.legalBasis).toBe('Awb art. 4:17');
  });

  it('needs no asOf once decided', () => {
    expect(computePenalty({ ...base, noticeOfDefaultReceivedOn: notice, decidedOn: '2025-05-10' } as PenaltyInput).penaltyDays).toBe(3);
  });

  const errors: [string, unknown, string, string][] = [
    ['unknown regime', { regime: 'work', deadline: '2025-04-22', asOf: '2025-05-01' }, 'regime', 'unknown_regime'],
    ['impossible deadline', { ...base, deadline: '2025-02-30', asOf: '2025-05-01' }, 'deadline', 'invalid_date'],
    ['missing asOf while undecided', { ...base, noticeOfDefaultReceivedOn: notice }, 'asOf', 'missing_field'],
    ['impossible asOf', { ...base, asOf: '2025-09-31' }, 'asOf', 'invalid_date'],
    ['impossible notice', { ...base, noticeOfDefaultReceivedOn: '2025-02-29', asOf: '2025-05-01' }, 'noticeOfDefaultReceivedOn', 'invalid_date'],
    ['impossible decidedOn', { ...base, decidedOn: '2025-06-31', asOf: '2025-05-01' }, 'decidedOn', 'invalid_date'],
  ];
  it.each(errors)('refuses %s, naming the field', (_name, input, field, code) => {
    expect(() => computePenalty(input as PenaltyInput)).toThrow(DomainError);
    try {
      computePenalty(input as PenaltyInput);
    } catch (error) {
      expect((error as DomainError).field).toBe(field);
      expect((error as DomainError).code).toBe(code);
    }
  });
});

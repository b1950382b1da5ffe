import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addPeriod, atwRollForward, computeDecisionDeadline, computePenalty, computePriority, isAtwHoliday,
  type DecisionDeadlineInput, type PriorityBand, type PriorityCase, type Regime,
} from '../../../src/shared/domain';
import { dayOfWeek, fromDayNumber, toDayNumber } from '../../../src/shared/domain/dates';
import { priorityBands } from '../../../src/shared/domain/priority';
import { regimes } from '../../../src/shared/domain/rules';

const first = toDayNumber('2000-01-01');
const last = toDayNumber('2098-12-31');
const date = fc.integer({ min: first, max: last }).map(fromDayNumber);
const regime = fc.constantFrom<Regime>(...regimes);
const shift = (day: string, days: number) => fromDayNumber(toDayNumber(day) + days);

/** A valid deadline input: suspensions closed, extensions within every regime's first limit (6 weeks). */
const deadlineInput = fc
  .record({
    regime,
    receivedOn: date,
    decisionBefore: fc.integer({ min: 0, max: 60 }),
    suspensions: fc.array(fc.record({ after: fc.integer({ min: 0, max: 200 }), length: fc.integer({ min: 0, max: 60 }) }), { maxLength: 4 }),
    extension: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  })
  .map(({ regime: chosen, receivedOn, decisionBefore, suspensions, extension }): DecisionDeadlineInput => ({
    regime: chosen,
    receivedOn,
    contestedDecisionOn: shift(receivedOn, -decisionBefore),
    suspensions: suspensions.map(({ after, length }) => ({ requestedOn: shift(receivedOn, after), endedOn: shift(receivedOn, after + length) })),
    extensions: extension === undefined || chosen === 'regular_study' ? [] : [{ weeks: extension }],
  }));

describe('properties', () => {
  it('a longer suspension never moves a deadline earlier', () => {
    fc.assert(fc.property(deadlineInput, fc.nat(), fc.integer({ min: 1, max: 90 }), (input, pick, extra) => {
      const suspensions = input.suspensions ?? [];
      fc.pre(suspensions.length > 0);
      const index = pick % suspensions.length;
      const longer = suspensions.map((suspension, position) =>
        position === index ? { ...suspension, endedOn: shift(suspension.endedOn as string, extra) } : suspension);
      const before = computeDecisionDeadline(input).deadline;
      const after = computeDecisionDeadline({ ...input, suspensions: longer }).deadline;
      expect(after >= before).toBe(true);
    }), { numRuns: 500 });
  });

  it('an open suspension counted to a later day never moves a deadline earlier', () => {
    fc.assert(fc.property(deadlineInput, fc.integer({ min: -10, max: 200 }), fc.integer({ min: 1, max: 60 }), (input, requestAfter, later) => {
      const open = { requestedOn: shift(input.receivedOn, Math.max(0, requestAfter)) };
      const asOf = shift(input.receivedOn, requestAfter + 5);
      const withOpen = (until: string) => computeDecisionDeadline({ ...input, suspensions: [...(input.suspensions ?? []), open], asOf: until }).deadline;
      expect(withOpen(shift(asOf, later)) >= withOpen(asOf)).toBe(true);
      expect(withOpen(asOf) >= computeDecisionDeadline(input).deadline).toBe(true);
    }), { numRuns: 300 });
  });

  it('a rolled deadline is a working day, and never rolls for an extended or long period', () => {
    fc.assert(fc.property(deadlineInput, (input) => {
      const result = computeDecisionDeadline(input);
      const rolls = ['regular', 'regular_study', 'mvv', 'objection_general'].includes(input.regime) && (input.extensions ?? []).length === 0;
      if (rolls) expect(atwRollForward(result.deadline)).toBe(result.deadline);
      else expect(result.rolledForward).toBe(false);
    }), { numRuns: 500 });
  });

  it('a penalty never exceeds €1,442 or 42 days, and grows with asOf while undecided', () => {
    const penaltyInput = fc.record({
      regime, deadline: date, noticeAfter: fc.option(fc.integer({ min: -20, max: 80 }), { nil: undefined }),
      decidedAfter: fc.option(fc.integer({ min: -20, max: 200 }), { nil: undefined }), asOfAfter: fc.integer({ min: -20, max: 200 }),
    });
    fc.assert(fc.property(penaltyInput, fc.integer({ min: 0, max: 60 }), (raw, later) => {
      const input = {
        regime: raw.regime, deadline: raw.deadline, asOf: shift(raw.deadline, raw.asOfAfter),
        ...(raw.noticeAfter === undefined ? {} : { noticeOfDefaultReceivedOn: shift(raw.deadline, raw.noticeAfter) }),
        ...(raw.decidedAfter === undefined ? {} : { decidedOn: shift(raw.deadline, raw.decidedAfter) }),
      };
      const result = computePenalty(input);
      expect(result.penaltyDays).toBeGreaterThanOrEqual(0);
      expect(result.penaltyDays).toBeLessThanOrEqual(42);
      expect(result.amountCents).toBeLessThanOrEqual(144200);
      expect(result.projectedAmountCents).toBeLessThanOrEqual(144200);
      if (raw.regime === 'asylum') expect(result.amountCents).toBe(0);
      if (input.decidedOn === undefined) {
        const afterwards = computePenalty({ ...input, asOf: shift(input.asOf, later) });
        expect(afterwards.amountCents).toBeGreaterThanOrEqual(result.amountCents);
      }
    }), { numRuns: 1000 });
  });

  it('priority order holds: band, then active, then vulnerable, then deadline, then receipt', () => {
    const today = '2025-06-01';
    const priorityCase = fc.record({
      regime, receivedOn: fc.integer({ min: -400, max: -1 }), deadline: fc.integer({ min: -120, max: 120 }),
      notice: fc.option(fc.integer({ min: -10, max: 40 }), { nil: undefined }), waiting: fc.boolean(), vulnerable: fc.boolean(),
    }).map((raw): PriorityCase => ({
      regime: raw.regime, receivedOn: shift(today, raw.receivedOn), deadline: shift(today, raw.deadline),
      suspensionOpen: raw.waiting, vulnerable: raw.vulnerable,
      ...(raw.notice === undefined ? {} : { noticeOfDefaultReceivedOn: shift(shift(today, raw.deadline), raw.notice) }),
    }));
    const rank = (band: PriorityBand) => priorityBands.length - priorityBands.indexOf(band);
    const expectedKey = (caseFacts: PriorityCase) => [
      rank(computePriority(caseFacts, today).band), caseFacts.suspensionOpen ? 0 : 1, caseFacts.vulnerable ? 1 : 0,
      -toDayNumber(caseFacts.deadline ?? ''), -toDayNumber(caseFacts.receivedOn),
    ];
    const compare = (left: number[], right: number[]) => {
      for (let index = 0; index < left.length; index++) {
        const difference = (left[index] ?? 0) - (right[index] ?? 0);
        if (difference !== 0) return Math.sign(difference);
      }
      return 0;
    };
    fc.assert(fc.property(priorityCase, priorityCase, (left, right) => {
      const byScore = Math.sign(computePriority(left, today).score - computePriority(right, today).score);
      expect(byScore).toBe(compare(expectedKey(left), expectedKey(right)));
    }), { numRuns: 1000 });
  });

  it('Atw roll-over lands on the first working day on or after the date', () => {
    fc.assert(fc.property(date, (day) => {
      const rolled = atwRollForward(day);
      expect(rolled >= day).toBe(true);
      expect(isAtwHoliday(rolled) || dayOfWeek(rolled) === 0 || dayOfWeek(rolled) === 6).toBe(false);
      for (let between = day; between < rolled; between = shift(between, 1)) {
        expect(isAtwHoliday(between) || dayOfWeek(between) === 0 || dayOfWeek(between) === 6).toBe(true);
      }
    }), { numRuns: 500 });
  });

  it('adding and removing days is exact; adding months never goes past the month', () => {
    fc.assert(fc.property(date, fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: 0, max: 60 }), (day, days, months) => {
      expect(addPeriod(addPeriod(day, { days }), { days: -days })).toBe(day);
      const result = addPeriod(day, { months });
      const [year, month] = day.split('-').map(Number) as [number, number];
      const index = year * 12 + month - 1 + months;
      expect(result.slice(0, 7)).toBe(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
    }), { numRuns: 500 });
  });
});

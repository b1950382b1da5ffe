/**
 * The penalty for deciding late (dwangsom bij niet tijdig beslissen, Awb 4:17): it starts two weeks
 * after a notice of default (ingebrekestelling) that arrived after the deadline, runs per day until
 * the day before the decision, and stops at 42 days. Rates and limits come from the rules table.
 */
import { addDays, fromDayNumber, requireIsoDate, toDayNumber, type IsoDate } from './dates';
import { DomainError } from './errors';
import { step, type ExplanationStep } from './explanation';
import { domainRules, isRegime, versionInEffect, type DomainRules, type PenaltyRule, type Regime } from './rules';

/** What computePenalty needs; `asOf` is the day to count up to while the case is undecided (required then). */
export type PenaltyInput = {
  regime: Regime;
  deadline: IsoDate;
  noticeOfDefaultReceivedOn?: IsoDate;
  decidedOn?: IsoDate;
  asOf: IsoDate;
};

/**
 * Where the penalty stands: none (no valid notice, or asylum), grace (notice counts, first penalty day
 * not reached, undecided), accruing, capped (42 days reached), stopped (decided before the cap).
 */
export type PenaltyStatus = 'none' | 'grace' | 'accruing' | 'capped' | 'stopped';

/** The penalty of a case, with what dashboards need and the steps that produced it. */
export type Penalty = {
  firstPenaltyDay: IsoDate | null;
  penaltyDays: number;
  amountCents: number;
  status: PenaltyStatus;
  /** Whether the maximum number of penalty days has been reached. */
  capReached: boolean;
  /** The day the maximum is (or will be) reached; null when it never will be. */
  capReachedOn: IsoDate | null;
  /** The total if nothing changes: the maximum while undecided, the final amount once decided. */
  projectedAmountCents: number;
  /** The highest possible amount under the rules in effect (€1,442). */
  maximumAmountCents: number;
  /** The rate of the next penalty day while accruing or in grace; 0 otherwise. */
  currentDailyRateCents: number;
  steps: ExplanationStep[];
  rulesVersion: string;
};

/** The amount of the first `days` penalty days under a set of rate tiers. */
export function penaltyAmountCents(days: number, rule: PenaltyRule): number {
  let total = 0;
  for (const tier of rule.tiers) {
    const daysInTier = Math.max(0, Math.min(days, tier.toDay) - tier.fromDay + 1);
    total += daysInTier * tier.rateCents;
  }
  return total;
}

function rateOfDay(day: number, rule: PenaltyRule): number {
  return rule.tiers.find((tier) => tier.fromDay <= day && day <= tier.toDay)?.rateCents ?? 0;
}

function optionalDate(value: unknown, field: string): IsoDate | null {
  return value === undefined || value === null ? null : requireIsoDate(value, field);
}

/** The penalty owed for deciding late, as of a day, with its explanation. */
export function computePenalty(input: PenaltyInput, rules: DomainRules = domainRules): Penalty {
  if (typeof input !== 'object' || input === null) throw new DomainError('invalid_input', 'input', 'must be an object');
  const raw = input as Record<string, unknown>;
  const regime = raw['regime'];
  if (!isRegime(regime)) {
    const shown = typeof regime === 'string' ? `'${regime.slice(0, 30)}'` : String(regime);
    throw new DomainError('unknown_regime', 'regime', `${shown} is not a known regime`);
  }
  const deadline = requireIsoDate(raw['deadline'], 'deadline');
  const notice = optionalDate(raw['noticeOfDefaultReceivedOn'], 'noticeOfDefaultReceivedOn');
  const decidedOn = optionalDate(raw['decidedOn'], 'decidedOn');
  // asOf is only needed to count an undecided penalty; it is checked whenever it is given.
  const asOf = optionalDate(raw['asOf'], 'asOf');

  const rule = versionInEffect(rules.penalty, notice ?? deadline);
  const maximumAmountCents = penaltyAmountCents(rule.maximumDays, rule);
  const nothing = (steps: ExplanationStep[]): Penalty => ({
    firstPenaltyDay: null, penaltyDays: 0, amountCents: 0, status: 'none', capReached: false, capReachedOn: null,
    projectedAmountCents: 0, maximumAmountCents, currentDailyRateCents: 0, steps, rulesVersion: rules.version,
  });

  const regimeRule = versionInEffect(rules.regimes[regime], deadline);
  if (!regimeRule.penalty) {
    return nothing([step('penalty.step.none.asylum', {}, regimeRule.penaltyNote ?? rule.legalBasis)]);
  }
  if (notice === null) return nothing([step('penalty.step.none.noNotice', {})]);
  // A notice sent before the period passed does not count (docs/domain.md): it must arrive after the deadline.
  if (notice <= deadline) {
    return nothing([step('penalty.step.none.noticeNotLate', { noticeReceivedOn: notice, deadline }, rule.legalBasis)]);
  }

  const steps: ExplanationStep[] = [];
  const firstPenaltyDay = addDays(notice, rule.graceDays);
  steps.push(step('penalty.step.firstDay', { noticeReceivedOn: notice, graceDays: rule.graceDays, date: firstPenaltyDay }, rule.legalBasis));

  // Penalty days run through the day before the decision, or through asOf (inclusive) while undecided.
  const lastDay = decidedOn !== null ? addDays(decidedOn, -1) : requireIsoDate(asOf, 'asOf');
  const counted = toDayNumber(lastDay) - toDayNumber(firstPenaltyDay) + 1;
  const penaltyDays = Math.min(Math.max(counted, 0), rule.maximumDays);
  if (penaltyDays === 0) {
    steps.push(step('penalty.step.days.notStarted', { from: firstPenaltyDay }));
  } else {
    const through = fromDayNumber(toDayNumber(firstPenaltyDay) + penaltyDays - 1);
    steps.push(decidedOn !== null
      ? step('penalty.step.days.decided', { from: firstPenaltyDay, through, decidedOn, days: penaltyDays })
      : step('penalty.step.days.undecided', { from: firstPenaltyDay, through, days: penaltyDays }));
  }

  const capReached = penaltyDays >= rule.maximumDays;
  const capDay = addDays(firstPenaltyDay, rule.maximumDays - 1);
  const capReachedOn = decidedOn === null || capReached ? capDay : null;
  if (capReached) steps.push(step('penalty.step.capped', { maximumDays: rule.maximumDays, date: capDay }, rule.legalBasis));

  for (const tier of rule.tiers) {
    const days = Math.max(0, Math.min(penaltyDays, tier.toDay) - tier.fromDay + 1);
    if (days === 0) continue;
    const amountCents = days * tier.rateCents;
    steps.push(step('penalty.step.tier', {
      days, rate: tier.rateCents / 100, rateCents: tier.rateCents, amount: amountCents / 100, amountCents,
    }));
  }
  const amountCents = penaltyAmountCents(penaltyDays, rule);
  steps.push(step('penalty.step.total', { amount: amountCents / 100, amountCents }, rule.legalBasis));

  const status: PenaltyStatus = capReached ? 'capped' : decidedOn !== null ? 'stopped' : penaltyDays === 0 ? 'grace' : 'accruing';
  return {
    firstPenaltyDay, penaltyDays, amountCents, status, capReached, capReachedOn,
    projectedAmountCents: decidedOn === null ? maximumAmountCents : amountCents,
    maximumAmountCents,
    currentDailyRateCents: status === 'accruing' || status === 'grace' ? rateOfDay(penaltyDays + 1, rule) : 0,
    steps, rulesVersion: rules.version,
  };
}

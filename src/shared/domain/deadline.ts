/**
 * The statutory decision period (beslistermijn) of a case: start, period, extensions (verlenging),
 * suspensions (opschorting, Awb 4:15) and the Atw roll-over, in exactly that order, each step
 * explained. The rules come from the rules table; see index.ts for the counting convention.
 */
import {
  addDays, addPeriod, fromDayNumber, requireIsoDate, requirePeriod, toDayNumber, type IsoDate, type Period,
} from './dates';
import { DomainError } from './errors';
import { partAsPeriod, periodParts, step, type ExplanationStep } from './explanation';
import { atwRollForward, nonWorkingReason } from './holidays';
import { domainRules, isRegime, versionInEffect, type DomainRules, type Regime, type RegimeRule } from './rules';

/** A suspension (opschorting): the clock stops from the day after the request through its end. */
export type Suspension = { requestedOn: IsoDate; endedOn?: IsoDate };

/** What computeDecisionDeadline needs. `asOf` is required while a suspension is open. */
export type DecisionDeadlineInput = {
  regime: Regime;
  receivedOn: IsoDate;
  /** Objection regimes only: the date of the contested decision. */
  contestedDecisionOn?: IsoDate;
  suspensions?: Suspension[];
  extensions?: Period[];
  asOf?: IsoDate;
};

/** The decision deadline with everything that produced it. */
export type DecisionDeadline = {
  deadline: IsoDate;
  regime: Regime;
  /** The day the period runs from: receipt, or the end of the objection period. */
  start: IsoDate;
  /** Objection regimes: the (rolled-forward) end of the objection period; otherwise null. */
  objectionPeriodEnd: IsoDate | null;
  extensionCount: number;
  /** Distinct calendar days the period was suspended. */
  suspendedDays: number;
  /** Whether Atw art. 1 moved the end to a working day. */
  rolledForward: boolean;
  steps: ExplanationStep[];
  rulesVersion: string;
};

type CheckedSuspension = { requestedOn: IsoDate; endedOn: IsoDate | null };
type CheckedInput = {
  regime: Regime;
  receivedOn: IsoDate | null;
  contestedDecisionOn: IsoDate | null;
  suspensions: CheckedSuspension[];
  extensions: Required<Period>[];
  asOf: IsoDate | null;
};

function optionalDate(value: unknown, field: string): IsoDate | null {
  return value === undefined || value === null ? null : requireIsoDate(value, field);
}

function checkInput(raw: unknown): CheckedInput {
  if (typeof raw !== 'object' || raw === null) throw new DomainError('invalid_input', 'input', 'must be an object');
  const input = raw as Record<string, unknown>;
  const regime = input['regime'];
  if (!isRegime(regime)) {
    const shown = typeof regime === 'string' ? `'${regime.slice(0, 30)}'` : String(regime);
    throw new DomainError('unknown_regime', 'regime', `${shown} is not a known regime`);
  }
  const objection = regime === 'objection_regular' || regime === 'objection_general';
  const receivedOn = objection ? optionalDate(input['receivedOn'], 'receivedOn') : requireIsoDate(input['receivedOn'], 'receivedOn');
  let contestedDecisionOn: IsoDate | null = null;
  if (objection) {
    if (input['contestedDecisionOn'] === undefined || input['contestedDecisionOn'] === null) {
      throw new DomainError('missing_contested_decision', 'contestedDecisionOn', `is required for regime ${regime}`);
    }
    contestedDecisionOn = requireIsoDate(input['contestedDecisionOn'], 'contestedDecisionOn');
  }
  const asOf = optionalDate(input['asOf'], 'asOf');

  const rawExtensions = input['extensions'] ?? [];
  if (!Array.isArray(rawExtensions)) throw new DomainError('invalid_input', 'extensions', 'must be a list of periods');
  const extensions = rawExtensions.map((value: unknown, index) => {
    const field = `extensions[${index}]`;
    const period = requirePeriod(value, field);
    const parts = Object.values(period);
    if (parts.some((amount) => amount < 0) || parts.every((amount) => amount === 0)) {
      throw new DomainError('invalid_period', field, 'an extension must be a positive period');
    }
    return period;
  });

  const rawSuspensions = input['suspensions'] ?? [];
  if (!Array.isArray(rawSuspensions)) throw new DomainError('invalid_input', 'suspensions', 'must be a list');
  const suspensions = rawSuspensions.map((value: unknown, index): CheckedSuspension => {
    const field = `suspensions[${index}]`;
    if (typeof value !== 'object' || value === null) throw new DomainError('invalid_input', field, 'must be an object');
    const record = value as Record<string, unknown>;
    const requestedOn = requireIsoDate(record['requestedOn'], `${field}.requestedOn`);
    const endedOn = optionalDate(record['endedOn'], `${field}.endedOn`);
    if (endedOn !== null && endedOn < requestedOn) {
      throw new DomainError('suspension_ends_before_start', `${field}.endedOn`, `${endedOn} is before requestedOn ${requestedOn}`);
    }
    if (endedOn === null && asOf === null) {
      throw new DomainError('open_suspension_without_as_of', 'asOf', `is required while ${field} has no endedOn`);
    }
    return { requestedOn, endedOn };
  });
  return { regime, receivedOn, contestedDecisionOn, suspensions, extensions, asOf };
}

/** Adds a period as its parts, one explanation step per part. */
function addExplained(
  from: IsoDate, period: Required<Period>, steps: ExplanationStep[],
  makeStep: (from: IsoDate, amount: number, unit: string, date: IsoDate) => ExplanationStep,
): IsoDate {
  let current = from;
  for (const part of periodParts(period)) {
    const next = addPeriod(current, partAsPeriod(part));
    steps.push(makeStep(current, part.amount, part.unit, next));
    current = next;
  }
  return current;
}

/** Rolls a date forward under Atw art. 1, explaining the move. */
function rollExplained(date: IsoDate, steps: ExplanationStep[], rules: DomainRules): IsoDate {
  const reason = nonWorkingReason(date, rules);
  if (reason === null) return date;
  const rolled = atwRollForward(date, rules);
  steps.push(step('deadline.step.atwRoll', { from: date, reason, date: rolled }, rules.atw.rollForwardBasis));
  return rolled;
}

/** Applies the extensions in order, refusing more or longer ones than the regime allows. */
function applyExtensions(end: IsoDate, extensions: Required<Period>[], rule: RegimeRule, regime: Regime, steps: ExplanationStep[]): IsoDate {
  if (extensions.length > rule.extensions.length) {
    throw new DomainError('too_many_extensions', 'extensions',
      `regime ${regime} allows at most ${rule.extensions.length} extension(s), got ${extensions.length}`);
  }
  let current = end;
  extensions.forEach((extension, index) => {
    const allowed = rule.extensions[index];
    if (!allowed) return;
    // "At most N months" is measured from the end being extended, the way the new date is announced.
    if (addPeriod(current, extension) > addPeriod(current, allowed.maximum)) {
      throw new DomainError('extension_too_long', `extensions[${index}]`,
        `extension ${index + 1} of regime ${regime} may be at most ${JSON.stringify(allowed.maximum)}`);
    }
    current = addExplained(current, extension, steps, (from, amount, unit, date) =>
      step('deadline.step.extension', { number: index + 1, from, amount, unit, date }, allowed.legalBasis));
  });
  return current;
}

/** Counts the distinct suspended days (union of all suspensions), explaining each suspension. */
function countSuspendedDays(suspensions: CheckedSuspension[], asOf: IsoDate | null, steps: ExplanationStep[]): number {
  const ranges: [number, number][] = [];
  suspensions.forEach((suspension, index) => {
    const through = suspension.endedOn ?? (asOf as IsoDate);
    const first = toDayNumber(suspension.requestedOn) + 1;
    const last = toDayNumber(through);
    const number = index + 1;
    if (last < first) {
      steps.push(step('deadline.step.suspension.empty', { number, requestedOn: suspension.requestedOn }));
      return;
    }
    ranges.push([first, last]);
    const values = { number, requestedOn: suspension.requestedOn, from: fromDayNumber(first), through, days: last - first + 1 };
    steps.push(step(suspension.endedOn === null ? 'deadline.step.suspension.open' : 'deadline.step.suspension.closed', values));
  });
  ranges.sort((left, right) => left[0] - right[0]);
  let total = 0;
  let coveredThrough = Number.NEGATIVE_INFINITY;
  for (const [first, last] of ranges) {
    const from = Math.max(first, coveredThrough + 1);
    if (last >= from) total += last - from + 1;
    coveredThrough = Math.max(coveredThrough, last);
  }
  return total;
}

/** The statutory decision deadline of a case, with the steps (and legal basis) that produced it. */
export function computeDecisionDeadline(input: DecisionDeadlineInput, rules: DomainRules = domainRules): DecisionDeadline {
  const checked = checkInput(input);
  const { regime } = checked;
  const steps: ExplanationStep[] = [];
  const rule = versionInEffect<RegimeRule>(rules.regimes[regime], checked.receivedOn ?? checked.contestedDecisionOn ?? '');

  if (checked.receivedOn !== null) steps.push(step('deadline.step.received', { date: checked.receivedOn }));
  let start: IsoDate;
  let objectionPeriodEnd: IsoDate | null = null;
  if (rule.objectionPeriod && checked.contestedDecisionOn !== null) {
    const objection = rule.objectionPeriod;
    const decisionDate = checked.contestedDecisionOn;
    const unrolled = addExplained(decisionDate, requirePeriod(objection.period, 'objectionPeriod'), steps, (from, amount, unit, date) =>
      step('deadline.step.objectionPeriod', { decisionDate: from, amount, unit, date }, objection.legalBasis));
    objectionPeriodEnd = rollExplained(unrolled, steps, rules);
    start = objectionPeriodEnd;
  } else {
    start = checked.receivedOn as IsoDate;
  }

  let end = addExplained(start, requirePeriod(rule.period, 'period'), steps, (from, amount, unit, date) =>
    step('deadline.step.statutoryPeriod', { from, amount, unit, date }, rule.legalBasis));
  if (rules.countingConvention === 'day_of_receipt') {
    const earlier = addDays(end, -1);
    steps.push(step('deadline.step.countingConvention', { from: end, date: earlier }));
    end = earlier;
  }

  end = applyExtensions(end, checked.extensions, rule, regime, steps);

  const suspendedDays = countSuspendedDays(checked.suspensions, checked.asOf, steps);
  if (suspendedDays > 0) {
    const later = addDays(end, suspendedDays);
    steps.push(step('deadline.step.suspendedDays', { from: end, days: suspendedDays, date: later }, rules.suspensionBasis));
    end = later;
  }

  let rolledForward = false;
  if (rule.atwRollForward && checked.extensions.length === 0) {
    const rolled = rollExplained(end, steps, rules);
    rolledForward = rolled !== end;
    end = rolled;
  } else {
    const reason = nonWorkingReason(end, rules);
    if (reason !== null) {
      steps.push(step(rule.atwRollForward ? 'deadline.step.noAtwRoll.extended' : 'deadline.step.noAtwRoll.longPeriod',
        { date: end, reason }, rules.atw.longPeriodBasis));
    }
  }
  steps.push(step('deadline.step.result', { date: end }));

  return {
    deadline: end, regime, start, objectionPeriodEnd, extensionCount: checked.extensions.length,
    suspendedDays, rolledForward, steps, rulesVersion: rules.version,
  };
}

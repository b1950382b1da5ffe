/**
 * The checks of the letter consistency check that recount with the domain engine: the decision
 * period (receipt, suspensions, extensions, deadline) and the remedies clause. The engine is the one
 * source of these dates; the letter may only repeat them. An input the engine refuses is a finding
 * carrying the engine's own error code, never an exception: the editor must keep running.
 */
import type { Period } from '../domain/dates';
import { computeDecisionDeadline, type DecisionDeadline } from '../domain/deadline';
import { DomainError } from '../domain/errors';
import { remedyPeriod, type RemedyPeriod } from '../domain/remedies';
import { finding, letterKindRules, type LetterCheck, type LetterFinding } from './consistency-rules';

/**
 * A period as a length, so `{ weeks: 1 }` equals `{ days: 7 }` and `{ years: 1 }` equals
 * `{ months: 12 }`: the engine adds weeks as days and years as months, so these end on the same day.
 */
function periodLength(period: Period): { months: number; days: number } {
  return { months: (period.years ?? 0) * 12 + (period.months ?? 0), days: (period.weeks ?? 0) * 7 + (period.days ?? 0) };
}

function samePeriod(left: Period, right: Period): boolean {
  const a = periodLength(left);
  const b = periodLength(right);
  return a.months === b.months && a.days === b.days;
}

/** ISO 8601 duration ("P6M"): a language-neutral value a developer can read in a log. */
function durationText(period: Period): string {
  const { months, days } = periodLength(period);
  return `P${months > 0 ? `${months}M` : ''}${days > 0 || months === 0 ? `${days}D` : ''}`;
}

/** Runs an engine function, turning a refused input into a finding of `code`. */
function withEngine<Result>(
  compute: () => Result, code: 'deadline_not_computable' | 'remedy_not_computable',
): { result: Result } | { refused: LetterFinding } {
  try {
    return { result: compute() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { refused: finding(code, 'error', { reason: error.code, field: error.field }) };
  }
}

const byRequest = <Item extends { requestedOn: string }>(items: readonly Item[]): Item[] =>
  [...items].sort((left, right) => left.requestedOn.localeCompare(right.requestedOn));

/**
 * Receipt, the contested decision, suspensions, extensions and the deadline the letter states are the engine's for the case
 * record on the letter date. Counts are compared first: when they differ, item-by-item differences
 * would only repeat the same mistake.
 */
export const checkDeadline: LetterCheck = ({ kind, fields, record }, rules) => {
  const findings: LetterFinding[] = [];
  const stated = fields.deadline;
  if (fields.case.receivedOn !== record.receivedOn) {
    findings.push(finding('received_on_differs', 'error', { stated: fields.case.receivedOn, recorded: record.receivedOn }, 'case.receivedOn'));
  }
  // An objection letter says which decision the objection was against, by its date; the deadline counts from it too.
  if (record.contestedDecisionOn !== null && fields.case.contestedDecisionOn !== record.contestedDecisionOn) {
    findings.push(finding('contested_decision_differs', 'error',
      { stated: fields.case.contestedDecisionOn ?? '', recorded: record.contestedDecisionOn }, 'case.contestedDecisionOn'));
  }

  const statedSuspensions = byRequest(stated.suspensions);
  const recordedSuspensions = byRequest(record.suspensions);
  if (statedSuspensions.length !== recordedSuspensions.length) {
    findings.push(finding('suspension_count_differs', 'error',
      { stated: statedSuspensions.length, recorded: recordedSuspensions.length }, 'deadline.suspensions'));
  } else {
    statedSuspensions.forEach((suspension, index) => {
      const recorded = recordedSuspensions[index];
      if (!recorded) return;
      const number = index + 1;
      if (suspension.requestedOn !== recorded.requestedOn) {
        findings.push(finding('suspension_requested_differs', 'error',
          { number, stated: suspension.requestedOn, recorded: recorded.requestedOn }, `deadline.suspensions[${index}].requestedOn`));
      }
      // Open is null in the letter and absent in the engine's input: both mean "not ended".
      const statedEnd = suspension.endedOn ?? '';
      const recordedEnd = recorded.endedOn ?? '';
      if (statedEnd !== recordedEnd) {
        findings.push(finding('suspension_end_differs', 'error',
          { number, stated: statedEnd, recorded: recordedEnd }, `deadline.suspensions[${index}].endedOn`));
      }
    });
  }

  if (stated.extensions.length !== record.extensions.length) {
    findings.push(finding('extension_count_differs', 'error',
      { stated: stated.extensions.length, recorded: record.extensions.length }, 'deadline.extensions'));
  } else {
    // Extensions stay in the order given: the engine limits the n-th one by the regime's n-th maximum.
    stated.extensions.forEach((extension, index) => {
      const recorded = record.extensions[index];
      if (recorded && !samePeriod(extension.period, recorded)) {
        findings.push(finding('extension_period_differs', 'error',
          { number: index + 1, stated: durationText(extension.period), recorded: durationText(recorded) }, `deadline.extensions[${index}].period`));
      }
    });
  }

  const computed = withEngine<DecisionDeadline>(() => computeDecisionDeadline({
    regime: record.regime,
    receivedOn: record.receivedOn,
    ...(record.contestedDecisionOn === null ? {} : { contestedDecisionOn: record.contestedDecisionOn }),
    suspensions: [...record.suspensions],
    extensions: [...record.extensions],
    // The letter states the deadline "as it stands on the letter date": an open suspension counts up to it.
    asOf: record.letterDate,
  }, rules), 'deadline_not_computable');
  if ('refused' in computed) return [...findings, computed.refused];
  if (stated.decisionDeadline !== computed.result.deadline) {
    findings.push(finding('deadline_differs', letterKindRules[kind].deadlineSeverity,
      { stated: stated.decisionDeadline, computed: computed.result.deadline }, 'deadline.decisionDeadline'));
  }
  return findings;
};

/** The remedies clause states remedyPeriod()'s remedy, weeks and last day for the case type and letter date. */
export const checkRemedies: LetterCheck = ({ kind, fields, record }, rules) => {
  if (!letterKindRules[kind].remedies) return [];
  const stated = fields.remedies;
  if (stated === null) return [finding('remedies_missing', 'error', { kind }, 'remedies')];
  const expected = withEngine<RemedyPeriod>(() => remedyPeriod({
    caseType: record.caseType,
    letterDate: record.letterDate,
    ...(record.asylumTrack === undefined ? {} : { asylumTrack: record.asylumTrack }),
  }, rules), 'remedy_not_computable');
  if ('refused' in expected) return [expected.refused];
  const { remedy, period, lastDay, legalBasis: basis } = expected.result;
  const findings: LetterFinding[] = [];
  if (stated.remedy !== remedy) findings.push(finding('remedy_differs', 'error', { stated: stated.remedy, expected: remedy, basis }, 'remedies.remedy'));
  if (stated.weeks !== period.weeks) {
    findings.push(finding('remedy_weeks_differs', 'error', { stated: stated.weeks, expected: period.weeks, basis }, 'remedies.weeks'));
  }
  if (stated.lastDay !== lastDay) findings.push(finding('remedy_last_day_differs', 'error', { stated: stated.lastDay, expected: lastDay, basis }, 'remedies.lastDay'));
  // The cited basis is not compared: the letter writes it out ("artikel 69, eerste lid, …"), the engine abbreviates it.
  return findings;
};

/**
 * The remedy against a decision (rechtsmiddel) for the remedies clause of a decision letter: objection
 * (bezwaar) or appeal (beroep), its period and the last day to lodge it, each step explained with its
 * legal basis. The periods come from `domainRules.remedies`; this module only counts.
 *
 * Counting: the period starts on the day after the letter date (Awb art. 6:8), so a period of N weeks
 * ends on the same weekday N weeks after the letter date; an end on a Saturday, Sunday or Atw holiday
 * runs on to the next working day (Atw art. 1). The long-period exception of Atw art. 4 never applies:
 * no remedy period is longer than 12 weeks.
 */
import { addDays, addPeriod, formatLegalDateLong, requireIsoDate, type IsoDate, type LegalDateLanguage } from './dates';
import { DomainError } from './errors';
import { step, type ExplanationStep } from './explanation';
import { atwRollForward, nonWorkingReason } from './holidays';
import {
  domainRules, regimeForCaseType, versionInEffect, type DomainRules, type Regime, type Remedy, type RemedyRule, type RemedyTerm,
} from './rules';

/** How an asylum application was decided: in the general asylum procedure (AA) or after it. */
export const asylumTracks = ['general', 'extended'] as const;
export type AsylumTrack = (typeof asylumTracks)[number];

/** What remedyPeriod needs. */
export type RemedyPeriodInput = {
  /** The case type of the case the decision was taken in; a free string in the contract, checked here. */
  caseType: string;
  /** The date of the letter, taken as the day the decision was made known (the period runs from it). */
  letterDate: IsoDate;
  /** Asylum case types only: 'general' when decided in the general asylum procedure; without it, 'extended'. */
  asylumTrack?: AsylumTrack;
};

/** The remedy against a decision with everything that produced its last day. */
export type RemedyPeriod = {
  remedy: Remedy;
  period: { weeks: number };
  /** The day the period starts: the day after the letter date. */
  firstDay: IsoDate;
  /** The last day to lodge the objection or appeal, after the Atw roll. */
  lastDay: IsoDate;
  /** Whether Atw art. 1 moved the last day to a working day. */
  rolledForward: boolean;
  /** The basis of the period, the one a remedies clause cites. */
  legalBasis: string;
  regime: Regime;
  explanation: ExplanationStep[];
  rulesVersion: string;
};

type CheckedInput = { caseType: string; regime: Regime; letterDate: IsoDate; asylumTrack: AsylumTrack | null };

function checkInput(raw: unknown, rules: DomainRules): CheckedInput {
  if (typeof raw !== 'object' || raw === null) throw new DomainError('invalid_input', 'input', 'must be an object');
  const input = raw as Record<string, unknown>;
  const caseType = input['caseType'];
  const regime = typeof caseType === 'string' ? regimeForCaseType(caseType, rules) : null;
  if (typeof caseType !== 'string' || regime === null) {
    const shown = typeof caseType === 'string' ? `'${caseType.slice(0, 40)}'` : String(caseType);
    throw new DomainError('unknown_case_type', 'caseType', `${shown} is not a known case type`);
  }
  const letterDate = requireIsoDate(input['letterDate'], 'letterDate');
  const track = input['asylumTrack'];
  if (track !== undefined && track !== null && !(asylumTracks as readonly unknown[]).includes(track)) {
    throw new DomainError('invalid_input', 'asylumTrack', `must be one of ${asylumTracks.join(', ')}`);
  }
  return { caseType, regime, letterDate, asylumTrack: (track ?? null) as AsylumTrack | null };
}

/** The remedy of the rule, its term and the step saying so. */
function chooseTerm(rule: RemedyRule, checked: CheckedInput, steps: ExplanationStep[]): RemedyTerm {
  const { regime, asylumTrack } = checked;
  if (rule.noObjectionBasis !== undefined) steps.push(step('remedy.step.noObjection', {}, rule.noObjectionBasis));
  if (rule.generalAsylumProcedure === undefined) {
    // A track on a case without one is a caller's mix-up (wrong case, wrong field): refuse, never guess.
    if (asylumTrack !== null) {
      throw new DomainError('invalid_input', 'asylumTrack', `applies to asylum case types only, not to ${checked.caseType}`);
    }
    const { weeks } = rule.term.period;
    steps.push(step(rule.remedy === 'objection' ? 'remedy.step.objection' : 'remedy.step.appeal',
      { regime, amount: weeks, unit: 'weeks' }, rule.term.legalBasis));
    return rule.term;
  }
  const general = asylumTrack === 'general';
  const term = general ? rule.generalAsylumProcedure : rule.term;
  steps.push(step(general ? 'remedy.step.asylum.general' : 'remedy.step.asylum.extended',
    { amount: term.period.weeks, unit: 'weeks' }, term.legalBasis));
  return term;
}

/**
 * The remedy against a decision sent in a letter of `letterDate` in a case of `caseType`: objection or
 * appeal, its period in weeks, the last day (a working day) and the steps that produced it.
 */
export function remedyPeriod(input: RemedyPeriodInput, rules: DomainRules = domainRules): RemedyPeriod {
  const checked = checkInput(input, rules);
  const { regime, letterDate } = checked;
  const rule = versionInEffect<RemedyRule>(rules.remedies.regimes[regime], letterDate);
  const explanation: ExplanationStep[] = [];
  const term = chooseTerm(rule, checked, explanation);
  const { weeks } = term.period;

  const firstDay = addDays(letterDate, 1);
  explanation.push(step('remedy.step.start', { letterDate, date: firstDay }, rules.remedies.periodStartBasis));
  const end = addPeriod(letterDate, { weeks });
  explanation.push(step('remedy.step.end', { letterDate, amount: weeks, unit: 'weeks', date: end }, term.legalBasis));

  let lastDay = end;
  const reason = nonWorkingReason(end, rules);
  if (reason !== null) {
    lastDay = atwRollForward(end, rules);
    explanation.push(step('deadline.step.atwRoll', { from: end, reason, date: lastDay }, rules.atw.rollForwardBasis));
  }
  explanation.push(step(rule.remedy === 'objection' ? 'remedy.step.result.objection' : 'remedy.step.result.appeal',
    { date: lastDay }, term.legalBasis));

  return {
    remedy: rule.remedy, period: { weeks }, firstDay, lastDay, rolledForward: lastDay !== end,
    legalBasis: term.legalBasis, regime, explanation, rulesVersion: rules.version,
  };
}

/** The facts a remedies clause states, with the last day written out ("28 april 2026"). */
export type RemedyClauseFacts = {
  remedy: Remedy;
  weeks: number;
  lastDay: IsoDate;
  lastDayText: string;
  legalBasis: string;
};

/** The facts of a remedies clause in one language; the letter template words the sentence around them. */
export function remedyClauseFacts(result: RemedyPeriod, language: LegalDateLanguage): RemedyClauseFacts {
  return {
    remedy: result.remedy, weeks: result.period.weeks, lastDay: result.lastDay,
    lastDayText: formatLegalDateLong(result.lastDay, language), legalBasis: result.legalBasis,
  };
}

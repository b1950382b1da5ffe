/**
 * The one versioned rules table of the domain engine: decision periods, extension limits, Atw
 * holidays, penalty rates, remedy periods (objection and appeal) and which case type runs under which regime, each with its legal basis and
 * the date from which it applies. The functions read only this table, so a change in the law is a new
 * entry here (with its effective-from date), never an edit of arithmetic. Source: docs/domain.md.
 *
 * The first version of each entry carries effectiveFrom 2000-01-01 (holidays: 1980-01-01): the start of
 * the range this engine supports (2000-2100), not the date the statute took effect; versionInEffect uses
 * the first version for earlier dates.
 */
import { type IsoDate, type Period } from './dates';

/** The decision-period regimes (how a case's statutory period runs). */
export const regimes = [
  'regular', 'regular_study', 'mvv', 'eu_long_term', 'asylum', 'naturalisation',
  'objection_regular', 'objection_general',
] as const;
export type Regime = (typeof regimes)[number];

/**
 * The IND's counting convention (docs/domain.md, medium confidence): 'day_after_receipt' counts the
 * period from the day after receipt, so 90 days end on receipt + 90 (the rule, the default);
 * 'day_of_receipt' counts the day of receipt as day 1, so the period ends one day earlier.
 */
export type CountingConvention = 'day_after_receipt' | 'day_of_receipt';

/** One allowed extension (verlenging): its maximum length and legal ground. */
export type ExtensionRule = { maximum: Period; legalBasis: string };

/** One version of a regime's rules. */
export type RegimeRule = {
  effectiveFrom: IsoDate;
  period: Period;
  legalBasis: string;
  /** Allowed extensions in order: the n-th extension may be at most extensions[n].maximum. */
  extensions: ExtensionRule[];
  /** Whether Atw art. 1 rolls the end to a working day (only when not extended, Atw art. 4). */
  atwRollForward: boolean;
  /** Objection regimes: the objection period after the contested decision, from which the period runs. */
  objectionPeriod?: { period: Period; legalBasis: string };
  /** Whether an administrative penalty (dwangsom, Awb 4:17) applies when deciding late. */
  penalty: boolean;
  penaltyNote?: string;
};

/** How an Atw holiday falls in a year. */
export type HolidayRule =
  | { kind: 'fixed'; month: number; day: number; /** moved this many days when it falls on a Sunday */ ifSunday?: number }
  | { kind: 'easter'; offset: number };

/** One Atw holiday (art. 3), valid for dates from `effectiveFrom` through `effectiveUntil`. */
export type HolidayDefinition = {
  id: string;
  rule: HolidayRule;
  effectiveFrom: IsoDate;
  effectiveUntil?: IsoDate;
  legalBasis: string;
};

/** One rate band of the penalty: from day `fromDay` through `toDay` (1-based). */
export type PenaltyTier = { fromDay: number; toDay: number; rateCents: number };

/** One version of the penalty rules (dwangsom bij niet tijdig beslissen, Awb 4:17). */
export type PenaltyRule = {
  effectiveFrom: IsoDate;
  /** Days between receipt of the notice of default and the first penalty day. */
  graceDays: number;
  maximumDays: number;
  tiers: PenaltyTier[];
  legalBasis: string;
};

/** The remedy against a decision: objection (bezwaar, to the IND) or appeal (beroep, to the court). */
export type Remedy = 'objection' | 'appeal';

/** A remedy period: whole weeks, because every period of Vw art. 69 and Awb art. 6:7 is written in weeks. */
export type RemedyTerm = { period: { weeks: number }; legalBasis: string };

/** One version of the remedy against the decisions of a regime. */
export type RemedyRule = {
  effectiveFrom: IsoDate;
  remedy: Remedy;
  /** The period; for asylum the one outside the general asylum procedure. */
  term: RemedyTerm;
  /** Asylum: the shorter appeal period of a decision taken in the general asylum procedure. */
  generalAsylumProcedure?: RemedyTerm;
  /** Asylum: the ground on which the decision goes straight to court, without objection. */
  noObjectionBasis?: string;
};

const supportedFrom = '2000-01-01';
/** Holidays are placed back to 1980 (Queen's Day as in Beatrix's reign) so a date just before 2000 is not silently a working day. */
const holidaysFrom = '1980-01-01';

/** The rules table. Lists of versions are in ascending effectiveFrom order. */
/** A version of the four-eyes rule: the letter kinds (letterKind names) a second person approves. */
export interface FourEyesRule {
  effectiveFrom: IsoDate;
  kinds: string[];
  basis: string;
}

export const domainRules = {
  version: '2026.1',
  countingConvention: 'day_after_receipt' as CountingConvention,
  atw: { rollForwardBasis: 'Atw art. 1', longPeriodBasis: 'Atw art. 4', holidayBasis: 'Atw art. 3' },
  suspensionBasis: 'Awb art. 4:15',
  regimes: {
    regular: [{
      effectiveFrom: supportedFrom, period: { days: 90 }, legalBasis: 'Vw art. 25',
      extensions: [{ maximum: { months: 6 }, legalBasis: 'Vw art. 25(2)' }],
      atwRollForward: true, penalty: true,
    }],
    regular_study: [{
      effectiveFrom: supportedFrom, period: { days: 60 }, legalBasis: 'Vw art. 25',
      extensions: [], atwRollForward: true, penalty: true,
    }],
    mvv: [{
      effectiveFrom: supportedFrom, period: { days: 90 }, legalBasis: 'Vw art. 2u',
      extensions: [{ maximum: { months: 3 }, legalBasis: 'Vw art. 2u' }],
      atwRollForward: true, penalty: true,
    }],
    eu_long_term: [{
      effectiveFrom: supportedFrom, period: { months: 6 }, legalBasis: 'Vw art. 45g',
      extensions: [{ maximum: { months: 6 }, legalBasis: 'Vw art. 45g' }],
      atwRollForward: false, penalty: true,
    }],
    asylum: [{
      effectiveFrom: supportedFrom, period: { months: 6 }, legalBasis: 'Vw art. 42(1)',
      extensions: [
        { maximum: { months: 9 }, legalBasis: 'Vw art. 42(4)' },
        { maximum: { months: 3 }, legalBasis: 'Vw art. 42(6)' },
      ],
      atwRollForward: false,
      // Kept unconditional as the issue specifies; cases from before 2020-07-10 are not handled here.
      penalty: false, penaltyNote: 'no administrative penalty for asylum since 2020-07-10 (Vw 2000 amendment)',
    }],
    naturalisation: [{
      effectiveFrom: supportedFrom, period: { years: 1 }, legalBasis: 'RWN art. 9',
      extensions: [
        { maximum: { months: 6 }, legalBasis: 'RWN art. 9' },
        { maximum: { months: 6 }, legalBasis: 'RWN art. 9' },
      ],
      atwRollForward: false, penalty: true,
    }],
    objection_regular: [{
      effectiveFrom: supportedFrom, period: { weeks: 19 }, legalBasis: 'Vw art. 76',
      objectionPeriod: { period: { weeks: 4 }, legalBasis: 'Vw art. 69' },
      extensions: [
        { maximum: { weeks: 6 }, legalBasis: 'Awb art. 7:10(3)' },
        { maximum: { weeks: 13 }, legalBasis: 'Vw art. 76(2)' },
      ],
      atwRollForward: false, penalty: true,
    }],
    objection_general: [{
      effectiveFrom: supportedFrom, period: { weeks: 6 }, legalBasis: 'Awb art. 7:10',
      objectionPeriod: { period: { weeks: 6 }, legalBasis: 'Awb art. 6:7' },
      extensions: [{ maximum: { weeks: 6 }, legalBasis: 'Awb art. 7:10(3)' }],
      atwRollForward: true, penalty: true,
    }],
  } satisfies Record<Regime, RegimeRule[]> as Record<Regime, RegimeRule[]>,
  holidays: [
    { id: 'newYearsDay', rule: { kind: 'fixed', month: 1, day: 1 }, effectiveFrom: holidaysFrom, legalBasis: 'Atw art. 3' },
    { id: 'goodFriday', rule: { kind: 'easter', offset: -2 }, effectiveFrom: holidaysFrom, legalBasis: 'Atw art. 3' },
    { id: 'easterMonday', rule: { kind: 'easter', offset: 1 }, effectiveFrom: holidaysFrom, legalBasis: 'Atw art. 3' },
    {
      id: 'queensDay', rule: { kind: 'fixed', month: 4, day: 30, ifSunday: -1 },
      effectiveFrom: holidaysFrom, effectiveUntil: '2013-12-31', legalBasis: 'Atw art. 3 (until 2013)',
    },
    {
      id: 'kingsDay', rule: { kind: 'fixed', month: 4, day: 27, ifSunday: -1 },
      effectiveFrom: '2014-01-01', legalBasis: 'Atw art. 3',
    },
    { id: 'liberationDay', rule: { kind: 'fixed', month: 5, day: 5 }, effectiveFrom: holidaysFrom, legalBasis: 'Atw art. 3' },
    { id: 'ascensionDay', rule: { kind: 'easter', offset: 39 }, effectiveFrom: holidaysFrom, legalBasis: 'Atw art. 3' },
    { id: 'whitMonday', rule: { kind: 'easter', offset: 50 }, effectiveFrom: holidaysFrom, legalBasis: 'Atw art. 3' },
    { id: 'christmasDay', rule: { kind: 'fixed', month: 12, day: 25 }, effectiveFrom: holidaysFrom, legalBasis: 'Atw art. 3' },
    { id: 'boxingDay', rule: { kind: 'fixed', month: 12, day: 26 }, effectiveFrom: holidaysFrom, legalBasis: 'Atw art. 3' },
  ] satisfies HolidayDefinition[] as HolidayDefinition[],
  penalty: [{
    effectiveFrom: supportedFrom,
    graceDays: 14,
    maximumDays: 42,
    tiers: [
      { fromDay: 1, toDay: 14, rateCents: 2300 },
      { fromDay: 15, toDay: 28, rateCents: 3500 },
      { fromDay: 29, toDay: 42, rateCents: 4500 },
    ],
    legalBasis: 'Awb art. 4:17',
  }] satisfies PenaltyRule[] as PenaltyRule[],
  /**
   * The remedy against a decision, per regime of the case it was taken in: a decision on an objection
   * (the objection regimes) is open to appeal, asylum goes to court directly, the rest to objection.
   */
  remedies: {
    periodStartBasis: 'Awb art. 6:8',
    regimes: {
      regular: [{ effectiveFrom: supportedFrom, remedy: 'objection', term: { period: { weeks: 4 }, legalBasis: 'Vw art. 69(1)' } }],
      regular_study: [{ effectiveFrom: supportedFrom, remedy: 'objection', term: { period: { weeks: 4 }, legalBasis: 'Vw art. 69(1)' } }],
      mvv: [{ effectiveFrom: supportedFrom, remedy: 'objection', term: { period: { weeks: 4 }, legalBasis: 'Vw art. 69(1)' } }],
      eu_long_term: [{ effectiveFrom: supportedFrom, remedy: 'objection', term: { period: { weeks: 4 }, legalBasis: 'Vw art. 69(1)' } }],
      asylum: [{
        effectiveFrom: supportedFrom, remedy: 'appeal', noObjectionBasis: 'Vw art. 80',
        // The four weeks are the general rule of 69(1); 69(2) is the exception for the general asylum procedure.
        term: { period: { weeks: 4 }, legalBasis: 'Vw art. 69(1)' },
        generalAsylumProcedure: { period: { weeks: 1 }, legalBasis: 'Vw art. 69(2)' },
      }],
      // Naturalisation decisions fall under the RWN, not the Vw, so the Awb's own period applies.
      naturalisation: [{ effectiveFrom: supportedFrom, remedy: 'objection', term: { period: { weeks: 6 }, legalBasis: 'Awb art. 6:7' } }],
      objection_regular: [{ effectiveFrom: supportedFrom, remedy: 'appeal', term: { period: { weeks: 4 }, legalBasis: 'Vw art. 69(1)' } }],
      objection_general: [{ effectiveFrom: supportedFrom, remedy: 'appeal', term: { period: { weeks: 6 }, legalBasis: 'Awb art. 6:7' } }],
    } satisfies Record<Regime, RemedyRule[]> as Record<Regime, RemedyRule[]>,
  },
  /**
   * Letters a second person must approve before they are sent (vier-ogenprincipe): the decisions
   * against the applicant, and the decision on an objection, which someone not involved in the
   * contested decision takes (Awb art. 7:5).
   */
  fourEyes: [{
    effectiveFrom: supportedFrom,
    kinds: ['refusal', 'not_processed', 'objection_decision', 'penalty_decision'],
    basis: 'IND vier-ogenprincipe; Awb art. 7:5',
  }] satisfies FourEyesRule[] as FourEyesRule[],
  /** Case types (what the applicant asked for) and their regime, docs/domain.md's table. */
  caseTypes: {
    highly_skilled_migrant: 'regular',
    family_partner: 'regular',
    au_pair: 'regular',
    work: 'regular',
    residence_extension: 'regular',
    change_of_purpose: 'regular',
    permanent_residence: 'regular',
    study: 'regular_study',
    research: 'regular_study',
    learning_and_working: 'regular_study',
    exchange: 'regular_study',
    entry_and_residence: 'mvv',
    eu_long_term_resident: 'eu_long_term',
    asylum: 'asylum',
    asylum_unaccompanied_minor: 'asylum',
    naturalisation: 'naturalisation',
    objection_regular: 'objection_regular',
    objection_mvv: 'objection_regular',
    objection_naturalisation: 'objection_general',
    objection_sponsor: 'objection_general',
  } satisfies Record<string, Regime>,
  /**
   * The duty to leave (vertrekplicht, Vw art. 62) that a refusal letter states, with its departure date.
   * Werkbank's rule (docs/domain.md, Letters): it applies to a refusal in a case type the applicant
   * applies for while in the Netherlands without a residence right of their own that outlasts the
   * refusal. Left out: an MVV application (made from abroad), naturalisation, permanent residence,
   * change of purpose and EU long-term residence (the applicant already holds a permit, whose own end
   * decides departure). The letter check (src/shared/letters/consistency.ts) reads this list.
   */
  dutyToLeave: [{
    effectiveFrom: supportedFrom,
    legalBasis: 'Vw art. 62',
    caseTypes: [
      'highly_skilled_migrant', 'family_partner', 'au_pair', 'work', 'residence_extension',
      'study', 'research', 'learning_and_working', 'exchange', 'asylum', 'asylum_unaccompanied_minor',
    ],
  }] satisfies { effectiveFrom: IsoDate; legalBasis: string; caseTypes: string[] }[] as
    { effectiveFrom: IsoDate; legalBasis: string; caseTypes: string[] }[],
  /** Case types whose applicants are vulnerable by definition (docs/domain.md: unaccompanied minors need extra care). */
  vulnerableCaseTypes: ['asylum_unaccompanied_minor'] as string[],
};

export type DomainRules = typeof domainRules;

/** Whether a letter of this kind needs a second person's approval on a date (the rules in effect then). */
export function needsSecondApprover(kind: string, on: IsoDate, rules: DomainRules = domainRules): boolean {
  return versionInEffect(rules.fourEyes, on).kinds.includes(kind);
}
export type CaseType = keyof DomainRules['caseTypes'];

/** Whether a value is one of the known regimes. */
export function isRegime(value: unknown): value is Regime {
  return typeof value === 'string' && (regimes as readonly string[]).includes(value);
}

/** The version of a versioned rule that is in effect on a date (the first version for earlier dates). */
export function versionInEffect<Rule extends { effectiveFrom: IsoDate }>(versions: readonly Rule[], date: IsoDate): Rule {
  let chosen = versions[0];
  for (const version of versions) if (version.effectiveFrom <= date) chosen = version;
  if (!chosen) throw new Error('rules table: a versioned entry has no versions');
  return chosen;
}

/** The regime a case type runs under, or null for an unknown case type. */
export function regimeForCaseType(caseType: string, rules: DomainRules = domainRules): Regime | null {
  return Object.hasOwn(rules.caseTypes, caseType) ? rules.caseTypes[caseType as CaseType] : null;
}

/** Whether applicants of a case type count as vulnerable for the priority. */
export function isVulnerableCaseType(caseType: string, rules: DomainRules = domainRules): boolean {
  return rules.vulnerableCaseTypes.includes(caseType);
}

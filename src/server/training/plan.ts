/**
 * The life of one demo case up to the dataset's "today": receipt, suspensions, extensions, notices
 * of default and the decision, in plausible proportions. Deadlines and penalties come from the
 * domain engine (never re-implemented here); a scenario replaces parts of a plan before the case is
 * built, so its state is known exactly.
 */
import { computeDecisionDeadline, computePenalty, domainRules, regimeForCaseType, type CaseType, type Period, type Regime } from '../../shared/domain';
import { addDays, daysBetween, maxDate, minDate, type IsoDate } from '../../shared/domain/dates';
import { asylumCaseTypes, caseTypeWeights, objectionCaseTypes } from './catalog';
import { type Random } from './random';

export type PlannedSuspension = { requestedOn: IsoDate; dueOn: IsoDate; endedOn: IsoDate | null; documents: string[] };
export type Decision = 'grant' | 'refuse' | 'not_processed' | 'withdrawn' | 'objection_decided';

/** Everything about a case's timeline that the builder turns into rows. */
export type CasePlan = {
  caseType: CaseType;
  regime: Regime;
  receivedOn: IsoDate;
  contestedDecisionOn: IsoDate | null;
  feePaid: boolean;
  feePaidOn: IsoDate | null;
  suspensions: PlannedSuspension[];
  extensions: { period: Period; legalGround: string; announcedOn: IsoDate }[];
  noticeOfDefaultOn: IsoDate | null;
  decision: { on: IsoDate; kind: Decision } | null;
  /** A refusal drafted and submitted for four-eyes review, not yet approved. */
  refusalAwaitingReview: boolean;
  /** Still with intake (no assignee). */
  unassigned: boolean;
  /** Deliberate mismatches between documents and application. */
  salaryBelowThreshold: boolean;
  /**
   * The salary below the threshold is also what the application states (an honest application that
   * fails the criterion): documents agree, so a refusal can cite the verified salary. A letter scenario's.
   */
  salaryStatedAsContract?: boolean;
  misspeltName: boolean;
  /** Uploads that cannot be read, planned by a scenario (a random case may still draw one in its documents). */
  damagedUploads: DamagedUpload[];
};

/** How an upload is damaged: cut off part-way, or protected with a password the IND does not have. */
export type DamagedUpload = 'truncated' | 'encrypted';

/** The computed state of a plan as of today. */
export type PlanOutcome = { deadline: IsoDate | null; penaltyAmountCents: number };

/** How many days back receipts go: the 15 months before today. */
export const receiptWindowDays = 456;

/** Draws the plan of a case received in the 15 months before today. */
export function planCase(random: Random, today: IsoDate): CasePlan {
  const caseType = random.weighted(caseTypeWeights);
  const regime = regimeForCaseType(caseType) ?? 'regular';
  const receivedOn = addDays(today, -random.int(0, receiptWindowDays - 1));
  const ageDays = daysBetween(receivedOn, today);
  const contestedDecisionOn = objectionCaseTypes.has(caseType) ? addDays(receivedOn, -random.int(5, 27)) : null;
  const feeApplies = !asylumCaseTypes.has(caseType) && !objectionCaseTypes.has(caseType);
  const feePaid = feeApplies && (ageDays > 30 ? random.chance(0.99) : random.chance(0.85));
  const feePaidOn = feePaid ? minDate(today, addDays(receivedOn, random.int(0, 6))) : null;
  const plan: CasePlan = {
    caseType, regime, receivedOn, contestedDecisionOn, feePaid, feePaidOn, suspensions: [], extensions: [],
    noticeOfDefaultOn: null, decision: null, refusalAwaitingReview: false, unassigned: false,
    salaryBelowThreshold: caseType === 'highly_skilled_migrant' && random.chance(0.06),
    misspeltName: random.chance(0.05),
    damagedUploads: [],
  };
  const base = outcome(plan, today).deadline;
  const periodDays = base ? Math.max(30, daysBetween(receivedOn, base)) : 365;

  // Suspensions (herstelverzuim): a request for missing documents in about a fifth of the cases.
  if (ageDays > 10 && random.chance(regime === 'asylum' ? 0.1 : 0.22)) {
    const requestedOn = addDays(receivedOn, random.int(5, Math.min(45, ageDays - 1)));
    const passportMissing = random.chance(0.2);
    const dueOn = addDays(requestedOn, passportMissing ? 28 : 14);
    const arrives = random.chance(0.8);
    const arrivedOn = addDays(requestedOn, random.int(2, passportMissing ? 27 : 13));
    let endedOn: IsoDate | null = arrives ? arrivedOn : dueOn;
    if (endedOn > today) endedOn = null;
    const documents = passportMissing ? ['passport'] : [random.pick(['payslips', 'antecedents_declaration', 'birth_certificate', 'bank_statements', 'employment_contract'])];
    plan.suspensions.push({ requestedOn, dueOn, endedOn, documents });
  }
  const suspensionOpen = plan.suspensions.some((suspension) => suspension.endedOn === null);

  // Decisions: highly skilled migrants with a recognised sponsor are fast (the two-week service
  // target); asylum runs a backlog; the others are decided as they near their deadline.
  const progress = ageDays / periodDays;
  const decidedChance = caseType === 'highly_skilled_migrant' ? (ageDays > 21 ? 0.8 : 0.15)
    : regime === 'asylum' ? Math.min(0.5, progress * 0.3)
      : Math.min(0.85, progress * 0.55);
  if (!suspensionOpen && ageDays > 7 && random.chance(decidedChance)) {
    const earliest = maxDate(addDays(receivedOn, 7), plan.suspensions[0]?.endedOn ?? receivedOn);
    const latest = minDate(today, addDays(receivedOn, Math.round(periodDays * 1.25)));
    if (earliest <= latest) {
      const on = addDays(earliest, random.int(0, daysBetween(earliest, latest)));
      const termPassed = plan.suspensions.some((suspension) => suspension.endedOn === suspension.dueOn);
      const kind: Decision = objectionCaseTypes.has(caseType) ? 'objection_decided'
        : termPassed && random.chance(0.6) ? 'not_processed'
          : random.weighted<Decision>([{ value: 'grant', weight: 78 }, { value: 'refuse', weight: 16 }, { value: 'withdrawn', weight: 3 }, { value: 'not_processed', weight: 3 }]);
      plan.decision = { on, kind };
    }
  }

  // Extensions (verlenging) where the regime allows one and the case is near or past its period.
  const extensionRule = domainRules.regimes[regime][0]?.extensions[0];
  if (extensionRule && base && progress > 0.8 && random.chance(regime === 'asylum' ? 0.35 : 0.07)) {
    const announcedOn = maxDate(receivedOn, addDays(base, -random.int(3, 20)));
    if (announcedOn <= today && (!plan.decision || plan.decision.on > announcedOn)) {
      plan.extensions.push({ period: extensionRule.maximum, legalGround: extensionRule.legalBasis, announcedOn });
    }
  }

  // Notices of default (ingebrekestelling) on overdue cases; they count only after the deadline.
  const deadline = outcome(plan, today).deadline;
  if (deadline && deadline < today && regime !== 'asylum') {
    const lastPossible = plan.decision ? addDays(plan.decision.on, -1) : today;
    if (lastPossible > deadline && random.chance(plan.decision ? 0.15 : 0.4)) {
      plan.noticeOfDefaultOn = addDays(deadline, random.int(1, Math.min(35, daysBetween(deadline, lastPossible))));
    }
  }
  if (!plan.decision && !suspensionOpen && ageDays > 20 && random.chance(0.04)) plan.refusalAwaitingReview = true;
  plan.unassigned = !plan.decision && ageDays < 6 && random.chance(0.7);
  return plan;
}

/** The deadline and penalty of a plan as of today, from the domain engine. */
export function outcome(plan: CasePlan, today: IsoDate): PlanOutcome {
  // Naturalisation runs from fee payment (RWN 9): without payment there is no deadline yet.
  const start = plan.regime === 'naturalisation' ? plan.feePaidOn : plan.receivedOn;
  if (!start) return { deadline: null, penaltyAmountCents: 0 };
  const { deadline } = computeDecisionDeadline({
    regime: plan.regime,
    receivedOn: start,
    ...(plan.contestedDecisionOn ? { contestedDecisionOn: plan.contestedDecisionOn } : {}),
    suspensions: plan.suspensions.map((suspension) => ({ requestedOn: suspension.requestedOn, ...(suspension.endedOn ? { endedOn: suspension.endedOn } : {}) })),
    extensions: plan.extensions.map((extension) => extension.period),
    asOf: today,
  });
  const penalty = computePenalty({
    regime: plan.regime,
    deadline,
    ...(plan.noticeOfDefaultOn ? { noticeOfDefaultReceivedOn: plan.noticeOfDefaultOn } : {}),
    ...(plan.decision ? { decidedOn: plan.decision.on } : {}),
    asOf: today,
  });
  return { deadline, penaltyAmountCents: penalty.amountCents };
}

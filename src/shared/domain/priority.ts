/**
 * An explainable priority for the work queue ("why is this case here?"), built from the deadline, the
 * notice of default and the penalty. Scoring (higher = more urgent; sort by score, descending):
 *
 *   score = band × 10^11 + (active ? 4 × 10^10 : 0) + (vulnerable ? 2 × 10^10 : 0) + tie
 *
 * - band: 6 penalty accruing (or capped), 5 notice of default received (grace period before the
 *   penalty), 4 overdue, 3 due within 7 days (0-7), 2 due within 30 days (8-30), 1 on track,
 *   0 decided. The band term outweighs everything else, so the band order always holds.
 * - active: not waiting on the applicant; a case with an open suspension sinks below every active
 *   case of its band, but never below a lower band (a penalty keeps accruing while it waits).
 * - vulnerable (e.g. an unaccompanied minor, AMV) rises above the other cases of its band and
 *   activity group.
 * - tie (< 10^10): earlier deadline first, then earlier receipt:
 *   (99999 − deadline day) × 10^5 + (99999 − received day), days counted from 1900-01-01 and
 *   clamped to 0…99999 (1900-2173).
 * All terms are integers below 2^53, so the score is exact.
 */
import { daysBetween, requireIsoDate, toDayNumber, type IsoDate, type Period } from './dates';
import { computeDecisionDeadline, type Suspension } from './deadline';
import { DomainError } from './errors';
import { type EmittedMessageKey } from './messages';
import { computePenalty } from './penalty';
import { domainRules, isRegime, type DomainRules, type Regime } from './rules';

/**
 * The case facts the priority needs. Give `deadline`, or the deadline inputs (`contestedDecisionOn`,
 * `suspensions`, `extensions`) to have it computed as of today. Waiting on the applicant is
 * `suspensionOpen`/`waitingOnApplicant` or a suspension without `endedOn`; vulnerable is
 * `vulnerable`/`unaccompaniedMinor`.
 */
export type PriorityCase = {
  regime: Regime;
  receivedOn: IsoDate;
  /** The current decision deadline (computeDecisionDeadline); computed when absent. */
  deadline?: IsoDate;
  contestedDecisionOn?: IsoDate;
  suspensions?: Suspension[];
  extensions?: Period[];
  noticeOfDefaultReceivedOn?: IsoDate;
  decidedOn?: IsoDate;
  /** Waiting on the applicant: a suspension is open. */
  suspensionOpen?: boolean;
  waitingOnApplicant?: boolean;
  /** A vulnerable applicant, such as an unaccompanied minor (AMV). */
  vulnerable?: boolean;
  unaccompaniedMinor?: boolean;
};

/** The bands of the work queue, most urgent first. */
export const priorityBands = [
  'penalty_accruing', 'notice_of_default', 'overdue', 'due_within_7_days', 'due_within_30_days', 'on_track', 'decided',
] as const;
export type PriorityBand = (typeof priorityBands)[number];

/** One reason for a priority: an i18n key of the domain catalog with its values. */
export type PriorityReason = { key: EmittedMessageKey; values: Record<string, string | number> };

/** A case's priority: a score to sort on (descending), its band and the reasons. */
export type PriorityResult = { score: number; band: PriorityBand; reasons: PriorityReason[] };

const bandWeight: Record<PriorityBand, number> = {
  penalty_accruing: 6, notice_of_default: 5, overdue: 4, due_within_7_days: 3, due_within_30_days: 2, on_track: 1, decided: 0,
};
const bandUnit = 1e11;
const activeBonus = 4e10;
const vulnerableBonus = 2e10;
const epochOffset = toDayNumber('1900-01-01');

/** A date as the tie-break key of the score: earlier dates give larger keys (so they rank first). */
export function dayKey(date: IsoDate): number {
  return 99999 - Math.min(99999, Math.max(0, toDayNumber(date) - epochOffset));
}

function deadlineBand(daysLeft: number): PriorityBand {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 7) return 'due_within_7_days';
  if (daysLeft <= 30) return 'due_within_30_days';
  return 'on_track';
}

const deadlineReason: Record<PriorityBand, EmittedMessageKey> = {
  penalty_accruing: 'priority.reason.penaltyAccruing', notice_of_default: 'priority.reason.noticeOfDefault',
  overdue: 'priority.reason.overdue', due_within_7_days: 'priority.reason.dueWithin7Days',
  due_within_30_days: 'priority.reason.dueWithin30Days', on_track: 'priority.reason.onTrack', decided: 'priority.reason.decided',
};

/** The priority of a case on a day: score (higher first), band and reasons; see the module comment. */
export function computePriority(caseFacts: PriorityCase, today: IsoDate, rules: DomainRules = domainRules): PriorityResult {
  if (typeof caseFacts !== 'object' || caseFacts === null) throw new DomainError('invalid_input', 'case', 'must be an object');
  if (!isRegime(caseFacts.regime)) throw new DomainError('unknown_regime', 'case.regime', 'is not a known regime');
  const receivedOn = requireIsoDate(caseFacts.receivedOn, 'case.receivedOn');
  requireIsoDate(today, 'today');
  const deadline = caseFacts.deadline !== undefined
    ? requireIsoDate(caseFacts.deadline, 'case.deadline')
    : computeDecisionDeadline({
      regime: caseFacts.regime, receivedOn, contestedDecisionOn: caseFacts.contestedDecisionOn,
      suspensions: caseFacts.suspensions, extensions: caseFacts.extensions, asOf: today,
    }, rules).deadline;
  const waiting = caseFacts.suspensionOpen === true || caseFacts.waitingOnApplicant === true
    || (caseFacts.suspensions ?? []).some((suspension) => suspension.endedOn === undefined || suspension.endedOn === null);
  const active = !waiting;
  const vulnerable = caseFacts.vulnerable === true || caseFacts.unaccompaniedMinor === true;
  const reasons: PriorityReason[] = [];

  let band: PriorityBand;
  if (caseFacts.decidedOn !== undefined) {
    const decidedOn = requireIsoDate(caseFacts.decidedOn, 'case.decidedOn');
    band = 'decided';
    reasons.push({ key: 'priority.reason.decided', values: { decidedOn } });
  } else {
    const notice = caseFacts.noticeOfDefaultReceivedOn;
    const penalty = computePenalty({ regime: caseFacts.regime, deadline, noticeOfDefaultReceivedOn: notice, asOf: today }, rules);
    const daysLeft = daysBetween(today, deadline);
    if (penalty.status === 'accruing' || penalty.status === 'capped') {
      band = 'penalty_accruing';
      const values = { firstPenaltyDay: penalty.firstPenaltyDay ?? '', days: penalty.penaltyDays, amount: penalty.amountCents / 100, amountCents: penalty.amountCents };
      reasons.push({ key: penalty.status === 'capped' ? 'priority.reason.penaltyCapped' : 'priority.reason.penaltyAccruing', values });
    } else if (penalty.status === 'grace' && notice !== undefined) {
      band = 'notice_of_default';
      reasons.push({ key: 'priority.reason.noticeOfDefault', values: { noticeReceivedOn: notice, firstPenaltyDay: penalty.firstPenaltyDay ?? '' } });
    } else if (notice !== undefined && notice > deadline && caseFacts.regime === 'asylum') {
      // No administrative penalty for asylum, but the notice opens the court route: it still outranks "overdue".
      band = 'notice_of_default';
      reasons.push({ key: 'priority.reason.noticeOfDefaultAsylum', values: { noticeReceivedOn: notice } });
    } else {
      band = deadlineBand(daysLeft);
      reasons.push({ key: deadlineReason[band], values: { deadline, days: Math.abs(daysLeft) } });
    }
  }
  if (vulnerable) reasons.push({ key: 'priority.reason.vulnerable', values: {} });
  if (!active) reasons.push({ key: 'priority.reason.waitingOnApplicant', values: {} });

  const tie = dayKey(deadline) * 1e5 + dayKey(receivedOn);
  const score = bandWeight[band] * bandUnit + (active ? activeBonus : 0) + (vulnerable ? vulnerableBonus : 0) + tie;
  return { score, band, reasons };
}

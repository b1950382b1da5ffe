/**
 * Figures computed from the listed cases, for the queue's "days left" column and the dashboard.
 * Pure functions of the cases and today's date, so they are the same on every screen and testable.
 */
import { caseStatus, type CaseStatus, type CaseSummary } from '../../../shared/contract';
import { daysBetween } from '../format/dates';

/** Statuses where the decision period no longer runs. */
const finishedStatuses: ReadonlySet<CaseStatus> = new Set(['decided', 'closed']);

/** How many days ahead "due soon" looks, today included. */
export const dueSoonDays = 7;

/** True while the case still needs a decision. */
export function isOpenCase(item: Pick<CaseSummary, 'status'>): boolean {
  return !finishedStatuses.has(item.status);
}

export type DeadlineState =
  | { kind: 'none' }
  | { kind: 'finished' }
  | { kind: 'overdue'; days: number }
  | { kind: 'today' }
  | { kind: 'soon'; days: number }
  | { kind: 'later'; days: number };

/** Where a case stands against its deadline on `today` ('YYYY-MM-DD' in Europe/Amsterdam). */
export function deadlineState(item: Pick<CaseSummary, 'status' | 'deadline'>, today: string): DeadlineState {
  if (!isOpenCase(item)) return { kind: 'finished' };
  if (item.deadline === null) return { kind: 'none' };
  const days = daysBetween(today, item.deadline);
  if (days === null) return { kind: 'none' };
  if (days < 0) return { kind: 'overdue', days: -days };
  if (days === 0) return { kind: 'today' };
  if (days <= dueSoonDays) return { kind: 'soon', days };
  return { kind: 'later', days };
}

export interface CaseFigures {
  total: number;
  open: number;
  overdue: number;
  /** Open cases due today or within the next seven days (not overdue). */
  dueSoon: number;
  /** Open cases without a known deadline. */
  withoutDeadline: number;
  byStatus: Record<CaseStatus, number>;
}

/** Counts per status, overdue and due within seven days, over the given cases. */
export function summarizeCases(items: readonly Pick<CaseSummary, 'status' | 'deadline'>[], today: string): CaseFigures {
  const byStatus = Object.fromEntries(caseStatus.options.map((status) => [status, 0])) as Record<CaseStatus, number>;
  const figures: CaseFigures = { total: items.length, open: 0, overdue: 0, dueSoon: 0, withoutDeadline: 0, byStatus };
  for (const item of items) {
    byStatus[item.status] += 1;
    const state = deadlineState(item, today);
    if (state.kind === 'finished') continue;
    figures.open += 1;
    if (state.kind === 'overdue') figures.overdue += 1;
    else if (state.kind === 'today' || state.kind === 'soon') figures.dueSoon += 1;
    else if (state.kind === 'none') figures.withoutDeadline += 1;
  }
  return figures;
}

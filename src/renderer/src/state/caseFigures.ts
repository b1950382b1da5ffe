/**
 * Where a case stands against its deadline, for the queue's "days left" column and the case screen.
 * Pure functions of the case and today's date, so they are the same on every screen and testable.
 * The dashboard's counts are the host's (dashboard.summary), over every case in scope.
 */
import { dueSoonDays, type CaseStatus, type CaseSummary } from '../../../shared/contract';
import { daysBetween } from '../format/dates';

/** Statuses where the decision period no longer runs. */
const finishedStatuses: ReadonlySet<CaseStatus> = new Set(['decided', 'closed']);


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

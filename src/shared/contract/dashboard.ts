/** Contract of the `dashboard` namespace: the team lead's figures over every case in scope. */
import { z } from 'zod';
import { defineCall } from '../rpc';
import { caseStatus } from './cases';
import { inNamespace, isoDate } from './common';

const count = z.number().int().nonnegative();

/** How many days ahead "due soon" looks, today included; the queue's days-left column uses the same. */
export const dueSoonDays = 7;

/** Counts over every case in the local cache (the user's scope), for the day asked about. */
export const dashboardSummary = z.object({
  total: count,
  /** Cases still needing a decision (not decided or closed). */
  open: count,
  /** Open cases past their deadline. */
  overdue: count,
  /** Open cases due today or within the next seven days. */
  dueSoon: count,
  /** Open cases without a known deadline. */
  withoutDeadline: count,
  byStatus: z.record(caseStatus, count),
});
export type DashboardSummary = z.infer<typeof dashboardSummary>;

export const dashboardCalls = inNamespace('dashboard', {
  'dashboard.summary': defineCall(
    z.object({ today: isoDate }).strict(),
    dashboardSummary,
    'Open, overdue, due-soon and per-status counts over every case in scope; `today` is the day they are counted for.',
  ),
} as const);

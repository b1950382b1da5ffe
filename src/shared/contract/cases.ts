/** Cases as lists show them. */
import { z } from 'zod';
import { isoDate, vNumber } from './common';
import { itemSyncState } from './sync';

export const caseStatus = z.enum([
  'intake', 'in_progress', 'waiting_on_applicant', 'in_review', 'decided', 'closed',
]);
export type CaseStatus = z.infer<typeof caseStatus>;

/** One line of a case list. */
export const caseSummary = z.object({
  id: z.string(),
  caseNumber: z.string(),
  applicantName: z.string(),
  /** Null when the applicant has no V-number yet. */
  vNumber: vNumber.nullable(),
  caseType: z.string(),
  regime: z.string(),
  status: caseStatus,
  receivedOn: isoDate,
  deadline: isoDate.nullable(),
  assignee: z.string().nullable(),
  team: z.string().nullable(),
  /** The least settled state of this case's queued actions; null when all are synced. */
  syncState: itemSyncState.nullable().optional(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

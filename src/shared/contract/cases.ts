/** Contract of the `cases` namespace: cases as lists show them, search and opening one. */
import { z } from 'zod';
import { defineCall, defineEvent } from '../rpc';
import { inNamespace, isoDate, vNumber } from './common';
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

export const casesCalls = inNamespace('cases', {
  'cases.list': defineCall(
    z.object({
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }).strict(),
    z.object({ items: z.array(caseSummary), total: z.number().int().nonnegative() }),
    'Cases in the local cache, most urgent deadline first.',
  ),
  'cases.search': defineCall(
    z.object({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    z.object({ items: z.array(caseSummary) }),
    'Cases in the local cache matching applicant name, V-number, case number or sponsor.',
  ),
  'cases.open': defineCall(
    z.object({ caseId: z.string().min(1).max(64) }).strict(),
    caseSummary,
    'One case from the local cache; the read is recorded for the audit log (uploaded at the next sync).',
  ),
} as const);

/**
 * Lists listen to `cases.changed`; a screen of one case listens to `case.changed` for its id only.
 * Letters and messages get their own `letters.changed` and `messages.changed` in their files.
 */
export const casesEvents = {
  ...inNamespace('cases', {
    'cases.changed': defineEvent(
      z.object({ caseIds: z.array(z.string()) }),
      'The list rows of these cases changed; an empty list means any case may have (sign-in, a fresh pull).',
    ),
  } as const),
  ...inNamespace('case', {
    'case.changed': defineEvent(
      z.object({ caseId: z.string() }),
      'Something the case screen shows of this case changed: its row, one of its child rows, or the state of one of its queued actions. '
        + 'Not sent per case while the cache is first filled, nor for more than a few hundred cases at once: `cases.changed` with an empty list says so.',
    ),
  } as const),
} as const;

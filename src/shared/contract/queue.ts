/**
 * The work queue (werkvoorraad) in the contract: tabs, filters, sorting, saved views and the rows
 * the queue screen shows. The host answers from the local cache, so all of it works offline.
 */
import { z } from 'zod';
import { defineCall } from '../rpc';
import { priorityBands } from '../domain/priority';
import { caseStatus, caseSummary } from './cases';
import { empty, inNamespace, isoDate } from './common';

export const queueTab = z.enum(['mine', 'team', 'unassigned']);
export type QueueTab = z.infer<typeof queueTab>;

/** The priority bands of the domain engine, plus cases whose period has not started (no deadline yet). */
export const queueBand = z.enum([...priorityBands, 'no_deadline']);
export type QueueBand = z.infer<typeof queueBand>;

/** What a row's flag icons say; each is also a filter (a row matches when it has any chosen flag). */
export const queueFlag = z.enum([
  'penalty', 'noticeOfDefault', 'vulnerable', 'waiting', 'newDocument', 'newMessage', 'conflict', 'unsynced',
]);
export type QueueFlag = z.infer<typeof queueFlag>;

/** Deadline windows: overdue, or due within N days from today (overdue included). */
export const deadlineWindow = z.enum(['overdue', '7', '14', '30']);
export type DeadlineWindow = z.infer<typeof deadlineWindow>;

export const queueSortColumn = z.enum(['priority', 'caseNumber', 'applicant', 'caseType', 'received', 'deadline', 'status']);
export type QueueSortColumn = z.infer<typeof queueSortColumn>;

export const queueSort = z.object({
  column: queueSortColumn,
  /** 'desc' on priority means most urgent first (the default). */
  direction: z.enum(['asc', 'desc']),
}).strict();
export type QueueSort = z.infer<typeof queueSort>;

const someIds = (max: number) => z.array(z.string().min(1).max(64)).max(max);

/** Filters of the queue; an absent filter does not restrict. Statuses default to the open ones. */
export const queueFilter = z.object({
  caseTypes: someIds(50).optional(),
  statuses: z.array(caseStatus).max(6).optional(),
  window: deadlineWindow.optional(),
  flags: z.array(queueFlag).max(8).optional(),
  assignees: someIds(200).optional(),
  teams: someIds(50).optional(),
  /** Full-text search over applicant name, V-number, case number and sponsor (every word as a prefix). */
  text: z.string().trim().max(200).optional(),
}).strict();
export type QueueFilter = z.infer<typeof queueFilter>;

/** The statuses the queue shows when no status filter is chosen. */
export const openStatuses = ['intake', 'in_progress', 'waiting_on_applicant', 'in_review'] as const;

/** One row of the queue: the case summary with its priority, flags and the names behind ids. */
export const queueRow = caseSummary.extend({
  band: queueBand,
  /** Sort key from the domain engine (higher is more urgent), as of the queue's `today`. */
  priorityScore: z.number(),
  flags: z.array(queueFlag),
  assigneeName: z.string().nullable(),
  teamName: z.string().nullable(),
  sponsorName: z.string().nullable(),
  noticeOfDefaultOn: isoDate.nullable(),
  decidedOn: isoDate.nullable(),
  contestedDecisionOn: isoDate.nullable(),
  /** Inbound messages the signed-in user has not read (their queued readings counted); `newMessage` when above 0. */
  unread: z.number().int().nonnegative(),
});
export type QueueRow = z.infer<typeof queueRow>;

export const queueArgs = z.object({
  tab: queueTab,
  filter: queueFilter.default({}),
  sort: queueSort.default({ column: 'priority', direction: 'desc' }),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
}).strict();
export type QueueArgs = z.input<typeof queueArgs>;

export const queueResult = z.object({
  items: z.array(queueRow),
  /** Rows matching tab and filters, for the scrollbar and the heading. */
  total: z.number().int().nonnegative(),
  /** The day the priorities were computed for (the training "today" in a training environment). */
  today: isoDate,
});
export type QueueResult = z.infer<typeof queueResult>;

/** A person the queue can show, filter on and assign to. */
export const directoryUser = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.string(),
  teamIds: z.array(z.string()),
  active: z.boolean(),
});
export type DirectoryUser = z.infer<typeof directoryUser>;

export const queueDirectory = z.object({
  /** The signed-in user's id, role and teams; null without a session (no central API). */
  me: z.object({ id: z.string(), role: z.string(), teamIds: z.array(z.string()) }).nullable(),
  users: z.array(directoryUser),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Case types present in the local cache, for the filter. */
  caseTypes: z.array(z.string()),
});
export type QueueDirectory = z.infer<typeof queueDirectory>;

/** What a saved view remembers: tab, filters and sort. */
export const savedViewSettings = z.object({
  tab: queueTab,
  filter: queueFilter,
  sort: queueSort,
}).strict();
export type SavedViewSettings = z.infer<typeof savedViewSettings>;

export const savedViewItem = z.object({
  id: z.string(),
  name: z.string(),
  settings: savedViewSettings,
  /** True for the user's own views; shared views of a colleague are read-only. */
  mine: z.boolean(),
  ownerName: z.string().nullable(),
  /** The team it is shared with; null for a private view. */
  teamId: z.string().nullable(),
  /** Not yet on the server (saved offline). */
  pending: z.boolean(),
});
export type SavedViewItem = z.infer<typeof savedViewItem>;

/** A step of an explanation: a key of the domain catalog ('domain' namespace) with its values. */
export const explanationStep = z.object({
  key: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
  legalBasis: z.string().optional(),
});

/** "Why here?": the priority's reasons and how the deadline was computed. */
export const priorityExplanation = z.object({
  band: queueBand,
  reasons: z.array(explanationStep),
  /** Null when the period has not started or the engine cannot compute it from the cached facts. */
  deadline: z.object({ deadline: isoDate, steps: z.array(explanationStep), rulesVersion: z.string() }).nullable(),
  today: isoDate,
});
export type PriorityExplanation = z.infer<typeof priorityExplanation>;

export const queueCalls = inNamespace('queue', {
  'queue.list': defineCall(queueArgs, queueResult, 'The work queue: a tab of the local cache, filtered and sorted (by priority by default), one window of rows.'),
  'queue.directory': defineCall(empty, queueDirectory, 'Who is signed in, the users and teams of the directory and the case types, for filters and assigning.'),
  'queue.views': defineCall(empty, z.object({ items: z.array(savedViewItem) }), 'My saved views and those shared with my teams.'),
  'queue.explain': defineCall(
    z.object({ caseId: z.string().min(1).max(64) }).strict(),
    priorityExplanation,
    'Why a case is where it is in the queue: the priority\'s reasons and the deadline\'s explanation, from the domain engine.',
  ),
  'queue.takeNext': defineCall(
    empty,
    z.object({ caseId: z.string().nullable() }),
    'Claims the most urgent unassigned open case of my teams (through the outbox) and answers its id; null when there is none.',
  ),
} as const);

/** A saved view's settings as the server stores them: the flat `filter` record of the view.save mutation. */
export type StoredViewFilter = Record<string, string | number | boolean | null | string[]>;

/** Flattens a view's settings for view.save. */
export function encodeViewSettings(settings: SavedViewSettings): StoredViewFilter {
  const stored: StoredViewFilter = { tab: settings.tab, sortColumn: settings.sort.column, sortDirection: settings.sort.direction };
  for (const [key, value] of Object.entries(settings.filter)) if (value !== undefined) stored[key] = value;
  return stored;
}

/** Reads a stored view back; null when it is not one this version understands (it is then not listed). */
export function decodeViewSettings(stored: unknown): SavedViewSettings | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { tab, sortColumn, sortDirection, ...filter } = stored as Record<string, unknown>;
  const parsed = savedViewSettings.safeParse({ tab, sort: { column: sortColumn, direction: sortDirection }, filter });
  return parsed.success ? parsed.data : null;
}

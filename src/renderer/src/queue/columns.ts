/**
 * The queue's columns: which exist, their width in the grid, which column sorts by what, and the
 * user's choice of columns, remembered on this workbench.
 */
import type { QueueSortColumn } from '../../../shared/contract';

export const queueColumns = [
  'priority', 'caseNumber', 'applicant', 'vNumber', 'caseType', 'received', 'deadline', 'status', 'assignee', 'unread', 'flags', 'actions',
] as const;
export type QueueColumn = (typeof queueColumns)[number];

/** Columns the user cannot hide: without them a row cannot be recognised or acted on. */
export const fixedColumns: ReadonlySet<QueueColumn> = new Set(['caseNumber', 'actions']);

export const columnWidths: Record<QueueColumn, string> = {
  priority: 'minmax(150px, 1fr)', caseNumber: 'minmax(112px, 0.8fr)', applicant: 'minmax(130px, 1.5fr)',
  vNumber: 'minmax(100px, 0.8fr)', caseType: 'minmax(110px, 1fr)', received: 'minmax(92px, 0.6fr)',
  deadline: 'minmax(148px, 1fr)', status: 'minmax(120px, 0.9fr)', assignee: 'minmax(104px, 1fr)',
  unread: 'minmax(44px, 0.25fr)', flags: 'minmax(76px, 0.6fr)', actions: 'minmax(100px, 0.6fr)',
};

export const sortColumnOf: Partial<Record<QueueColumn, QueueSortColumn>> = {
  priority: 'priority', caseNumber: 'caseNumber', applicant: 'applicant', caseType: 'caseType',
  received: 'received', deadline: 'deadline', status: 'status',
};

const storageKey = 'werkbank.queue.columns';
const defaultHidden: ReadonlySet<QueueColumn> = new Set(['vNumber']);

/** Columns a tab leaves out because they say nothing there (every case of "my cases" is mine). */
export function columnsForTab(columns: readonly QueueColumn[], tab: string): QueueColumn[] {
  return tab === 'mine' ? columns.filter((column) => column !== 'assignee') : [...columns];
}

/** The columns shown, in their fixed order; the default hides the V-number (search still finds it). */
export function loadColumns(storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null): QueueColumn[] {
  try {
    const stored: unknown = JSON.parse(storage?.getItem(storageKey) ?? 'null');
    if (Array.isArray(stored)) {
      const chosen = new Set(stored.filter((value): value is QueueColumn => (queueColumns as readonly unknown[]).includes(value)));
      return queueColumns.filter((column) => chosen.has(column) || fixedColumns.has(column));
    }
  } catch {
    // A damaged setting falls back to the default rather than breaking the queue.
  }
  return queueColumns.filter((column) => !defaultHidden.has(column));
}

export function saveColumns(columns: readonly QueueColumn[], storage: Pick<Storage, 'setItem'> | null = globalThis.localStorage ?? null): void {
  try {
    storage?.setItem(storageKey, JSON.stringify(columns));
  } catch {
    // Storage full or unavailable: the choice lasts for this session only.
  }
}

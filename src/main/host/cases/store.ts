/** Reads and writes of cases in the local cache. */
import { asc, count, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { CaseStatus, CaseSummary, ItemSyncState } from '../../../shared/contract';
import type { CacheDatabase } from '../db/open';
import { cases, type CaseRow, type NewCaseRow } from '../db/schema';

/** The case list's query, exposed so its plan can be tested. */
export function listCasesQuery(db: CacheDatabase, limit: number, offset: number) {
  return db
    .select()
    .from(cases)
    .orderBy(sql`${cases.deadline} IS NULL`, asc(cases.deadline), asc(cases.receivedOn))
    .limit(limit)
    .offset(offset);
}

/** Least settled first: a conflict or refusal needs the user more than a queued action. */
const statePriority: Record<ItemSyncState, number> = { conflict: 4, failed: 3, sent: 2, queued: 1 };

/** The least settled outbox state per case, for the per-row sync state of a list. */
export function syncStatesOf(sqlite: Database.Database, caseIds: readonly string[]): Map<string, ItemSyncState> {
  const states = new Map<string, ItemSyncState>();
  if (caseIds.length === 0) return states;
  const statement = sqlite.prepare('SELECT state FROM outbox WHERE case_id = ?').pluck();
  for (const caseId of caseIds) {
    for (const state of statement.all(caseId) as ItemSyncState[]) {
      const current = states.get(caseId);
      if (!current || statePriority[state] > statePriority[current]) states.set(caseId, state);
    }
  }
  return states;
}

/** A cache row as the contract's case summary. */
export function toSummary(row: CaseRow, syncState: ItemSyncState | null = null): CaseSummary {
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    applicantName: row.applicantName,
    vNumber: row.vNumber === '' ? null : row.vNumber,
    caseType: row.caseType,
    regime: row.regime,
    status: row.status as CaseStatus,
    receivedOn: row.receivedOn,
    deadline: row.deadline,
    assignee: row.assignee,
    team: row.team,
    syncState,
  };
}

/** Cases, most urgent deadline first (unknown deadlines last), then oldest received. */
export function listCases(db: CacheDatabase, limit: number, offset: number, sqlite?: Database.Database): { items: CaseSummary[]; total: number } {
  const rows = listCasesQuery(db, limit, offset).all();
  const [totals] = db.select({ total: count() }).from(cases).all();
  const states = sqlite ? syncStatesOf(sqlite, rows.map((row) => row.id)) : new Map<string, ItemSyncState>();
  return {
    items: rows.map((row) => toSummary(row, states.get(row.id) ?? null)),
    total: totals?.total ?? 0,
  };
}

/**
 * Turns what a user typed into an FTS5 query: every word must match as a prefix. Quoting each
 * word keeps FTS5 operators and column filters typed by the user from being interpreted.
 */
export function searchExpression(text: string): string | null {
  const words = text.normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0).slice(0, 12);
  return words.length === 0 ? null : words.map((word) => `"${word}"*`).join(' ');
}

/** Cases matching applicant name, V-number, case number or sponsor, best match first. */
export function searchCases(sqlite: Database.Database, db: CacheDatabase, text: string, limit: number): CaseSummary[] {
  const expression = searchExpression(text);
  if (expression === null) return [];
  const ids = sqlite.prepare(`SELECT c.id FROM cases_search s JOIN cases c ON c.rowid = s.rowid
    WHERE cases_search MATCH ? ORDER BY s.rank LIMIT ?`).pluck().all(expression, limit) as string[];
  const states = syncStatesOf(sqlite, ids);
  return ids.map((id) => readCase(db, id)).filter((row): row is CaseRow => row !== null)
    .map((row) => toSummary(row, states.get(row.id) ?? null));
}

/** One case row, or null. */
export function readCase(db: CacheDatabase, caseId: string): CaseRow | null {
  return db.select().from(cases).where(sql`${cases.id} = ${caseId}`).get() ?? null;
}

/** Inserts or replaces cases in one transaction. */
export function upsertCases(db: CacheDatabase, rows: readonly NewCaseRow[]): void {
  db.transaction((tx) => {
    for (const row of rows) {
      tx.insert(cases).values(row).onConflictDoUpdate({ target: cases.id, set: row }).run();
    }
  });
}

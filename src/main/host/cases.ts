/** Reads and writes of cases in the local cache. */
import { asc, count, sql } from 'drizzle-orm';
import type { CaseStatus, CaseSummary } from '../../shared/contract';
import type { CacheDatabase } from './db/open';
import { cases, type NewCaseRow } from './db/schema';

/** The case list's query, exposed so its plan can be tested. */
export function listCasesQuery(db: CacheDatabase, limit: number, offset: number) {
  return db
    .select()
    .from(cases)
    .orderBy(sql`${cases.deadline} IS NULL`, asc(cases.deadline), asc(cases.receivedOn))
    .limit(limit)
    .offset(offset);
}

/** Cases, most urgent deadline first (unknown deadlines last), then oldest received. */
export function listCases(db: CacheDatabase, limit: number, offset: number): { items: CaseSummary[]; total: number } {
  const rows = listCasesQuery(db, limit, offset).all();
  const [totals] = db.select({ total: count() }).from(cases).all();
  return {
    items: rows.map((row) => ({
      id: row.id,
      caseNumber: row.caseNumber,
      applicantName: row.applicantName,
      vNumber: row.vNumber,
      caseType: row.caseType,
      regime: row.regime,
      status: row.status as CaseStatus,
      receivedOn: row.receivedOn,
      deadline: row.deadline,
      assignee: row.assignee,
      team: row.team,
    })),
    total: totals?.total ?? 0,
  };
}

/** Inserts or replaces cases in one transaction. */
export function upsertCases(db: CacheDatabase, rows: readonly NewCaseRow[]): void {
  db.transaction((tx) => {
    for (const row of rows) {
      tx.insert(cases).values(row).onConflictDoUpdate({ target: cases.id, set: row }).run();
    }
  });
}

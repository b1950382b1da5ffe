/**
 * The dashboard's counts over every case in the local cache, in one aggregate query: the cache
 * holds exactly the user's scope, so the figures cover all of it, not a page of a list. Deadlines
 * are `YYYY-MM-DD` strings, which compare as dates.
 */
import type Database from 'better-sqlite3';
import { caseStatus, dueSoonDays, type CaseStatus, type DashboardSummary } from '../../../shared/contract';
import { addDays } from '../../../shared/domain/dates';

/** Statuses where the decision period no longer runs. */
const finished = `status IN ('decided', 'closed')`;

export class DashboardReader {
  private readonly statements;

  constructor(sqlite: Database.Database) {
    this.statements = {
      figures: sqlite.prepare(`SELECT
          count(*) AS total,
          coalesce(sum(NOT ${finished}), 0) AS open,
          coalesce(sum(NOT ${finished} AND deadline < @today), 0) AS overdue,
          coalesce(sum(NOT ${finished} AND deadline >= @today AND deadline <= @soon), 0) AS dueSoon,
          coalesce(sum(NOT ${finished} AND deadline IS NULL), 0) AS withoutDeadline
        FROM cases`),
      byStatus: sqlite.prepare('SELECT status, count(*) AS count FROM cases GROUP BY status'),
    };
  }

  summary(today: string): DashboardSummary {
    const figures = this.statements.figures.get({ today, soon: addDays(today, dueSoonDays) }) as Omit<DashboardSummary, 'byStatus'>;
    const byStatus = Object.fromEntries(caseStatus.options.map((status) => [status, 0])) as Record<CaseStatus, number>;
    for (const row of this.statements.byStatus.all() as { status: string; count: number }[]) {
      // A status this version does not know counts in the total only.
      if (caseStatus.safeParse(row.status).success) byStatus[row.status as CaseStatus] = row.count;
    }
    return { ...figures, byStatus };
  }
}

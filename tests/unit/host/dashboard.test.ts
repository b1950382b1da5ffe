/** The dashboard's counts: over every case in the cache, the same rules the queue's days-left column applies. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../../src/shared/contract';
import { openCache, type OpenedCache } from '../../../src/main/host/db/open';
import { DashboardReader } from '../../../src/main/host/dashboard/summary';

const today = '2025-03-10';
let cache: OpenedCache;

beforeEach(() => {
  cache = openCache({ file: ':memory:' });
});
afterEach(() => cache.sqlite.close());

function insert(cases: readonly [CaseStatus, string | null][]): void {
  const statement = cache.sqlite.prepare(`INSERT INTO cases (id, case_number, applicant_name, v_number, case_type, regime, status,
    received_on, deadline, updated_at) VALUES (?, ?, 'A', '', 'family', 'regular', ?, '2025-01-01', ?, '')`);
  cases.forEach(([status, deadline], index) => statement.run(`case-${index}`, `Z-${index}`, status, deadline));
}

describe('dashboard.summary', () => {
  it('counts per status, overdue, due within seven days and without deadline', () => {
    insert([
      ['in_progress', '2025-03-01'], // overdue
      ['in_progress', '2025-03-09'], // overdue by one day
      ['intake', '2025-03-10'], // due today: soon
      ['in_review', '2025-03-17'], // day 7: soon
      ['in_review', '2025-03-18'], // day 8: later
      ['waiting_on_applicant', null], // no deadline
      ['decided', '2025-02-01'], // finished: not overdue
      ['closed', null],
    ]);
    expect(new DashboardReader(cache.sqlite).summary(today)).toEqual({
      total: 8,
      open: 6,
      overdue: 2,
      dueSoon: 2,
      withoutDeadline: 1,
      byStatus: { intake: 1, in_progress: 2, waiting_on_applicant: 1, in_review: 2, decided: 1, closed: 1 },
    });
  });

  it('gives zeros for every status on an empty cache', () => {
    const figures = new DashboardReader(cache.sqlite).summary(today);
    expect(figures.total).toBe(0);
    expect(figures.open).toBe(0);
    expect(Object.values(figures.byStatus)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('counts every case, not a first page of them', () => {
    insert(Array.from({ length: 1500 }, (): [CaseStatus, string] => ['in_progress', '2025-03-01']));
    expect(new DashboardReader(cache.sqlite).summary(today)).toMatchObject({ total: 1500, overdue: 1500 });
  });
});

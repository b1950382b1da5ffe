/** The case screen's calls (reviewCalls in the contract), spread into the host's handler map. */
import type Database from 'better-sqlite3';
import type { HostHandlers, reviewCalls } from '../../../shared/contract';
import type { CacheDatabase } from '../db/open';
import { ReviewReader } from './case';

/** Handlers of every call in reviewCalls. */
export function reviewHandlers(sqlite: Database.Database, db: CacheDatabase): Pick<HostHandlers<unknown>, keyof typeof reviewCalls> {
  const reader = new ReviewReader(sqlite, db);
  return {
    'review.case': ({ caseId, today }) => reader.read(caseId, today),
  };
}

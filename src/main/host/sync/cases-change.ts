/**
 * How the sync engine tells the host what changed in the local cache, which cases/announce.ts
 * turns into host events.
 */
import type { PullResponse } from '../../../shared/sync';

/**
 * What changed in the local cache: the cases whose list rows changed, and the cases anything of
 * which changed (a child row, the state of a queued action), or 'all' when every case may have.
 */
export interface CasesChange {
  listed: string[];
  cases: string[] | 'all';
}

/** The cases a pulled page touches: every row of a case carries its case id, a case its own. */
export function casesIn(pages: readonly PullResponse[]): Set<string> {
  const ids = new Set<string>();
  for (const page of pages) {
    for (const change of page.changes) {
      const caseId = change.kind === 'leave' ? change.caseId : change.caseId ?? (change.entity === 'case' ? change.id : null);
      if (caseId) ids.add(caseId);
    }
  }
  return ids;
}

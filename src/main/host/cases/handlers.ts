/** The `cases` calls: lists, search and opening one case (the read is audited and the case is seen). */
import type { casesCalls } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc';
import type { HandlersOf, HostParts } from '../context';
import { listCases, readCase, searchCases, syncStatesOf, toSummary } from './store';

export function casesHandlers(parts: HostParts): HandlersOf<typeof casesCalls> {
  const { db, sqlite } = parts.cache;
  return {
    'cases.list': ({ limit, offset }) => listCases(db, limit, offset, sqlite),
    'cases.search': ({ query, limit }) => ({ items: searchCases(sqlite, db, query, limit) }),
    'cases.open': ({ caseId }) => {
      const row = readCase(db, caseId);
      if (!row) throw new RpcError('not_found', 'This case is not in the local cache.');
      // Reads are audited: recorded now, uploaded with the next sync (offline or not).
      parts.sync?.engine.recordRead('case', caseId);
      parts.queue.markSeen(caseId, parts.now().toISOString());
      return toSummary(row, syncStatesOf(sqlite, [caseId]).get(caseId) ?? null);
    },
  };
}

/** The `sync` calls: the top bar's state, syncing now, queueing a mutation, the outbox and the conflicts inbox. */
import type { ConflictItem, OutboxItemInfo, SyncStatus, syncCalls } from '../../../shared/contract';
import type { HandlersOf, HostParts } from '../context';
import { central } from '../session/access';

const offline: SyncStatus = { state: 'offline', lastSyncAt: null, pending: 0, conflicts: 0 };

export function syncHandlers(parts: HostParts): HandlersOf<typeof syncCalls> {
  const caseNumberOf = parts.cache.sqlite.prepare('SELECT case_number FROM cases WHERE id = ?').pluck();
  return {
    'sync.status': () => parts.sync?.engine.status() ?? offline,
    'sync.now': () => central(parts.sync).syncNow(),
    'sync.mutate': ({ name, args }) => central(parts.sync).engine.mutate(name, args),
    'sync.outbox': () => ({
      items: central(parts.sync).engine.outbox.items().map((item): OutboxItemInfo => ({
        clientMutationId: item.clientMutationId, name: item.name, caseId: item.caseId, state: item.state,
        attempts: item.attempts, errorCode: item.errorCode, queuedAt: item.queuedAt,
      })),
    }),
    'sync.conflicts': () => ({
      items: central(parts.sync).engine.outbox.conflicts().map((row): ConflictItem => ({
        id: row.id, name: row.name, caseId: row.caseId, caseNumber: row.caseId ? caseNumberOf.get(row.caseId) as string | undefined ?? null : null,
        entity: row.entity, entityId: row.entityId,
        fields: JSON.parse(row.fields) as string[],
        mine: { args: JSON.parse(row.args) as Record<string, unknown>, base: JSON.parse(row.base) as Record<string, unknown> },
        theirs: JSON.parse(row.server) as Record<string, unknown>,
        createdAt: row.createdAt,
      })),
    }),
    'sync.resolveConflict': ({ id, keep }) => {
      const sync = central(parts.sync);
      const caseId = sync.engine.outbox.resolveConflict(id, keep, sync.clock.now().toISOString());
      if (caseId) sync.options.onDidChangeCases({ listed: [caseId], cases: [caseId] });
      sync.options.onDidChangeStatus(sync.engine.status());
      if (keep === 'mine') void sync.engine.syncNow().catch(() => undefined);
      return {};
    },
  };
}

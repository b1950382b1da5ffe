/**
 * The conflicts inbox, read through sync.conflicts and reloaded whenever the sync state changes
 * (a new conflict, or one resolved elsewhere) or the connection comes back.
 */
import { useCallback } from 'react';
import type { ConflictItem } from '../../../shared/contract';
import type { UiErrorCode } from '../errors';
import { useApi } from '../state/api';
import { useHostQuery } from '../state/useHostQuery';

export interface ConflictsState {
  status: 'loading' | 'ready' | 'error';
  items: readonly ConflictItem[];
  errorCode: UiErrorCode | null;
}

export function useConflicts(): ConflictsState & { reload: () => void; resolve: (id: number, keep: 'mine' | 'theirs') => Promise<void> } {
  const api = useApi();
  const query = useHostQuery(() => api.sync.conflicts(), { events: { 'sync.changed': true } });
  const { update, reload } = query;

  const resolve = useCallback(async (id: number, keep: 'mine' | 'theirs'): Promise<void> => {
    await api.sync.resolveConflict({ id, keep });
    update((data) => ({ items: data.items.filter((item) => item.id !== id) }));
    reload();
  }, [api, update, reload]);

  return { status: query.status, items: query.data?.items ?? [], errorCode: query.errorCode, reload, resolve };
}

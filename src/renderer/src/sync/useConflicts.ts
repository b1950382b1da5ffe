/**
 * The conflicts inbox, read through sync.conflicts and reloaded whenever the sync state changes
 * (a new conflict, or one resolved elsewhere) or the connection comes back.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ConflictItem } from '../../../shared/contract';
import { connection } from '../connection';
import { errorCodeOf, isConnectionLost, type UiErrorCode } from '../errors';
import { useApi } from '../state/api';
import { coalesce } from '../state/coalesce';
import { useConnectionEpoch } from '../state/hooks';

export interface ConflictsState {
  status: 'loading' | 'ready' | 'error';
  items: readonly ConflictItem[];
  errorCode: UiErrorCode | null;
}

export function useConflicts(): ConflictsState & { reload: () => void; resolve: (id: number, keep: 'mine' | 'theirs') => Promise<void> } {
  const api = useApi();
  const epoch = useConnectionEpoch();
  const [state, setState] = useState<ConflictsState>({ status: 'loading', items: [], errorCode: null });

  const load = useMemo(() => coalesce(() => api.sync.conflicts().then(
    (result) => setState({ status: 'ready', items: result.items, errorCode: null }),
    (error: unknown) => {
      if (isConnectionLost(error)) connection.setState('disconnected');
      setState((previous) => ({ ...previous, status: previous.status === 'ready' ? 'ready' : 'error', errorCode: errorCodeOf(error) }));
    },
  )), [api]);

  useEffect(() => {
    if (epoch > 0) load();
  }, [epoch, load]);
  useEffect(() => api.on('sync.changed', () => load()), [api, load]);

  const resolve = useCallback(async (id: number, keep: 'mine' | 'theirs'): Promise<void> => {
    await api.sync.resolveConflict({ id, keep });
    setState((previous) => ({ ...previous, items: previous.items.filter((item) => item.id !== id) }));
    load();
  }, [api, load]);

  return { ...state, reload: load, resolve };
}

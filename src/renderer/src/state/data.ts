/**
 * The data the shell shows, read through the contract: the case list and the sync state. Each keeps
 * what it last loaded when a reload fails, so an error never blanks the screen, and reloads when
 * the host says something changed or the connection came back.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CaseSummary, SyncStatus } from '../../../shared/contract';
import { connection } from '../connection';
import { errorCodeOf, isConnectionLost, type UiErrorCode } from '../errors';
import { useApi } from './api';
import { coalesce } from './coalesce';
import { useConnectionEpoch } from './hooks';

/** How many cases the queue asks for at once. */
export const caseListLimit = 200;

export interface CaseListState {
  /** 'loading' only until the first answer; later reloads keep the last list on screen. */
  status: 'loading' | 'ready' | 'error';
  items: readonly CaseSummary[];
  total: number;
  /** The last error, kept until a load succeeds. */
  errorCode: UiErrorCode | null;
  /** True once a list has been loaded at least once. */
  loaded: boolean;
  reloading: boolean;
}

function noteConnectionLoss(error: unknown): void {
  if (isConnectionLost(error)) connection.setState('disconnected');
}

/** The cases of the local cache, most urgent first, with a reload function. */
export function useCaseList(): CaseListState & { reload: () => void } {
  const api = useApi();
  const epoch = useConnectionEpoch();
  const [state, setState] = useState<CaseListState>({
    status: 'loading', items: [], total: 0, errorCode: null, loaded: false, reloading: true,
  });
  // One read at a time; events that arrive meanwhile fold into one more read. State is set only when
  // an answer arrives, so effects may call it.
  const load = useMemo(() => coalesce(() => api.cases.list({ limit: caseListLimit }).then(
    (result) => {
      setState({ status: 'ready', items: result.items, total: result.total, errorCode: null, loaded: true, reloading: false });
    },
    (error: unknown) => {
      noteConnectionLoss(error);
      setState((previous) => ({
        ...previous, status: previous.loaded ? 'ready' : 'error', errorCode: errorCodeOf(error), reloading: false,
      }));
    },
  )), [api]);

  const reload = useCallback(() => {
    setState((previous) => ({ ...previous, reloading: true }));
    load();
  }, [load]);

  useEffect(() => {
    if (epoch > 0) load();
  }, [epoch, load]);

  useEffect(() => api.on('cases.changed', () => load()), [api, load]);

  return { ...state, reload };
}

export interface SyncState {
  status: SyncStatus | null;
  errorCode: UiErrorCode | null;
}

/** The sync state for the top bar: asked once, then kept current by the host's sync.changed events. */
export function useSyncStatus(): SyncState {
  const api = useApi();
  const epoch = useConnectionEpoch();
  const [state, setState] = useState<SyncState>({ status: null, errorCode: null });

  useEffect(() => api.on('sync.changed', (status) => setState({ status, errorCode: null })), [api]);

  useEffect(() => {
    if (epoch === 0) return;
    let current = true;
    api.sync.status().then(
      (status) => {
        if (current) setState({ status, errorCode: null });
      },
      (error: unknown) => {
        noteConnectionLoss(error);
        if (current) setState((previous) => ({ ...previous, errorCode: errorCodeOf(error) }));
      },
    );
    return () => {
      current = false;
    };
  }, [api, epoch]);

  return state;
}

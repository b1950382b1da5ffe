/** The sync state the shell's top bar shows, read through the contract. */
import type { SyncStatus } from '../../../shared/contract';
import type { UiErrorCode } from '../errors';
import { useApi } from './api';
import { useHostQuery } from './useHostQuery';

export interface SyncState {
  status: SyncStatus | null;
  errorCode: UiErrorCode | null;
}

/** The sync state for the top bar: asked once and after a reconnect, then taken from each sync.changed, which carries it. */
export function useSyncStatus(): SyncState {
  const api = useApi();
  const query = useHostQuery(() => api.sync.status(), { answeredBy: { 'sync.changed': (status) => status } });
  return { status: query.data, errorCode: query.errorCode };
}

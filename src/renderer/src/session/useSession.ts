/**
 * Who is signed in, read through the contract, and whether this workbench has a central API to sign
 * in to at all. Reloaded when the connection comes back and when the host reports a sync change
 * (a sign-out elsewhere in the app, an expired session); the same answer keeps the same object, so
 * the app shell does not render again for every sync event.
 */
import type { SessionInfo } from '../../../shared/contract';
import type { UiErrorCode } from '../errors';
import { useApi } from '../state/api';
import { useHostQuery } from '../state/useHostQuery';

export interface SessionState {
  /** null until the first answer. */
  info: SessionInfo | null;
  errorCode: UiErrorCode | null;
  reload: () => void;
}

export function useSession(): SessionState {
  const api = useApi();
  const query = useHostQuery(() => api.session.current(), { events: { 'sync.changed': true } });
  return { info: query.data, errorCode: query.errorCode, reload: query.reload };
}

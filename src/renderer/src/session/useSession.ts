/**
 * Who is signed in, read through the contract, and whether this workbench has a central API to sign
 * in to at all. Reloaded when the connection comes back and when the host reports a sync change
 * (a sign-out elsewhere in the app, an expired session).
 */
import { useCallback, useEffect, useState } from 'react';
import type { SessionInfo } from '../../../shared/contract';
import { errorCodeOf, type UiErrorCode } from '../errors';
import { useApi } from '../state/api';
import { useConnectionEpoch } from '../state/hooks';

export interface SessionState {
  /** null until the first answer. */
  info: SessionInfo | null;
  errorCode: UiErrorCode | null;
  reload: () => void;
}

export function useSession(): SessionState {
  const api = useApi();
  const epoch = useConnectionEpoch();
  const [state, setState] = useState<Omit<SessionState, 'reload'>>({ info: null, errorCode: null });

  const reload = useCallback(() => {
    api.session.current().then(
      // The same answer keeps the state, so the app shell does not render again for every sync event.
      (info) => setState((previous) => (previous.errorCode === null && JSON.stringify(previous.info) === JSON.stringify(info) ? previous : { info, errorCode: null })),
      (error: unknown) => setState((previous) => ({ ...previous, errorCode: errorCodeOf(error) })),
    );
  }, [api]);

  useEffect(() => {
    if (epoch > 0) reload();
  }, [epoch, reload]);

  useEffect(() => api.on('sync.changed', () => reload()), [api, reload]);

  return { ...state, reload };
}

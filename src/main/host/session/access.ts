/**
 * Who may do what on this workbench, as far as the host decides it: calls that need a central API
 * are refused without one, and offline work ends when the grace period after the last online
 * sign-in has run out (SyncEngine.mutate asks Session.mayWorkOffline). Everything else is the
 * server's to authorise.
 */
import { RpcError } from '../../../shared/rpc';
import type { SyncService } from '../sync/service';

/** The central API stack, or `unavailable` when this workbench has none. */
export function central(sync: SyncService | null): SyncService {
  if (!sync) throw new RpcError('unavailable', 'This workbench has no central API to sign in to or synchronise with.');
  return sync;
}

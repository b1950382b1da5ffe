/**
 * Errors from the data host arrive as RpcError-like objects with a stable `code`
 * (src/shared/rpc rpcErrorCodes). The UI never shows their English developer message: each code maps
 * to an i18n key `errors.<code>` that says what happened and what to do.
 */
import { rpcErrorCodes, type RpcErrorCode } from '../../shared/rpc';

/** A code the UI can explain: one of the RPC codes, or 'unknown' for anything else that was thrown. */
export type UiErrorCode = RpcErrorCode | 'unknown';

const knownCodes: ReadonlySet<string> = new Set(rpcErrorCodes);

/** The stable code of a thrown value: its `code` when that is an RPC error code, else 'unknown'. */
export function errorCodeOf(error: unknown): UiErrorCode {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string' && knownCodes.has(code)) return code as RpcErrorCode;
  }
  return 'unknown';
}

/** The i18n key of the message for a thrown value. */
export function errorMessageKey(error: unknown): `errors.${UiErrorCode}` {
  return `errors.${errorCodeOf(error)}`;
}

/** True when the error means the data host cannot be reached any more (show the reconnect state). */
export function isConnectionLost(error: unknown): boolean {
  return errorCodeOf(error) === 'disconnected';
}

/** The `reason` detail a host error may carry (e.g. 'wrong_credentials'), or null. */
export function errorReasonOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('details' in error)) return null;
  const details = (error as { details: unknown }).details;
  if (typeof details !== 'object' || details === null || !('reason' in details)) return null;
  const reason = (details as { reason: unknown }).reason;
  return typeof reason === 'string' ? reason : null;
}

/** The message of a failed sign-in: wrong credentials and too many attempts get their own words. */
export function signInErrorKey(error: unknown): string {
  const reason = errorReasonOf(error);
  if (reason === 'wrong_credentials') return 'signIn.wrongCredentials';
  if (reason === 'rate_limited') return 'signIn.rateLimited';
  if (reason === 'environment_mismatch') return 'trainer.environmentMismatch';
  if (errorCodeOf(error) === 'unavailable') return 'signIn.unreachable';
  return errorMessageKey(error);
}

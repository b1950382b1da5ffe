/**
 * The preload's end of the update-status channel (src/shared/updates.ts): main sends the state, the
 * page gets a validated copy and never the IPC event (which would carry `sender`). Not exposed yet:
 * window.werkbank holds only the data-host contract (tests/e2e/shell.spec.ts), so where this one
 * function lives on the page is the remaining wiring decision (see SECURITY.md, Updates).
 */
import { updateStatus, updateStatusChannel, type UpdateStatus } from '../shared/updates';

/** The parts of ipcRenderer used here. */
export interface UpdateIpcLike {
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/** Subscribes to the update state; returns the unsubscribe function. Malformed payloads are dropped. */
export function subscribeUpdateStatus(ipc: UpdateIpcLike, listener: (status: UpdateStatus) => void): () => void {
  const onMessage = (_event: unknown, payload: unknown): void => {
    const parsed = updateStatus.safeParse(payload);
    if (parsed.success) listener(parsed.data);
  };
  ipc.on(updateStatusChannel, onMessage);
  return () => {
    ipc.removeListener(updateStatusChannel, onMessage);
  };
}

/**
 * The preload's end of the open-route channel (src/shared/notifications.ts): a clicked message
 * notification opens its thread. The route is checked against the one allowed shape and set as the
 * page's hash (an in-page navigation of the hash router), so the page gets no new API and main can
 * open nothing else.
 */
import { openRoute, openRouteChannel } from '../shared/notifications';

/** The part of ipcRenderer used here. */
export interface OpenRouteIpcLike {
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/** Calls `open` with each valid route main sends; anything else is dropped. */
export function followOpenRoutes(ipc: OpenRouteIpcLike, open: (route: string) => void): void {
  ipc.on(openRouteChannel, (_event, payload) => {
    const parsed = openRoute.safeParse(payload);
    if (parsed.success) open(parsed.data);
  });
}

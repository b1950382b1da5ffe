/**
 * Opening a screen from a system notification (src/main/notifications.ts). Main sends the route on
 * its own narrow channel (main → preload only, like the update state); the preload checks it with
 * this schema and sets the page's hash, so the page gains no API and only these routes can be opened.
 */
import { z } from 'zod';

/** The IPC channel main sends a route on. */
export const openRouteChannel = 'werkbank:open-route';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A case's message thread: the only route a notification opens. */
export const openRoute = z.string().regex(new RegExp(`^#/case/${uuid}/messages/${uuid}$`));
export type OpenRoute = z.infer<typeof openRoute>;

/** The route of a thread; null when the ids are not UUIDs (never opened, rather than escaped). */
export function messageThreadRoute(caseId: string, threadId: string): OpenRoute | null {
  const parsed = openRoute.safeParse(`#/case/${caseId}/messages/${threadId}`);
  return parsed.success ? parsed.data : null;
}

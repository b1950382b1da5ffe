/**
 * Unread inbound messages for the signed-in user: of one case (the case header and its Messages
 * tab) and over the whole cache (the navigation). Both follow `messages.changed`.
 */
import { useApi } from '../state/api';
import { useHostQuery } from '../state/useHostQuery';

export function useCaseUnread(caseId: string): number {
  const api = useApi();
  const threads = useHostQuery(() => api.messages.threads({ caseId }), {
    key: [caseId], events: { 'messages.changed': (payload) => payload.caseIds.length === 0 || payload.caseIds.includes(caseId) },
  });
  return (threads.data?.threads ?? []).reduce((total, thread) => total + thread.unread, 0);
}

export function useUnreadTotal(enabled: boolean): { total: number; cases: number } {
  const api = useApi();
  const unread = useHostQuery(() => api.messages.unread({}), { key: [], enabled, events: { 'messages.changed': () => true } });
  return unread.data ?? { total: 0, cases: 0 };
}

/** The `queue` calls: the work queue, the directory for filters, saved views, "why here?" and "take next". */
import type { queueCalls } from '../../../shared/contract';
import type { HandlersOf, HostParts } from '../context';

export function queueHandlers(parts: HostParts): HandlersOf<typeof queueCalls> {
  const { queue } = parts;
  return {
    'queue.list': (query) => queue.queue(query),
    'queue.directory': () => queue.directory(),
    'queue.views': () => queue.views(),
    'queue.takeNext': () => queue.takeNext(),
    'queue.explain': ({ caseId }) => queue.explain(caseId),
  };
}

/** The `review` calls: everything the case screen shows of one case. */
import type { reviewCalls } from '../../../shared/contract';
import type { HandlersOf, HostParts } from '../context';
import { ReviewReader } from './case';

export function reviewHandlers(parts: HostParts): HandlersOf<typeof reviewCalls> {
  const reader = new ReviewReader(parts.cache.sqlite, parts.cache.db);
  return {
    'review.case': ({ caseId, today }) => reader.read(caseId, today),
  };
}

/** The message family on the client: messages show once the server has them (the next pull). */
import type { FamilyMutations } from './types';

export const messageMutations = {
  'message.send': { guarded: null, applyToCase: null, overlay: null, conflictValues: {} },
  'message.markRead': { guarded: null, applyToCase: null, overlay: null, conflictValues: {} },
  'message.markThreadRead': { guarded: null, applyToCase: null, overlay: null, conflictValues: {} },
  'message.retryDelivery': { guarded: null, applyToCase: null, overlay: null, conflictValues: {} },
} satisfies FamilyMutations<'message'>;

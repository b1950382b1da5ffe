/** The audit family on the client: reads made offline change nothing the user sees. */
import type { FamilyMutations } from './types';

export const auditMutations = {
  'audit.recordRead': { guarded: null, applyToCase: null, overlay: null, conflictValues: {} },
} satisfies FamilyMutations<'audit'>;

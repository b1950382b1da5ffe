/**
 * The letter family on the client. Status changes are guarded on the letter's status (four-eyes:
 * approving a letter that was returned meanwhile is a conflict); the letter screens read drafts
 * straight from the outbox, so none of them changes the case row.
 */
import type { FamilyMutations } from './types';

const guardedOnStatus = { entity: 'letter', fields: ['status'] } as const;

export const letterMutations = {
  'letter.saveDraft': { guarded: null, applyToCase: null, overlay: null, conflictValues: {} },
  'letter.submit': { guarded: guardedOnStatus, applyToCase: null, overlay: null, conflictValues: {} },
  'letter.approve': { guarded: guardedOnStatus, applyToCase: null, overlay: null, conflictValues: {} },
  'letter.return': { guarded: guardedOnStatus, applyToCase: null, overlay: null, conflictValues: {} },
  'letter.send': { guarded: guardedOnStatus, applyToCase: null, overlay: null, conflictValues: {} },
} satisfies FamilyMutations<'letter'>;

/**
 * The letter family on the client. Status changes are guarded on the letter's status (four-eyes:
 * approving a letter that was returned meanwhile is a conflict); the letter screens read drafts
 * straight from the outbox, so none of them changes the case row.
 */
import type { FamilyMutations } from './types';

const guardedOnStatus = { entity: 'letter', fields: ['status'] } as const;

export const letterMutations = {
  // The version the editor's text is based on; the server only calls a stale one a conflict when
  // someone else saved in between, so this workbench's own saves in flight never collide.
  'letter.saveDraft': { guarded: { entity: 'letter', fields: ['version'] }, applyToCase: null, overlay: null, conflictValues: {} },
  'letter.submit': { guarded: guardedOnStatus, applyToCase: null, overlay: null, conflictValues: {} },
  'letter.approve': { guarded: guardedOnStatus, applyToCase: null, overlay: null, conflictValues: {} },
  'letter.return': { guarded: guardedOnStatus, applyToCase: null, overlay: null, conflictValues: {} },
  'letter.send': { guarded: guardedOnStatus, applyToCase: null, overlay: null, conflictValues: {} },
} satisfies FamilyMutations<'letter'>;

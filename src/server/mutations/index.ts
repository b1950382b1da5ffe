/** Every named mutation and its handler; the `satisfies` makes a missing handler a compile error. */
import { addNote, assignCase, claimCase, closeSuspension, extendPeriod, recordNoticeOfDefault, releaseCase, requestDocuments } from './cases';
import { approveLetter, returnLetter, saveDraft, sendLetter, submitLetter } from './letters';
import { markMessageRead, markThreadRead, retryDelivery, sendMessage } from './messages';
import { annotateDocument, deleteView, linkEvidence, recordOfflineRead, saveView } from './other';
import type { MutationHandlers } from './context';

export const mutationHandlers = {
  'case.claim': claimCase,
  'case.release': releaseCase,
  'case.assign': assignCase,
  'case.addNote': addNote,
  'case.requestDocuments': requestDocuments,
  'case.closeSuspension': closeSuspension,
  'case.extendPeriod': extendPeriod,
  'case.recordNoticeOfDefault': recordNoticeOfDefault,
  'letter.saveDraft': saveDraft,
  'letter.submit': submitLetter,
  'letter.approve': approveLetter,
  'letter.return': returnLetter,
  'letter.send': sendLetter,
  'message.send': sendMessage,
  'message.markRead': markMessageRead,
  'message.markThreadRead': markThreadRead,
  'message.retryDelivery': retryDelivery,
  'document.annotate': annotateDocument,
  'document.linkEvidence': linkEvidence,
  'view.save': saveView,
  'view.delete': deleteView,
  'audit.recordRead': recordOfflineRead,
} satisfies MutationHandlers;

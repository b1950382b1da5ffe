/** The case family on the client: claims and assignments change the case row at once, the rest show on the case screen. */
import { addPending, type FamilyMutations } from './types';

export const caseMutations = {
  'case.claim': {
    guarded: { entity: 'case', fields: ['assigneeId'] },
    applyToCase: (kase, _args, userId) => ({ ...kase, assigneeId: userId, status: kase.status === 'intake' ? 'in_progress' : kase.status }),
    overlay: null,
    conflictValues: { assigneeId: (userId) => userId },
  },
  'case.release': {
    guarded: { entity: 'case', fields: ['assigneeId'] },
    applyToCase: (kase) => ({ ...kase, assigneeId: null }),
    overlay: null,
    conflictValues: { assigneeId: () => null },
  },
  'case.assign': {
    guarded: { entity: 'case', fields: ['assigneeId'] },
    applyToCase: (kase, args) => ({ ...kase, assigneeId: args.assigneeId }),
    overlay: null,
    conflictValues: {},
  },
  'case.addNote': {
    guarded: null,
    applyToCase: null,
    overlay: {
      caseScreen: (rows, args) => addPending(rows.notes, { id: args.noteId, authorId: null, body: args.body, createdAt: null, pending: true }),
    },
    conflictValues: {},
  },
  'case.requestDocuments': {
    guarded: null,
    applyToCase: (kase) => ({ ...kase, status: 'waiting_on_applicant' }),
    overlay: {
      caseScreen: (rows, args, today) => addPending(rows.suspensions, {
        id: args.suspensionId, requestedOn: today, dueOn: args.dueOn, endedOn: null, documents: args.documents, pending: true,
      }),
    },
    conflictValues: {},
  },
  'case.closeSuspension': {
    guarded: null,
    applyToCase: null,
    overlay: {
      caseScreen: (rows, args) => {
        rows.suspensions = rows.suspensions.map((suspension) => (suspension.id === args.suspensionId && suspension.endedOn === null
          ? { ...suspension, endedOn: args.endedOn, pending: true } : suspension));
      },
    },
    conflictValues: {},
  },
  'case.extendPeriod': {
    guarded: { entity: 'case', fields: ['deadline'] },
    applyToCase: null,
    overlay: {
      caseScreen: (rows, args, today) => addPending(rows.extensions, {
        id: args.extensionId, period: args.period, legalGround: args.legalGround, announcedOn: today, pending: true,
      }),
    },
    conflictValues: {},
  },
  'case.recordNoticeOfDefault': {
    guarded: null,
    applyToCase: null,
    overlay: {
      caseScreen: (rows, args) => addPending(rows.noticesOfDefault, { id: args.noticeId, receivedOn: args.receivedOn, source: 'paper', pending: true }),
    },
    conflictValues: {},
  },
} satisfies FamilyMutations<'case'>;

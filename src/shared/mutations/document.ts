/** The document family on the client: notes on pages and evidence links show on the case screen at once. */
import { addPending, type FamilyMutations } from './types';

export const documentMutations = {
  'document.annotate': {
    guarded: null,
    applyToCase: null,
    overlay: {
      caseScreen: (rows, args) => addPending(rows.annotations, {
        id: args.annotationId, documentId: args.documentId, page: args.page, body: args.body, quote: args.quote ?? null,
        authorId: null, createdAt: null, pending: true,
      }),
    },
    conflictValues: {},
  },
  'document.linkEvidence': {
    guarded: null,
    applyToCase: null,
    overlay: {
      caseScreen: (rows, args) => addPending(rows.evidenceLinks, {
        id: args.linkId, documentId: args.documentId, requirement: args.requirement, field: args.field ?? null,
        page: args.page ?? null, quote: args.quote ?? null, createdBy: null, createdAt: null, pending: true,
      }),
    },
    conflictValues: {},
  },
} satisfies FamilyMutations<'document'>;

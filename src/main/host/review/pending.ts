/**
 * What the case screen shows of actions still in the outbox: a requested suspension, a closed one,
 * an extension, a notice, a note, an annotation or an evidence link appear at once, marked pending,
 * so the deadline can be recomputed offline. Once the server's row with the same id arrives, the
 * server's row wins and the pending one is dropped.
 */
import type {
  ReviewAnnotation, ReviewEvidenceLink, ReviewExtension, ReviewNote, ReviewNotice, ReviewSuspension,
} from '../../../shared/contract';
import { isMutationName, mutationArgs, type MutationArgs } from '../../../shared/sync';

/** The parts of a case the outbox can add to or change. */
export interface OverlayRows {
  suspensions: ReviewSuspension[];
  extensions: ReviewExtension[];
  noticesOfDefault: ReviewNotice[];
  annotations: ReviewAnnotation[];
  evidenceLinks: ReviewEvidenceLink[];
  notes: ReviewNote[];
}

export interface PendingAction {
  name: string;
  args: unknown;
}

function parsed<Name extends keyof typeof mutationArgs>(name: Name, args: unknown): MutationArgs<Name> | null {
  const result = mutationArgs[name].safeParse(args);
  return result.success ? (result.data as MutationArgs<Name>) : null;
}

/** Adds `row` unless the server already sent a row with its id. */
function add<Row extends { id: string }>(list: Row[], row: Row): void {
  if (!list.some((existing) => existing.id === row.id)) list.push(row);
}

/**
 * Lays pending actions over the server's rows, in the order the user made them. `today` is the
 * date the screen works on (the training "today" in training), used for the dates the server will
 * record on its own clock.
 */
export function overlayPending(base: OverlayRows, actions: readonly PendingAction[], today: string): OverlayRows {
  const rows: OverlayRows = {
    suspensions: [...base.suspensions], extensions: [...base.extensions], noticesOfDefault: [...base.noticesOfDefault],
    annotations: [...base.annotations], evidenceLinks: [...base.evidenceLinks], notes: [...base.notes],
  };
  for (const action of actions) {
    if (!isMutationName(action.name)) continue;
    switch (action.name) {
      case 'case.requestDocuments': {
        const args = parsed('case.requestDocuments', action.args);
        if (args) add(rows.suspensions, { id: args.suspensionId, requestedOn: today, dueOn: args.dueOn, endedOn: null, documents: args.documents, pending: true });
        break;
      }
      case 'case.closeSuspension': {
        const args = parsed('case.closeSuspension', action.args);
        if (!args) break;
        rows.suspensions = rows.suspensions.map((suspension) => (suspension.id === args.suspensionId && suspension.endedOn === null
          ? { ...suspension, endedOn: args.endedOn, pending: true } : suspension));
        break;
      }
      case 'case.extendPeriod': {
        const args = parsed('case.extendPeriod', action.args);
        if (args) add(rows.extensions, { id: args.extensionId, period: args.period, legalGround: args.legalGround, announcedOn: today, pending: true });
        break;
      }
      case 'case.recordNoticeOfDefault': {
        const args = parsed('case.recordNoticeOfDefault', action.args);
        if (args) add(rows.noticesOfDefault, { id: args.noticeId, receivedOn: args.receivedOn, source: 'paper', pending: true });
        break;
      }
      case 'case.addNote': {
        const args = parsed('case.addNote', action.args);
        if (args) add(rows.notes, { id: args.noteId, authorId: null, body: args.body, createdAt: null, pending: true });
        break;
      }
      case 'document.annotate': {
        const args = parsed('document.annotate', action.args);
        if (args) {
          add(rows.annotations, {
            id: args.annotationId, documentId: args.documentId, page: args.page, body: args.body, quote: args.quote ?? null,
            authorId: null, createdAt: null, pending: true,
          });
        }
        break;
      }
      case 'document.linkEvidence': {
        const args = parsed('document.linkEvidence', action.args);
        if (args) {
          add(rows.evidenceLinks, {
            id: args.linkId, documentId: args.documentId, requirement: args.requirement, field: args.field ?? null,
            page: args.page ?? null, quote: args.quote ?? null, createdBy: null, createdAt: null, pending: true,
          });
        }
        break;
      }
      default:
        break;
    }
  }
  return rows;
}

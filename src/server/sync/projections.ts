/**
 * The published form of every sync entity, field by field from its drizzle row. Nothing reaches
 * clients except through here: a renamed or dropped column fails to compile in its projection,
 * and so does a field added to the entity's schema (src/shared/sync/entities.ts) until it is mapped.
 * A new column is private until a projection names it.
 */
import { storedLetterBody } from '../../shared/letters/body';
import type { EntityRow, SyncEntity } from '../../shared/sync';
import type {
  annotations, caseEvents, cases, documents, evidenceLinks, extensions, letters, messageReads, messages, messageThreads, notes,
  noticesOfDefault, parties, savedViews, suspensions, teams, users,
} from '../db/schema';

/** What each projection is built from: the drizzle row, plus what the directory adds to a user. */
export type ProjectionInput = {
  case: typeof cases.$inferSelect;
  party: typeof parties.$inferSelect;
  suspension: typeof suspensions.$inferSelect;
  extension: typeof extensions.$inferSelect;
  noticeOfDefault: typeof noticesOfDefault.$inferSelect;
  document: typeof documents.$inferSelect;
  annotation: typeof annotations.$inferSelect;
  evidenceLink: typeof evidenceLinks.$inferSelect;
  messageThread: typeof messageThreads.$inferSelect;
  message: typeof messages.$inferSelect;
  messageRead: typeof messageReads.$inferSelect;
  letter: typeof letters.$inferSelect;
  caseEvent: typeof caseEvents.$inferSelect;
  note: typeof notes.$inferSelect;
  savedView: typeof savedViews.$inferSelect;
  user: typeof users.$inferSelect & { teamIds: string[] };
  team: typeof teams.$inferSelect;
};

export type Projection<E extends SyncEntity> = (row: ProjectionInput[E]) => EntityRow<E>;

const instant = (value: Date): string => value.toISOString();
const maybeInstant = (value: Date | null): string | null => (value === null ? null : value.toISOString());

/*
 * Each projection states its return type: an annotated return is checked for excess fields too,
 * so a column cannot be published by accident under a name the schema does not know.
 */
export const projections: { [E in SyncEntity]: Projection<E> } = {
  case: (row): EntityRow<'case'> => ({
    id: row.id, caseNumber: row.caseNumber, caseType: row.caseType, regime: row.regime, status: row.status,
    teamId: row.teamId, assigneeId: row.assigneeId, receivedOn: row.receivedOn, contestedDecisionOn: row.contestedDecisionOn,
    feeStatus: row.feeStatus, feePaidOn: row.feePaidOn, feeAmountCents: row.feeAmountCents, biometrics: row.biometrics,
    application: row.application, deadline: row.deadline, penaltyAmountCents: row.penaltyAmountCents, decision: row.decision,
    decidedOn: row.decidedOn, createdAt: instant(row.createdAt), updatedAt: instant(row.updatedAt), version: row.version,
  }),
  party: (row): EntityRow<'party'> => ({
    id: row.id, caseId: row.caseId, role: row.role, name: row.name, vNumber: row.vNumber, bsn: row.bsn,
    birthDate: row.birthDate, nationality: row.nationality, organisation: row.organisation,
    recognisedSponsor: row.recognisedSponsor, address: row.address, email: row.email, phone: row.phone, version: row.version,
  }),
  suspension: (row): EntityRow<'suspension'> => ({
    id: row.id, caseId: row.caseId, requestedOn: row.requestedOn, dueOn: row.dueOn, endedOn: row.endedOn,
    documents: row.documents, version: row.version,
  }),
  extension: (row): EntityRow<'extension'> => ({
    id: row.id, caseId: row.caseId, period: row.period, legalGround: row.legalGround, announcedOn: row.announcedOn,
    version: row.version,
  }),
  noticeOfDefault: (row): EntityRow<'noticeOfDefault'> => ({
    id: row.id, caseId: row.caseId, receivedOn: row.receivedOn, source: row.source, version: row.version,
  }),
  document: (row): EntityRow<'document'> => ({
    id: row.id, caseId: row.caseId, title: row.title, kind: row.kind, mediaType: row.mediaType, sha256: row.sha256,
    size: row.size, source: row.source, uploadedAt: instant(row.uploadedAt), letterId: row.letterId, version: row.version,
  }),
  annotation: (row): EntityRow<'annotation'> => ({
    id: row.id, caseId: row.caseId, documentId: row.documentId, authorId: row.authorId, page: row.page, body: row.body,
    quote: row.quote, createdAt: instant(row.createdAt), version: row.version,
  }),
  evidenceLink: (row): EntityRow<'evidenceLink'> => ({
    id: row.id, caseId: row.caseId, documentId: row.documentId, requirement: row.requirement, field: row.field,
    page: row.page, quote: row.quote, createdBy: row.createdBy, createdAt: instant(row.createdAt), version: row.version,
  }),
  messageThread: (row): EntityRow<'messageThread'> => ({
    id: row.id, caseId: row.caseId, subject: row.subject, counterpart: row.counterpart, createdAt: instant(row.createdAt),
    version: row.version,
  }),
  message: (row): EntityRow<'message'> => ({
    id: row.id, threadId: row.threadId, caseId: row.caseId, direction: row.direction, authorId: row.authorId, body: row.body,
    sentAt: instant(row.sentAt), readAt: maybeInstant(row.readAt), readBy: row.readBy,
    attachments: row.attachments.map((attachment) => ({ documentId: attachment.documentId })), template: row.template,
    delivery: row.delivery, deliveredAt: maybeInstant(row.deliveredAt), deliveryFailure: row.deliveryFailure, version: row.version,
  }),
  messageRead: (row): EntityRow<'messageRead'> => ({
    id: row.id, messageId: row.messageId, caseId: row.caseId, userId: row.userId, readAt: instant(row.readAt), version: row.version,
  }),
  letter: (row): EntityRow<'letter'> => ({
    id: row.id, caseId: row.caseId, kind: row.kind, status: row.status, body: storedLetterBody(row.body), drafterId: row.drafterId,
    submittedAt: maybeInstant(row.submittedAt), approverId: row.approverId, approvedAt: maybeInstant(row.approvedAt),
    returnedReason: row.returnedReason, sentAt: maybeInstant(row.sentAt), frame: row.frame, approvedSha256: row.approvedSha256,
    documentId: row.documentId, updatedAt: instant(row.updatedAt),
    version: row.version,
  }),
  caseEvent: (row): EntityRow<'caseEvent'> => ({
    id: row.id, caseId: row.caseId, at: instant(row.at), actorId: row.actorId, kind: row.kind, detail: row.detail,
    version: row.version,
  }),
  note: (row): EntityRow<'note'> => ({
    id: row.id, caseId: row.caseId, authorId: row.authorId, body: row.body, createdAt: instant(row.createdAt), version: row.version,
  }),
  savedView: (row): EntityRow<'savedView'> => ({
    id: row.id, ownerId: row.ownerId, name: row.name, filter: row.filter, teamId: row.teamId, version: row.version,
  }),
  // The directory entry only: never the username or the password hash.
  user: (row): EntityRow<'user'> => ({
    id: row.id, displayName: row.displayName, role: row.role, active: row.active, teamIds: row.teamIds,
  }),
  team: (row): EntityRow<'team'> => ({ id: row.id, name: row.name }),
};

/** The published data of one row of entity E. */
export function project<E extends SyncEntity>(entity: E, row: ProjectionInput[E]): EntityRow<E> {
  const projection: Projection<E> = projections[entity];
  return projection(row);
}

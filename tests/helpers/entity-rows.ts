/**
 * Complete published rows for tests and benchmarks that pull without a server: the host parks a row
 * that lacks a field its entity's schema requires, so a fixture names only what it is about and
 * takes the rest from here. Typed against the schemas, so a new field fails to compile here first.
 */
import type { EntityRow, SyncEntity } from '../../src/shared/sync';

const at = '2026-01-05T09:00:00.000Z';
const caseId = '00000000-0000-4000-8000-00000000c000';
const userId = '00000000-0000-4000-8000-00000000a000';

const defaults: { [E in SyncEntity]: EntityRow<E> } = {
  case: {
    id: caseId, caseNumber: 'IND-0', caseType: 'study', regime: 'regular', status: 'intake', teamId: 't1', assigneeId: null,
    receivedOn: '2026-01-05', contestedDecisionOn: null, feeStatus: 'unpaid', feePaidOn: null, feeAmountCents: null,
    biometrics: null, application: null, deadline: null, penaltyAmountCents: 0, decision: null, decidedOn: null,
    createdAt: at, updatedAt: at, version: 1,
  },
  party: {
    id: 'party', caseId, role: 'applicant', name: 'Ada Applicant', vNumber: null, bsn: null, birthDate: null, nationality: null,
    organisation: null, recognisedSponsor: false, address: null, email: null, phone: null, version: 1,
  },
  suspension: { id: 'suspension', caseId, requestedOn: '2026-01-05', dueOn: '2026-01-19', endedOn: null, documents: [], version: 1 },
  extension: { id: 'extension', caseId, period: { weeks: 6 }, legalGround: 'Awb 4:14', announcedOn: '2026-01-05', version: 1 },
  noticeOfDefault: { id: 'notice', caseId, receivedOn: '2026-01-05', source: 'post', version: 1 },
  document: {
    id: 'document', caseId, title: 'Document', kind: 'other', mediaType: 'application/pdf', sha256: '0'.repeat(64), size: 1,
    source: 'applicant', uploadedAt: at, letterId: null, version: 1,
  },
  annotation: { id: 'annotation', caseId, documentId: 'document', authorId: userId, page: 1, body: '', quote: null, createdAt: at, version: 1 },
  evidenceLink: {
    id: 'link', caseId, documentId: 'document', requirement: 'passport', field: null, page: null, quote: null, createdBy: userId,
    createdAt: at, version: 1,
  },
  messageThread: { id: 'thread', caseId, subject: '', counterpart: 'applicant', createdAt: at, version: 1 },
  message: {
    id: 'message', threadId: 'thread', caseId, direction: 'inbound', authorId: null, body: '', sentAt: at, readAt: null, readBy: null,
    attachments: [], template: null, delivery: null, deliveredAt: null, deliveryFailure: null, version: 1,
  },
  messageRead: { id: 'read', messageId: 'message', caseId, userId, readAt: at, version: 1 },
  letter: {
    id: 'letter', caseId, kind: 'decision', status: 'draft', body: { type: 'doc', content: [{ type: 'paragraph' }] }, drafterId: userId, submittedAt: null, approverId: null,
    approvedAt: null, returnedReason: null, sentAt: null, frame: null, approvedSha256: null, documentId: null, updatedAt: at, version: 1,
  },
  caseEvent: { id: 'event', caseId, at, actorId: null, kind: 'case.received', detail: {}, version: 1 },
  note: { id: 'note', caseId, authorId: userId, body: '', createdAt: at, version: 1 },
  savedView: { id: 'view', ownerId: userId, name: 'View', filter: {}, teamId: null, version: 1 },
  user: { id: userId, displayName: 'User', role: 'caseworker', active: true, teamIds: [] },
  team: { id: 't1', name: 'Team' },
};

/** A complete row of `entity`: the defaults above with `fields` over them (which may break it on purpose). */
export function entityRow(entity: SyncEntity, fields: Record<string, unknown>): Record<string, unknown> {
  return { ...defaults[entity], ...fields };
}

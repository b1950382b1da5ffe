import { beforeEach, describe, expect, it } from 'vitest';
import { openCache, type OpenedCache } from '../../../src/main/host/db/open';
import { ReviewReader } from '../../../src/main/host/review/case';
import { InboundStore } from '../../../src/main/host/sync/inbound';
import { Outbox } from '../../../src/main/host/sync/outbox';
import type { SyncChange } from '../../../src/shared/sync';
import { entityRow } from '../../helpers/entity-rows';

const caseId = '8a4c1f52-0d6e-4b7a-9b1e-2f3c4d5e6f70';
const documentId = '1b2c3d4e-0000-4000-8000-000000000001';
const suspensionId = '1b2c3d4e-0000-4000-8000-000000000002';
const now = '2026-03-02T09:00:00.000Z';
const upsert = (entity: SyncChange['entity'], id: string, data: Record<string, unknown>, version = 1): SyncChange =>
  ({ kind: 'upsert', entity, id, version, caseId: entity === 'user' ? null : caseId, data: entityRow(entity, { id, caseId, ...data }) });

let cache: OpenedCache;
let inbound: InboundStore;
let outbox: Outbox;
let reader: ReviewReader;
beforeEach(() => {
  cache = openCache({ file: ':memory:' });
  inbound = new InboundStore(cache.sqlite, () => 'user-me');
  outbox = new Outbox(cache.sqlite, inbound);
  reader = new ReviewReader(cache.sqlite, cache.db);
  inbound.applyPage({
    nextCursor: '9', hasMore: false, changes: [
      upsert('case', caseId, {
        caseNumber: 'IND-1', caseType: 'highly_skilled_migrant', regime: 'regular', status: 'in_progress', teamId: 't1', assigneeId: 'user-me',
        receivedOn: '2026-02-02', deadline: '2026-05-04', feeStatus: 'paid', feePaidOn: '2026-02-02', feeAmountCents: 42300,
        biometrics: { kind: 'ind_desk', location: 'Zwolle', at: '2026-02-10T09:30:00.000Z' },
        application: { surname: 'Yılmaz', monthlySalaryCents: 600000 }, updatedAt: now,
      }),
      upsert('party', 'p1', { role: 'applicant', name: 'Ayşe Yılmaz', vNumber: '0012345678', birthDate: '1990-08-12', address: { city: 'Delft' } }),
      upsert('document', documentId, { title: 'Paspoort', kind: 'passport', mediaType: 'application/pdf', sha256: 'a'.repeat(64), size: 10, uploadedAt: now }),
      upsert('evidenceLink', 'l1', { documentId, requirement: 'passport', field: 'surname', page: 1, quote: 'YILMAZ', createdBy: 'u2', createdAt: now }),
      upsert('caseEvent', 'e1', { at: now, actorId: 'u2', kind: 'case.claim', detail: {} }),
      upsert('messageThread', 't1', { subject: 'Biometrie', counterpart: 'applicant' }),
      upsert('message', 'm1', { threadId: 't1', direction: 'inbound', body: 'Hallo', sentAt: now, readAt: null }),
      upsert('user', 'u2', { displayName: 'Demo Behandelaar' }),
      // A row this version cannot read is left out, not guessed at.
      upsert('suspension', 'bad', { requestedOn: 'yesterday' }),
    ],
  }, now);
});

describe('review.case', () => {
  it('answers the case with its parties, documents, links, history, messages and the names of the staff', () => {
    const review = reader.read(caseId, '2026-03-02');
    expect(review.summary).toMatchObject({ id: caseId, applicantName: 'Ayşe Yılmaz', status: 'in_progress' });
    expect(review.application).toEqual({ surname: 'Yılmaz', monthlySalaryCents: 600000 });
    expect(review.fee).toEqual({ status: 'paid', paidOn: '2026-02-02', amountCents: 42300 });
    expect(review.parties).toEqual([expect.objectContaining({ role: 'applicant', birthDate: '1990-08-12', city: 'Delft' })]);
    expect(review.documents).toEqual([expect.objectContaining({ id: documentId, kind: 'passport', cached: false, uploadedAt: now })]);
    expect(review.evidenceLinks).toEqual([expect.objectContaining({ field: 'surname', page: 1, quote: 'YILMAZ', pending: false })]);
    expect(review.messages).toEqual([expect.objectContaining({ subject: 'Biometrie', direction: 'inbound' })]);
    expect(review.people).toEqual({ u2: 'Demo Behandelaar' });
    expect(review.suspensions).toEqual([]);
  });

  it('shows queued actions at once, marked pending, and the server\'s row once it arrived', () => {
    outbox.enqueue('case.requestDocuments', { caseId, suspensionId, documents: ['passport'], dueOn: '2026-03-16' }, now);
    outbox.enqueue('document.linkEvidence', { linkId: '1b2c3d4e-0000-4000-8000-000000000003', caseId, documentId, requirement: 'passport', field: 'birthDate', page: 1 }, now);
    let review = reader.read(caseId, '2026-03-02');
    expect(review.summary.status).toBe('waiting_on_applicant');
    expect(review.summary.syncState).toBe('queued');
    expect(review.suspensions).toEqual([{ id: suspensionId, requestedOn: '2026-03-02', dueOn: '2026-03-16', endedOn: null, documents: ['passport'], pending: true }]);
    expect(review.evidenceLinks.map((link) => [link.field, link.pending])).toEqual([['surname', false], ['birthDate', true]]);

    inbound.applyPage({ nextCursor: '10', hasMore: false, changes: [upsert('suspension', suspensionId, { requestedOn: '2026-03-01', dueOn: '2026-03-16', endedOn: null, documents: ['passport'] })] }, now);
    review = reader.read(caseId, '2026-03-02');
    expect(review.suspensions).toEqual([expect.objectContaining({ requestedOn: '2026-03-01', pending: false })]);
  });

  it('is not_found for a case outside the cache', () => {
    expect(() => reader.read('8a4c1f52-0d6e-4b7a-9b1e-000000000000', '2026-03-02')).toThrow(/not in the local cache/);
  });

  it('reads the case\'s rows through the (case_id, entity) index', () => {
    const plan = cache.sqlite.prepare('EXPLAIN QUERY PLAN SELECT entity, id, data FROM server_rows WHERE case_id = ?').all(caseId) as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING INDEX server_rows_case_idx/);
  });
});

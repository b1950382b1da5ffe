/**
 * A local cache with many synthetic cases for the case screen's benchmark: each case with two
 * parties, two documents, three events, a note and a suspension, applied the way a pull applies
 * them (InboundStore), so indexes and the case list are as after a real bootstrap.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { InboundStore } from '../../src/main/host/sync/inbound';
import type { SyncChange } from '../../src/shared/sync';
import { entityRow } from '../helpers/entity-rows';

const at = '2026-02-02T09:00:00.000Z';

function changesOf(index: number): { caseId: string; changes: SyncChange[] } {
  const caseId = randomUUID();
  const row = (entity: SyncChange['entity'], data: Record<string, unknown>): SyncChange => {
    const id = randomUUID();
    return { kind: 'upsert', entity, id, version: 1, caseId, data: entityRow(entity, { id, caseId, ...data }) };
  };
  const received = `2026-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`;
  return {
    caseId,
    changes: [
      {
        kind: 'upsert', entity: 'case', id: caseId, version: 1, caseId, data: entityRow('case', {
          id: caseId, caseNumber: `IND-${String(700000000 + index)}`, caseType: 'highly_skilled_migrant', regime: 'regular',
          status: 'in_progress', teamId: 'team-1', assigneeId: null, receivedOn: received, deadline: null, penaltyAmountCents: 0,
          feeStatus: 'paid', feePaidOn: received, feeAmountCents: 42300, updatedAt: at, version: 1,
          application: { surname: `Achternaam${index}`, givenNames: 'Voornaam', birthDate: '1990-01-01', monthlySalaryCents: 600_000, jobTitle: 'Engineer' },
        }),
      },
      row('party', { role: 'applicant', name: `Voornaam Achternaam${index}`, vNumber: String(1_000_000_000 + index), birthDate: '1990-01-01' }),
      row('party', { role: 'sponsor', name: 'Werkgever B.V.', organisation: 'Werkgever B.V.', recognisedSponsor: true }),
      row('document', { title: 'Paspoort', kind: 'passport', mediaType: 'application/pdf', sha256: 'a'.repeat(64), size: 1000, uploadedAt: at }),
      row('document', { title: 'Arbeidsovereenkomst', kind: 'employment_contract', mediaType: 'application/pdf', sha256: 'b'.repeat(64), size: 2000, uploadedAt: at }),
      row('caseEvent', { at, actorId: null, kind: 'case.received', detail: {} }),
      row('caseEvent', { at, actorId: null, kind: 'fee.paid', detail: {} }),
      row('caseEvent', { at, actorId: null, kind: 'case.claim', detail: {} }),
      row('note', { authorId: 'bench-user', body: 'Dossier compleet, klaar voor beoordeling.', createdAt: at }),
      row('suspension', { requestedOn: received, dueOn: received, endedOn: received, documents: ['payslips'] }),
    ],
  };
}

/** Fills the cache with `count` cases; returns their ids. */
export function fillCache(sqlite: Database.Database, count: number): string[] {
  const inbound = new InboundStore(sqlite, () => 'bench-user');
  const ids: string[] = [];
  const perPage = 2000;
  for (let first = 0; first < count; first += perPage) {
    const changes: SyncChange[] = [];
    for (let index = first; index < Math.min(count, first + perPage); index++) {
      const made = changesOf(index);
      ids.push(made.caseId);
      changes.push(...made.changes);
    }
    inbound.applyPages([{ changes, nextCursor: String(first + perPage), hasMore: first + perPage < count }], at);
  }
  return ids;
}

/**
 * The client mutation registry: every entry's optimistic effect, overlay and guard, reached only
 * through the registry's functions, and the contract's typed `sync.mutate` call.
 */
import { describe, expect, it } from 'vitest';
import { mutateArgs, mutationCall, type MutationCall } from '../../../src/shared/contract';
import {
  applyPendingToCase, caseIdOf, clientMutations, guardOf, impliedMine, overlayCaseScreen, overlaySavedViews,
  savedViewMutationNames, type CaseScreenRows, type SavedViewRow,
} from '../../../src/shared/mutations';
import { mutationNames } from '../../../src/shared/sync';

const caseId = '6f1c1d2e-0000-4000-8000-000000000001';
const me = '6f1c1d2e-0000-4000-8000-0000000000aa';
const other = '6f1c1d2e-0000-4000-8000-0000000000bb';
const id = (n: number) => `6f1c1d2e-0000-4000-8000-${String(n).padStart(12, '0')}`;
const empty: CaseScreenRows = { suspensions: [], extensions: [], noticesOfDefault: [], annotations: [], evidenceLinks: [], notes: [] };

describe('the client mutation registry', () => {
  it('has exactly one entry per mutation the protocol knows', () => {
    expect(Object.keys(clientMutations).sort()).toEqual([...mutationNames].sort());
  });

  it('applies pending case effects in the order they were made, over the server row', () => {
    const server = { id: caseId, assigneeId: null, status: 'intake' };
    const claimed = applyPendingToCase(server, [{ name: 'case.claim', args: { caseId } }], me);
    expect(claimed).toMatchObject({ assigneeId: me, status: 'in_progress' });
    const then = applyPendingToCase(server, [
      { name: 'case.claim', args: { caseId } },
      { name: 'case.assign', args: { caseId, assigneeId: other, reason: 'Holiday cover' } },
      { name: 'case.requestDocuments', args: { caseId, suspensionId: id(9), documents: ['passport'], dueOn: '2026-12-20' } },
    ], me);
    expect(then).toMatchObject({ assigneeId: other, status: 'waiting_on_applicant' });
    expect(server).toEqual({ id: caseId, assigneeId: null, status: 'intake' });
  });

  it('skips an unknown name and arguments that no longer parse instead of guessing', () => {
    const server = { id: caseId, assigneeId: null, status: 'intake' };
    expect(applyPendingToCase(server, [{ name: 'case.explode', args: { caseId } }], me)).toEqual(server);
    expect(applyPendingToCase(server, [{ name: 'case.assign', args: { caseId, assigneeId: other } }], me)).toEqual(server);
  });

  it('lays pending rows over the case screen, the server row winning over a pending one with its id', () => {
    const base: CaseScreenRows = {
      ...empty,
      suspensions: [{ id: id(1), requestedOn: '2026-11-01', dueOn: '2026-11-15', endedOn: null, documents: ['passport'], pending: false }],
      notes: [{ id: id(2), authorId: other, body: 'From the server', createdAt: '2026-11-02T09:00:00.000Z', pending: false }],
    };
    const rows = overlayCaseScreen(base, [
      { name: 'case.addNote', args: { caseId, noteId: id(2), body: 'Mine, already sent' } },
      { name: 'case.addNote', args: { caseId, noteId: id(3), body: 'Mine, offline' } },
      { name: 'case.closeSuspension', args: { caseId, suspensionId: id(1), endedOn: '2026-11-10' } },
      { name: 'case.extendPeriod', args: { caseId, extensionId: id(4), period: { months: 3 }, legalGround: 'Vw 25(2)' } },
      { name: 'case.recordNoticeOfDefault', args: { caseId, noticeId: id(5), receivedOn: '2026-11-20' } },
      { name: 'document.annotate', args: { annotationId: id(6), documentId: id(7), page: 2, body: 'Stamp unclear' } },
      { name: 'document.linkEvidence', args: { linkId: id(8), caseId, documentId: id(7), requirement: 'passport', page: 1 } },
    ], '2026-12-03');
    expect(rows.notes.map((note) => [note.body, note.pending])).toEqual([['From the server', false], ['Mine, offline', true]]);
    expect(rows.suspensions[0]).toMatchObject({ endedOn: '2026-11-10', pending: true });
    expect(rows.extensions).toEqual([{ id: id(4), period: { months: 3 }, legalGround: 'Vw 25(2)', announcedOn: '2026-12-03', pending: true }]);
    expect(rows.noticesOfDefault).toEqual([{ id: id(5), receivedOn: '2026-11-20', source: 'paper', pending: true }]);
    expect(rows.annotations[0]).toMatchObject({ page: 2, quote: null, pending: true });
    expect(rows.evidenceLinks[0]).toMatchObject({ requirement: 'passport', page: 1, field: null, pending: true });
    expect(base.notes).toHaveLength(1);
  });

  it('shows a view saved or deleted offline as it will be, keeping a shared view’s team on rename', () => {
    const views = new Map<string, SavedViewRow>([
      [id(1), { id: id(1), ownerId: me, name: 'Urgent', filter: {}, teamId: id(50), pending: false }],
      [id(2), { id: id(2), ownerId: me, name: 'Old', filter: {}, teamId: null, pending: false }],
    ]);
    overlaySavedViews(views, [
      { name: 'view.save', args: { viewId: id(1), name: 'Very urgent', filter: { band: 'red' }, teamId: null } },
      { name: 'view.save', args: { viewId: id(3), name: 'New', filter: {} } },
      { name: 'view.delete', args: { viewId: id(2) } },
    ], me);
    expect([...views.values()].map((view) => [view.name, view.teamId, view.ownerId, view.pending])).toEqual([
      ['Very urgent', id(50), me, true], ['New', null, me, true],
    ]);
    expect(savedViewMutationNames.sort()).toEqual(['view.delete', 'view.save']);
  });

  it('names the guarded row and fields, and what "mine" means where the arguments are silent', () => {
    expect(guardOf('case.claim', { caseId })).toEqual({ entity: 'case', fields: ['assigneeId'], rowId: caseId });
    expect(guardOf('case.extendPeriod', { caseId, extensionId: id(1), period: { weeks: 6 }, legalGround: 'x' }))
      .toEqual({ entity: 'case', fields: ['deadline'], rowId: caseId });
    expect(guardOf('letter.approve', { letterId: id(4) })).toEqual({ entity: 'letter', fields: ['status'], rowId: id(4) });
    expect(guardOf('case.addNote', { caseId, noteId: id(1), body: 'x' })).toBeNull();
    expect(impliedMine('case.claim', 'assigneeId', me)).toBe(me);
    expect(impliedMine('case.release', 'assigneeId', me)).toBeNull();
    expect(impliedMine('case.assign', 'assigneeId', me)).toBeUndefined();
    expect(impliedMine('case.explode', 'assigneeId', me)).toBeUndefined();
    expect(caseIdOf({ caseId })).toBe(caseId);
    expect(caseIdOf({ letterId: caseId })).toBeNull();
  });
});

describe('sync.mutate in the contract', () => {
  it('is a union over the mutation names: the arguments are checked against the name', () => {
    expect(mutateArgs.safeParse({ name: 'case.assign', args: { caseId, assigneeId: other, reason: 'Cover' } }).success).toBe(true);
    expect(mutateArgs.safeParse({ name: 'case.assign', args: { caseId, assigneeId: other } }).success).toBe(false);
    expect(mutateArgs.safeParse({ name: 'case.claim', args: { caseId, assigneeId: other } }).success).toBe(false);
    expect(mutateArgs.safeParse({ name: 'case.explode', args: { caseId } }).success).toBe(false);
  });

  it('fails to compile with a wrong argument', () => {
    // @ts-expect-error case.assign needs a reason
    const missing: MutationCall = { name: 'case.assign', args: { caseId, assigneeId: other } };
    // @ts-expect-error case.claim takes no assignee
    const extra = mutationCall('case.claim', { caseId, assigneeId: other });
    // @ts-expect-error no such mutation
    const unknown = mutationCall('case.explode', { caseId });
    expect([missing, extra, unknown].map((call) => mutateArgs.safeParse(call).success)).toEqual([false, false, false]);
  });
});

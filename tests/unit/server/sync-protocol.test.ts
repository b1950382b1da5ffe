/** The shared sync protocol: envelopes, mutation arguments and results parse as the server and host expect. */
import { describe, expect, it } from 'vitest';
import { isMutationName, mutationArgs, mutationNames, pullQuery, pullResponse, pushRequest, mutationResult } from '../../../src/shared/sync';

const id = '4b0f6a8e-2f8e-4d6b-9a57-0b8f1f0c2d11';

describe('sync protocol', () => {
  it('knows every mutation the issue asks for', () => {
    for (const name of ['case.claim', 'case.release', 'case.assign', 'case.addNote', 'case.requestDocuments', 'case.closeSuspension',
      'case.extendPeriod', 'case.recordNoticeOfDefault', 'letter.saveDraft', 'letter.submit', 'letter.approve', 'letter.return',
      'letter.send', 'message.send', 'message.markRead', 'document.annotate', 'document.linkEvidence', 'view.save']) {
      expect(mutationNames).toContain(name);
    }
    expect(isMutationName('case.explode')).toBe(false);
    expect(isMutationName('constructor')).toBe(false);
  });

  it('accepts an envelope with an unknown name (rejected per mutation later) but not a malformed id', () => {
    expect(pushRequest.safeParse({ mutations: [{ clientMutationId: 'abcdefgh-1', name: 'case.explode', args: {} }] }).success).toBe(true);
    expect(pushRequest.safeParse({ mutations: [{ clientMutationId: 'a b', name: 'case.claim', args: {} }] }).success).toBe(false);
    expect(pushRequest.safeParse({ mutations: [] }).success).toBe(false);
  });

  it('requires a reason to assign, a real date to request documents and a non-empty period to extend', () => {
    expect(mutationArgs['case.assign'].safeParse({ caseId: id, assigneeId: id, reason: ' ' }).success).toBe(false);
    expect(mutationArgs['case.requestDocuments'].safeParse({ caseId: id, suspensionId: id, documents: ['passport'], dueOn: '2026-02-30' }).success).toBe(false);
    expect(mutationArgs['case.extendPeriod'].safeParse({ caseId: id, extensionId: id, period: {}, legalGround: 'Vw 25(2)' }).success).toBe(false);
    expect(mutationArgs['case.extendPeriod'].safeParse({ caseId: id, extensionId: id, period: { months: 6 }, legalGround: 'Vw 25(2)' }).success).toBe(true);
  });

  it('coerces the pull query and refuses a cursor that is not a number', () => {
    expect(pullQuery.parse({ cursor: '42', limit: '10' })).toEqual({ cursor: '42', limit: 10 });
    expect(pullQuery.parse({})).toEqual({ limit: 500 });
    expect(pullQuery.safeParse({ cursor: '-1' }).success).toBe(false);
    expect(pullQuery.parse({ limit: '10000' })).toEqual({ limit: 10_000 });
    expect(pullQuery.safeParse({ limit: '10001' }).success).toBe(false);
  });

  it('takes the data of an upserted row as it is, and only when it is an object', () => {
    const upsert = (data: unknown) => ({ changes: [{ kind: 'upsert', entity: 'case', id, version: 1, caseId: id, data }], nextCursor: '1', hasMore: false });
    const data = { id, nested: { deep: [1, 2] } };
    expect(pullResponse.parse(upsert(data)).changes[0]).toMatchObject({ data });
    for (const wrong of [null, [], 'text', 3, undefined]) expect(pullResponse.safeParse(upsert(wrong)).success).toBe(false);
  });

  it('discriminates results by status', () => {
    expect(mutationResult.safeParse({ clientMutationId: 'x', status: 'applied', serverSeq: '5' }).success).toBe(true);
    expect(mutationResult.safeParse({ clientMutationId: 'x', status: 'rejected', code: 'nope', reason: '' }).success).toBe(false);
  });
});

/** Which host events a change of the local cache becomes. */
import { describe, expect, it } from 'vitest';
import { announceCases, perCaseEventLimit } from '../../../src/main/host/cases/announce';
import type { Broadcast } from '../../../src/main/host/context';

function recorder(): { broadcast: Broadcast; seen: [string, unknown][] } {
  const seen: [string, unknown][] = [];
  return { broadcast: (name, payload) => seen.push([name, payload]), seen };
}

describe('announcing changed cases', () => {
  it('tells the lists which rows changed and each changed case that it did', () => {
    const { broadcast, seen } = recorder();
    announceCases(broadcast, { listed: ['a'], cases: ['a', 'b', 'b'] });
    expect(seen).toEqual([
      ['cases.changed', { caseIds: ['a'] }],
      ['messages.changed', { caseIds: ['a', 'b'] }],
      ['case.changed', { caseId: 'a' }], ['letters.changed', { caseId: 'a' }],
      ['case.changed', { caseId: 'b' }], ['letters.changed', { caseId: 'b' }],
    ]);
  });

  it('sends only case.changed when no list row changed (a note, an evidence link)', () => {
    const { broadcast, seen } = recorder();
    announceCases(broadcast, { listed: [], cases: ['a'] });
    expect(seen).toEqual([['messages.changed', { caseIds: ['a'] }], ['case.changed', { caseId: 'a' }], ['letters.changed', { caseId: 'a' }]]);
  });

  it('says "everything" once instead of an event per case for all or very many cases', () => {
    const all = recorder();
    announceCases(all.broadcast, { listed: ['a'], cases: 'all' });
    expect(all.seen).toEqual([['cases.changed', { caseIds: [] }], ['messages.changed', { caseIds: [] }]]);
    const many = recorder();
    const ids = Array.from({ length: perCaseEventLimit + 1 }, (_, index) => `case-${index}`);
    announceCases(many.broadcast, { listed: ids, cases: ids });
    expect(many.seen).toEqual([['cases.changed', { caseIds: [] }], ['messages.changed', { caseIds: [] }]]);
  });
});

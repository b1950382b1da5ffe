import { describe, expect, it } from 'vitest';
import type { ConflictItem } from '../../../src/shared/contract';
import { conflictFields, mutationLabelKey, presentValue } from '../../../src/renderer/src/sync/conflictValues';
import en from '../../../src/renderer/src/i18n/en.json';
import nl from '../../../src/renderer/src/i18n/nl.json';

const me = '00000000-0000-4000-8000-000000000001';
const other = '00000000-0000-4000-8000-000000000025';

function conflict(overrides: Partial<ConflictItem>): ConflictItem {
  return {
    id: 1, name: 'case.claim', caseId: 'c1', entity: 'case', entityId: 'c1', fields: ['assigneeId'],
    mine: { args: { caseId: 'c1' }, base: { assigneeId: null } }, theirs: { assigneeId: other },
    createdAt: '2026-11-22T16:00:00.000Z', ...overrides,
  };
}

describe('conflict values', () => {
  it('reads a claim as "me" against the server\'s assignee', () => {
    expect(conflictFields(conflict({}), 'nl', me)).toEqual([
      { field: 'assigneeId', mine: { kind: 'me' }, theirs: { kind: 'someoneElse', id: other } },
    ]);
  });

  it('prefers a readable name the server row carries, and a release as nobody', () => {
    const item = conflict({ name: 'case.release', theirs: { assigneeId: other, assigneeName: 'A. Jansen' } });
    expect(conflictFields(item, 'en', me)).toEqual([
      { field: 'assigneeId', mine: { kind: 'empty' }, theirs: { kind: 'text', text: 'A. Jansen' } },
    ]);
  });

  it('shows legal dates in the user\'s format, and my own id on the server as "me"', () => {
    const item = conflict({ name: 'case.extendPeriod', fields: ['deadline', 'assigneeId'], mine: { args: { deadline: '2026-03-01' }, base: {} }, theirs: { deadline: '2026-02-01', assigneeId: me } });
    const [deadline, assignee] = conflictFields(item, 'nl', me);
    expect(deadline).toEqual({ field: 'deadline', mine: { kind: 'text', text: '01-03-2026' }, theirs: { kind: 'text', text: '01-02-2026' } });
    expect(assignee?.theirs).toEqual({ kind: 'me' });
  });

  it('prints other values as text and nothing as empty', () => {
    expect(presentValue(3, 'nl', null)).toEqual({ kind: 'text', text: '3' });
    expect(presentValue('', 'nl', null)).toEqual({ kind: 'empty' });
    expect(presentValue({ a: 1 }, 'en', null)).toEqual({ kind: 'text', text: '{"a":1}' });
  });

  it('has a label for the mutations that can conflict, in both languages', () => {
    for (const name of ['case.claim', 'case.release', 'case.assign', 'case.extendPeriod']) {
      const [, section, key] = mutationLabelKey(name).split('.') as [string, 'mutations', string];
      expect(nl.syncUi[section]).toHaveProperty(key);
      expect(en.syncUi[section]).toHaveProperty(key);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { columnsForTab, loadColumns, saveColumns } from '../../../src/renderer/src/queue/columns';
import { matchRanges, searchWords } from '../../../src/renderer/src/queue/highlight';
import { cleanFilter } from '../../../src/renderer/src/queue/QueueFilters';
import { decodeViewSettings, encodeViewSettings } from '../../../src/shared/contract';

describe('search highlights', () => {
  it('marks each word where a word starts, ignoring case and diacritics, as the host\'s search matched it', () => {
    const words = searchWords('muller jur');
    expect(words).toEqual(['muller', 'jur']);
    const text = 'Jürgen Müller-Smullers';
    expect(matchRanges(text, words).map(([start, end]) => text.slice(start, end))).toEqual(['Jür', 'Müller']);
  });

  it('merges overlapping matches and finds digits inside a V-number only from its start', () => {
    expect(matchRanges('0012345678', searchWords('0012'))).toEqual([[0, 4]]);
    expect(matchRanges('0012345678', searchWords('2345'))).toEqual([]);
    expect(matchRanges('Anna Annabel', searchWords('ann anna'))).toEqual([[0, 4], [5, 9]]);
  });

  it('keeps positions right when a letter folds to several characters or none', () => {
    const text = 'Ǆemal Ñuñez';
    expect(matchRanges(text, searchWords('nun')).map(([start, end]) => text.slice(start, end))).toEqual(['Ñuñ']);
  });
});

describe('queue columns and filters', () => {
  it('remembers the chosen columns, always keeps the fixed ones and ignores a damaged setting', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (key: string) => store.get(key) ?? null, setItem: (key: string, value: string) => void store.set(key, value) };
    expect(loadColumns(storage)).not.toContain('vNumber');
    saveColumns(['priority', 'applicant'], storage);
    expect(loadColumns(storage)).toEqual(['priority', 'caseNumber', 'applicant', 'actions']);
    store.set('werkbank.queue.columns', '{not json');
    expect(loadColumns(storage)).toContain('deadline');
    expect(columnsForTab(['caseNumber', 'assignee'], 'mine')).toEqual(['caseNumber']);
    expect(columnsForTab(['caseNumber', 'assignee'], 'team')).toEqual(['caseNumber', 'assignee']);
  });

  it('drops empty filters, and a saved view reads back as it was written', () => {
    expect(cleanFilter({ text: '', caseTypes: [], window: 'overdue', flags: ['vulnerable'] })).toEqual({ window: 'overdue', flags: ['vulnerable'] });
    const settings = { tab: 'team' as const, filter: { window: '7' as const, caseTypes: ['study'] }, sort: { column: 'deadline' as const, direction: 'asc' as const } };
    expect(decodeViewSettings(encodeViewSettings(settings))).toEqual(settings);
    expect(decodeViewSettings({ tab: 'team', sortColumn: 'nonsense', sortDirection: 'asc' })).toBeNull();
  });
});

/** Indexes of the case list set aside while bootstrapping: built at the end, and back after a kill. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openCache, type OpenedCache } from '../../../src/main/host/db/open';
import { migrations } from '../../../src/main/host/db/migrations';
import { deferIndexes, restoreIndexes } from '../../../src/main/host/db/deferred-indexes';
import { InboundStore } from '../../../src/main/host/sync/inbound';
import type { PullResponse, SyncChange } from '../../../src/shared/sync';
import { tempDir } from '../../helpers/temp-dir';
import { entityRow } from '../../helpers/entity-rows';

const now = '2026-03-02T09:00:00.000Z';

/** A case and its applicant, as a bootstrap page carries them. */
function caseChanges(index: number): SyncChange[] {
  const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
  return [
    {
      kind: 'upsert', entity: 'case', id, version: 1, caseId: id, data: entityRow('case', {
        id, caseNumber: `IND-${index}`, caseType: 'study', regime: 'regular', status: 'intake', teamId: 't1', assigneeId: null,
        receivedOn: '2026-02-02', deadline: '2026-05-04', penaltyAmountCents: 0, decision: null, version: 1, updatedAt: now,
      }),
    },
    {
      kind: 'upsert', entity: 'party', id: `party-${index}`, version: 1, caseId: id,
      data: entityRow('party', { id: `party-${index}`, caseId: id, role: 'applicant', name: `Applicant ${index}`, vNumber: null, organisation: null }),
    },
  ];
}
const page = (from: number, to: number, nextCursor: string, hasMore: boolean): PullResponse => ({
  changes: Array.from({ length: to - from }, (_, offset) => caseChanges(from + offset)).flat(), nextCursor, hasMore,
});

/** The schema's indexes of `cases` as SQLite keeps them (name and SQL). */
const caseIndexes = (cache: OpenedCache) =>
  cache.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' ORDER BY name`).all();
const recorded = (cache: OpenedCache) => cache.sqlite.prepare(`SELECT count(*) FROM settings WHERE key = 'cache.deferred_indexes'`).pluck().get();
/** How SQLite would look up cases by deadline: through an index, or by scanning the table. */
const deadlinePlan = (cache: OpenedCache) => (cache.sqlite.prepare(
  'EXPLAIN QUERY PLAN SELECT id FROM cases ORDER BY deadline IS NULL, deadline, received_on LIMIT 5',
).all() as { detail: string }[]).map((row) => row.detail).join('; ');

let dir: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  dir = tempDir('werkbank-deferred-');
  file = join(dir.path, 'cache.sqlite');
});
afterEach(() => dir.remove());

describe('deferred indexes', () => {
  it('sets the case list indexes aside while bootstrapping and builds the same ones when it ends', () => {
    const cache = openCache({ file });
    const schema = caseIndexes(cache);
    const inbound = new InboundStore(cache.sqlite, () => 'me');
    inbound.applyPage(page(0, 20, '1', true), now);
    expect(caseIndexes(cache).map((index) => (index as { name: string }).name)).toEqual(['sqlite_autoindex_cases_1']);
    expect(recorded(cache)).toBe(1);
    inbound.applyPage(page(20, 40, '2', false), now);
    expect(caseIndexes(cache)).toEqual(schema);
    expect(recorded(cache)).toBe(0);
    expect(deadlinePlan(cache)).toContain('cases_deadline_idx');
    expect(cache.sqlite.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(40);
    // Pulls after the bootstrap keep the indexes.
    inbound.applyPage(page(40, 41, '3', false), now);
    expect(caseIndexes(cache)).toEqual(schema);
    cache.sqlite.close();
  });

  it('has them back after a kill mid-bootstrap, before migrations run, and the resumed bootstrap ends with them', () => {
    const first = openCache({ file });
    const schema = caseIndexes(first);
    new InboundStore(first.sqlite, () => 'me').applyPage(page(0, 20, '1', true), now);
    first.sqlite.close(); // as a kill leaves it: committed page, indexes set aside
    // A later version whose migration redefines one of them must find it there to drop.
    const redefine = {
      version: migrations.length + 1, name: 'redefine_deadline_index',
      up: (db: OpenedCache['sqlite']) => db.exec('DROP INDEX cases_deadline_idx; CREATE INDEX cases_deadline_idx ON cases (deadline)'),
    };
    const reopened = openCache({ file, migrations: [...migrations, redefine] });
    expect(recorded(reopened)).toBe(0);
    expect(caseIndexes(reopened).map((index) => (index as { name: string }).name))
      .toEqual((schema as { name: string }[]).map((index) => index.name));
    const inbound = new InboundStore(reopened.sqlite, () => 'me');
    inbound.applyPage(page(20, 40, '2', true), now);
    inbound.applyPage(page(40, 60, '3', false), now);
    expect(caseIndexes(reopened)).toContainEqual({ name: 'cases_deadline_idx', sql: 'CREATE INDEX cases_deadline_idx ON cases (deadline)' });
    expect(caseIndexes(reopened)).toHaveLength(schema.length);
    expect(reopened.sqlite.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(60);
    reopened.sqlite.close();
  });

  it('never sets a unique index aside: it is a constraint', () => {
    const cache = openCache({ file: ':memory:' });
    cache.sqlite.exec('CREATE UNIQUE INDEX cases_number_unique ON cases (case_number)');
    const all = caseIndexes(cache).length;
    cache.sqlite.transaction(() => deferIndexes(cache.sqlite, 'cases'))();
    expect(caseIndexes(cache).map((index) => (index as { name: string }).name)).toEqual(['cases_number_unique', 'sqlite_autoindex_cases_1']);
    expect(cache.sqlite.transaction(() => restoreIndexes(cache.sqlite))()).toBe(all - 2);
    expect(caseIndexes(cache)).toHaveLength(all);
    cache.sqlite.close();
  });
});

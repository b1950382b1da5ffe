import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/host/db/open';
import { migrations } from '../../../src/main/host/db/migrations';

function planOf(db: Database.Database, query: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('\n');
}

function migrated(upTo = migrations.length): Database.Database {
  const db = new Database(':memory:');
  migrate(db, migrations.slice(0, upTo), () => null);
  return db;
}

describe('migration 0002 (sync cache)', () => {
  it('keeps the cases of a version 1 cache and gives them the new columns', () => {
    const db = migrated(1);
    db.prepare(`INSERT INTO cases (id, case_number, applicant_name, v_number, case_type, regime, status, received_on, updated_at)
      VALUES ('c1', 'Z1', 'A. Applicant', '0012345678', 'study', 'regular', 'intake', '2026-01-02', '2026-01-02T00:00:00.000Z')`).run();
    migrate(db, migrations, () => null);
    expect(db.prepare('SELECT id, penalty_amount_cents AS penalty, decision FROM cases').all()).toEqual([{ id: 'c1', penalty: 0, decision: null }]);
    expect(db.prepare('SELECT id, cursor, bootstrapped FROM sync_state').all()).toEqual([{ id: 1, cursor: null, bootstrapped: 0 }]);
  });

  it('refuses an outbox state outside queued/sent/failed/conflict and a duplicate client mutation id', () => {
    const db = migrated();
    const insert = db.prepare(`INSERT INTO outbox (client_mutation_id, name, args, base, state, queued_at) VALUES (?, 'case.claim', '{}', '{}', ?, '2026-01-01T00:00:00Z')`);
    insert.run('m-00000001', 'queued');
    expect(() => insert.run('m-00000002', 'done')).toThrow(/CHECK/);
    expect(() => insert.run('m-00000001', 'queued')).toThrow(/UNIQUE/);
  });

  it('allows only one sync state row', () => {
    const db = migrated();
    expect(() => db.prepare('INSERT INTO sync_state (id) VALUES (2)').run()).toThrow(/CHECK/);
  });

  it('finds cases by applicant name without diacritics, V-number, case number and sponsor', () => {
    const db = migrated();
    const insert = db.prepare('INSERT INTO cases_search (rowid, case_number, applicant_name, v_number, sponsor) VALUES (?, ?, ?, ?, ?)');
    insert.run(1, 'IND-2026-0001', 'Zoë Çelik', '0012345678', 'Philips Nederland B.V.');
    insert.run(2, 'IND-2026-0002', 'Jan de Vries', '0099999999', '');
    const find = (query: string) => db.prepare('SELECT rowid FROM cases_search WHERE cases_search MATCH ? ORDER BY rowid').pluck().all(query);
    expect(find('zoe')).toEqual([1]);
    expect(find('celik')).toEqual([1]);
    expect(find('v_number:0099999999')).toEqual([2]);
    expect(find('"IND-2026-0002"')).toEqual([2]);
    expect(find('sponsor:philips')).toEqual([1]);
  });
});

describe('migration 0003 (server rows as a rowid table)', () => {
  it('keeps every server row and still refuses a second copy of one', () => {
    const db = migrated(2);
    db.prepare(`INSERT INTO server_rows (entity, id, version, case_id, data) VALUES ('case', 'c1', 3, 'c1', '{"a":1}')`).run();
    migrate(db, migrations, () => null);
    expect(db.prepare('SELECT entity, id, version, case_id AS caseId, data FROM server_rows').all())
      .toEqual([{ entity: 'case', id: 'c1', version: 3, caseId: 'c1', data: '{"a":1}' }]);
    expect(() => db.prepare(`INSERT INTO server_rows (entity, id, version, data) VALUES ('case', 'c1', 4, '{}')`).run()).toThrow(/UNIQUE/);
  });

  it('reads one server row through its key index', () => {
    const db = migrated();
    expect(planOf(db, 'SELECT data FROM server_rows WHERE entity = ? AND id = ?', 'case', 'c1')).toContain('server_rows_key');
  });
});

describe('hot query plans of the sync cache', () => {
  const db = migrated();

  it('takes the next pending outbox rows from the state index, in order, without sorting', () => {
    const plan = planOf(db, `SELECT * FROM outbox WHERE state IN ('queued', 'sent') ORDER BY seq LIMIT 100`);
    expect(plan).toContain('outbox_state_idx');
  });

  it('finds pending work of one case through the case index', () => {
    expect(planOf(db, `SELECT name, args FROM outbox WHERE case_id = ? AND state IN ('queued', 'sent') ORDER BY seq`, 'c1')).toContain('outbox_case_idx');
  });

  it('drops a case that left scope through the server rows case index', () => {
    expect(planOf(db, 'DELETE FROM server_rows WHERE case_id = ?', 'c1')).toContain('server_rows_case_idx');
  });

  it('looks up the applicant of a case through the parties index', () => {
    expect(planOf(db, 'SELECT name FROM parties WHERE case_id = ? AND role = ? ORDER BY id LIMIT 1', 'c1', 'applicant')).toContain('parties_case_idx');
  });

  it('lists documents of a case through its index', () => {
    expect(planOf(db, 'SELECT * FROM documents WHERE case_id = ?', 'c1')).toContain('documents_case_idx');
  });

  it('searches through the full-text index', () => {
    expect(planOf(db, 'SELECT rowid FROM cases_search WHERE cases_search MATCH ?', 'x')).toContain('VIRTUAL TABLE INDEX');
  });
});

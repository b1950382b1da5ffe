import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCasesQuery } from '../../../src/main/host/cases/store';
import { migrate, openCache } from '../../../src/main/host/db/open';
import { migrations } from '../../../src/main/host/db/migrations';
import type { Migration } from '../../../src/main/host/db/migrations';
import * as schema from '../../../src/main/host/db/schema';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const columnsOf = (db: Database.Database, table: string): string[] =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name).sort();

describe('local cache migrations', () => {
  it('opens a new cache with WAL, synchronous=FULL and the latest schema', () => {
    const cache = openCache({ file: join(dir.path, 'cache.sqlite') });
    expect(cache.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(cache.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(cache.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(cache.previousVersion).toBe(0);
    expect(cache.backupPath).toBeNull();
    cache.sqlite.close();
  });

  it('numbers migrations 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it.each(migrations.map((m) => [m.version, m] as const))('migration %i applies on the schema before it', (version) => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, version - 1), () => null);
    const before = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
    migrate(db, migrations.slice(0, version), () => null);
    const after = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
    expect(after.n).toBeGreaterThan(before.n);
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('creates exactly the columns the drizzle schema declares', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, () => null);
    for (const table of [schema.cases, schema.settings, schema.serverRows, schema.parties, schema.documents, schema.outbox,
      schema.syncState, schema.conflicts, schema.parked, schema.documentFiles]) {
      const declared = Object.values(getTableColumns(table)).map((c) => c.name).sort();
      expect(columnsOf(db, getTableName(table))).toEqual(declared);
    }
  });

  it('backs up an existing cache before migrating it', () => {
    const file = join(dir.path, 'cache.sqlite');
    openCache({ file, migrations: migrations.slice(0, 1) }).sqlite.close();
    const extra: Migration = { version: migrations.length + 1, name: 'extra', up: (db) => db.exec('CREATE TABLE extra (x INTEGER) STRICT') };
    const cache = openCache({ file, migrations: [...migrations, extra] });
    expect(cache.previousVersion).toBe(1);
    expect(cache.backupPath).not.toBeNull();
    expect(existsSync(cache.backupPath ?? '')).toBe(true);
    const backup = new Database(cache.backupPath ?? '', { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
    cache.sqlite.close();
  });

  it('rolls back every step of a start when one migration fails', () => {
    const file = join(dir.path, 'cache.sqlite');
    const good: Migration = { version: migrations.length + 1, name: 'good', up: (db) => db.exec('CREATE TABLE good (x INTEGER)') };
    const bad: Migration = { version: migrations.length + 2, name: 'bad', up: () => { throw new Error('boom'); } };
    expect(() => openCache({ file, migrations: [...migrations, good, bad] })).toThrow('boom');
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('good', 'cases')`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a cache written by a newer version, with a clear message, and leaves it untouched', () => {
    const file = join(dir.path, 'cache.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    expect(() => openCache({ file })).toThrow(/newer version of Werkbank.*Install the latest Werkbank/);
    try {
      openCache({ file });
    } catch (error) {
      expect(error).toMatchObject({ code: 'database_too_new' });
    }
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(migrations.length + 5);
    again.close();
  });

  it('moves an unreadable file aside instead of crash-looping', () => {
    const file = join(dir.path, 'cache.sqlite');
    writeFileSync(file, 'this is not a database, it is a shopping list'.repeat(200));
    const cache = openCache({ file });
    expect(cache.quarantinedPath).toMatch(/cache\.sqlite\.unreadable-/);
    expect(readdirSync(dir.path).some((name) => name.startsWith('cache.sqlite.unreadable-'))).toBe(true);
    expect(cache.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
    cache.sqlite.close();
  });

  it('answers the case list from the deadline index, without sorting', () => {
    const cache = openCache({ file: ':memory:' });
    const query = listCasesQuery(cache.db, 200, 0).toSQL();
    const plan = cache.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[];
    const details = plan.map((row) => row.detail).join('\n');
    expect(details).toContain('cases_deadline_idx');
    expect(details).not.toContain('TEMP B-TREE');
    cache.sqlite.close();
  });
});

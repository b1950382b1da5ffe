/**
 * Secondary indexes set aside during a bulk load and built once at its end: building an index
 * sorts its keys once, where keeping it during the load updates it row by row (with random ids
 * that touches most of its pages in every commit).
 *
 * Kill-safe: an index is dropped in the same transaction that records its SQL in `settings`, and
 * recreated in the same transaction that forgets it. openCache recreates any still recorded
 * before migrating, so after a kill mid-load the schema is whole again for migrations and queries.
 */
import type Database from 'better-sqlite3';

const settingKey = 'cache.deferred_indexes';

interface DeferredIndex {
  name: string;
  sql: string;
}

function recorded(sqlite: Database.Database): DeferredIndex[] {
  const value = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(settingKey) as string | undefined;
  return value === undefined ? [] : (JSON.parse(value) as DeferredIndex[]);
}

function record(sqlite: Database.Database, indexes: readonly DeferredIndex[]): void {
  if (indexes.length === 0) {
    sqlite.prepare('DELETE FROM settings WHERE key = ?').run(settingKey);
  } else {
    sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(settingKey, JSON.stringify(indexes));
  }
}

/**
 * Drops the indexes of `table` made with CREATE INDEX that are not unique (unique ones are
 * constraints that upserts rely on) and records them. Run inside the caller's transaction.
 */
export function deferIndexes(sqlite: Database.Database, table: string): void {
  const list = sqlite.prepare('SELECT name, "unique", origin FROM pragma_index_list(?)').all(table) as
    { name: string; unique: number; origin: string }[];
  const names = list.filter((index) => index.origin === 'c' && index.unique === 0).map((index) => index.name);
  if (names.length === 0) return;
  const sqlOf = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).pluck();
  const deferred = recorded(sqlite);
  for (const name of names) {
    deferred.push({ name, sql: sqlOf.get(name) as string });
    sqlite.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
  }
  record(sqlite, deferred);
}

/** Recreates every recorded index and forgets them; returns how many. Run inside a transaction. */
export function restoreIndexes(sqlite: Database.Database): number {
  const settingsTable = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'`).get();
  if (!settingsTable) return 0;
  const deferred = recorded(sqlite);
  if (deferred.length === 0) return 0;
  const exists = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`);
  for (const index of deferred) {
    if (!exists.get(index.name)) sqlite.exec(index.sql);
  }
  record(sqlite, []);
  return deferred.length;
}

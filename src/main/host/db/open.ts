/**
 * Opening the local cache: durable pragmas, migrations in one transaction with a backup first,
 * refusal of a database written by a newer Werkbank, and quarantine of a file that is not a
 * database at all (kept for recovery, never deleted, never a crash loop).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { RpcError } from '../../../shared/rpc';
import { restoreIndexes } from './deferred-indexes';
import { migrations as allMigrations, type Migration } from './migrations';
import * as schema from './schema';

export type CacheDatabase = BetterSQLite3Database<typeof schema>;

export interface OpenedCache {
  sqlite: Database.Database;
  db: CacheDatabase;
  /** Schema version before this start (0 for a new file). */
  previousVersion: number;
  /** The backup written before migrating, if any. */
  backupPath: string | null;
  /** Where an unreadable file was moved, if this start found one. */
  quarantinedPath: string | null;
}

export interface OpenCacheOptions {
  /** Path of the SQLite file; ':memory:' for tests. */
  file: string;
  /** better-sqlite3's native binding built for the running ABI (Electron's in the app). */
  nativeBinding?: string | undefined;
  /** Overridable for tests of the migration runner. */
  migrations?: readonly Migration[];
  /** Backups kept next to the cache; older ones are removed. */
  keepBackups?: number;
  /** Clock for backup names. */
  now?: () => Date;
}

const NOT_A_DATABASE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

function sqliteCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function openRaw(file: string, nativeBinding: string | undefined): Database.Database {
  const sqlite = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    // WAL with synchronous=FULL: a committed transaction survives a kill or power loss.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Reading the schema forces SQLite to look at the file, so garbage fails here, not later.
    sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Moves an unreadable cache (and its WAL/SHM) aside so the user can be helped later. */
function quarantine(file: string, now: Date): string {
  const target = `${file}.unreadable-${stamp(now)}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

function pruneBackups(file: string, keep: number): void {
  const folder = dirname(file);
  const prefix = `${basename(file)}.backup-`;
  const backups = readdirSync(folder).filter((name) => name.startsWith(prefix)).sort();
  for (const name of backups.slice(0, Math.max(0, backups.length - keep))) rmSync(join(folder, name), { force: true });
}

/**
 * Runs the pending migrations in one transaction. A database from a newer version is refused
 * before anything is written; a failing migration rolls back every step of this start.
 */
export function migrate(
  sqlite: Database.Database,
  migrations: readonly Migration[],
  backup: (fromVersion: number) => string | null,
): { previousVersion: number; backupPath: string | null } {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
  });
  const latest = migrations.length;
  const current = Number(sqlite.pragma('user_version', { simple: true }));
  if (current > latest) {
    throw new RpcError(
      'database_too_new',
      `The local cache was written by a newer version of Werkbank (schema ${current}; this version knows up to ${latest}). Install the latest Werkbank.`,
      { schemaVersion: current, supportedVersion: latest },
    );
  }
  if (current === latest) return { previousVersion: current, backupPath: null };
  const backupPath = current > 0 ? backup(current) : null;
  sqlite.transaction(() => {
    for (const migration of migrations.slice(current)) migration.up(sqlite);
    sqlite.pragma(`user_version = ${latest}`);
  }).immediate();
  return { previousVersion: current, backupPath };
}

/** Opens (creating, migrating or recovering as needed) the local cache. */
export function openCache(options: OpenCacheOptions): OpenedCache {
  const now = options.now ?? (() => new Date());
  const inMemory = options.file === ':memory:';
  if (!inMemory) mkdirSync(dirname(options.file), { recursive: true });

  let quarantinedPath: string | null = null;
  let sqlite: Database.Database;
  try {
    sqlite = openRaw(options.file, options.nativeBinding);
  } catch (error) {
    if (inMemory || !NOT_A_DATABASE.has(sqliteCode(error) ?? '')) throw error;
    quarantinedPath = quarantine(options.file, now());
    sqlite = openRaw(options.file, options.nativeBinding);
  }

  try {
    const backup = (fromVersion: number): string | null => {
      if (inMemory) return null;
      const target = `${options.file}.backup-${stamp(now())}-v${fromVersion}`;
      // VACUUM INTO writes a consistent, compact copy while we hold the only connection.
      sqlite.prepare('VACUUM INTO ?').run(target);
      pruneBackups(options.file, options.keepBackups ?? 3);
      return target;
    };
    // Indexes set aside by a bulk load that was killed: back first, so migrations see the whole schema.
    sqlite.transaction(() => restoreIndexes(sqlite)).immediate();
    const { previousVersion, backupPath } = migrate(sqlite, options.migrations ?? allMigrations, backup);
    return { sqlite, db: drizzle(sqlite, { schema }), previousVersion, backupPath, quarantinedPath };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

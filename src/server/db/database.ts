/**
 * Opens the central database: node-postgres when a connection string is given (production),
 * otherwise PGlite in a data folder or in memory (the embedded default). Both run the same
 * drizzle migrations from src/server/db/migrations.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { Pool } from 'pg';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseKind = 'postgres' | 'pglite';

export interface OpenDatabase {
  db: Database;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export type DatabaseLocation =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string };

// __dirname, not import.meta: this module also runs compiled as CommonJS (tsx, Playwright's loader);
// bundles (the app's embedded training server) pass their own migrationsFolder.
export const defaultMigrationsFolder = join(__dirname, 'migrations');

/** Opens the database at `location` and applies pending migrations in one transaction. */
export async function openDatabase(
  location: DatabaseLocation,
  options: { migrationsFolder?: string } = {},
): Promise<OpenDatabase> {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder;
  if (location.kind === 'postgres') {
    const pool = new Pool({ connectionString: location.url, max: location.poolSize ?? 10 });
    // An idle connection that dies (server restart, admin kill) must not crash the process; the
    // pool drops it and the next query opens a new one or reports the error to its caller.
    pool.on('error', () => undefined);
    const db = drizzlePostgres(pool, { schema });
    try {
      await migratePostgres(db, { migrationsFolder });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return { db: db as unknown as Database, kind: 'postgres', close: () => pool.end() };
  }
  if (location.dataDir) mkdirSync(location.dataDir, { recursive: true });
  const client = location.dataDir ? new PGlite(location.dataDir) : new PGlite();
  const db = drizzlePglite(client, { schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  return { db: db as unknown as Database, kind: 'pglite', close: () => client.close() };
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<Row>(executor: Executor, query: SQL): Promise<Row[]> {
  const result = (await executor.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/** The key of the one advisory lock that serialises sealing passes (sync/seal.ts) and pruning. */
export const writerLockKey = 7_707_001;

/**
 * Takes the writer lock until the transaction ends. The sealer holds it while it draws sequence
 * numbers and extends the audit chain, so passes become visible in order: a reader can never see
 * change N+1 while change N is still in flight.
 */
export async function lockWriter(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${writerLockKey})`);
}

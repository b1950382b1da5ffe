/**
 * Starts the central API: opens the database (PostgreSQL when a URL is given, else PGlite in the
 * data folder), builds the server, listens, and closes everything in order on request. Used by the
 * CLI and, later, by the app to embed the training environment.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { openDatabase, type DatabaseKind, type OpenDatabase } from './db/database';
import { users } from './db/schema';
import { createServer, type ServerOptions, type WerkbankServer } from './app';
import { createHmacTokenIssuer } from './auth/tokens';
import { derivePseudonymKey } from './event-log/pseudonym';
import { createUser } from './admin/directory';
import { defaultPasswordCost } from './auth/passwords';
import { runWrite } from './sync/publish';
import { sealNotifyChannel } from './sync/seal';
import type { SyncHead } from './sync/head';
import { Client } from 'pg';
import { jsonLogger, systemClock, type Clock, type EnvironmentKind, type Logger, type TokenIssuer } from './services';

export interface StartOptions {
  port: number;
  host?: string;
  /** PostgreSQL connection string; without it PGlite runs in `dataDir` (or in memory without one). */
  databaseUrl?: string;
  dataDir?: string;
  /** The SQL migrations; default next to database.ts (bundles pass the copied folder). */
  migrationsFolder?: string;
  environment?: EnvironmentKind;
  clock?: Clock;
  logger?: Logger;
  tokens?: TokenIssuer;
  /** HMAC secret for the built-in issuer; else read from (or created in) the data folder. */
  tokenSecret?: Uint8Array;
  intakeTokens?: readonly string[];
  /** Creates user `admin` with this password when the database has no users yet. */
  initialAdminPassword?: string;
  /**
   * Runs after migrations, before listening: the training environment seeds its demo data here and
   * may answer with more server options (its /training services).
   */
  onDatabaseReady?: (database: OpenDatabase) => Promise<Pick<ServerOptions, 'training' | 'sessionClock'> | undefined>;
  server?: Partial<Omit<ServerOptions, 'db' | 'clock' | 'tokens' | 'environment' | 'logger'>>;
}

export interface RunningServer extends WerkbankServer {
  url: string;
  databaseKind: DatabaseKind;
  database: OpenDatabase;
  /** Stops accepting requests, lets running ones finish, then closes the database. */
  close(): Promise<void>;
}

function tokenSecretFor(options: StartOptions): Uint8Array {
  if (options.tokenSecret) return options.tokenSecret;
  const fromEnvironment = process.env['WERKBANK_TOKEN_SECRET'];
  if (fromEnvironment) return Buffer.from(fromEnvironment, 'base64');
  if (!options.dataDir) return randomBytes(32);
  // Kept beside the data so tokens survive a restart of the embedded server.
  const file = join(options.dataDir, 'token-secret');
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return Buffer.from(readFileSync(file, 'utf8'), 'base64');
}

/**
 * The event log's pseudonym key: WERKBANK_PSEUDONYM_SECRET (base64) when set, so that several API
 * processes, or a rotated token secret, keep the same pseudonyms; else derived from the token secret.
 */
function pseudonymKeyFor(tokenSecret: Uint8Array): Uint8Array {
  const fromEnvironment = process.env['WERKBANK_PSEUDONYM_SECRET'];
  return derivePseudonymKey(fromEnvironment ? Buffer.from(fromEnvironment, 'base64') : tokenSecret);
}

/** Opens the database, migrates it, and starts listening on host:port (default 127.0.0.1). */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const logger = options.logger ?? jsonLogger;
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(options.databaseUrl
    ? { kind: 'postgres', url: options.databaseUrl }
    : { kind: 'pglite', ...(options.dataDir ? { dataDir: join(options.dataDir, 'pglite') } : {}) },
  options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {});
  try {
    if (options.initialAdminPassword) await ensureAdmin(database, clock, options.initialAdminPassword);
    const extra = (await options.onDatabaseReady?.(database)) ?? {};
    const tokenSecret = tokenSecretFor(options);
    const server = await createServer({
      pseudonymKey: pseudonymKeyFor(tokenSecret),
      ...options.server, ...extra, db: database.db, clock, logger, environment: options.environment ?? 'production',
      tokens: options.tokens ?? createHmacTokenIssuer(tokenSecret),
      ...(options.intakeTokens ? { intakeTokens: options.intakeTokens } : {}),
    });
    const host = options.host ?? '127.0.0.1';
    await server.app.listen({ port: options.port, host });
    // Changes committed before a crash but never sealed are sealed now.
    await server.context.head.onDidCommit();
    const stopListening = options.databaseUrl ? await listenForSeals(options.databaseUrl, server.context.head) : async () => {};
    const address = server.app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    logger.info('central API listening', { url, database: database.kind, environment: options.environment ?? 'production' });
    let closing: Promise<void> | undefined;
    return {
      ...server, url, databaseKind: database.kind, database,
      close: () => {
        closing ??= (async () => {
          await server.app.close();
          await stopListening();
          await database.close();
          logger.info('central API stopped');
        })();
        return closing;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Several API processes may share one PostgreSQL: each hears the others' sealing passes, so its
 * SSE clients are poked at once rather than at the next head refresh.
 */
async function listenForSeals(url: string, head: SyncHead): Promise<() => Promise<void>> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  client.on('notification', (message) => {
    const seq = Number(message.payload);
    if (message.channel === sealNotifyChannel && Number.isSafeInteger(seq)) head.onDidSealElsewhere(seq);
  });
  await client.query(`listen ${sealNotifyChannel}`);
  return () => client.end();
}

async function ensureAdmin(database: OpenDatabase, clock: Clock, password: string): Promise<void> {
  const [row] = await database.db.select({ total: count() }).from(users);
  if ((row?.total ?? 0) > 0) return;
  await runWrite(database.db, clock.now(), null, (batch) =>
    createUser(batch, { username: 'admin', displayName: 'Administrator', role: 'admin', password, teamIds: [] }, defaultPasswordCost));
}

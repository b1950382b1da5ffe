/**
 * Sync test harness: the real central API in-process on PGlite, listening on loopback, and data
 * host sync clients (cache, API client, session, engine) against it. Clients never run timers of
 * their own here: tests drive every cycle with `engine.syncNow()`.
 */
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { caseEvents, cases } from '../../../src/server/db/schema';
import type { AddressInfo } from 'node:net';
import { openCache, type OpenedCache } from '../../../src/main/host/db/open';
import { silentLogger, type Logger } from '../../../src/main/host/log';
import { createCentralApi, type CentralApi } from '../../../src/main/host/sync/api-client';
import { SyncEngine } from '../../../src/main/host/sync/engine';
import { memorySecretStore, Session } from '../../../src/main/host/session/session';
import { createTestServer, password, seedWorld, type TestServer, type World, type WorldUser } from '../server/harness';

export interface SyncWorld {
  server: TestServer;
  world: World;
  baseUrl: string;
  close(): Promise<void>;
}

/** A seeded central API listening on 127.0.0.1 with a random port. */
export async function startSyncWorld(): Promise<SyncWorld> {
  const server = await createTestServer();
  const world = await seedWorld(server);
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as AddressInfo;
  return { server, world, baseUrl: `http://127.0.0.1:${port}`, close: () => server.close() };
}

export interface SyncClient {
  cache: OpenedCache;
  api: CentralApi;
  session: Session;
  engine: SyncEngine;
  /** Case ids in the local case list. */
  caseIds(): string[];
  close(): void;
}

/** A host's sync stack for `user`, signed in; in memory unless `dataDir` is given. */
export async function createSyncClient(baseUrl: string, user: WorldUser, options: { dataDir?: string; random?: () => number; pushBatchSize?: number; logger?: Logger } = {}): Promise<SyncClient> {
  const cache = openCache({ file: options.dataDir ? join(options.dataDir, 'cache.sqlite') : ':memory:' });
  const api = createCentralApi({ baseUrl, timeoutMilliseconds: 5000 });
  const clock = { now: () => new Date() };
  const session = new Session({ sqlite: cache.sqlite, api, secrets: memorySecretStore(), now: clock.now });
  const engine = new SyncEngine({
    sqlite: cache.sqlite, api, session, clock, random: options.random ?? (() => 0.5), logger: options.logger ?? silentLogger,
    schedule: () => () => undefined, backoffBaseMilliseconds: 0, backoffMaxMilliseconds: 0, pageSize: 50,
    pushBatchSize: options.pushBatchSize ?? 100,
  });
  await session.signIn(user.username, password);
  return {
    cache, api, session, engine,
    caseIds: () => (cache.sqlite.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as string[]),
    close: () => {
      void engine.stop();
      cache.sqlite.close();
    },
  };
}

/** The server's current assignee of a case. */
export async function serverAssignee(server: TestServer, caseId: string): Promise<string | null> {
  const [row] = await server.database.db.select({ assigneeId: cases.assigneeId }).from(cases).where(eq(cases.id, caseId));
  return row?.assigneeId ?? null;
}

/** How many times the server recorded an event of `kind` on a case (exactly-once checks). */
export async function serverEventCount(server: TestServer, caseId: string, kind: string): Promise<number> {
  const rows = await server.database.db.select({ id: caseEvents.id }).from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, kind)));
  return rows.length;
}

/**
 * The data host: owns the local cache and answers the contract. It is plain Node and never imports
 * electron, so the same code runs in the app's utilityProcess, in the browser preview and in tests.
 * Transports (MessagePort, WebSocket) attach to it through `serve`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calls, events, type AppInfo, type HostHandlers, type SyncStatus, type TrainingInfo } from '../../shared/contract';
import { serveRpc, type MessageEndpoint, type RpcServer } from '../../shared/rpc';
import { RpcError } from '../../shared/rpc';
import { listCases, readCase, searchCases, syncStatesOf, toSummary } from './cases';
import { openCache, type OpenedCache } from './db/open';
import { createLogger, type Logger } from './log';
import { reviewHandlers } from './review';
import { readLanguage, writeLanguage } from './settings';
import type { Cancel, Clock } from './sync/engine';
import { memorySecretStore, type SecretStore } from './sync/session';
import { SyncService } from './sync/service';
import { QueueService } from './queue/service';
import { calendarDateInAmsterdam } from '../../shared/domain/dates';

export interface HostOptions {
  /** Folder of the local cache; ':memory:' keeps everything in memory (tests). */
  dataDir: string;
  nativeBinding?: string | undefined;
  appVersion?: string;
  /** The central API; absent means the embedded training environment. */
  serverUrl?: string | undefined;
  /** True when serverUrl is the embedded training server main started (shown as training). */
  trainingServer?: boolean;
  logger?: Logger;
  /**
   * Where sign-in tokens are kept. In the app the main process provides one backed by
   * safeStorage; without it tokens live in memory and the user signs in after each start.
   */
  secrets?: SecretStore;
  /** Injected for tests: clock, randomness, timers and network. */
  clock?: Clock;
  random?: () => number;
  schedule?: (callback: () => void, milliseconds: number) => Cancel;
  fetch?: typeof fetch;
  /** How long after the last online sign-in offline work is allowed (default 7 days). */
  offlineGraceMilliseconds?: number;
  /** Size cap of the document cache in bytes (default 2 GB). */
  documentCacheBytes?: number;
  /** Start background sync at once (default true); tests drive it with sync.now instead. */
  backgroundSync?: boolean;
}

/** What a connection's calls know about who is calling. */
export interface CallContext {
  connectionId: number;
}

export interface Host {
  readonly cache: OpenedCache;
  /** Present when a central API is configured. */
  readonly sync: SyncService | null;
  /** Serves the contract on one endpoint (a window's port, a WebSocket); returns its disposer. */
  serve(endpoint: MessageEndpoint): () => void;
  /** Pushes an event to every connected window. */
  broadcast: RpcServer<typeof events>['emit'];
  close(): void;
}

function requireSync(sync: SyncService | null): SyncService {
  if (!sync) throw new RpcError('unavailable', 'This workbench has no central API to sign in to or synchronise with.');
  return sync;
}

/** The cache file inside the data folder. */
export function cacheFile(dataDir: string): string {
  return dataDir === ':memory:' ? ':memory:' : join(dataDir, 'cache.sqlite');
}

/** Opens the local cache and returns a host ready to serve connections. */
export function createHost(options: HostOptions): Host {
  const logger = options.logger ?? createLogger('host');
  const cache = openCache({ file: cacheFile(options.dataDir), nativeBinding: options.nativeBinding });
  if (cache.quarantinedPath) logger.warn('cache.quarantined', { reason: 'unreadable' });
  if (cache.backupPath) logger.info('cache.migrated', { from: cache.previousVersion });
  const { db } = cache;

  const isTraining = !options.serverUrl || options.trainingServer === true;
  const environment: AppInfo['environment'] = isTraining ? 'training' : 'production';
  // Events go to every connection; `servers` is filled as windows connect.
  const servers = new Set<RpcServer<typeof events>>();
  const broadcast: RpcServer<typeof events>['emit'] = (name, payload) => {
    for (const server of servers) server.emit(name, payload);
  };
  // An in-memory cache gets a private temporary document folder, removed on close.
  const documentsFolder = options.dataDir === ':memory:' ? mkdtempSync(join(tmpdir(), 'werkbank-documents-')) : join(options.dataDir, 'documents');
  const sync = options.serverUrl
    ? new SyncService({
      sqlite: cache.sqlite, serverUrl: options.serverUrl, secrets: options.secrets ?? memorySecretStore(), logger,
      documentsFolder,
      ...(options.documentCacheBytes === undefined ? {} : { documentCacheBytes: options.documentCacheBytes }),
      ...(options.clock ? { clock: options.clock } : {}), ...(options.random ? { random: options.random } : {}),
      ...(options.schedule ? { schedule: options.schedule } : {}), ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.offlineGraceMilliseconds === undefined ? {} : { offlineGraceMilliseconds: options.offlineGraceMilliseconds }),
      background: options.backgroundSync !== false,
      onDidChangeStatus: (status) => broadcast('sync.changed', status),
      onDidChangeCases: (caseIds) => broadcast('cases.changed', { caseIds }),
      environment: isTraining ? 'training' : 'production',
      onDidChangeTraining: (info) => broadcast('training.changed', info),
    })
    : null;
  sync?.start();
  const queue = new QueueService({
    sqlite: cache.sqlite,
    userId: () => sync?.session.userId() ?? null,
    today: () => sync?.today() ?? calendarDateInAmsterdam(options.clock?.now() ?? new Date()),
    ...(sync ? { mutate: (name: string, args: unknown) => sync.engine.mutate(name, args) } : {}),
  });
  const syncStatus = (): SyncStatus => sync?.engine.status() ?? { state: 'offline', lastSyncAt: null, pending: 0, conflicts: 0 };

  const handlers: HostHandlers<CallContext> = {
    'app.info': () => ({
      environment,
      environmentName: !isTraining && options.serverUrl ? new URL(options.serverUrl).host : 'training',
      version: options.appVersion ?? '0.0.0',
      language: readLanguage(db),
    }),
    'settings.setLanguage': ({ language }) => {
      writeLanguage(db, language);
      return { language };
    },
    'cases.list': ({ limit, offset }) => listCases(db, limit, offset, cache.sqlite),
    'cases.search': ({ query, limit }) => ({ items: searchCases(cache.sqlite, db, query, limit) }),
    'cases.open': ({ caseId }) => {
      const row = readCase(db, caseId);
      if (!row) throw new RpcError('not_found', 'This case is not in the local cache.');
      // Reads are audited: recorded now, uploaded with the next sync (offline or not).
      sync?.engine.recordRead('case', caseId);
      queue.markSeen(caseId, (options.clock?.now() ?? new Date()).toISOString());
      return toSummary(row, syncStatesOf(cache.sqlite, [caseId]).get(caseId) ?? null);
    },
    'queue.list': (query) => queue.queue(query),
    'queue.directory': () => queue.directory(),
    'queue.views': () => queue.views(),
    'queue.takeNext': () => queue.takeNext(),
    'queue.explain': ({ caseId }) => queue.explain(caseId),
    'session.signIn': ({ username, password }) => requireSync(sync).signIn(username, password),
    'session.signOut': () => requireSync(sync).signOut(),
    'session.current': async () => ({ user: (await sync?.currentUser()) ?? null, signInAvailable: sync !== null }),
    'session.demoUsers': () => sync?.demoUsers(isTraining) ?? { users: [] },
    'sync.status': () => syncStatus(),
    'sync.now': () => requireSync(sync).syncNow(),
    'sync.mutate': ({ name, args }) => requireSync(sync).engine.mutate(name, args),
    'sync.outbox': () => requireSync(sync).outbox(),
    'sync.conflicts': () => requireSync(sync).conflicts(),
    'sync.resolveConflict': ({ id, keep }) => requireSync(sync).resolveConflict(id, keep),
    'documents.list': ({ caseId }) => requireSync(sync).listDocuments(caseId),
    'documents.open': ({ documentId }) => requireSync(sync).openDocument(documentId),
    'training.info': async (): Promise<TrainingInfo> => (await sync?.trainingInfo()) ?? { active: isTraining, today: null, clock: null },
    'training.setClock': (args) => requireSync(sync).setTrainingClock(args),
    'training.scenarios': () => requireSync(sync).trainingScenarios(),
    'training.resetScenarios': ({ scenarios }) => requireSync(sync).resetTrainingScenarios(scenarios),
    ...reviewHandlers(cache.sqlite, db),
  };

  let nextConnection = 1;

  return {
    cache,
    sync,
    serve(endpoint) {
      const connectionId = nextConnection++;
      const server = serveRpc(endpoint, {
        calls,
        events,
        handlers,
        context: { connectionId },
        onInternalError: (method, error) =>
          logger.error('rpc.failed', { method, connectionId, error: error instanceof Error ? error.name : 'unknown' }),
      });
      servers.add(server);
      const dispose = (): void => {
        server.dispose();
        servers.delete(server);
      };
      endpoint.onClose?.(dispose);
      return dispose;
    },
    broadcast,
    close() {
      void sync?.close();
      if (options.dataDir === ':memory:') rmSync(documentsFolder, { recursive: true, force: true });
      for (const server of servers) server.dispose();
      servers.clear();
      cache.sqlite.close();
    },
  };
}

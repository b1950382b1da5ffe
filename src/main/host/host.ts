/**
 * The data host: owns the local cache and answers the contract. It is plain Node and never imports
 * electron, so the same code runs in the app's utilityProcess, in the browser preview and in tests.
 * Each feature folder answers its namespaces of the contract; this file only builds the shared
 * parts and composes the features' handlers. Transports (MessagePort, WebSocket) attach through `serve`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calls, events, type AppInfo, type HostHandlers } from '../../shared/contract';
import { calendarDateInAmsterdam } from '../../shared/domain/dates';
import { serveRpc, type MessageEndpoint, type RpcServer } from '../../shared/rpc';
import { appHandlers } from './app/handlers';
import { announceCases } from './cases/announce';
import { casesHandlers } from './cases/handlers';
import type { Broadcast, CallContext, HostOptions, HostParts } from './context';
import { openCache, type OpenedCache } from './db/open';
import { documentsHandlers } from './documents/handlers';
import { createLogger } from './log';
import { queueHandlers } from './queue/handlers';
import { QueueService } from './queue/service';
import { reviewHandlers } from './review/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { lettersHandlers } from './letters/handlers';
import { messagesHandlers } from './messages/handlers';
import { sessionHandlers } from './session/handlers';
import { memorySecretStore } from './session/session';
import { syncHandlers } from './sync/handlers';
import { SyncService } from './sync/service';
import { trainingHandlers } from './training/handlers';

export type { CallContext, HostOptions } from './context';

export interface Host {
  readonly cache: OpenedCache;
  /** Present when a central API is configured. */
  readonly sync: SyncService | null;
  /** Serves the contract on one endpoint (a window's port, a WebSocket); returns its disposer. */
  serve(endpoint: MessageEndpoint): () => void;
  /** Pushes an event to every connected window. */
  broadcast: Broadcast;
  close(): void;
}

/** The cache file inside the data folder. */
export function cacheFile(dataDir: string): string {
  return dataDir === ':memory:' ? ':memory:' : join(dataDir, 'cache.sqlite');
}

/** Every call of the contract, answered by its feature; a call without a handler fails to compile. */
function composeHandlers(parts: HostParts): HostHandlers<CallContext> {
  return {
    ...appHandlers(parts),
    ...casesHandlers(parts),
    ...sessionHandlers(parts),
    ...syncHandlers(parts),
    ...documentsHandlers(parts),
    ...trainingHandlers(parts),
    ...queueHandlers(parts),
    ...reviewHandlers(parts),
    ...dashboardHandlers(parts),
    ...lettersHandlers(parts),
    ...messagesHandlers(parts),
  };
}

/** Opens the local cache and returns a host ready to serve connections. */
export function createHost(options: HostOptions): Host {
  const logger = options.logger ?? createLogger('host');
  const cache = openCache({ file: cacheFile(options.dataDir), nativeBinding: options.nativeBinding });
  if (cache.quarantinedPath) logger.warn('cache.quarantined', { reason: 'unreadable' });
  if (cache.backupPath) logger.info('cache.migrated', { from: cache.previousVersion });

  const isTraining = !options.serverUrl || options.trainingServer === true;
  const environment: AppInfo['environment'] = isTraining ? 'training' : 'production';
  const now = (): Date => options.clock?.now() ?? new Date();
  // Events go to every connection; `servers` is filled as windows connect.
  const servers = new Set<RpcServer<typeof events>>();
  const broadcast: Broadcast = (name, payload) => {
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
      onDidChangeStatus: (status) => {
        broadcast('sync.changed', status);
        options.onDidChangeOutbox?.(status.pending);
      },
      onDidChangeCases: (change) => announceCases(broadcast, change),
      onDidReceiveMessages: (received) => {
        for (const message of received) broadcast('messages.received', message);
        options.onDidReceiveMessages?.(received);
      },
      environment: isTraining ? 'training' : 'production',
      onDidChangeTraining: (info) => broadcast('training.changed', info),
    })
    : null;
  sync?.start();
  const today = (): string => sync?.today() ?? calendarDateInAmsterdam(now());
  const queue = new QueueService({
    sqlite: cache.sqlite,
    userId: () => sync?.session.userId() ?? null,
    today,
    ...(sync ? { mutate: (name: string, args: unknown) => sync.engine.mutate(name, args) } : {}),
  });
  const handlers = composeHandlers({ options, cache, logger, environment, sync, queue, broadcast, now, today });

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

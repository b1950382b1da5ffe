/**
 * The data host: owns the local cache and answers the contract. It is plain Node and never imports
 * electron, so the same code runs in the app's utilityProcess, in the browser preview and in tests.
 * Transports (MessagePort, WebSocket) attach to it through `serve`.
 */
import { join } from 'node:path';
import { calls, events, type AppInfo, type HostHandlers, type SyncStatus } from '../../shared/contract';
import { serveRpc, type MessageEndpoint, type RpcServer } from '../../shared/rpc';
import { listCases } from './cases';
import { openCache, type OpenedCache } from './db/open';
import { createLogger, type Logger } from './log';
import { readLanguage, writeLanguage } from './settings';

export interface HostOptions {
  /** Folder of the local cache; ':memory:' keeps everything in memory (tests). */
  dataDir: string;
  nativeBinding?: string | undefined;
  appVersion?: string;
  /** The central API; absent means the embedded training environment. */
  serverUrl?: string | undefined;
  logger?: Logger;
}

/** What a connection's calls know about who is calling. */
export interface CallContext {
  connectionId: number;
}

export interface Host {
  readonly cache: OpenedCache;
  /** Serves the contract on one endpoint (a window's port, a WebSocket); returns its disposer. */
  serve(endpoint: MessageEndpoint): () => void;
  /** Pushes an event to every connected window. */
  broadcast: RpcServer<typeof events>['emit'];
  close(): void;
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

  const environment: AppInfo['environment'] = options.serverUrl ? 'production' : 'training';
  const syncStatus = (): SyncStatus => ({ state: 'offline', lastSyncAt: null, pending: 0, conflicts: 0 });

  const handlers: HostHandlers<CallContext> = {
    'app.info': () => ({
      environment,
      environmentName: options.serverUrl ? new URL(options.serverUrl).host : 'training',
      version: options.appVersion ?? '0.0.0',
      language: readLanguage(db),
    }),
    'settings.setLanguage': ({ language }) => {
      writeLanguage(db, language);
      return { language };
    },
    'cases.list': ({ limit, offset }) => listCases(db, limit, offset),
    'sync.status': () => syncStatus(),
  };

  const servers = new Set<RpcServer<typeof events>>();
  let nextConnection = 1;

  return {
    cache,
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
    broadcast(name, payload) {
      for (const server of servers) server.emit(name, payload);
    },
    close() {
      for (const server of servers) server.dispose();
      servers.clear();
      cache.sqlite.close();
    },
  };
}

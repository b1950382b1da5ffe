/**
 * What the host's feature folders get to answer their calls: the cache, the central API stack (when
 * one is configured), the queue, the day and the clock, and the broadcast of host events. host.ts
 * builds it once; each feature's `handlers(parts)` answers its namespaces of the contract.
 */
import type { AppInfo, events, FeatureHandlers } from '../../shared/contract';
import type { RpcServer } from '../../shared/rpc';
import type { OpenedCache } from './db/open';
import type { Logger } from './log';
import type { ReceivedMessage } from './messages/projector';
import type { QueueService } from './queue/service';
import type { SecretStore } from './session/session';
import type { Cancel, Clock } from './sync/engine';
import type { SyncService } from './sync/service';

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
  /**
   * The letter templates and fonts. The packaged app ships them next to app.asar, where a bundle
   * cannot find them from its own file (src/render/letters/location.ts); absent, the repository's.
   */
  lettersDirectory?: string | undefined;
  fontsDirectory?: string | undefined;
  /** The number of changes waiting in the outbox, each time the sync status changes (main's restart-to-update). */
  onDidChangeOutbox?: (pending: number) => void;
  /** The message templates (resources/messages, shipped like the letters'); absent, the repository's. */
  messagesDirectory?: string | undefined;
  /**
   * New inbound messages of a pull, besides the `messages.received` event to the windows: the
   * utility process hands them to main for the system notification (ids and case number only).
   */
  onDidReceiveMessages?: (messages: ReceivedMessage[]) => void;
}

/** What a connection's calls know about who is calling. */
export interface CallContext {
  connectionId: number;
}

/** Pushes an event to every connected window. */
export type Broadcast = RpcServer<typeof events>['emit'];

/** The parts of one host that its features share. */
export interface HostParts {
  readonly options: HostOptions;
  readonly cache: OpenedCache;
  readonly logger: Logger;
  readonly environment: AppInfo['environment'];
  /** Present when a central API is configured. */
  readonly sync: SyncService | null;
  readonly queue: QueueService;
  readonly broadcast: Broadcast;
  now(): Date;
  /** The day of the legal periods (the training "today" in training). */
  today(): string;
}

/** The handlers a feature folder contributes, for the calls of its contract file(s). */
export type HandlersOf<FeatureCalls extends Record<string, unknown>> = FeatureHandlers<FeatureCalls, CallContext>;

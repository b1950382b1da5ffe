/**
 * The central API stack of one host: API client, session, document cache, sync engine and the
 * training clock over the cache, wired together. Built only when a central API is configured; the
 * feature folders (session, sync, documents, training) answer the contract's calls with it.
 */
import type Database from 'better-sqlite3';
import type { SyncStatus, TrainingInfo } from '../../../shared/contract';
import { DocumentCache } from '../documents/cache';
import type { Logger } from '../log';
import { Session, type SecretStore } from '../session/session';
import { createTrainingApi, type TrainingApi } from '../training/api';
import { TrainingClock } from '../training/clock';
import { createCentralApi, type CentralApi } from './api-client';
import type { ReceivedMessage } from '../messages/projector';
import type { CasesChange } from './cases-change';
import { SyncEngine, type Cancel, type Clock } from './engine';

export interface SyncServiceOptions {
  sqlite: Database.Database;
  serverUrl: string;
  secrets: SecretStore;
  /** Folder of the document cache. */
  documentsFolder: string;
  /** Size cap of the document cache (default 2 GB). */
  documentCacheBytes?: number;
  /** Documents of this many cases at the top of the queue are prefetched after each sync (default 20). */
  prefetchCases?: number;
  logger: Logger;
  clock?: Clock;
  random?: () => number;
  fetch?: typeof fetch;
  schedule?: (callback: () => void, milliseconds: number) => Cancel;
  offlineGraceMilliseconds?: number;
  pollMilliseconds?: number;
  /** Sync in the background (poke channel, polling, retries); false leaves every cycle to sync.now. */
  background: boolean;
  onDidChangeStatus: (status: SyncStatus) => void;
  onDidChangeCases: (change: CasesChange) => void;
  /** New inbound messages of a pull after the cache's first filling. */
  onDidReceiveMessages?: (messages: ReceivedMessage[]) => void;
  /**
   * Which kind of server this host is configured for: sign-in refuses a server whose /health names
   * the other environment. Default 'production'.
   */
  environment?: 'training' | 'production';
  /** The training "today" or clock changed (training environment only). */
  onDidChangeTraining?: (info: TrainingInfo) => void;
}

export class SyncService {
  readonly engine: SyncEngine;
  readonly session: Session;
  readonly documents: DocumentCache;
  readonly training: TrainingClock;
  readonly api: CentralApi;
  readonly trainingApi: TrainingApi;
  readonly clock: Clock;
  private prefetching: Promise<unknown> | null = null;

  constructor(readonly options: SyncServiceOptions) {
    this.clock = options.clock ?? { now: () => new Date() };
    const transport = { baseUrl: options.serverUrl, ...(options.fetch ? { fetch: options.fetch } : {}) };
    this.api = createCentralApi(transport);
    this.trainingApi = createTrainingApi(transport);
    this.session = new Session({
      sqlite: options.sqlite, api: this.api, secrets: options.secrets, now: () => this.clock.now(),
      ...(options.offlineGraceMilliseconds === undefined ? {} : { offlineGraceMilliseconds: options.offlineGraceMilliseconds }),
      onDidWipe: () => this.documents.removeAllFiles(),
    });
    this.documents = new DocumentCache({
      sqlite: options.sqlite, folder: options.documentsFolder, api: this.api, now: () => this.clock.now(),
      authorised: (call) => this.session.authorised(call),
      ...(options.documentCacheBytes === undefined ? {} : { capBytes: options.documentCacheBytes }),
    });
    this.training = new TrainingClock({
      active: options.environment === 'training', api: this.trainingApi, session: this.session, clock: this.clock,
      syncAfterChange: () => this.engine.syncNow().catch(() => undefined),
      ...(options.onDidChangeTraining ? { onDidChange: options.onDidChangeTraining } : {}),
    });
    this.engine = new SyncEngine({
      sqlite: options.sqlite, api: this.api, session: this.session, clock: this.clock, random: options.random ?? Math.random,
      logger: options.logger, onDidChangeStatus: options.onDidChangeStatus, onDidChangeCases: options.onDidChangeCases,
      today: () => this.today(),
      onDidSync: () => {
        this.prefetch();
        void this.training.refresh();
      },
      ...(options.schedule ? { schedule: options.schedule } : {}),
      ...(options.onDidReceiveMessages ? { onDidReceiveMessages: options.onDidReceiveMessages } : {}),
      ...(options.pollMilliseconds === undefined ? {} : { pollMilliseconds: options.pollMilliseconds }),
    });
  }

  /** Prefetches the queue's first documents, one run at a time; it never fails a sync. */
  private prefetch(): void {
    if (this.prefetching || !this.options.background) return;
    this.prefetching = this.documents.prefetch(this.options.prefetchCases ?? 20)
      .catch(() => 0)
      .finally(() => {
        this.prefetching = null;
      });
  }

  /** Starts background sync when someone is signed in on this machine. */
  start(): void {
    if (this.options.background && this.session.userId() !== null) this.engine.start();
  }

  /** The day of the legal periods here (the training "today" in training). */
  today(): string {
    return this.training.today();
  }

  /** Synchronises now, at the user's request: queued work goes out at once. */
  async syncNow(): Promise<SyncStatus> {
    await this.engine.syncNow({ userRequested: true });
    return this.engine.status();
  }

  close(): Promise<void> {
    return this.engine.stop();
  }
}

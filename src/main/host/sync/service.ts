/**
 * The sync stack of one host: API client, session and engine over the cache, plus the contract's
 * sign-in, sync and conflicts calls. Built only when a central API is configured.
 */
import { calendarDateInAmsterdam } from '../../../shared/domain/dates';
import type Database from 'better-sqlite3';
import type {
  ConflictItem, DocumentInfo, OutboxItemInfo, SignedInUserInfo, SyncStatus, TrainingInfo, TrainingScenario,
} from '../../../shared/contract';
import type { DemoUser } from '../../../shared/sync';
import { DocumentCache } from '../documents/cache';
import { RpcError } from '../../../shared/rpc';
import type { Logger } from '../log';
import { CentralApiError, createCentralApi, type CentralApi } from './api-client';
import { SyncEngine, type Cancel, type Clock } from './engine';
import { Session, type SecretStore } from './session';
import { createTrainingApi, type TrainingApi } from './training-api';

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
  onDidChangeCases: (caseIds: string[]) => void;
  /**
   * Which kind of server this host is configured for: sign-in refuses a server whose /health names
   * the other environment. Default 'production'.
   */
  environment?: 'training' | 'production';
  /** The training "today" or clock changed (training environment only). */
  onDidChangeTraining?: (info: TrainingInfo) => void;
}

/** Thrown at sign-in when the server is of the other environment than this workbench expects. */
export class EnvironmentMismatch extends RpcError {
  constructor(expected: 'training' | 'production', actual: 'training' | 'production') {
    super('forbidden', expected === 'training'
      ? 'This training workbench refuses to sign in to a production server. Ask the service desk for the right workbench.'
      : 'This workbench refuses to sign in to a training server. Ask the service desk for the right workbench.',
    { reason: 'environment_mismatch', expected, actual });
  }
}

/** A failed trainer call as the user should read it. */
function trainerError(error: unknown): RpcError {
  if (error instanceof RpcError) return error;
  if (error instanceof CentralApiError) {
    if (error.status === 403) return new RpcError('forbidden', 'Only a trainer may change the training environment.', { reason: 'not_trainer' });
    if (error.status === 404) return new RpcError('not_found', 'The training server does not know this scenario.');
    return new RpcError('unavailable', 'The training server cannot be reached. Check the connection and try again.', { kind: error.kind });
  }
  return new RpcError('internal', 'The training server call failed.');
}

/** A sign-in failure as the user should read it. */
function signInError(error: unknown): RpcError {
  if (error instanceof CentralApiError) {
    if (error.kind === 'unauthenticated') return new RpcError('forbidden', 'The username or password is not right.', { reason: 'wrong_credentials' });
    if (error.kind === 'rate_limited') return new RpcError('unavailable', 'Too many sign-in attempts. Wait a minute and try again.', { reason: 'rate_limited' });
    return new RpcError('unavailable', 'The central API cannot be reached. Check the connection and try again.', { kind: error.kind });
  }
  return error instanceof RpcError ? error : new RpcError('internal', 'Signing in failed.');
}

export class SyncService {
  readonly engine: SyncEngine;
  readonly session: Session;
  readonly documents: DocumentCache;
  private readonly api: CentralApi;
  private readonly trainingApi: TrainingApi;
  private readonly clock: Clock;
  private prefetching: Promise<unknown> | null = null;
  private training: TrainingInfo;
  private trainingRefresh: Promise<TrainingInfo> | null = null;

  constructor(private readonly options: SyncServiceOptions) {
    this.clock = options.clock ?? { now: () => new Date() };
    const api = createCentralApi({ baseUrl: options.serverUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
    this.api = api;
    this.trainingApi = createTrainingApi({ baseUrl: options.serverUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
    this.training = { active: options.environment === 'training', today: null, clock: null };
    this.session = new Session({
      sqlite: options.sqlite, api, secrets: options.secrets, now: () => this.clock.now(),
      ...(options.offlineGraceMilliseconds === undefined ? {} : { offlineGraceMilliseconds: options.offlineGraceMilliseconds }),
      onDidWipe: () => this.documents.removeAllFiles(),
    });
    this.documents = new DocumentCache({
      sqlite: options.sqlite, folder: options.documentsFolder, api, now: () => this.clock.now(),
      accessToken: () => this.session.accessToken(), refreshToken: () => this.session.refresh(),
      ...(options.documentCacheBytes === undefined ? {} : { capBytes: options.documentCacheBytes }),
    });
    this.engine = new SyncEngine({
      sqlite: options.sqlite, api, session: this.session, clock: this.clock, random: options.random ?? Math.random,
      logger: options.logger, onDidChangeStatus: options.onDidChangeStatus, onDidChangeCases: options.onDidChangeCases,
      today: () => this.today(),
      onDidSync: () => {
        this.prefetch();
        void this.refreshTraining();
      },
      ...(options.schedule ? { schedule: options.schedule } : {}),
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

  /** The documents of a case with whether each is on disk. */
  listDocuments(caseId: string): { items: DocumentInfo[] } {
    const rows = this.options.sqlite.prepare(`SELECT d.id, d.case_id AS caseId, d.title, d.kind, d.media_type AS mediaType, d.sha256, d.size,
        f.sha256 IS NOT NULL AS cached FROM documents d LEFT JOIN document_files f ON f.sha256 = d.sha256
      WHERE d.case_id = ? ORDER BY d.title, d.id`).all(caseId) as (Omit<DocumentInfo, 'cached'> & { cached: number })[];
    return { items: rows.map((row) => ({ ...row, cached: row.cached === 1 })) };
  }

  /** A document's verified bytes; the read is recorded for the audit log first. */
  async openDocument(documentId: string): Promise<{ documentId: string; mediaType: string; sha256: string; bytes: Uint8Array }> {
    const document = await this.documents.open(documentId);
    this.engine.recordRead('document', documentId);
    return { documentId, mediaType: document.mediaType, sha256: document.sha256, bytes: document.bytes };
  }

  /** Starts background sync when someone is signed in on this machine. */
  start(): void {
    if (this.options.background && this.session.userId() !== null) this.engine.start();
  }

  /** Refuses a server of the other environment (a training workbench never signs in to production, and vice versa). */
  private async checkEnvironment(): Promise<void> {
    const expected = this.options.environment ?? 'production';
    const { environment } = await this.trainingApi.health();
    if (environment !== expected) throw new EnvironmentMismatch(expected, environment);
  }

  async signIn(username: string, password: string): Promise<{ user: SignedInUserInfo }> {
    let signedIn;
    try {
      await this.checkEnvironment();
      signedIn = await this.session.signIn(username, password);
    } catch (error) {
      throw signInError(error);
    }
    const { scopeChanged, ...user } = signedIn;
    // A new role can see other cases: pull everything again, keeping outbox and conflicts.
    if (scopeChanged) this.options.onDidChangeCases(this.engine.inbound.resetForBootstrap());
    this.options.onDidChangeCases([]);
    this.engine.didSignIn();
    this.start();
    void this.refreshTraining();
    return { user };
  }

  /** The day of the legal periods here: the training "today" as last heard in training, else today in Amsterdam. */
  today(): string {
    return (this.training.active ? this.training.today : null) ?? calendarDateInAmsterdam(this.clock.now());
  }

  /** What the host knows of the training clock; asks the training server when it has not heard yet. */
  async trainingInfo(): Promise<TrainingInfo> {
    if (this.training.active && this.training.today === null) await this.refreshTraining();
    return this.training;
  }

  /** Reads /training/info (one request at a time) and reports a changed "today" or clock; never throws. */
  refreshTraining(): Promise<TrainingInfo> {
    if (!this.training.active) return Promise.resolve(this.training);
    this.trainingRefresh ??= this.trainingApi.info()
      .then((info) => this.setTraining(info.today, info.clock), () => this.training)
      .finally(() => {
        this.trainingRefresh = null;
      });
    return this.trainingRefresh;
  }

  private setTraining(today: string, clock: TrainingInfo['clock']): TrainingInfo {
    const next: TrainingInfo = { active: true, today, clock };
    const changed = JSON.stringify(next) !== JSON.stringify(this.training);
    this.training = next;
    if (changed) this.options.onDidChangeTraining?.(next);
    return next;
  }

  /** Calls a trainer endpoint with the signed-in user's token, refreshing it once after a 401. */
  private async asTrainer<T>(call: (token: string) => Promise<T>): Promise<T> {
    if (!this.training.active) throw new RpcError('unavailable', 'This workbench is not connected to a training environment.');
    try {
      try {
        return await call(await this.session.accessToken());
      } catch (error) {
        if (error instanceof CentralApiError && error.kind === 'unauthenticated') return await call(await this.session.refresh());
        throw error;
      }
    } catch (error) {
      throw trainerError(error);
    }
  }

  /** Runs a sync after a trainer's change so the queue follows; a failed sync does not fail the change. */
  private async syncAfterChange(): Promise<void> {
    await this.engine.syncNow().catch(() => undefined);
  }

  async setTrainingClock(body: { today: string } | { mode: 'real' }): Promise<TrainingInfo> {
    const answer = await this.asTrainer((token) => this.trainingApi.setClock(token, body));
    const info = this.setTraining(answer.today, answer.setting);
    await this.syncAfterChange();
    return info;
  }

  async trainingScenarios(): Promise<{ items: TrainingScenario[] }> {
    return { items: await this.asTrainer((token) => this.trainingApi.scenarios(token)) };
  }

  async resetTrainingScenarios(scenarios: string[] | undefined): Promise<{ scenarios: string[]; cases: number }> {
    const result = await this.asTrainer((token) => this.trainingApi.resetScenarios(token, scenarios));
    await this.syncAfterChange();
    return result;
  }

  /** Who is signed in (null before the first sign-in or after signing out). */
  async currentUser(): Promise<SignedInUserInfo | null> {
    return this.session.user();
  }

  /** The demo users a training server offers; a production server has none to offer. */
  async demoUsers(training: boolean): Promise<{ users: DemoUser[] }> {
    if (!training) return { users: [] };
    try {
      return { users: await this.api.demoUsers() };
    } catch {
      // The sign-in screen still works without the list: the user types a name.
      return { users: [] };
    }
  }

  async signOut(): Promise<Record<string, never>> {
    await this.engine.stop();
    await this.session.signOut();
    this.options.onDidChangeStatus(this.engine.status());
    return {};
  }

  async syncNow(): Promise<SyncStatus> {
    await this.engine.syncNow({ userRequested: true });
    return this.engine.status();
  }

  outbox(): { items: OutboxItemInfo[] } {
    return {
      items: this.engine.outbox.items().map((item) => ({
        clientMutationId: item.clientMutationId, name: item.name, caseId: item.caseId, state: item.state,
        attempts: item.attempts, errorCode: item.errorCode, queuedAt: item.queuedAt,
      })),
    };
  }

  conflicts(): { items: ConflictItem[] } {
    return {
      items: this.engine.outbox.conflicts().map((row) => ({
        id: row.id, name: row.name, caseId: row.caseId, entity: row.entity, entityId: row.entityId,
        fields: JSON.parse(row.fields) as string[],
        mine: { args: JSON.parse(row.args) as Record<string, unknown>, base: JSON.parse(row.base) as Record<string, unknown> },
        theirs: JSON.parse(row.server) as Record<string, unknown>,
        createdAt: row.createdAt,
      })),
    };
  }

  resolveConflict(id: number, keep: 'mine' | 'theirs'): Record<string, never> {
    const caseId = this.engine.outbox.resolveConflict(id, keep, this.clock.now().toISOString());
    if (caseId) this.options.onDidChangeCases([caseId]);
    this.options.onDidChangeStatus(this.engine.status());
    if (keep === 'mine') void this.engine.syncNow().catch(() => undefined);
    return {};
  }

  close(): Promise<void> {
    return this.engine.stop();
  }
}

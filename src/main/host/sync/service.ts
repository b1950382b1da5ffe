/**
 * The sync stack of one host: API client, session and engine over the cache, plus the contract's
 * sign-in, sync and conflicts calls. Built only when a central API is configured.
 */
import type Database from 'better-sqlite3';
import type { ConflictItem, DocumentInfo, OutboxItemInfo, SignedInUserInfo, SyncStatus } from '../../../shared/contract';
import type { DemoUser } from '../../../shared/sync';
import { DocumentCache } from '../documents/cache';
import { RpcError } from '../../../shared/rpc';
import type { Logger } from '../log';
import { CentralApiError, createCentralApi, type CentralApi } from './api-client';
import { SyncEngine, type Cancel, type Clock } from './engine';
import { Session, type SecretStore } from './session';

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
  private readonly clock: Clock;
  private prefetching: Promise<unknown> | null = null;

  constructor(private readonly options: SyncServiceOptions) {
    this.clock = options.clock ?? { now: () => new Date() };
    const api = createCentralApi({ baseUrl: options.serverUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
    this.api = api;
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
      onDidSync: () => this.prefetch(),
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
  async openDocument(documentId: string): Promise<{ documentId: string; mediaType: string; sha256: string; contentBase64: string }> {
    const document = await this.documents.open(documentId);
    this.engine.recordRead('document', documentId);
    return { documentId, mediaType: document.mediaType, sha256: document.sha256, contentBase64: Buffer.from(document.bytes).toString('base64') };
  }

  /** Starts background sync when someone is signed in on this machine. */
  start(): void {
    if (this.options.background && this.session.userId() !== null) this.engine.start();
  }

  async signIn(username: string, password: string): Promise<{ user: SignedInUserInfo }> {
    let signedIn;
    try {
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
    return { user };
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
    await this.engine.syncNow();
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

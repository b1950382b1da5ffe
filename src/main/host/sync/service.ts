/**
 * The sync stack of one host: API client, session and engine over the cache, plus the contract's
 * sign-in, sync and conflicts calls. Built only when a central API is configured.
 */
import type Database from 'better-sqlite3';
import type { ConflictItem, OutboxItemInfo, SignedInUserInfo, SyncStatus } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc';
import type { Logger } from '../log';
import { CentralApiError, createCentralApi } from './api-client';
import { SyncEngine, type Cancel, type Clock } from './engine';
import { Session, type SecretStore } from './session';

export interface SyncServiceOptions {
  sqlite: Database.Database;
  serverUrl: string;
  secrets: SecretStore;
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
    if (error.kind === 'unauthenticated') return new RpcError('forbidden', 'The username or password is not right.');
    if (error.kind === 'rate_limited') return new RpcError('unavailable', 'Too many sign-in attempts. Wait a minute and try again.');
    return new RpcError('unavailable', 'The central API cannot be reached. Check the connection and try again.', { kind: error.kind });
  }
  return error instanceof RpcError ? error : new RpcError('internal', 'Signing in failed.');
}

export class SyncService {
  readonly engine: SyncEngine;
  readonly session: Session;
  private readonly clock: Clock;

  constructor(private readonly options: SyncServiceOptions) {
    this.clock = options.clock ?? { now: () => new Date() };
    const api = createCentralApi({ baseUrl: options.serverUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
    this.session = new Session({
      sqlite: options.sqlite, api, secrets: options.secrets, now: () => this.clock.now(),
      ...(options.offlineGraceMilliseconds === undefined ? {} : { offlineGraceMilliseconds: options.offlineGraceMilliseconds }),
    });
    this.engine = new SyncEngine({
      sqlite: options.sqlite, api, session: this.session, clock: this.clock, random: options.random ?? Math.random,
      logger: options.logger, onDidChangeStatus: options.onDidChangeStatus, onDidChangeCases: options.onDidChangeCases,
      ...(options.schedule ? { schedule: options.schedule } : {}),
      ...(options.pollMilliseconds === undefined ? {} : { pollMilliseconds: options.pollMilliseconds }),
    });
  }

  /** Starts background sync when someone is signed in on this machine. */
  start(): void {
    if (this.options.background && this.session.userId() !== null) this.engine.start();
  }

  async signIn(username: string, password: string): Promise<{ user: SignedInUserInfo }> {
    let user;
    try {
      user = await this.session.signIn(username, password);
    } catch (error) {
      throw signInError(error);
    }
    this.options.onDidChangeCases([]);
    this.engine.didSignIn();
    this.start();
    return { user };
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

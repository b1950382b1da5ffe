/**
 * The sync engine of the data host: push the outbox, pull pages after the cursor, rebase, and keep
 * the status the top bar shows. Clock, randomness and timers are injected so tests decide time.
 *
 * One cycle is push-then-pull: the pull then brings the server's version of what was just pushed,
 * and still-pending work is re-applied on top of it (inbound.ts). Cycles never overlap.
 */
import { calendarDateInAmsterdam } from '../../../shared/domain/dates';
import type Database from 'better-sqlite3';
import type { SyncStatus } from '../../../shared/contract';
import type { Logger } from '../log';
import type { PullResponse } from '../../../shared/sync';
import { CentralApiError, type CentralApi } from './api-client';
import { casesIn, type CasesChange } from './cases-change';
import type { ReceivedMessage } from '../messages/projector';
import { InboundStore } from './inbound';
import { Outbox } from './outbox';
import { SignInRequired, type Session } from '../session/session';

export interface Clock {
  now(): Date;
}

/** Cancels a scheduled callback. */
export type Cancel = () => void;

export interface EngineOptions {
  sqlite: Database.Database;
  api: CentralApi;
  session: Session;
  clock: Clock;
  /** Uniform in [0, 1): the jitter of the backoff. */
  random: () => number;
  logger: Logger;
  /** Schedules a callback; setTimeout by default. */
  schedule?: (callback: () => void, milliseconds: number) => Cancel;
  /** Rows asked per page (default 1,000; while bootstrapping, bootstrapPageSize unless this is given). */
  pageSize?: number;
  /**
   * Rows asked per page while bootstrapping (default 10,000). The next page is in flight while one
   * is applied, and the host cannot read it before that apply ends, so a page should be about as
   * large as what one apply commits: then the server's work hides behind the host's.
   */
  bootstrapPageSize?: number;
  pushBatchSize?: number;
  /** Pulled pages are committed together until they hold this many changes (default 20,000). */
  commitRows?: number;
  /** Polling interval while the poke channel is down (and as a safety net while it is up). */
  pollMilliseconds?: number;
  backoffBaseMilliseconds?: number;
  backoffMaxMilliseconds?: number;
  onDidChangeStatus?: (status: SyncStatus) => void;
  onDidChangeCases?: (change: CasesChange) => void;
  /** The day queue priorities are computed for; today in Amsterdam by the clock when absent. */
  today?: () => string;
  /** New inbound messages of a pull after the cache's first filling (ids only), once committed. */
  onDidReceiveMessages?: (messages: ReceivedMessage[]) => void;
  /** After each successful cycle (the document prefetch hangs off this). */
  onDidSync?: () => void;
}

/** The status plus what the sync indicator needs beyond the contract's fields. */
export interface EngineStatus extends SyncStatus {
  needsSignIn: boolean;
  failed: number;
  /** Rows received so far while bootstrapping; null when not bootstrapping. */
  bootstrapReceived: number | null;
  parked: number;
}

const defaultSchedule = (callback: () => void, milliseconds: number): Cancel => {
  const timer = setTimeout(callback, milliseconds);
  timer.unref?.();
  return () => clearTimeout(timer);
};

/** Exponential backoff with full jitter in its upper half: base·2^attempt, capped, times [0.5, 1). */
export function backoffDelay(attempt: number, random: () => number, base: number, max: number): number {
  const ceiling = Math.min(max, base * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

export class SyncEngine {
  readonly inbound: InboundStore;
  readonly outbox: Outbox;
  private online = false;
  private running: Promise<void> | null = null;
  private again = false;
  private needsSignIn = false;
  private lastErrorKind: string | null = null;
  private failures = 0;
  private bootstrapReceived: number | null = null;
  private lastStatus = '';
  private stopped = true;
  private retryTimer: Cancel | null = null;
  private pollTimer: Cancel | null = null;
  private listening: AbortController | null = null;
  private readonly schedule: (callback: () => void, milliseconds: number) => Cancel;

  constructor(private readonly options: EngineOptions) {
    this.inbound = new InboundStore(options.sqlite, () => options.session.userId() ?? '',
      options.today ?? (() => calendarDateInAmsterdam(options.clock.now())));
    this.outbox = new Outbox(options.sqlite, this.inbound);
    this.schedule = options.schedule ?? defaultSchedule;
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }

  /** What the top bar shows. */
  status(): EngineStatus {
    const counts = this.outbox.counts();
    const row = this.options.sqlite.prepare('SELECT last_sync_at AS lastSyncAt FROM sync_state WHERE id = 1').get() as { lastSyncAt: string | null };
    const state: SyncStatus['state'] = this.running ? 'syncing'
      : this.needsSignIn || this.lastErrorKind === 'invalid_response' || this.lastErrorKind === 'refused' ? 'error'
        : this.online ? 'online' : 'offline';
    return {
      state, lastSyncAt: row.lastSyncAt, pending: counts.pending, conflicts: counts.conflicts,
      needsSignIn: this.needsSignIn, failed: counts.failed, bootstrapReceived: this.bootstrapReceived,
      parked: this.inbound.countParked(),
    };
  }

  private emitStatus(): void {
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    this.options.onDidChangeStatus?.(status);
  }

  private emitCases(listed: Iterable<string>, cases: Iterable<string> | 'all' = listed): void {
    const change: CasesChange = { listed: [...listed], cases: cases === 'all' ? 'all' : [...cases] };
    if (change.listed.length > 0 || change.cases === 'all' || change.cases.length > 0) this.options.onDidChangeCases?.(change);
  }

  /**
   * Applies a named mutation locally and queues it, in one transaction; then asks for a sync.
   * Refused when the offline grace period since the last online sign-in has run out.
   */
  mutate(name: string, args: unknown): { clientMutationId: string } {
    if (!this.options.session.mayWorkOffline()) throw new SignInRequired();
    const result = this.outbox.enqueue(name, args, this.now());
    const caseId = this.outbox.caseOf(name, args);
    if (caseId) this.emitCases([caseId]);
    this.emitStatus();
    if (!this.stopped) this.requestSync();
    return result;
  }

  /** Records that the user opened a case or document, for the audit log (uploaded at the next sync). */
  recordRead(objectType: 'case' | 'document', objectId: string): void {
    this.mutate('audit.recordRead', { objectType, objectId, readAt: this.now() });
  }

  /**
   * Runs one sync cycle now, or joins the one running (and runs one more after it). When the user
   * asked for it, queued work goes out at once instead of waiting for its backoff.
   */
  syncNow(options: { userRequested?: boolean } = {}): Promise<void> {
    if (options.userRequested) this.outbox.makeDue(false);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          this.emitStatus();
          await this.cycle();
        } while (this.again && !this.needsSignIn);
      } finally {
        this.running = null;
        this.emitStatus();
      }
    })();
    return this.running;
  }

  /** Starts the background loop: the poke channel, polling as fallback, retries with backoff. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.requestSync();
    this.listen();
    this.poll();
  }

  /** Stops timers and the poke channel; a cycle in flight finishes on its own. */
  stop(): Promise<void> {
    this.stopped = true;
    this.retryTimer?.();
    this.pollTimer?.();
    this.listening?.abort();
    this.listening = null;
    return this.running ?? Promise.resolve();
  }

  /** Clears "needs sign-in" after the user signed in again, and syncs. */
  didSignIn(): void {
    this.needsSignIn = false;
    this.lastErrorKind = null;
    this.emitStatus();
    if (!this.stopped) {
      this.requestSync();
      this.listen();
    }
  }

  private requestSync(): void {
    void this.syncNow().catch(() => undefined);
  }

  private poll(): void {
    if (this.stopped) return;
    this.pollTimer = this.schedule(() => {
      this.requestSync();
      this.poll();
    }, this.options.pollMilliseconds ?? 60_000);
  }

  private listen(): void {
    if (this.stopped || this.listening) return;
    const controller = new AbortController();
    this.listening = controller;
    void (async () => {
      try {
        await this.options.session.authorised((token) => this.options.api.listen(token, () => this.requestSync(), controller.signal));
      } catch {
        // The poke channel is a hint only; polling carries on. Try the channel again later.
      } finally {
        if (this.listening === controller) this.listening = null;
        if (!controller.signal.aborted && !this.stopped && !this.needsSignIn) {
          this.schedule(() => this.listen(), backoffDelay(this.failures, this.options.random, 5000, 60_000));
        }
      }
    })();
  }

  private async cycle(): Promise<void> {
    try {
      const wasOnline = this.online;
      await this.push();
      await this.pull();
      // Back online: what waited out network errors goes now, not after its backoff.
      if (!wasOnline) this.outbox.makeDue(true);
      // Work queued while pulling goes out in the same cycle.
      if (this.outbox.pending(1).length > 0 && this.pushDue()) await this.push();
      this.online = true;
      this.failures = 0;
      this.lastErrorKind = null;
      this.emitCases(this.inbound.replayParkedLeaves());
      this.options.onDidSync?.();
    } catch (error) {
      this.onFailure(error);
    }
  }

  private onFailure(error: unknown): void {
    if (error instanceof SignInRequired) {
      // The outbox is left exactly as it is: the work goes out after the user signs in again.
      this.needsSignIn = true;
      this.online = true;
      this.options.logger.warn('sync.sign_in_required');
      return;
    }
    if (!(error instanceof CentralApiError)) {
      this.options.logger.error('sync.failed', { error: error instanceof Error ? error.name : 'unknown' });
      this.lastErrorKind = 'internal';
    } else {
      this.lastErrorKind = error.kind;
      this.online = error.kind !== 'network';
      this.options.logger.warn('sync.retry', { kind: error.kind, status: error.status, attempt: this.failures });
    }
    this.failures += 1;
    if (!this.stopped) {
      this.retryTimer?.();
      const delay = error instanceof CentralApiError && error.retryAfterMilliseconds !== null
        ? error.retryAfterMilliseconds
        : backoffDelay(this.failures, this.options.random, this.options.backoffBaseMilliseconds ?? 1000, this.options.backoffMaxMilliseconds ?? 300_000);
      this.retryTimer = this.schedule(() => this.requestSync(), delay);
    }
  }

  /** False while the oldest pending mutation waits for its backoff to pass. */
  private pushDue(): boolean {
    const [first] = this.outbox.pending(1);
    return !first || first.nextAttemptAt === null || first.nextAttemptAt <= this.now();
  }

  private async push(): Promise<void> {
    const size = this.options.pushBatchSize ?? 100;
    while (this.pushDue()) {
      const batch = this.outbox.takeBatch(size);
      if (batch.length === 0) return;
      let results;
      try {
        results = await this.options.session.authorised((token) => this.options.api.push(token, batch));
      } catch (error) {
        const ids = batch.map((envelope) => envelope.clientMutationId);
        const kind = error instanceof CentralApiError ? error.kind : error instanceof SignInRequired ? 'unauthenticated' : 'internal';
        const wait = error instanceof SignInRequired ? 0
          : backoffDelay(this.failures + 1, this.options.random, this.options.backoffBaseMilliseconds ?? 1000, this.options.backoffMaxMilliseconds ?? 300_000);
        this.outbox.retryLater(ids, new Date(this.options.clock.now().getTime() + wait).toISOString(), kind);
        throw error;
      }
      this.online = true;
      // Every case with an answered action: an applied one leaves the outbox, which the case screen shows.
      const answered = batch.map((envelope) => this.outbox.caseOf(envelope.name, envelope.args)).filter((caseId) => caseId !== null);
      this.emitCases(this.outbox.applyResults(batch, results.results, this.now()), answered);
      this.emitStatus();
    }
  }

  private async pull(): Promise<void> {
    try {
      await this.pullPages();
    } finally {
      this.logParked();
    }
  }

  /** One line for what a pull parked, with entities, ids and the failing paths: never row data. */
  private logParked(): void {
    const parked = this.inbound.takeParked();
    if (parked.length === 0) return;
    const shown = parked.slice(0, 5).map((row) => `${row.entity} ${row.id}: ${row.reason}`).join('; ');
    this.options.logger.warn('sync.parked', { count: parked.length, rows: parked.length > 5 ? `${shown}; …` : shown });
  }

  private async pullPages(): Promise<void> {
    let resets = 0;
    for (;;) {
      const state = this.options.sqlite.prepare('SELECT cursor, bootstrapped FROM sync_state WHERE id = 1').get() as
        { cursor: string | null; bootstrapped: number };
      if (!state.bootstrapped && this.bootstrapReceived === null) this.bootstrapReceived = 0;
      const pageSize = this.options.pageSize ?? (state.bootstrapped ? 1000 : this.options.bootstrapPageSize ?? 10_000);
      const fetchPage = (cursor: string | null) => this.options.session.authorised((token) => this.options.api.pull(token, cursor, pageSize));
      try {
        let next = fetchPage(state.cursor);
        let held: PullResponse[] = [];
        let heldChanges = 0;
        for (;;) {
          const page = await next;
          // The next page is fetched while this one is applied: server and host work overlap.
          if (page.hasMore) {
            next = fetchPage(page.nextCursor);
            next.catch(() => undefined);
            // The request is sent a few promise steps later (token, fetch internals); without this
            // turn of the event loop it would only leave after the synchronous apply below.
            await new Promise((resolve) => setImmediate(resolve));
          }
          this.online = true;
          held.push(page);
          heldChanges += page.changes.length;
          // Pages commit together up to 20,000 rows: fewer commits (each one an fsync and a write of
          // every index page it touched, which with random ids is most of them),
          // and a kill costs at most those pages, which are simply pulled again.
          if (page.hasMore && heldChanges < (this.options.commitRows ?? 20_000)) continue;
          // While the cache is first filled no screen shows one of its cases: one 'all' at the end instead of an event per case.
          const changedCases = state.bootstrapped ? casesIn(held) : [];
          const touched = this.inbound.applyPages(held, this.now());
          const received = this.inbound.takeReceived();
          if (received.length > 0) this.options.onDidReceiveMessages?.(received);
          if (this.bootstrapReceived !== null) this.bootstrapReceived += heldChanges;
          held = [];
          heldChanges = 0;
          this.emitCases(touched, changedCases);
          if (!state.bootstrapped && !page.hasMore) this.emitCases([], 'all');
          this.emitStatus();
          if (!page.hasMore) {
            this.bootstrapReceived = null;
            return;
          }
        }
      } catch (error) {
        if (error instanceof CentralApiError && error.kind === 'cursor_expired' && resets === 0) {
          // The change log moved past us: pull everything again, keeping outbox and conflicts.
          resets += 1;
          const dropped = this.inbound.resetForBootstrap();
          this.bootstrapReceived = 0;
          this.emitCases(dropped, 'all');
          continue;
        }
        throw error;
      }
    }
  }
}

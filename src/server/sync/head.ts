/**
 * The newest committed change sequence, kept in memory so that an idle pull (cursor at the head)
 * answers without a query. Commits in this process advance it at once; commits by other API
 * processes on the same PostgreSQL are noticed by a refresh at most `refreshMilliseconds` old.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/database';
import type { Database } from '../db/database';
import type { ChangeListener } from './publish';
import { sealPending } from './seal';

/** The committed head as seen by `executor`'s snapshot. */
export async function readHead(executor: Executor): Promise<number> {
  const [row] = await queryRows<{ head: string | number | null }>(executor, sql`
    select greatest(
      (select max(seq) from sync_rows), (select max(seq) from scope_exits),
      (select value from sync_meta where key = 'pruned_through'), 0) as head`);
  return Number(row?.head ?? 0);
}

export class SyncHead implements ChangeListener {
  private head = 0;
  private refreshedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<number> | null = null;
  private readonly listeners = new Set<(head: number) => void>();
  private sealing: Promise<void> | null = null;
  private nextSeal: Promise<void> | null = null;

  constructor(private readonly db: Database, private readonly refreshMilliseconds = 250,
    private readonly clock: () => number = () => Date.now()) {}

  private get executor(): Executor {
    return this.db;
  }

  /** The head, refreshed when older than the refresh interval; concurrent callers share one query. */
  async current(): Promise<number> {
    if (this.clock() - this.refreshedAt < this.refreshMilliseconds) return this.head;
    this.refreshing ??= readHead(this.executor).then((head) => {
      this.refreshedAt = this.clock();
      this.refreshing = null;
      this.advance(head);
      return this.head;
    }, (error: unknown) => {
      this.refreshing = null;
      throw error;
    });
    return this.refreshing;
  }

  /**
   * Seals what was committed, then moves the head. Callers share passes: whoever commits while a
   * pass runs waits for the one pass queued after it, which is sure to see their commit.
   */
  onDidCommit(): Promise<void> {
    if (!this.sealing) {
      this.sealing = this.runSeal();
      return this.sealing;
    }
    this.nextSeal ??= this.sealing.catch(() => undefined).then(() => {
      this.nextSeal = null;
      this.sealing = this.runSeal();
      return this.sealing;
    });
    return this.nextSeal;
  }

  /** Another API process sealed up to `seq` (PostgreSQL NOTIFY): poke this process's listeners too. */
  onDidSealElsewhere(seq: number): void {
    this.advance(seq);
  }

  private async runSeal(): Promise<void> {
    try {
      const sealed = await sealPending(this.db);
      if (sealed !== null) this.advance(sealed);
    } finally {
      this.sealing = null;
    }
  }

  private advance(seq: number): void {
    if (seq <= this.head) return;
    this.head = seq;
    for (const listener of this.listeners) listener(seq);
  }

  /** Calls `listener` whenever the head moves; returns the unsubscribe. */
  onDidAdvance(listener: (head: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

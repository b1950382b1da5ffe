/**
 * A read model the inbound store keeps in step with the cache: in the same transaction that applies
 * a pulled page or a local mutation, so the model never lags behind its rows. The queue's rows are
 * one (queue/projector.ts); unread counts or the dashboard's risk bands are further projectors, not
 * edits of the inbound store.
 */
import type { LocalCase } from '../../../shared/mutations';

export interface Projector {
  /** The entities whose rows this model reads: a change of one of them projects its case again. */
  readonly entities: ReadonlySet<string>;
  /**
   * Rebuilds this model's rows of one case. `kase` is the case as the user sees it (the server's
   * row with the still-pending local effects on top), null when the cache holds no such case.
   * `bulk` while the cache is first filled: child rows may still be on later pages, and what
   * depends on them waits for finishBulk.
   */
  project(caseId: string, kase: LocalCase | null, options: { bulk: boolean }): void;
  /** Removes every row of a case (it left the user's scope or was deleted). */
  drop(caseId: string): void;
  /** Before the first page of a bulk fill. */
  beginBulk(): void;
  /** After the last page of a bulk fill, in its transaction: what `project` left for the end, for every case at once. */
  finishBulk(): void;
  /** Forgets everything (the cache is filled again from scratch). */
  reset(): void;
}

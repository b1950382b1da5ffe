/**
 * The queue's side of the host: reads of the queue, the directory and saved views, and "take next".
 * Everything reads the local cache, so it works offline; claims go through the outbox like any edit.
 */
import type Database from 'better-sqlite3';
import { decodeViewSettings, type PriorityExplanation, type QueueDirectory, type QueueResult, type SavedViewItem } from '../../../shared/contract';
import { overlaySavedViews, savedViewMutationNames, type SavedViewRow } from '../../../shared/mutations';
import { RpcError } from '../../../shared/rpc';
import { DirectoryReader } from './directory';
import { Explainer } from './explain';
import { QueueReader, type QueueQuery } from './query';
import { flagBits, rankedFor, rerankAll } from './rank';

export interface QueueServiceOptions {
  sqlite: Database.Database;
  /** The signed-in user's id; null without a session. */
  userId: () => string | null;
  /** The day priorities are for (the training "today" in training). */
  today: () => string;
  /** Queues a mutation through the sync engine; absent without a central API. */
  mutate?: (name: string, args: unknown) => unknown;
}

interface StoredView { id: string; ownerId: string; name: string; filter: unknown; teamId?: string | null }

export class QueueService {
  private readonly reader: QueueReader;
  private readonly directoryReader: DirectoryReader;
  private readonly statements;
  private readonly explainer: Explainer;

  constructor(private readonly options: QueueServiceOptions) {
    const { sqlite } = options;
    this.reader = new QueueReader(sqlite);
    this.directoryReader = new DirectoryReader(sqlite);
    this.explainer = new Explainer(sqlite);
    this.statements = {
      caseTypes: sqlite.prepare('SELECT DISTINCT case_type FROM cases ORDER BY case_type').pluck(),
      views: sqlite.prepare(`SELECT data FROM server_rows WHERE entity = 'savedView'`).pluck(),
      pendingViews: sqlite.prepare(`SELECT name, args FROM outbox WHERE name IN (SELECT value FROM json_each(?)) AND state IN ('queued', 'sent') ORDER BY seq`),
      seen: sqlite.prepare(`INSERT INTO case_seen (case_id, seen_at) VALUES (?, ?) ON CONFLICT (case_id) DO UPDATE SET seen_at = excluded.seen_at`),
      clearNewDocument: sqlite.prepare(`UPDATE cases SET flags = flags & ~${flagBits.newDocument} WHERE id = ?`),
    };
  }

  /** Ranks every case again when the day moved on since the last ranking (once a day, or when the trainer moves the clock). */
  private ensureRanked(today: string): void {
    if (rankedFor(this.options.sqlite) !== today) rerankAll(this.options.sqlite, today);
  }

  queue(query: QueueQuery): QueueResult {
    const today = this.options.today();
    this.ensureRanked(today);
    const directory = this.directoryReader.read();
    const userId = this.options.userId();
    const teamIds = (userId === null ? undefined : directory.users.get(userId))?.teamIds ?? [];
    return this.reader.read(query, { userId, teamIds, today }, directory);
  }

  directory(): QueueDirectory {
    const directory = this.directoryReader.read();
    const userId = this.options.userId();
    const me = userId === null ? undefined : directory.users.get(userId);
    return {
      me: userId === null ? null : { id: userId, role: me?.role ?? 'caseworker', teamIds: me?.teamIds ?? [] },
      users: [...directory.users.values()].sort((left, right) => left.displayName.localeCompare(right.displayName)),
      teams: [...directory.teams].map(([id, name]) => ({ id, name })).sort((left, right) => left.name.localeCompare(right.name)),
      caseTypes: this.statements.caseTypes.all() as string[],
    };
  }

  /** My views and my teams' shared views; views saved or deleted offline show as they will be. */
  views(): { items: SavedViewItem[] } {
    const userId = this.options.userId();
    const directory = this.directoryReader.read();
    const views = new Map<string, SavedViewRow>();
    for (const text of this.statements.views.all() as string[]) {
      const view = JSON.parse(text) as StoredView;
      views.set(view.id, { ...view, teamId: view.teamId ?? null, pending: false });
    }
    const pending = this.statements.pendingViews.all(JSON.stringify(savedViewMutationNames)) as { name: string; args: string }[];
    overlaySavedViews(views, pending.map((entry) => ({ name: entry.name, args: JSON.parse(entry.args) as unknown })), userId);
    const items: SavedViewItem[] = [];
    for (const view of views.values()) {
      const settings = decodeViewSettings(view.filter);
      if (!settings) continue;
      items.push({
        id: view.id, name: view.name, settings, mine: view.ownerId === userId,
        ownerName: directory.users.get(view.ownerId)?.displayName ?? null, teamId: view.teamId ?? null, pending: view.pending,
      });
    }
    items.sort((left, right) => Number(right.mine) - Number(left.mine) || left.name.localeCompare(right.name));
    return { items };
  }

  /** Why a case is where it is: priority reasons and the deadline's explanation. */
  explain(caseId: string): PriorityExplanation {
    return this.explainer.explain(caseId, this.options.today());
  }

  /** Claims the most urgent unassigned open case of my teams and answers its id (null when there is none). */
  takeNext(): { caseId: string | null } {
    const mutate = this.options.mutate;
    if (!mutate) throw new RpcError('unavailable', 'This workbench has no central API to claim cases with.');
    const next = this.queue({ tab: 'unassigned', filter: {}, sort: { column: 'priority', direction: 'desc' }, offset: 0, limit: 1 });
    const top = next.items[0];
    if (!top) return { caseId: null };
    mutate('case.claim', { caseId: top.id });
    return { caseId: top.id };
  }

  /** Remembers that I opened a case now: its documents stop being new. */
  markSeen(caseId: string, at: string): void {
    this.options.sqlite.transaction(() => {
      this.statements.seen.run(caseId, at);
      this.statements.clearNewDocument.run(caseId);
    })();
  }
}

/**
 * Applying pulled pages to the local cache. A page, the cursor after it and the rebase of the
 * touched cases commit in one transaction: a kill between two pages repeats at most one page, and
 * a repeated page is harmless because a row is applied only when its version is newer.
 */
import type Database from 'better-sqlite3';
import { calendarDateInAmsterdam } from '../../../shared/domain/dates';
import { applyPendingToCase, type LocalCase } from '../../../shared/mutations';
import type { EntityRow, PullResponse, SyncChange } from '../../../shared/sync';
import { MessagesProjector, type ReceivedMessage } from '../messages/projector';
import { QueueProjector } from '../queue/projector';
import { check, type ParkedRow } from './entity-check';
import type { Projector } from './projector';

/** The page cache while bootstrapping, as SQLite's negative cache_size (KiB). */
const bootstrapCacheKibibytes = -65_536;

/** A mutation still waiting for the server: its local effect is re-applied after every pull. */
export interface PendingEffect {
  name: string;
  args: unknown;
}

/** Prepared statements over one open cache; cheap to keep for the host's lifetime. */
export class InboundStore {
  private readonly statements;
  /** The server data of cases applied in the running transaction, so materialising skips reading them back. */
  private readonly applying = new Map<string, Record<string, unknown>>();
  /** Rows parked as invalid since takeParked was last asked, and those of the running transaction. */
  private parkedNow: ParkedRow[] = [];
  private parking: ParkedRow[] = [];
  /** Whether the parked table holds invalid rows (asked once per transaction). */
  private anyParkedInvalid = false;
  /** The read models kept in step with the cache (messages first: the queue's rows copy its unread counts). */
  private readonly projectors: readonly Projector[];
  /** The messages read model, which also finds the new inbound messages of a pull. */
  readonly messages: MessagesProjector;
  /** Entities whose changes some read model follows: their cases are projected again. */
  private readonly projectedEntities: ReadonlySet<string>;

  /**
   * @param today the day priorities are computed for (the training "today" in a training
   *   environment); the queue ranks every case again when it changes.
   * @param more read models to keep besides the queue's.
   */
  constructor(
    readonly sqlite: Database.Database,
    private readonly userId: () => string,
    today: () => string = () => calendarDateInAmsterdam(new Date()),
    more: readonly Projector[] = [],
  ) {
    this.messages = new MessagesProjector(sqlite, userId);
    this.projectors = [this.messages, new QueueProjector(sqlite, today), ...more];
    this.projectedEntities = new Set(this.projectors.flatMap((projector) => [...projector.entities]));
    const prepare = (text: string) => sqlite.prepare(text);
    this.statements = {
      upsertRow: prepare(`INSERT INTO server_rows (entity, id, version, case_id, data) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, case_id = excluded.case_id, data = excluded.data
        WHERE excluded.version > server_rows.version`),
      deleteRow: prepare('DELETE FROM server_rows WHERE entity = ? AND id = ? AND version <= ?'),
      readRow: prepare('SELECT data FROM server_rows WHERE entity = ? AND id = ?').pluck(),
      forgetDraft: prepare('DELETE FROM applied_letter_drafts WHERE letter_id = ?'),
      upsertParty: prepare(`INSERT INTO parties (id, case_id, role, name, v_number, organisation) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, role = excluded.role, name = excluded.name,
        v_number = excluded.v_number, organisation = excluded.organisation`),
      deleteParty: prepare('DELETE FROM parties WHERE id = ?'),
      upsertDocument: prepare(`INSERT INTO documents (id, case_id, title, kind, media_type, sha256, size) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, title = excluded.title, kind = excluded.kind,
        media_type = excluded.media_type, sha256 = excluded.sha256, size = excluded.size`),
      deleteDocument: prepare('DELETE FROM documents WHERE id = ?'),
      dropCaseRows: prepare('DELETE FROM server_rows WHERE case_id = ?'),
      dropCaseParties: prepare('DELETE FROM parties WHERE case_id = ?'),
      dropCaseDocuments: prepare('DELETE FROM documents WHERE case_id = ?'),
      pendingOf: prepare(`SELECT name, args FROM outbox WHERE case_id = ? AND state IN ('queued', 'sent') ORDER BY seq`),
      pendingCases: prepare(`SELECT DISTINCT case_id FROM outbox WHERE case_id IS NOT NULL AND state IN ('queued', 'sent')`).pluck(),
      park: prepare('INSERT INTO parked (entity, entity_id, version, case_id, change, reason, parked_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      parkedLeaves: prepare(`SELECT id, case_id AS caseId FROM parked WHERE reason = 'leave_pending'`),
      unpark: prepare('DELETE FROM parked WHERE id = ?'),
      unparkSettled: prepare(`DELETE FROM parked WHERE entity = ? AND entity_id = ? AND version <= ? AND reason <> 'leave_pending'`),
      anyParkedInvalid: prepare(`SELECT EXISTS (SELECT 1 FROM parked WHERE reason <> 'leave_pending')`).pluck(),
      // Distinct rows: a row parked again after a new bootstrap is still one row.
      countParkedInvalid: prepare(`SELECT count(*) FROM (SELECT DISTINCT entity, entity_id FROM parked WHERE reason <> 'leave_pending')`).pluck(),
      setCursor: prepare('UPDATE sync_state SET cursor = ?, last_sync_at = ? WHERE id = 1'),
      markBootstrapped: prepare('UPDATE sync_state SET bootstrapped = 1 WHERE id = 1'),
      isBootstrapped: prepare('SELECT bootstrapped FROM sync_state WHERE id = 1').pluck(),
    };
  }

  /** Applies one pulled page and stores its cursor, atomically; returns the cases that changed locally. */
  applyPage(page: PullResponse, now: string): Set<string> {
    return this.applyPages([page], now);
  }

  /**
   * Applies consecutive pages and the cursor after the last in one transaction (a bootstrap
   * commits every 20,000 rows or so instead of every page); returns the cases that changed.
   */
  applyPages(pages: readonly PullResponse[], now: string): Set<string> {
    const touched = new Set<string>();
    const last = pages.at(-1);
    if (!last) return touched;
    const bootstrapping = this.statements.isBootstrapped.get() === 0;
    // 64 MB of page cache while bootstrapping (the default is 2 MB): ids are random UUIDs, so bulk
    // writes land all over the indexes, and a small cache reads pages back and spills dirty ones.
    if (bootstrapping) this.sqlite.pragma(`cache_size = ${bootstrapCacheKibibytes}`);
    const parked: ParkedRow[] = [];
    this.sqlite.transaction(() => {
      this.applying.clear();
      this.messages.beginTransaction();
      this.parking = parked;
      this.anyParkedInvalid = this.statements.anyParkedInvalid.get() === 1;
      const pending = new Set(this.statements.pendingCases.all() as string[]);
      // While bootstrapping, the read models leave what depends on child rows for the end (in the
      // transaction that marks the cache bootstrapped); a kill in between leaves it unmarked.
      if (bootstrapping) for (const projector of this.projectors) projector.beginBulk();
      for (const page of pages) for (const change of page.changes) this.applyChange(change, pending, touched, now);
      for (const caseId of touched) this.materialiseCase(caseId, { pending, bulk: bootstrapping, applying: this.applying });
      this.applying.clear();
      this.statements.setCursor.run(last.nextCursor, now);
      if (!last.hasMore) {
        if (bootstrapping) for (const projector of this.projectors) projector.finishBulk();
        this.statements.markBootstrapped.run();
      }
    }).immediate();
    // Only once committed: a rolled-back apply kept nothing it parked or received.
    this.parkedNow = this.parkedNow.concat(parked);
    this.messages.commit();
    // Back to the default once bootstrapped, which gives the memory back.
    if (bootstrapping && !last.hasMore) {
      this.sqlite.pragma('cache_size = -2000');
      this.sqlite.pragma('shrink_memory');
    }
    return touched;
  }

  private applyChange(change: SyncChange, pending: ReadonlySet<string>, touched: Set<string>, now: string): void {
    const s = this.statements;
    if (change.kind === 'leave') {
      if (pending.has(change.caseId)) {
        // Still has local work: keep it visible until the server has answered that work.
        s.park.run('case', change.caseId, 0, change.caseId, JSON.stringify(change), 'leave_pending', now);
        return;
      }
      this.dropCase(change.caseId);
      touched.add(change.caseId);
      return;
    }
    if (change.kind === 'tombstone') {
      if (this.anyParkedInvalid) s.unparkSettled.run(change.entity, change.id, change.version);
      if (s.deleteRow.run(change.entity, change.id, change.version).changes === 0) return;
      if (change.entity === 'case') {
        this.dropCase(change.id);
      } else if (change.entity === 'party') {
        s.deleteParty.run(change.id);
      } else if (change.entity === 'document') {
        s.deleteDocument.run(change.id);
      }
      if (change.caseId) touched.add(change.caseId);
      return;
    }
    const { typed, invalid, dataText } = check(change);
    if (invalid !== null) {
      // Never dropped: parked with the reason, for a later version (or a person) to deal with.
      s.park.run(change.entity, change.id, change.version, change.caseId, JSON.stringify(change), invalid, now);
      this.parking.push({ entity: change.entity, id: change.id, reason: invalid });
      this.anyParkedInvalid = true;
      return;
    }
    // A version that parses settles the parked ones up to it, so the count shows what is still wrong.
    if (this.anyParkedInvalid) s.unparkSettled.run(change.entity, change.id, change.version);
    const applied = s.upsertRow.run(change.entity, change.id, change.version, change.caseId, dataText).changes > 0;
    if (!applied) return;
    // The pulled row now holds what an applied save wrote (or later): the remembered text is done.
    if (change.entity === 'letter') s.forgetDraft.run(change.id);
    if (change.entity === 'case') this.applying.set(change.id, change.data);
    if (change.entity === 'party') {
      const party = typed as EntityRow<'party'>;
      s.upsertParty.run(party.id, party.caseId, party.role, party.name, party.vNumber, party.organisation);
    } else if (change.entity === 'document') {
      const document = typed as EntityRow<'document'>;
      s.upsertDocument.run(document.id, document.caseId, document.title, document.kind, document.mediaType, document.sha256, document.size);
    }
    if (change.caseId && this.projectedEntities.has(change.entity)) touched.add(change.caseId);
    else if (change.caseId && pending.has(change.caseId)) touched.add(change.caseId);
  }

  /** The new inbound messages pulled since the last call (none while the cache is first filled). */
  takeReceived(): ReceivedMessage[] {
    return this.messages.takeReceived();
  }

  /** The rows parked as invalid since the last call. */
  takeParked(): ParkedRow[] {
    const parked = this.parkedNow;
    this.parkedNow = [];
    return parked;
  }

  /** How many distinct rows are parked because they failed their entity's schema. */
  countParked(): number {
    return this.statements.countParkedInvalid.get() as number;
  }

  /** Removes a case and everything of it from the cache (scope left, or tombstoned). */
  private dropCase(caseId: string): void {
    const s = this.statements;
    this.applying.delete(caseId);
    for (const projector of this.projectors) projector.drop(caseId);
    s.dropCaseRows.run(caseId);
    s.dropCaseParties.run(caseId);
    s.dropCaseDocuments.run(caseId);
  }

  /** The case as the server sent it, or null. */
  serverCase(caseId: string): LocalCase | null {
    const text = this.statements.readRow.get('case', caseId) as string | undefined;
    return text === undefined ? null : (JSON.parse(text) as LocalCase);
  }

  /** A server row's data, or null. */
  serverRow(entity: string, id: string): Record<string, unknown> | null {
    const text = this.statements.readRow.get(entity, id) as string | undefined;
    return text === undefined ? null : (JSON.parse(text) as Record<string, unknown>);
  }

  /**
   * Projects one case into every read model: the server's row with the local effects of its
   * still-pending mutations applied on top, in the order the user made them.
   */
  materialiseCase(
    caseId: string,
    options: { pending?: ReadonlySet<string>; bulk?: boolean; applying?: ReadonlyMap<string, Record<string, unknown>> } = {},
  ): void {
    // A case written in this transaction is taken as written instead of read back and parsed.
    const server = (options.applying?.get(caseId) as LocalCase | undefined) ?? this.serverCase(caseId);
    let kase = server;
    if (server && (!options.pending || options.pending.has(caseId))) {
      const effects = this.statements.pendingOf.all(caseId) as { name: string; args: string }[];
      // Asked only when there are effects: it reads sync_state, which per case of a bootstrap adds up.
      if (effects.length > 0) {
        kase = applyPendingToCase(server, effects.map((effect) => ({ name: effect.name, args: JSON.parse(effect.args) as unknown })), this.userId());
      }
    }
    for (const projector of this.projectors) projector.project(caseId, kase, { bulk: options.bulk ?? false });
  }

  /** Applies parked scope exits whose local work has been answered; returns the cases dropped. */
  replayParkedLeaves(): string[] {
    const dropped: string[] = [];
    this.sqlite.transaction(() => {
      const pending = new Set(this.statements.pendingCases.all() as string[]);
      for (const leave of this.statements.parkedLeaves.all() as { id: number; caseId: string }[]) {
        if (pending.has(leave.caseId)) continue;
        this.dropCase(leave.caseId);
        this.statements.unpark.run(leave.id);
        dropped.push(leave.caseId);
      }
    }).immediate();
    return dropped;
  }

  /** Forgets everything pulled (410 or a scope change) but keeps the outbox and the conflicts. */
  resetForBootstrap(): string[] {
    return this.sqlite.transaction(() => {
      const dropped = this.sqlite.prepare(`SELECT id FROM server_rows WHERE entity = 'case'`).pluck().all() as string[];
      this.sqlite.exec(`
        DELETE FROM server_rows; DELETE FROM parties; DELETE FROM documents;
        DELETE FROM parked WHERE reason = 'leave_pending';
        UPDATE sync_state SET cursor = NULL, bootstrapped = 0 WHERE id = 1;`);
      for (const projector of this.projectors) projector.reset();
      return dropped;
    }).immediate();
  }
}

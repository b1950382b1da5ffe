/**
 * Applying pulled pages to the local cache. A page, the cursor after it and the rebase of the
 * touched cases commit in one transaction: a kill between two pages repeats at most one page, and
 * a repeated page is harmless because a row is applied only when its version is newer.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { caseStatus, isoDate } from '../../../shared/contract';
import type { EntityRow, PullResponse, SyncChange } from '../../../shared/sync';
import { calendarDateInAmsterdam } from '../../../shared/domain/dates';
import { deferIndexes, restoreIndexes } from '../db/deferred-indexes';
import { flagBits, rankCase, rerankCases, vulnerableBit } from '../queue/rank';
import { applyPendingToCase, type LocalCase } from '../../../shared/mutations';
import { check, type ParkedRow } from './entity-check';

/**
 * The case as the queue materialises it: the server's row with pending local effects applied, so
 * only what the list needs is checked again (the pulled row itself passed entitySchemas.case).
 */
const caseData = z.looseObject({
  id: z.string(),
  caseNumber: z.string(),
  caseType: z.string(),
  regime: z.string(),
  status: caseStatus,
  teamId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  receivedOn: isoDate,
  deadline: isoDate.nullable(),
  penaltyAmountCents: z.number().int().optional(),
  decision: z.string().nullable().optional(),
  decidedOn: isoDate.nullable().optional(),
  contestedDecisionOn: isoDate.nullable().optional(),
});

/**
 * The queue's facts from a case's child rows, as aggregate columns over server_rows: one case's
 * (materialiseCase) or every case's grouped by case_id (fillQueueFacts at the end of a bootstrap).
 */
const queueFactColumns = `
  min(CASE WHEN entity = 'noticeOfDefault' THEN json_extract(data, '$.receivedOn') END) AS noticeOfDefaultOn,
  max(entity = 'suspension' AND json_extract(data, '$.endedOn') IS NULL) AS waiting,
  max(entity = 'message' AND json_extract(data, '$.direction') = 'inbound' AND json_extract(data, '$.readAt') IS NULL) AS unread,
  max(CASE WHEN entity = 'document' THEN json_extract(data, '$.uploadedAt') END) AS latestDocumentAt`;
const queueFactRows = `entity IN ('noticeOfDefault', 'suspension', 'message', 'document')`;

const noFacts = { noticeOfDefaultOn: null, waiting: null, unread: null, latestDocumentAt: null };

/** Entities whose changes alter a case's queue row (its columns, priority or flags). */
const caseListEntities: ReadonlySet<string> = new Set(['case', 'party', 'suspension', 'noticeOfDefault', 'message', 'document']);

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

  /**
   * @param today the day priorities are computed for (the training "today" in a training
   *   environment); the queue ranks every case again when it changes.
   */
  constructor(
    readonly sqlite: Database.Database,
    private readonly userId: () => string,
    private readonly today: () => string = () => calendarDateInAmsterdam(new Date()),
  ) {
    const prepare = (text: string) => sqlite.prepare(text);
    this.statements = {
      upsertRow: prepare(`INSERT INTO server_rows (entity, id, version, case_id, data) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, case_id = excluded.case_id, data = excluded.data
        WHERE excluded.version > server_rows.version`),
      deleteRow: prepare('DELETE FROM server_rows WHERE entity = ? AND id = ? AND version <= ?'),
      readRow: prepare('SELECT data FROM server_rows WHERE entity = ? AND id = ?').pluck(),
      upsertParty: prepare(`INSERT INTO parties (id, case_id, role, name, v_number, organisation) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, role = excluded.role, name = excluded.name,
        v_number = excluded.v_number, organisation = excluded.organisation`),
      deleteParty: prepare('DELETE FROM parties WHERE id = ?'),
      upsertDocument: prepare(`INSERT INTO documents (id, case_id, title, kind, media_type, sha256, size) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, title = excluded.title, kind = excluded.kind,
        media_type = excluded.media_type, sha256 = excluded.sha256, size = excluded.size`),
      deleteDocument: prepare('DELETE FROM documents WHERE id = ?'),
      partyOf: prepare('SELECT name, v_number AS vNumber, organisation FROM parties WHERE case_id = ? AND role = ? ORDER BY id LIMIT 1'),
      upsertCase: prepare(`INSERT INTO cases (id, case_number, applicant_name, v_number, case_type, regime, status, received_on,
          deadline, assignee, team, version, updated_at, penalty_amount_cents, decision, open, priority_score, priority_band, flags,
          notice_of_default_on, decided_on, contested_decision_on, latest_document_at, sponsor_name)
        VALUES (@id, @caseNumber, @applicantName, @vNumber, @caseType, @regime, @status, @receivedOn, @deadline, @assignee,
          @team, @version, @updatedAt, @penaltyAmountCents, @decision, @open, @priorityScore, @priorityBand, @flags,
          @noticeOfDefaultOn, @decidedOn, @contestedDecisionOn, @latestDocumentAt, @sponsorName)
        ON CONFLICT (id) DO UPDATE SET case_number = excluded.case_number, applicant_name = excluded.applicant_name,
          v_number = excluded.v_number, case_type = excluded.case_type, regime = excluded.regime, status = excluded.status,
          received_on = excluded.received_on, deadline = excluded.deadline, assignee = excluded.assignee, team = excluded.team,
          version = excluded.version, updated_at = excluded.updated_at, penalty_amount_cents = excluded.penalty_amount_cents,
          decision = excluded.decision, open = excluded.open, priority_score = excluded.priority_score,
          priority_band = excluded.priority_band, flags = excluded.flags, notice_of_default_on = excluded.notice_of_default_on,
          decided_on = excluded.decided_on, contested_decision_on = excluded.contested_decision_on,
          latest_document_at = excluded.latest_document_at, sponsor_name = excluded.sponsor_name
        RETURNING rowid`).pluck(),
      // The child rows the queue's priority and flags need, in one pass over the case's index range.
      queueFacts: prepare(`SELECT ${queueFactColumns} FROM server_rows WHERE case_id = ? AND ${queueFactRows}`),
      rankedFor: prepare(`INSERT INTO settings (key, value) VALUES ('queue.rankedFor', ?)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
      seenAt: prepare('SELECT seen_at FROM case_seen WHERE case_id = ?').pluck(),
      caseRowid: prepare('SELECT rowid FROM cases WHERE id = ?').pluck(),
      deleteCase: prepare('DELETE FROM cases WHERE id = ?'),
      deleteSearch: prepare('DELETE FROM cases_search WHERE rowid = ?'),
      insertSearch: prepare('INSERT INTO cases_search (rowid, case_number, applicant_name, v_number, sponsor) VALUES (?, ?, ?, ?, ?)'),
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
      clearSearch: prepare('DELETE FROM cases_search'),
      // The same entry materialiseCase writes, for every listed case at once.
      fillSearch: prepare(`INSERT INTO cases_search (rowid, case_number, applicant_name, v_number, sponsor)
        SELECT c.rowid, c.case_number, c.applicant_name, c.v_number, coalesce((
          SELECT CASE WHEN p.organisation IS NULL OR p.organisation = '' THEN p.name WHEN p.name = '' THEN p.organisation
            ELSE p.name || ' ' || p.organisation END
          FROM parties p WHERE p.case_id = c.id AND p.role = 'sponsor' ORDER BY p.id LIMIT 1), '')
        FROM cases c`),
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
      this.parking = parked;
      this.anyParkedInvalid = this.statements.anyParkedInvalid.get() === 1;
      const pending = new Set(this.statements.pendingCases.all() as string[]);
      // While bootstrapping, the search index is filled once at the end (in the transaction that
      // marks the cache bootstrapped) instead of row by row; a kill in between leaves it unmarked.
      const deferSearch = bootstrapping;
      // Likewise the case list's secondary indexes: built once at the end. Only those of `cases`: the
      // apply itself looks up server_rows, parties and documents by case, so their indexes stay.
      if (bootstrapping) deferIndexes(this.sqlite, 'cases');
      for (const page of pages) for (const change of page.changes) this.applyChange(change, pending, touched, now);
      for (const caseId of touched) this.materialiseCase(caseId, { pending, deferSearch, applying: this.applying });
      this.applying.clear();
      this.statements.setCursor.run(last.nextCursor, now);
      if (!last.hasMore) {
        if (deferSearch) {
          this.statements.clearSearch.run();
          this.statements.fillSearch.run();
          this.fillQueueFacts();
        }
        // After the bulk fills above, so that they do not update the indexes row by row.
        if (bootstrapping) restoreIndexes(this.sqlite);
        this.statements.markBootstrapped.run();
        // Every case was ranked for this day while it was materialised.
        this.statements.rankedFor.run(this.today());
      }
    }).immediate();
    // Only once committed: a rolled-back apply kept nothing it parked.
    this.parkedNow = this.parkedNow.concat(parked);
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
    if (change.entity === 'case') this.applying.set(change.id, change.data);
    if (change.entity === 'party') {
      const party = typed as EntityRow<'party'>;
      s.upsertParty.run(party.id, party.caseId, party.role, party.name, party.vNumber, party.organisation);
    } else if (change.entity === 'document') {
      const document = typed as EntityRow<'document'>;
      s.upsertDocument.run(document.id, document.caseId, document.title, document.kind, document.mediaType, document.sha256, document.size);
    }
    if (change.caseId && caseListEntities.has(change.entity)) touched.add(change.caseId);
    else if (change.caseId && pending.has(change.caseId)) touched.add(change.caseId);
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
    const rowid = s.caseRowid.get(caseId) as number | undefined;
    if (rowid !== undefined) s.deleteSearch.run(rowid);
    s.deleteCase.run(caseId);
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
   * Rebuilds the case list row and search entry of one case: the server's row with the local
   * effects of its still-pending mutations applied on top, in the order the user made them.
   */
  materialiseCase(
    caseId: string,
    options: { pending?: ReadonlySet<string>; deferSearch?: boolean; applying?: ReadonlyMap<string, Record<string, unknown>> } = {},
  ): void {
    const s = this.statements;
    // A case written in this transaction is taken as written instead of read back and parsed.
    const server = (options.applying?.get(caseId) as LocalCase | undefined) ?? this.serverCase(caseId);
    const applicant = s.partyOf.get(caseId, 'applicant') as { name: string; vNumber: string | null } | undefined;
    if (!server || !applicant) {
      // Incomplete (the rest is on the next page) or gone: nothing to list yet.
      const rowid = s.caseRowid.get(caseId) as number | undefined;
      if (rowid !== undefined) s.deleteSearch.run(rowid);
      s.deleteCase.run(caseId);
      return;
    }
    const effects = options.pending && !options.pending.has(caseId) ? [] : s.pendingOf.all(caseId) as { name: string; args: string }[];
    // Asked only when there are effects: it reads sync_state, which per case of a bootstrap adds up.
    const kase = effects.length === 0 ? server
      : applyPendingToCase(server, effects.map((effect) => ({ name: effect.name, args: JSON.parse(effect.args) as unknown })), this.userId());
    const parsed = caseData.parse(kase);
    // While bootstrapping, child rows may still be on later pages: fillQueueFacts sets these at the end.
    const facts = options.deferSearch ? noFacts
      : s.queueFacts.get(caseId) as { noticeOfDefaultOn: string | null; waiting: number | null; unread: number | null; latestDocumentAt: string | null };
    const sponsor = options.deferSearch ? undefined : s.partyOf.get(caseId, 'sponsor') as { name: string; organisation: string | null } | undefined;
    const seenAt = s.seenAt.get(caseId) as string | undefined;
    // A document is new when it came after my last look here, or, before that, after the application day.
    const newDocument = facts.latestDocumentAt !== null && facts.latestDocumentAt > (seenAt ?? `${parsed.receivedOn}T23:59:59.999Z`);
    const flags = vulnerableBit(parsed.caseType) | (facts.waiting ? flagBits.waiting : 0)
      | (newDocument ? flagBits.newDocument : 0) | (facts.unread ? flagBits.newMessage : 0);
    const decidedOn = parsed.decidedOn ?? null;
    const rank = rankCase({
      regime: parsed.regime, caseType: parsed.caseType, status: parsed.status, receivedOn: parsed.receivedOn,
      deadline: parsed.deadline, decidedOn, noticeOfDefaultOn: facts.noticeOfDefaultOn, flags,
    }, this.today());
    const rowid = s.upsertCase.get({
      id: parsed.id, caseNumber: parsed.caseNumber, applicantName: applicant.name, vNumber: applicant.vNumber ?? '',
      caseType: parsed.caseType, regime: parsed.regime, status: parsed.status, receivedOn: parsed.receivedOn,
      deadline: parsed.deadline, assignee: parsed.assigneeId, team: parsed.teamId,
      version: Number((server as { version?: unknown }).version ?? 0),
      updatedAt: typeof server['updatedAt'] === 'string' ? server['updatedAt'] : '',
      penaltyAmountCents: parsed.penaltyAmountCents ?? 0, decision: parsed.decision ?? null,
      open: rank.open ? 1 : 0, priorityScore: rank.score, priorityBand: rank.band, flags,
      noticeOfDefaultOn: facts.noticeOfDefaultOn, decidedOn, contestedDecisionOn: parsed.contestedDecisionOn ?? null,
      latestDocumentAt: facts.latestDocumentAt, sponsorName: sponsor ? [sponsor.name, sponsor.organisation].filter(Boolean).join(', ') : null,
    }) as number;
    if (options.deferSearch) return;
    s.deleteSearch.run(rowid);
    const sponsorText = sponsor ? [sponsor.name, sponsor.organisation].filter(Boolean).join(' ') : '';
    s.insertSearch.run(rowid, parsed.caseNumber, applicant.name, applicant.vNumber ?? '', sponsorText);
  }

  /**
   * The end of a bootstrap: the queue's facts from child rows (notice of default, open suspension,
   * unread message, newest document) and the sponsor, for every case at once, then the rank of the
   * cases whose facts changed it. One pass over the child rows instead of a lookup per case.
   */
  private fillQueueFacts(): void {
    this.sqlite.exec(`
      UPDATE cases SET
        notice_of_default_on = f.noticeOfDefaultOn,
        latest_document_at = f.latestDocumentAt,
        flags = (flags & ~${flagBits.waiting | flagBits.newDocument | flagBits.newMessage})
          | (CASE WHEN f.waiting THEN ${flagBits.waiting} ELSE 0 END)
          | (CASE WHEN f.unread THEN ${flagBits.newMessage} ELSE 0 END)
          | (CASE WHEN f.latestDocumentAt > coalesce((SELECT seen_at FROM case_seen WHERE case_id = cases.id), received_on || 'T23:59:59.999Z')
              THEN ${flagBits.newDocument} ELSE 0 END)
      FROM (
        SELECT case_id, ${queueFactColumns} FROM server_rows WHERE ${queueFactRows} GROUP BY case_id
      ) AS f
      WHERE cases.id = f.case_id;
      UPDATE cases SET sponsor_name = (
        SELECT CASE WHEN p.organisation IS NULL OR p.organisation = '' THEN p.name WHEN p.name = '' THEN p.organisation
          ELSE p.name || ', ' || p.organisation END
        FROM parties p WHERE p.case_id = cases.id AND p.role = 'sponsor' ORDER BY p.id LIMIT 1)
      WHERE id IN (SELECT case_id FROM parties WHERE role = 'sponsor');`);
    rerankCases(this.sqlite, this.today(), `notice_of_default_on IS NOT NULL OR (flags & ${flagBits.waiting}) <> 0`);
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
      const dropped = this.sqlite.prepare('SELECT id FROM cases').pluck().all() as string[];
      this.sqlite.exec(`
        DELETE FROM server_rows; DELETE FROM parties; DELETE FROM documents; DELETE FROM cases;
        DELETE FROM cases_search; DELETE FROM parked WHERE reason = 'leave_pending';
        UPDATE sync_state SET cursor = NULL, bootstrapped = 0 WHERE id = 1;`);
      return dropped;
    }).immediate();
  }
}

/**
 * The queue's read model: one row per case in `cases` (the columns the grid shows and filters on,
 * the domain engine's priority score and band, the flags) and its search entry in `cases_search`.
 * Run by the inbound store in the transaction that changes a case's rows (sync/projector.ts).
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { caseStatus, isoDate } from '../../../shared/contract';
import type { LocalCase } from '../../../shared/mutations';
import { deferIndexes, restoreIndexes } from '../db/deferred-indexes';
import type { Projector } from '../sync/projector';
import { flagBits, rankCase, rememberRankedFor, rerankCases, vulnerableBit } from './rank';

/**
 * The case as the queue lists it: the server's row with pending local effects applied, so only
 * what the list needs is checked again (the pulled row itself passed entitySchemas.case).
 */
const listedCase = z.looseObject({
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
 * (project) or every case's grouped by case_id (at the end of a bulk fill).
 */
const queueFactColumns = `
  min(CASE WHEN entity = 'noticeOfDefault' THEN json_extract(data, '$.receivedOn') END) AS noticeOfDefaultOn,
  max(entity = 'suspension' AND json_extract(data, '$.endedOn') IS NULL) AS waiting,
  max(CASE WHEN entity = 'document' THEN json_extract(data, '$.uploadedAt') END) AS latestDocumentAt`;
const queueFactRows = `entity IN ('noticeOfDefault', 'suspension', 'document')`;

interface QueueFacts { noticeOfDefaultOn: string | null; waiting: number | null; latestDocumentAt: string | null }
const noFacts: QueueFacts = { noticeOfDefaultOn: null, waiting: null, latestDocumentAt: null };

/** The sponsor as the list names it: person, organisation or both. */
const sponsorSql = `CASE WHEN p.organisation IS NULL OR p.organisation = '' THEN p.name WHEN p.name = '' THEN p.organisation`;

export class QueueProjector implements Projector {
  /** A change of these alters a case's queue row (its columns, priority or flags). */
  readonly entities: ReadonlySet<string> = new Set(['case', 'party', 'suspension', 'noticeOfDefault', 'message', 'messageRead', 'document']);
  private readonly statements;

  /** @param today the day priorities are for (the training "today" in training). */
  constructor(private readonly sqlite: Database.Database, private readonly today: () => string) {
    const prepare = (text: string) => sqlite.prepare(text);
    this.statements = {
      partyOf: prepare('SELECT name, v_number AS vNumber, organisation FROM parties WHERE case_id = ? AND role = ? ORDER BY id LIMIT 1'),
      upsertCase: prepare(`INSERT INTO cases (id, case_number, applicant_name, v_number, case_type, regime, status, received_on,
          deadline, assignee, team, version, updated_at, penalty_amount_cents, decision, open, priority_score, priority_band, flags,
          notice_of_default_on, decided_on, contested_decision_on, latest_document_at, sponsor_name, unread)
        VALUES (@id, @caseNumber, @applicantName, @vNumber, @caseType, @regime, @status, @receivedOn, @deadline, @assignee,
          @team, @version, @updatedAt, @penaltyAmountCents, @decision, @open, @priorityScore, @priorityBand, @flags,
          @noticeOfDefaultOn, @decidedOn, @contestedDecisionOn, @latestDocumentAt, @sponsorName, @unread)
        ON CONFLICT (id) DO UPDATE SET case_number = excluded.case_number, applicant_name = excluded.applicant_name,
          v_number = excluded.v_number, case_type = excluded.case_type, regime = excluded.regime, status = excluded.status,
          received_on = excluded.received_on, deadline = excluded.deadline, assignee = excluded.assignee, team = excluded.team,
          version = excluded.version, updated_at = excluded.updated_at, penalty_amount_cents = excluded.penalty_amount_cents,
          decision = excluded.decision, open = excluded.open, priority_score = excluded.priority_score,
          priority_band = excluded.priority_band, flags = excluded.flags, notice_of_default_on = excluded.notice_of_default_on,
          decided_on = excluded.decided_on, contested_decision_on = excluded.contested_decision_on,
          latest_document_at = excluded.latest_document_at, sponsor_name = excluded.sponsor_name, unread = excluded.unread
        RETURNING rowid`).pluck(),
      // Kept by the messages projector, which runs first: unread by the cache's user, their queued readings counted.
      unread: prepare('SELECT count FROM unread_messages WHERE case_id = ?').pluck(),
      // The child rows the queue's priority and flags need, in one pass over the case's index range.
      queueFacts: prepare(`SELECT ${queueFactColumns} FROM server_rows WHERE case_id = ? AND ${queueFactRows}`),
      seenAt: prepare('SELECT seen_at FROM case_seen WHERE case_id = ?').pluck(),
      caseRowid: prepare('SELECT rowid FROM cases WHERE id = ?').pluck(),
      deleteCase: prepare('DELETE FROM cases WHERE id = ?'),
      deleteSearch: prepare('DELETE FROM cases_search WHERE rowid = ?'),
      insertSearch: prepare('INSERT INTO cases_search (rowid, case_number, applicant_name, v_number, sponsor) VALUES (?, ?, ?, ?, ?)'),
      clearSearch: prepare('DELETE FROM cases_search'),
      // The same entry project writes, for every listed case at once.
      fillSearch: prepare(`INSERT INTO cases_search (rowid, case_number, applicant_name, v_number, sponsor)
        SELECT c.rowid, c.case_number, c.applicant_name, c.v_number, coalesce((
          SELECT ${sponsorSql} ELSE p.name || ' ' || p.organisation END
          FROM parties p WHERE p.case_id = c.id AND p.role = 'sponsor' ORDER BY p.id LIMIT 1), '')
        FROM cases c`),
    };
  }

  project(caseId: string, kase: LocalCase | null, { bulk }: { bulk: boolean }): void {
    const s = this.statements;
    const applicant = kase ? s.partyOf.get(caseId, 'applicant') as { name: string; vNumber: string | null } | undefined : undefined;
    if (!kase || !applicant) {
      // Incomplete (the rest is on the next page) or gone: nothing to list yet.
      this.drop(caseId);
      return;
    }
    const listed = listedCase.parse(kase);
    // While filling in bulk, child rows may still be on later pages: finishBulk sets these at the end.
    const facts = bulk ? noFacts : s.queueFacts.get(caseId) as QueueFacts;
    const sponsor = bulk ? undefined : s.partyOf.get(caseId, 'sponsor') as { name: string; organisation: string | null } | undefined;
    const unread = bulk ? 0 : (s.unread.get(caseId) as number | undefined) ?? 0;
    const seenAt = s.seenAt.get(caseId) as string | undefined;
    // A document is new when it came after my last look here, or, before that, after the application day.
    const newDocument = facts.latestDocumentAt !== null && facts.latestDocumentAt > (seenAt ?? `${listed.receivedOn}T23:59:59.999Z`);
    const flags = vulnerableBit(listed.caseType) | (facts.waiting ? flagBits.waiting : 0)
      | (newDocument ? flagBits.newDocument : 0) | (unread > 0 ? flagBits.newMessage : 0);
    const decidedOn = listed.decidedOn ?? null;
    const rank = rankCase({
      regime: listed.regime, caseType: listed.caseType, status: listed.status, receivedOn: listed.receivedOn,
      deadline: listed.deadline, decidedOn, noticeOfDefaultOn: facts.noticeOfDefaultOn, flags,
    }, this.today());
    const rowid = s.upsertCase.get({
      id: listed.id, caseNumber: listed.caseNumber, applicantName: applicant.name, vNumber: applicant.vNumber ?? '',
      caseType: listed.caseType, regime: listed.regime, status: listed.status, receivedOn: listed.receivedOn,
      deadline: listed.deadline, assignee: listed.assigneeId, team: listed.teamId,
      version: Number(kase['version'] ?? 0),
      updatedAt: typeof kase['updatedAt'] === 'string' ? kase['updatedAt'] : '',
      penaltyAmountCents: listed.penaltyAmountCents ?? 0, decision: listed.decision ?? null,
      open: rank.open ? 1 : 0, priorityScore: rank.score, priorityBand: rank.band, flags,
      noticeOfDefaultOn: facts.noticeOfDefaultOn, decidedOn, contestedDecisionOn: listed.contestedDecisionOn ?? null,
      latestDocumentAt: facts.latestDocumentAt, sponsorName: sponsor ? [sponsor.name, sponsor.organisation].filter(Boolean).join(', ') : null,
      unread,
    }) as number;
    if (bulk) return;
    s.deleteSearch.run(rowid);
    const sponsorText = sponsor ? [sponsor.name, sponsor.organisation].filter(Boolean).join(' ') : '';
    s.insertSearch.run(rowid, listed.caseNumber, applicant.name, applicant.vNumber ?? '', sponsorText);
  }

  drop(caseId: string): void {
    const rowid = this.statements.caseRowid.get(caseId) as number | undefined;
    if (rowid !== undefined) this.statements.deleteSearch.run(rowid);
    this.statements.deleteCase.run(caseId);
  }

  /**
   * The list's secondary indexes are built once at the end of a bulk fill. Only those of `cases`:
   * the apply itself looks up server_rows, parties and documents by case, so their indexes stay.
   */
  beginBulk(): void {
    deferIndexes(this.sqlite, 'cases');
  }

  /**
   * The end of a bulk fill: the search index, then the queue's facts from child rows (notice of
   * default, open suspension, newest document), the unread counts (the messages projector's, finished
   * before this) and the sponsor for every case at once, the rank of the cases whose facts changed it, and the indexes. One pass over the child
   * rows instead of a lookup per case.
   */
  finishBulk(): void {
    this.statements.clearSearch.run();
    this.statements.fillSearch.run();
    this.sqlite.exec(`
      UPDATE cases SET
        notice_of_default_on = f.noticeOfDefaultOn,
        latest_document_at = f.latestDocumentAt,
        flags = (flags & ~${flagBits.waiting | flagBits.newDocument})
          | (CASE WHEN f.waiting THEN ${flagBits.waiting} ELSE 0 END)
          | (CASE WHEN f.latestDocumentAt > coalesce((SELECT seen_at FROM case_seen WHERE case_id = cases.id), received_on || 'T23:59:59.999Z')
              THEN ${flagBits.newDocument} ELSE 0 END)
      FROM (
        SELECT case_id, ${queueFactColumns} FROM server_rows WHERE ${queueFactRows} GROUP BY case_id
      ) AS f
      WHERE cases.id = f.case_id;
      UPDATE cases SET unread = u.count, flags = flags | ${flagBits.newMessage} FROM unread_messages u WHERE cases.id = u.case_id;
      UPDATE cases SET sponsor_name = (
        SELECT ${sponsorSql} ELSE p.name || ', ' || p.organisation END
        FROM parties p WHERE p.case_id = cases.id AND p.role = 'sponsor' ORDER BY p.id LIMIT 1)
      WHERE id IN (SELECT case_id FROM parties WHERE role = 'sponsor');`);
    const today = this.today();
    rerankCases(this.sqlite, today, `notice_of_default_on IS NOT NULL OR (flags & ${flagBits.waiting}) <> 0`);
    // After the bulk fills above, so that they do not update the indexes row by row.
    restoreIndexes(this.sqlite);
    // Every case was ranked for this day while it was projected.
    rememberRankedFor(this.sqlite, today);
  }

  reset(): void {
    this.sqlite.exec('DELETE FROM cases; DELETE FROM cases_search;');
  }
}

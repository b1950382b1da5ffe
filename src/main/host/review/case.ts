/**
 * The case screen's read: one case with everything of it from the local cache, in one pass over
 * server_rows by its (case_id, entity) index, with the local effect of queued actions laid over it.
 * Rows are read through the same entity schemas they passed when pulled; one that does not match
 * (stored by an older version) is left out, never guessed at.
 */
import type Database from 'better-sqlite3';
import type {
  ReviewAnnotation, ReviewCase, ReviewEvidenceLink, ReviewExtension, ReviewNote, ReviewNotice, ReviewSuspension,
} from '../../../shared/contract';
import { checklistFor, evidenceRequirements } from '../../../shared/domain';
import { RpcError } from '../../../shared/rpc';
import { entitySchemas, type EntityRow, type SyncEntity } from '../../../shared/sync';
import { readCase, syncStatesOf, toSummary } from '../cases/store';
import type { CacheDatabase } from '../db/open';
import { overlayCaseScreen, type PendingAction } from '../../../shared/mutations';

/** How many of the latest messages the screen shows. */
export const latestMessageCount = 20;

/** What the screen shows of the case's own row when the cache has none it can read. */
const noCaseRow = {
  teamId: null, contestedDecisionOn: null, decidedOn: null, decision: null, feeStatus: 'unpaid', feePaidOn: null, feeAmountCents: null,
  biometrics: null, application: null,
} as const;

/** Parses a row's data with its entity's schema; null when it does not match (left out). */
function parse<E extends SyncEntity>(entity: E, data: unknown): EntityRow<E> | null {
  const result = entitySchemas[entity].safeParse(data);
  return result.success ? result.data : null;
}

/** Prepared statements of the case screen, kept for the host's lifetime. */
export class ReviewReader {
  private readonly rowsOfCase;
  private readonly pendingOfCase;
  private readonly userNames;
  private readonly documentsOfCase;

  constructor(private readonly sqlite: Database.Database, private readonly db: CacheDatabase) {
    this.rowsOfCase = sqlite.prepare('SELECT entity, id, data FROM server_rows WHERE case_id = ?');
    this.pendingOfCase = sqlite.prepare(`SELECT name, args FROM outbox WHERE case_id = ? AND state IN ('queued', 'sent') ORDER BY seq`);
    this.userNames = sqlite.prepare(`SELECT id, data FROM server_rows WHERE entity = 'user' AND id IN (SELECT value FROM json_each(?))`);
    this.documentsOfCase = sqlite.prepare(`SELECT d.id, d.case_id AS caseId, d.title, d.kind, d.media_type AS mediaType, d.sha256, d.size,
        f.sha256 IS NOT NULL AS cached FROM documents d LEFT JOIN document_files f ON f.sha256 = d.sha256 WHERE d.case_id = ?`);
  }

  /** The case screen's data of one case; not_found when the case is not in the local cache. */
  read(caseId: string, today: string): ReviewCase {
    const row = readCase(this.db, caseId);
    if (!row) throw new RpcError('not_found', 'This case is not in the local cache.');
    const rows = this.rowsOfCase.all(caseId) as { entity: string; id: string; data: string }[];
    const byEntity = new Map<string, { id: string; data: unknown }[]>();
    for (const entry of rows) {
      const list = byEntity.get(entry.entity) ?? [];
      list.push({ id: entry.id, data: JSON.parse(entry.data) as unknown });
      byEntity.set(entry.entity, list);
    }
    const each = <E extends SyncEntity, Out>(entity: E, map: (id: string, value: EntityRow<E>) => Out): Out[] =>
      (byEntity.get(entity) ?? []).flatMap(({ id, data }) => {
        const value = parse(entity, data);
        return value === null ? [] : [map(id, value)];
      });

    const caseData = byEntity.get('case')?.[0]?.data;
    const server = (caseData === undefined ? null : parse('case', caseData)) ?? noCaseRow;
    // The checklist's documents first, in its order (passport before contract), then the rest.
    const checklist = checklistFor(row.caseType, row.receivedOn);
    const rankOf = (kind: string): number => {
      const index = checklist.findIndex((id) => (evidenceRequirements[id].documentKinds as readonly string[]).includes(kind));
      return index < 0 ? checklist.length : index;
    };
    const documentExtras = new Map(each('document', (id, value) => [id, value] as const));
    const documents = (this.documentsOfCase.all(caseId) as { id: string; caseId: string; title: string; kind: string; mediaType: string; sha256: string; size: number; cached: number }[])
      .map((document) => ({
        ...document, cached: document.cached === 1,
        source: documentExtras.get(document.id)?.source ?? null, uploadedAt: documentExtras.get(document.id)?.uploadedAt ?? null,
      }))
      .sort((left, right) => rankOf(left.kind) - rankOf(right.kind)
        || (left.uploadedAt ?? '').localeCompare(right.uploadedAt ?? '') || left.title.localeCompare(right.title));

    const threads = new Map(each('messageThread', (id, value) => [id, value] as const));
    const messages = each('message', (id, value) => {
      const thread = threads.get(value.threadId);
      return {
        id, threadId: value.threadId, subject: thread?.subject ?? '', counterpart: thread?.counterpart ?? '', direction: value.direction,
        body: value.body, sentAt: value.sentAt, readAt: value.readAt,
      };
    }).sort((left, right) => right.sentAt.localeCompare(left.sentAt)).slice(0, latestMessageCount);

    const base = {
      suspensions: each('suspension', (id, value): ReviewSuspension => ({
        id, requestedOn: value.requestedOn, dueOn: value.dueOn, endedOn: value.endedOn, documents: value.documents, pending: false,
      })),
      extensions: each('extension', (id, value): ReviewExtension => ({
        id, period: value.period, legalGround: value.legalGround, announcedOn: value.announcedOn, pending: false,
      })),
      noticesOfDefault: each('noticeOfDefault', (id, value): ReviewNotice => ({ id, receivedOn: value.receivedOn, source: value.source, pending: false })),
      annotations: each('annotation', (id, value): ReviewAnnotation => ({
        id, documentId: value.documentId, page: value.page, body: value.body, quote: value.quote, authorId: value.authorId,
        createdAt: value.createdAt, pending: false,
      })),
      evidenceLinks: each('evidenceLink', (id, value): ReviewEvidenceLink => ({
        id, documentId: value.documentId, requirement: value.requirement, field: value.field, page: value.page, quote: value.quote,
        createdBy: value.createdBy, createdAt: value.createdAt, pending: false,
      })),
      notes: each('note', (id, value): ReviewNote => ({ id, authorId: value.authorId, body: value.body, createdAt: value.createdAt, pending: false })),
    };
    const pendingActions = (this.pendingOfCase.all(caseId) as { name: string; args: string }[])
      .map((action): PendingAction => ({ name: action.name, args: JSON.parse(action.args) as unknown }));
    const overlaid = overlayCaseScreen(base, pendingActions, today);
    const events = each('caseEvent', (id, value) => ({ id, at: value.at, actorId: value.actorId, kind: value.kind, detail: value.detail })).sort((left, right) => left.at.localeCompare(right.at));
    overlaid.notes.sort((left, right) => (left.createdAt ?? '9').localeCompare(right.createdAt ?? '9'));

    const staffIds = new Set<string>();
    for (const event of events) if (event.actorId) staffIds.add(event.actorId);
    for (const note of overlaid.notes) if (note.authorId) staffIds.add(note.authorId);
    for (const link of overlaid.evidenceLinks) if (link.createdBy) staffIds.add(link.createdBy);
    for (const annotation of overlaid.annotations) if (annotation.authorId) staffIds.add(annotation.authorId);
    const people: Record<string, string> = {};
    for (const user of this.userNames.all(JSON.stringify([...staffIds])) as { id: string; data: string }[]) {
      const parsed = parse('user', JSON.parse(user.data));
      if (parsed) people[user.id] = parsed.displayName;
    }

    return {
      summary: toSummary(row, syncStatesOf(this.sqlite, [caseId]).get(caseId) ?? null),
      teamId: server.teamId,
      contestedDecisionOn: server.contestedDecisionOn,
      decidedOn: server.decidedOn,
      decision: server.decision,
      fee: { status: server.feeStatus, paidOn: server.feePaidOn, amountCents: server.feeAmountCents },
      biometrics: server.biometrics,
      application: server.application ?? {},
      parties: each('party', (id, value) => ({
        id, role: value.role, name: value.name, vNumber: value.vNumber, bsn: value.bsn, birthDate: value.birthDate,
        nationality: value.nationality, organisation: value.organisation, recognisedSponsor: value.recognisedSponsor,
        email: value.email, phone: value.phone, city: value.address?.['city'] ?? null,
      })).sort((left, right) => partyOrder.indexOf(left.role) - partyOrder.indexOf(right.role)),
      ...overlaid,
      documents,
      events,
      messages,
      people,
    };
  }
}

const partyOrder = ['applicant', 'sponsor', 'representative'];

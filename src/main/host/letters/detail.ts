/**
 * One letter as its screen shows it, and the letters awaiting the signed-in reviewer: the synced
 * rows with this workbench's queued actions laid over them. A draft typed offline is the latest
 * queued `letter.saveDraft`, so the editor reopens with every word the outbox holds.
 */
import type Database from 'better-sqlite3';
import type { LetterAwaitingReview, LetterDetail } from '../../../shared/contract';
import { needsSecondApprover } from '../../../shared/domain/rules';
import { letterBodyDocument, plainLetterBody, type LetterBody } from '../../../shared/letters/body';
import { RpcError } from '../../../shared/rpc';
import { entitySchemas, type EntityRow } from '../../../shared/sync';
import { mutationArgs } from '../../../shared/sync/mutations';
import type { LettersReader } from './list';

export class LetterDetailReader {
  private readonly row;
  private readonly latestDraft;
  private readonly user;
  private readonly submitted;
  private readonly decidedBySelf;
  private readonly returnEvents;

  constructor(
    sqlite: Database.Database,
    private readonly letters: LettersReader,
    private readonly userId: () => string | null,
    private readonly today: () => string,
  ) {
    this.row = sqlite.prepare(`SELECT data FROM server_rows WHERE entity = 'letter' AND id = ?`).pluck();
    // The latest save still on its way, else one the server applied whose row the pull has not brought yet.
    this.latestDraft = sqlite.prepare(`SELECT args FROM (
        SELECT args, 1 AS rank, seq FROM outbox WHERE name = 'letter.saveDraft' AND state IN ('queued', 'sent') AND json_extract(args, '$.letterId') = @letterId
        UNION ALL SELECT args, 0 AS rank, 0 AS seq FROM applied_letter_drafts WHERE letter_id = @letterId)
      ORDER BY rank DESC, seq DESC LIMIT 1`).pluck();
    this.user = sqlite.prepare(`SELECT data FROM server_rows WHERE entity = 'user' AND id = ?`).pluck();
    this.submitted = sqlite.prepare(`SELECT l.data AS data, c.case_number AS caseNumber FROM server_rows l
      JOIN cases c ON c.id = l.case_id WHERE l.entity = 'letter' AND json_extract(l.data, '$.status') = 'submitted'`);
    // An approval or return already queued here takes the letter off the reviewer's list.
    this.returnEvents = sqlite.prepare(`SELECT data FROM server_rows WHERE entity = 'caseEvent' AND case_id = ?
      AND json_extract(data, '$.kind') = 'letter.return' AND json_extract(data, '$.detail.letterId') = ?
      ORDER BY json_extract(data, '$.at') DESC LIMIT 1`).pluck();
    this.decidedBySelf = sqlite.prepare(`SELECT 1 FROM outbox WHERE name IN ('letter.approve', 'letter.return')
      AND state IN ('queued', 'sent') AND json_extract(args, '$.letterId') = ?`).pluck();
  }

  private serverLetter(letterId: string): EntityRow<'letter'> | null {
    const data = this.row.get(letterId) as string | undefined;
    return data === undefined ? null : entitySchemas.letter.safeParse(JSON.parse(data) as unknown).data ?? null;
  }

  private displayName(userId: string | null): string | null {
    if (userId === null) return null;
    const data = this.user.get(userId) as string | undefined;
    return data === undefined ? null : entitySchemas.user.safeParse(JSON.parse(data) as unknown).data?.displayName ?? null;
  }

  /** not_found when neither the cache nor the outbox knows the letter. */
  get(letterId: string): LetterDetail {
    const server = this.serverLetter(letterId);
    const queuedArgs = this.latestDraft.get({ letterId }) as string | undefined;
    const queued = queuedArgs === undefined ? null : mutationArgs['letter.saveDraft'].safeParse(JSON.parse(queuedArgs) as unknown).data ?? null;
    const caseId = server?.caseId ?? queued?.caseId;
    if (caseId === undefined) throw new RpcError('not_found', 'This letter is not in the local cache.');
    const summary = this.letters.list(caseId).find((letter) => letter.id === letterId);
    if (!summary) throw new RpcError('not_found', 'This letter is not in the local cache.');
    const frame = queued?.frame ?? server?.frame ?? null;
    const drafterId = server?.drafterId ?? (queued ? this.userId() : null);
    return {
      summary, caseId,
      body: queued?.body ?? server?.body ?? plainLetterBody(''),
      frame,
      drafterId,
      drafterName: this.displayName(drafterId),
      approverName: this.displayName(server?.approverId ?? null),
      mine: drafterId !== null && drafterId === this.userId(),
      needsSecondApprover: needsSecondApprover(summary.kind, frame?.letterDate ?? this.today()),
      approvedSha256: server?.approvedSha256 ?? null,
      documentId: server?.documentId ?? null,
      returnedBody: this.returnedBody(caseId, letterId),
    };
  }

  /** The body the last return recorded; null when it was never returned or the event holds none (an older server's). */
  private returnedBody(caseId: string, letterId: string): LetterBody | null {
    const data = this.returnEvents.get(caseId, letterId) as string | undefined;
    if (data === undefined) return null;
    const event = entitySchemas.caseEvent.safeParse(JSON.parse(data) as unknown).data;
    return letterBodyDocument.safeParse(event?.detail['returnedBody']).data ?? null;
  }

  /** Submitted letters someone else drafted; the server decides who may approve, this is the list to look at. */
  awaitingReview(): LetterAwaitingReview[] {
    const me = this.userId();
    const items: LetterAwaitingReview[] = [];
    for (const row of this.submitted.all() as { data: string; caseNumber: string }[]) {
      const letter = entitySchemas.letter.safeParse(JSON.parse(row.data) as unknown).data;
      if (!letter || letter.drafterId === me || this.decidedBySelf.get(letter.id) !== undefined) continue;
      items.push({
        letterId: letter.id, caseId: letter.caseId, caseNumber: row.caseNumber, kind: letter.kind,
        drafterName: this.displayName(letter.drafterId), submittedAt: letter.submittedAt, syncState: null,
      });
    }
    return items.sort((left, right) => (left.submittedAt ?? '').localeCompare(right.submittedAt ?? '') || left.letterId.localeCompare(right.letterId));
  }
}

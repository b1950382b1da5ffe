/**
 * The merge fields of a letter from the local cache, so a letter can be drafted and previewed
 * offline: the case screen's read (queued actions count: a request for documents made offline is
 * in it) and the case's parties, through the shared builder (src/shared/letters/build-fields.ts).
 */
import type Database from 'better-sqlite3';
import { buildLetterFields, MissingLetterFacts, type BuiltFields, type FieldsRequest } from '../../../shared/letters/build-fields';
import { RpcError } from '../../../shared/rpc';
import { entitySchemas, type EntityRow } from '../../../shared/sync';
import type { CacheDatabase } from '../db/open';
import { ReviewReader } from '../review/case';

export { decisionKinds } from '../../../shared/letters/build-fields';

/** Reads the cache for a letter's fields; prepared statements kept for the host's lifetime. */
export class LetterFieldsReader {
  private readonly review;
  private readonly rowsOfCase;
  private readonly user;

  constructor(
    sqlite: Database.Database,
    db: CacheDatabase,
    private readonly userId: () => string | null,
    private readonly today: () => string,
  ) {
    this.review = new ReviewReader(sqlite, db);
    this.rowsOfCase = sqlite.prepare(`SELECT entity, data FROM server_rows WHERE case_id = ? AND entity IN ('case', 'party')`);
    this.user = sqlite.prepare(`SELECT data FROM server_rows WHERE entity = 'user' AND id = ?`).pluck();
  }

  /** not_found when the case is not in the cache, or lacks a fact the letter needs (`details.missing`). */
  build(request: FieldsRequest & { caseId: string }): BuiltFields {
    const review = this.review.read(request.caseId, this.today());
    let kase: EntityRow<'case'> | null = null;
    const parties: EntityRow<'party'>[] = [];
    for (const row of this.rowsOfCase.all(request.caseId) as { entity: string; data: string }[]) {
      const data = JSON.parse(row.data) as unknown;
      if (row.entity === 'case') kase = entitySchemas.case.safeParse(data).data ?? null;
      else {
        const party = entitySchemas.party.safeParse(data);
        if (party.success) parties.push(party.data);
      }
    }
    try {
      return buildLetterFields({
        summary: review.summary, contestedDecisionOn: review.contestedDecisionOn,
        suspensions: review.suspensions, extensions: review.extensions, noticesOfDefault: review.noticesOfDefault,
        kase, parties, signatory: this.signatory(),
      }, request);
    } catch (error) {
      if (!(error instanceof MissingLetterFacts)) throw error;
      throw new RpcError('not_found', 'The case lacks facts this letter needs.', { reason: 'missing_facts', missing: error.missing.join(',') });
    }
  }

  private signatory(): string | null {
    const id = this.userId();
    const data = id === null ? undefined : (this.user.get(id) as string | undefined);
    const user = data === undefined ? null : entitySchemas.user.safeParse(JSON.parse(data) as unknown).data ?? null;
    const name = user?.displayName.trim() ?? '';
    return name === '' ? null : name;
  }
}

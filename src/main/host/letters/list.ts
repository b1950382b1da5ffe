/**
 * The letters of a case: the synced letter rows with this workbench's queued letter actions laid
 * over them, so a draft saved offline shows at once and a queued submit shows as submitted. Only
 * letter.saveDraft carries the case id in the outbox; the status actions name just the letter, so
 * they are found through the case's letter ids.
 */
import type Database from 'better-sqlite3';
import type { ItemSyncState, LetterStatus, LetterSummary } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc';
import { entitySchemas } from '../../../shared/sync';
import { mutationArgs, type MutationName } from '../../../shared/sync/mutations';

/** Least settled first, as the case lists rank their rows' states (cases/store.ts). */
const statePriority: Record<ItemSyncState, number> = { conflict: 4, failed: 3, sent: 2, queued: 1 };

/** The status a queued letter action leads to once the server applies it. */
const statusAfter: Partial<Record<MutationName, LetterStatus>> = {
  'letter.submit': 'submitted', 'letter.approve': 'approved', 'letter.return': 'returned', 'letter.send': 'sent',
};

interface OutboxRow {
  name: string;
  args: string;
  /** 'applied': a save the server took whose row has not been pulled yet. */
  state: ItemSyncState | 'applied';
  queuedAt: string;
}

export class LettersReader {
  private readonly caseExists;
  private readonly lettersOfCase;
  private readonly actionsOfCase;

  constructor(sqlite: Database.Database) {
    this.caseExists = sqlite.prepare('SELECT 1 FROM cases WHERE id = ?').pluck();
    this.lettersOfCase = sqlite.prepare(`SELECT id, data FROM server_rows WHERE entity = 'letter' AND case_id = ?`);
    this.actionsOfCase = sqlite.prepare(`SELECT name, args, state, queuedAt FROM (
        -- A draft the server applied before the pull brought its row: shown as the synced draft it is.
        SELECT 'letter.saveDraft' AS name, args, 'applied' AS state, applied_at AS queuedAt, 0 AS seq FROM applied_letter_drafts
          WHERE case_id = @caseId AND letter_id NOT IN (SELECT id FROM server_rows WHERE entity = 'letter' AND case_id = @caseId)
        UNION ALL SELECT name, args, state, queued_at AS queuedAt, seq FROM outbox
          WHERE name LIKE 'letter.%' AND (case_id = @caseId
            OR json_extract(args, '$.letterId') IN (SELECT id FROM server_rows WHERE entity = 'letter' AND case_id = @caseId)))
      ORDER BY seq`);
  }

  /** not_found when the case is not in the local cache. */
  list(caseId: string): LetterSummary[] {
    if (this.caseExists.get(caseId) === undefined) throw new RpcError('not_found', 'This case is not in the local cache.');
    const letters = new Map<string, LetterSummary>();
    for (const row of this.lettersOfCase.all(caseId) as { id: string; data: string }[]) {
      // A row this version cannot read is left out, as the case screen does, never guessed at.
      const parsed = entitySchemas.letter.safeParse(JSON.parse(row.data) as unknown);
      if (!parsed.success) continue;
      const letter = parsed.data;
      letters.set(row.id, {
        id: row.id, kind: letter.kind, status: letter.status, updatedAt: letter.updatedAt, syncState: null,
        returnReason: letter.status === 'returned' ? letter.returnedReason : null, pending: false,
      });
    }
    for (const action of this.actionsOfCase.all({ caseId }) as OutboxRow[]) this.overlay(letters, caseId, action);
    return [...letters.values()].sort((left, right) => right.updatedAt.localeCompare(left.updatedAt) || left.id.localeCompare(right.id));
  }

  private overlay(letters: Map<string, LetterSummary>, caseId: string, action: OutboxRow): void {
    const name = action.name as MutationName;
    const schema = Object.hasOwn(mutationArgs, name) ? mutationArgs[name] : null;
    // Arguments that no longer parse show nothing rather than a guess (as overlayCaseScreen does).
    const parsed = schema?.safeParse(JSON.parse(action.args) as unknown);
    if (!parsed?.success) return;
    const args = parsed.data as { letterId: string; caseId?: string; kind?: string; reason?: string };
    let letter = letters.get(args.letterId);
    if (!letter) {
      if (name !== 'letter.saveDraft' || args.caseId !== caseId || args.kind === undefined) return;
      letter = {
        id: args.letterId, kind: args.kind, status: 'draft', updatedAt: action.queuedAt, syncState: null, returnReason: null, pending: action.state !== 'applied',
      };
      letters.set(args.letterId, letter);
    }
    if (action.state === 'applied') return;
    if (letter.syncState === null || statePriority[action.state] > statePriority[letter.syncState]) letter.syncState = action.state;
    // A refused or conflicting action did not happen; only what is still on its way changes the status.
    if (action.state !== 'queued' && action.state !== 'sent') return;
    if (action.queuedAt > letter.updatedAt) letter.updatedAt = action.queuedAt;
    const next = statusAfter[name];
    if (next) {
      letter.status = next;
      letter.returnReason = next === 'returned' ? (args.reason ?? null) : null;
    }
  }
}

/**
 * The outbox: every user action is one transaction that writes its optimistic effect and its
 * outbox row together (docs/architecture.md, "Outbox, rebase and conflicts"), so nothing acknowledged to the user is lost on a kill,
 * and the client mutation id makes a resend after a kill harmless (the server returns the stored
 * result).
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { RpcError } from '../../../shared/rpc';
import { caseIdOf, guardOf } from '../../../shared/mutations';
import {
  isMutationName, mutationArgs, type MutationArgs, type MutationEnvelope, type MutationName, type MutationResult,
} from '../../../shared/sync';
import type { ConflictRow, OutboxState } from '../db/schema';
import type { InboundStore } from './inbound';

/** One outbox row as the engine and the UI see it. */
export interface OutboxItem {
  seq: number;
  clientMutationId: string;
  name: string;
  caseId: string | null;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string | null;
  errorCode: string | null;
  queuedAt: string;
}

/** The row a message action without a case id names, by which the outbox finds its case. */
const messageRowOf: Partial<Record<string, { entity: 'message' | 'messageThread'; field: string }>> = {
  'message.markRead': { entity: 'message', field: 'messageId' },
  'message.retryDelivery': { entity: 'message', field: 'messageId' },
  'message.markThreadRead': { entity: 'messageThread', field: 'threadId' },
};

interface OutboxRecord extends OutboxItem {
  args: string;
  base: string;
}

export class Outbox {
  private readonly statements;

  constructor(private readonly sqlite: Database.Database, private readonly inbound: InboundStore) {
    const prepare = (text: string) => sqlite.prepare(text);
    const columns = `seq, client_mutation_id AS clientMutationId, name, args, base, case_id AS caseId, state, attempts,
      next_attempt_at AS nextAttemptAt, error_code AS errorCode, queued_at AS queuedAt`;
    this.statements = {
      insert: prepare(`INSERT INTO outbox (client_mutation_id, name, args, base, case_id, state, queued_at)
        VALUES (?, ?, ?, ?, ?, 'queued', ?)`),
      pending: prepare(`SELECT ${columns} FROM outbox WHERE state IN ('queued', 'sent') ORDER BY seq LIMIT ?`),
      all: prepare(`SELECT ${columns} FROM outbox ORDER BY seq`),
      markSent: prepare(`UPDATE outbox SET state = 'sent', attempts = attempts + 1 WHERE client_mutation_id = ? AND state IN ('queued', 'sent')`),
      retryLater: prepare(`UPDATE outbox SET state = 'queued', next_attempt_at = ?, error_code = ? WHERE client_mutation_id = ? AND state = 'sent'`),
      remove: prepare('DELETE FROM outbox WHERE client_mutation_id = ?'),
      rememberDraft: prepare(`INSERT INTO applied_letter_drafts (letter_id, case_id, args, applied_at)
        VALUES (json_extract(@args, '$.letterId'), @caseId, @args, @now)
        ON CONFLICT (letter_id) DO UPDATE SET args = excluded.args, applied_at = excluded.applied_at`),
      fail: prepare(`UPDATE outbox SET state = 'failed', error_code = ?, next_attempt_at = NULL WHERE client_mutation_id = ?`),
      conflict: prepare(`UPDATE outbox SET state = 'conflict', error_code = 'conflict', next_attempt_at = NULL WHERE client_mutation_id = ?`),
      recordConflict: prepare(`INSERT OR IGNORE INTO conflicts (client_mutation_id, name, args, base, case_id, entity, entity_id, fields, server, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      counts: prepare(`SELECT
          (SELECT count(*) FROM outbox WHERE state IN ('queued', 'sent')) AS pending,
          (SELECT count(*) FROM outbox WHERE state = 'failed') AS failed,
          (SELECT count(*) FROM conflicts) AS conflicts`),
      caseOfRow: prepare('SELECT case_id FROM server_rows WHERE entity = ? AND id = ?').pluck(),
      pendingLetterDraft: prepare(`SELECT 1 FROM outbox WHERE name = 'letter.saveDraft' AND state IN ('queued', 'sent')
        AND json_extract(args, '$.letterId') = ? LIMIT 1`).pluck(),
    };
  }

  /**
   * The case an action belongs to: its `caseId`, or for a message action that names only its
   * message or thread, theirs, so that the outbox rebuilds and announces that case (a reading
   * queued offline clears the case's unread count at once).
   */
  caseOf(name: string, args: unknown): string | null {
    const direct = caseIdOf(args);
    if (direct !== null || typeof args !== 'object' || args === null) return direct;
    const named = messageRowOf[name];
    if (!named) return null;
    const id = (args as Record<string, unknown>)[named.field];
    if (typeof id !== 'string') return null;
    return (this.statements.caseOfRow.get(named.entity, id) as string | null | undefined) ?? null;
  }

  /** The guarded values the user sees now for `name` on its row: what the server compares against. */
  private baseFor<Name extends MutationName>(name: Name, args: MutationArgs<Name>): Record<string, string | number | boolean | null> {
    const guard = guardOf(name, args);
    if (!guard) return {};
    const { rowId } = guard;
    const base: Record<string, string | number | boolean | null> = {};
    if (guard.entity === 'case') {
      const row = this.sqlite.prepare('SELECT assignee, deadline FROM cases WHERE id = ?').get(rowId) as
        { assignee: string | null; deadline: string | null } | undefined;
      if (!row) throw new RpcError('not_found', 'This case is not in the local cache.');
      const values: Record<string, string | null> = { assigneeId: row.assignee, deadline: row.deadline };
      for (const field of guard.fields) base[field] = values[field] ?? null;
      return base;
    }
    const letter = this.inbound.serverRow('letter', rowId);
    if (guard.fields.includes('version')) {
      // A new draft has no version yet: the server creates it, whatever the base says.
      base['version'] = letter && typeof letter['version'] === 'number' ? letter['version'] : null;
      return base;
    }
    const status = letter && typeof letter['status'] === 'string' ? letter['status']
      : this.statements.pendingLetterDraft.get(rowId) ? 'draft' : null;
    if (status === null) throw new RpcError('not_found', 'This letter is not in the local cache.');
    base['status'] = status;
    return base;
  }

  /**
   * Validates a mutation, writes its outbox row and applies its local effect in one transaction.
   * Returns the client mutation id: once this returns, the action survives any crash.
   */
  enqueue(name: string, rawArgs: unknown, now: string): { clientMutationId: string } {
    if (!isMutationName(name)) throw new RpcError('invalid_arguments', 'Unknown mutation.');
    const parsed = mutationArgs[name].safeParse(rawArgs);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(args)').join(', ');
      throw new RpcError('invalid_arguments', `Invalid arguments for ${name}: ${fields}.`);
    }
    const clientMutationId = randomUUID();
    const caseId = this.caseOf(name, parsed.data);
    this.sqlite.transaction(() => {
      const base = this.baseFor(name, parsed.data as MutationArgs<typeof name>);
      this.statements.insert.run(clientMutationId, name, JSON.stringify(parsed.data), JSON.stringify(base), caseId, now);
      if (caseId) this.inbound.materialiseCase(caseId);
    }).immediate();
    return { clientMutationId };
  }

  /** The oldest pending mutations, in the order the user made them. */
  pending(limit: number): OutboxItem[] {
    return (this.statements.pending.all(limit) as OutboxRecord[]).map(({ args: _args, base: _base, ...item }) => item);
  }

  /** Envelopes for the oldest pending mutations, marked sent in the same transaction. */
  takeBatch(limit: number): MutationEnvelope[] {
    return this.sqlite.transaction(() => {
      const rows = this.statements.pending.all(limit) as OutboxRecord[];
      for (const row of rows) this.statements.markSent.run(row.clientMutationId);
      return rows.map((row) => ({
        clientMutationId: row.clientMutationId, name: row.name, args: JSON.parse(row.args) as unknown,
        base: JSON.parse(row.base) as Record<string, string | number | boolean | null>, queuedAt: row.queuedAt,
      }));
    }).immediate();
  }

  /**
   * Makes queued mutations due at once: the user asked to sync now, or the network is back (then
   * only those held back by network errors; a server's Retry-After still counts).
   */
  makeDue(onlyAfterNetworkErrors: boolean): number {
    return this.sqlite.prepare(`UPDATE outbox SET next_attempt_at = NULL WHERE state = 'queued' AND next_attempt_at IS NOT NULL
      ${onlyAfterNetworkErrors ? "AND error_code = 'network'" : ''}`).run().changes;
  }

  /** A push got no usable answer: the batch goes back to queued, to be tried at `nextAttemptAt`. */
  retryLater(clientMutationIds: readonly string[], nextAttemptAt: string, errorCode: string): void {
    this.sqlite.transaction(() => {
      for (const id of clientMutationIds) this.statements.retryLater.run(nextAttemptAt, errorCode, id);
    }).immediate();
  }

  /**
   * Stores the server's per-mutation answers: applied rows leave the outbox, refused ones stay
   * as failed, conflicts move to the conflicts inbox. Cases whose effect no longer holds are
   * rebuilt from the server's row in the same transaction. Returns the cases that changed.
   */
  applyResults(envelopes: readonly MutationEnvelope[], results: readonly MutationResult[], now: string): Set<string> {
    const touched = new Set<string>();
    const byId = new Map(envelopes.map((envelope) => [envelope.clientMutationId, envelope]));
    this.sqlite.transaction(() => {
      for (const result of results) {
        const envelope = byId.get(result.clientMutationId);
        if (!envelope) continue;
        const caseId = this.caseOf(envelope.name, envelope.args);
        if (result.status === 'applied') {
          // The optimistic effect stays on the case row until the pull brings the server's version.
          this.statements.remove.run(result.clientMutationId);
          // So does a draft's text: the editor reopens with it until the pull brings the letter's row.
          if (envelope.name === 'letter.saveDraft' && caseId) this.statements.rememberDraft.run({ caseId, args: JSON.stringify(envelope.args), now });
          continue;
        }
        if (result.status === 'rejected') {
          this.statements.fail.run(result.code, result.clientMutationId);
        } else {
          this.statements.conflict.run(result.clientMutationId);
          this.statements.recordConflict.run(result.clientMutationId, envelope.name, JSON.stringify(envelope.args),
            JSON.stringify(envelope.base), caseId, result.entity, result.id, JSON.stringify(result.fields),
            JSON.stringify(result.server), now);
        }
        if (caseId) {
          this.inbound.materialiseCase(caseId);
          touched.add(caseId);
        }
      }
    }).immediate();
    return touched;
  }

  /** The conflicts inbox, oldest first. */
  conflicts(): ConflictRow[] {
    return this.sqlite.prepare(`SELECT id, client_mutation_id AS clientMutationId, name, args, base, case_id AS caseId, entity,
      entity_id AS entityId, fields, server, created_at AS createdAt FROM conflicts ORDER BY id`).all() as ConflictRow[];
  }

  /**
   * Resolves a conflict. `theirs` drops my edit; `mine` queues it again (a new client mutation id)
   * with the server's current values as its base, so it applies unless someone changes them again.
   * Returns the case whose view changed, if any.
   */
  resolveConflict(id: number, keep: 'mine' | 'theirs', now: string): string | null {
    return this.sqlite.transaction(() => {
      const conflict = this.conflicts().find((row) => row.id === id);
      if (!conflict) throw new RpcError('not_found', 'This conflict was already resolved.');
      this.sqlite.prepare('DELETE FROM conflicts WHERE id = ?').run(id);
      this.statements.remove.run(conflict.clientMutationId);
      if (keep === 'mine') {
        const current = this.inbound.serverRow(conflict.entity, conflict.entityId) ?? (JSON.parse(conflict.server) as Record<string, unknown>);
        const base = JSON.parse(conflict.base) as Record<string, unknown>;
        for (const field of JSON.parse(conflict.fields) as string[]) base[field] = current[field] ?? null;
        this.statements.insert.run(randomUUID(), conflict.name, conflict.args, JSON.stringify(base), conflict.caseId, now);
      }
      if (conflict.caseId) this.inbound.materialiseCase(conflict.caseId);
      return conflict.caseId;
    }).immediate();
  }

  /** Pending (queued or sent), failed and conflict counts for the status bar. */
  counts(): { pending: number; failed: number; conflicts: number } {
    return this.statements.counts.get() as { pending: number; failed: number; conflicts: number };
  }

  /** Every outbox row, for the UI's per-item state. */
  items(): OutboxItem[] {
    return (this.statements.all.all() as OutboxRecord[]).map(({ args: _args, base: _base, ...item }) => item);
  }
}

/**
 * A case's messaging rows as the cache holds them: threads, messages and per-user reads pulled
 * from the server, and this workbench's message actions still in the outbox. Shared by the read
 * model (projector.ts) and the thread reader (threads.ts), so both decide "read by me" alike.
 */
import type Database from 'better-sqlite3';
import { entitySchemas, type EntityRow } from '../../../shared/sync';
import { mutationArgs, type MutationArgs } from '../../../shared/sync/mutations';
import type { OutboxState } from '../db/schema';

export type ThreadRow = EntityRow<'messageThread'>;
export type MessageRow = EntityRow<'message'>;
export type ReadRow = EntityRow<'messageRead'>;

/** One message action of the outbox, its arguments parsed again (rows that no longer parse are left out). */
export type QueuedMessageAction = {
  seq: number;
  state: OutboxState;
  errorCode: string | null;
  queuedAt: string;
} & (
  | { name: 'message.send'; args: MutationArgs<'message.send'> }
  | { name: 'message.markRead'; args: MutationArgs<'message.markRead'> }
  | { name: 'message.markThreadRead'; args: MutationArgs<'message.markThreadRead'> }
  | { name: 'message.retryDelivery'; args: MutationArgs<'message.retryDelivery'> }
);

export interface CaseMessageRows {
  threads: Map<string, ThreadRow>;
  /** Every message of the case, with its version (the server's row version). */
  messages: MessageRow[];
  reads: ReadRow[];
  actions: QueuedMessageAction[];
}

const messageActionNames = ['message.send', 'message.markRead', 'message.markThreadRead', 'message.retryDelivery'] as const;

export class MessageRowsReader {
  private readonly rowsOfCase;
  private readonly actionsOfCase;

  constructor(sqlite: Database.Database) {
    this.rowsOfCase = sqlite.prepare(`SELECT entity, data FROM server_rows
      WHERE case_id = ? AND entity IN ('messageThread', 'message', 'messageRead')`);
    this.actionsOfCase = sqlite.prepare(`SELECT seq, name, args, state, error_code AS errorCode, queued_at AS queuedAt FROM outbox
      WHERE case_id = ? AND name IN (${messageActionNames.map((name) => `'${name}'`).join(', ')}) ORDER BY seq`);
  }

  read(caseId: string): CaseMessageRows {
    const rows: CaseMessageRows = { threads: new Map(), messages: [], reads: [], actions: [] };
    for (const row of this.rowsOfCase.all(caseId) as { entity: string; data: string }[]) {
      const data = JSON.parse(row.data) as unknown;
      // A row this version cannot read is left out, as the case screen does, never guessed at.
      if (row.entity === 'messageThread') {
        const thread = entitySchemas.messageThread.safeParse(data);
        if (thread.success) rows.threads.set(thread.data.id, thread.data);
      } else if (row.entity === 'message') {
        const message = entitySchemas.message.safeParse(data);
        if (message.success) rows.messages.push(message.data);
      } else {
        const read = entitySchemas.messageRead.safeParse(data);
        if (read.success) rows.reads.push(read.data);
      }
    }
    rows.actions = this.actions(caseId);
    return rows;
  }

  actions(caseId: string): QueuedMessageAction[] {
    const actions: QueuedMessageAction[] = [];
    for (const row of this.actionsOfCase.all(caseId) as { seq: number; name: string; args: string; state: OutboxState; errorCode: string | null; queuedAt: string }[]) {
      const name = row.name as (typeof messageActionNames)[number];
      const parsed = mutationArgs[name].safeParse(JSON.parse(row.args) as unknown);
      if (!parsed.success) continue;
      actions.push({ seq: row.seq, state: row.state, errorCode: row.errorCode, queuedAt: row.queuedAt, name, args: parsed.data } as QueuedMessageAction);
    }
    return actions;
  }
}

/** True while an action is on its way; a refused one did not happen. */
export function inFlight(action: { state: OutboxState }): boolean {
  return action.state === 'queued' || action.state === 'sent';
}

/**
 * Whether `userId` has read an inbound message: a read row of theirs, or a reading of theirs still
 * in the outbox (markRead of it, or markThreadRead of its thread up to its time).
 */
export function readByUser(userId: string, reads: readonly ReadRow[], actions: readonly QueuedMessageAction[]): (message: Pick<MessageRow, 'id' | 'threadId' | 'sentAt'>) => boolean {
  const read = new Set(reads.filter((row) => row.userId === userId).map((row) => row.messageId));
  const threadReads: { threadId: string; upTo: number }[] = [];
  for (const action of actions) {
    if (!inFlight(action)) continue;
    if (action.name === 'message.markRead') read.add(action.args.messageId);
    else if (action.name === 'message.markThreadRead') threadReads.push({ threadId: action.args.threadId, upTo: Date.parse(action.args.upTo) });
  }
  return (message) => read.has(message.id)
    || threadReads.some((reading) => reading.threadId === message.threadId && Date.parse(message.sentAt) <= reading.upTo);
}

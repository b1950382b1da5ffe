/**
 * The messages feature's read models (migration 0007), kept in step with the cache by the inbound
 * store like the queue's rows: the search index over subjects and bodies (this workbench's queued
 * messages included), the unread count per case for the cache's user, and the new inbound messages
 * of a pull, which the host announces (`messages.received`) once the pull has committed.
 *
 * It runs before the queue's projector, which copies the unread count onto the queue's row.
 */
import type Database from 'better-sqlite3';
import type { Counterpart } from '../../../shared/sync/mutations';
import { counterpart as counterpartSchema } from '../../../shared/sync/mutations';
import type { LocalCase } from '../../../shared/mutations';
import type { Projector } from '../sync/projector';
import { MessageRowsReader, readByUser } from './rows';

/** A new inbound message, as announced: ids only, never the body. */
export interface ReceivedMessage {
  caseId: string;
  caseNumber: string;
  threadId: string;
  messageId: string;
  counterpart: Counterpart;
}

interface IndexEntry {
  id: string;
  threadId: string;
  direction: 'inbound' | 'outbound';
  sentAt: string;
  subject: string;
  body: string;
  signature: string;
}

/** snippet() and highlight() markers; removed from indexed text so a body cannot forge a mark. */
export const markOpen = '\u0002';
export const markClose = '\u0003';
const markers = new RegExp(`[${markOpen}${markClose}]`, 'g');

export class MessagesProjector implements Projector {
  readonly entities: ReadonlySet<string> = new Set(['messageThread', 'message', 'messageRead']);
  private readonly rows;
  private readonly statements;
  /** New inbound messages found in the running transaction; `commit` hands them on. */
  private staged: ReceivedMessage[] = [];
  private received: ReceivedMessage[] = [];

  constructor(private readonly sqlite: Database.Database, private readonly userId: () => string) {
    this.rows = new MessageRowsReader(sqlite);
    const prepare = (text: string) => sqlite.prepare(text);
    this.statements = {
      indexed: prepare('SELECT rowid, id, signature FROM message_index WHERE case_id = ?'),
      upsert: prepare(`INSERT INTO message_index (id, case_id, thread_id, direction, sent_at, subject, signature)
        VALUES (@id, @caseId, @threadId, @direction, @sentAt, @subject, @signature)
        ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, thread_id = excluded.thread_id, direction = excluded.direction,
          sent_at = excluded.sent_at, subject = excluded.subject, signature = excluded.signature
        RETURNING rowid`).pluck(),
      deleteEntry: prepare('DELETE FROM message_index WHERE rowid = ?'),
      deleteSearch: prepare('DELETE FROM messages_search WHERE rowid = ?'),
      insertSearch: prepare('INSERT INTO messages_search (rowid, subject, body) VALUES (?, ?, ?)'),
      dropSearch: prepare('DELETE FROM messages_search WHERE rowid IN (SELECT rowid FROM message_index WHERE case_id = ?)'),
      dropIndex: prepare('DELETE FROM message_index WHERE case_id = ?'),
      setUnread: prepare(`INSERT INTO unread_messages (case_id, count) VALUES (?, ?)
        ON CONFLICT (case_id) DO UPDATE SET count = excluded.count`),
      clearUnread: prepare('DELETE FROM unread_messages WHERE case_id = ?'),
      listed: prepare('SELECT 1 FROM cases WHERE id = ?').pluck(),
      bootstrapped: prepare('SELECT bootstrapped FROM sync_state WHERE id = 1').pluck(),
      casesWithActions: prepare(`SELECT DISTINCT case_id FROM outbox WHERE case_id IS NOT NULL AND name LIKE 'message.%'`).pluck(),
    };
  }

  project(caseId: string, kase: LocalCase | null, { bulk }: { bulk: boolean }): void {
    // While filling in bulk, a case's messages may still be on later pages: finishBulk indexes them all.
    if (bulk) return;
    if (!kase) {
      this.drop(caseId);
      return;
    }
    const s = this.statements;
    const { threads, messages, reads, actions } = this.rows.read(caseId);
    const userId = this.userId();
    const isRead = readByUser(userId, reads, actions);
    const entries = new Map<string, IndexEntry>();
    for (const message of messages) {
      const thread = threads.get(message.threadId);
      entries.set(message.id, {
        id: message.id, threadId: message.threadId, direction: message.direction, sentAt: message.sentAt,
        subject: thread?.subject ?? '', body: message.body, signature: `${message.version}:${thread?.version ?? 0}`,
      });
    }
    // Queued messages are searchable too, until the server's row with the same id replaces them.
    for (const action of actions) {
      if (action.name !== 'message.send' || entries.has(action.args.messageId)) continue;
      const subject = action.args.newThread?.subject ?? threads.get(action.args.threadId)?.subject ?? '';
      entries.set(action.args.messageId, {
        id: action.args.messageId, threadId: action.args.threadId, direction: 'outbound', sentAt: action.queuedAt,
        subject, body: action.args.body, signature: `queued:${action.seq}:${subject.length}`,
      });
    }
    const known = new Map((s.indexed.all(caseId) as { rowid: number; id: string; signature: string }[]).map((row) => [row.id, row]));
    // A case already listed before this change: a message of a case that just came into scope is not news.
    const announce = known.size > 0 || s.listed.get(caseId) !== undefined;
    const announcing = announce && s.bootstrapped.get() === 1;
    for (const entry of entries.values()) {
      const existing = known.get(entry.id);
      known.delete(entry.id);
      if (existing?.signature === entry.signature) continue;
      if (existing) s.deleteSearch.run(existing.rowid);
      const rowid = s.upsert.get({ ...entry, caseId }) as number;
      s.insertSearch.run(rowid, entry.subject.replace(markers, ''), entry.body.replace(markers, ''));
      if (!existing && announcing && entry.direction === 'inbound' && !isRead(entry)) this.stage(caseId, kase, entry, threads.get(entry.threadId)?.counterpart);
    }
    for (const gone of known.values()) {
      s.deleteSearch.run(gone.rowid);
      s.deleteEntry.run(gone.rowid);
    }
    const unread = messages.filter((message) => message.direction === 'inbound' && !isRead(message)).length;
    if (unread > 0) s.setUnread.run(caseId, unread);
    else s.clearUnread.run(caseId);
  }

  private stage(caseId: string, kase: LocalCase, entry: IndexEntry, counterpart: string | undefined): void {
    const parsed = counterpartSchema.safeParse(counterpart);
    const caseNumber = kase['caseNumber'];
    if (!parsed.success || typeof caseNumber !== 'string') return;
    this.staged.push({ caseId, caseNumber, threadId: entry.threadId, messageId: entry.id, counterpart: parsed.data });
  }

  drop(caseId: string): void {
    this.statements.dropSearch.run(caseId);
    this.statements.dropIndex.run(caseId);
    this.statements.clearUnread.run(caseId);
  }

  beginBulk(): void {
    // Nothing is deferred: finishBulk builds every entry at once.
  }

  /**
   * Every case's entries and unread count in a few statements over the pulled rows, then the cases
   * with message actions in the outbox one by one (their queued messages and readings).
   */
  finishBulk(): void {
    this.reset();
    this.sqlite.exec(`
      INSERT INTO message_index (id, case_id, thread_id, direction, sent_at, subject, signature)
        SELECT m.id, m.case_id, json_extract(m.data, '$.threadId'), json_extract(m.data, '$.direction'), json_extract(m.data, '$.sentAt'),
          coalesce(json_extract(t.data, '$.subject'), ''), m.version || ':' || coalesce(t.version, 0)
        FROM server_rows m LEFT JOIN server_rows t ON t.entity = 'messageThread' AND t.id = json_extract(m.data, '$.threadId')
        WHERE m.entity = 'message' AND m.case_id IS NOT NULL AND json_extract(m.data, '$.direction') IN ('inbound', 'outbound');
      INSERT INTO messages_search (rowid, subject, body)
        SELECT i.rowid, replace(replace(i.subject, char(2), ''), char(3), ''),
          replace(replace(coalesce(json_extract(m.data, '$.body'), ''), char(2), ''), char(3), '')
        FROM message_index i JOIN server_rows m ON m.entity = 'message' AND m.id = i.id;`);
    this.sqlite.prepare(`INSERT INTO unread_messages (case_id, count)
      SELECT case_id, count(*) FROM message_index
      WHERE direction = 'inbound' AND id NOT IN (
        SELECT json_extract(data, '$.messageId') FROM server_rows WHERE entity = 'messageRead' AND json_extract(data, '$.userId') = ?)
      GROUP BY case_id`).run(this.userId());
    const hasCase = this.sqlite.prepare(`SELECT 1 FROM server_rows WHERE entity = 'case' AND id = ?`).pluck();
    for (const caseId of this.statements.casesWithActions.all() as string[]) {
      if (hasCase.get(caseId) !== undefined) this.project(caseId, {}, { bulk: false });
    }
  }

  reset(): void {
    this.sqlite.exec('DELETE FROM message_index; DELETE FROM messages_search; DELETE FROM unread_messages;');
    this.staged = [];
  }

  /** Before a pull's transaction: what an earlier, rolled-back one staged is forgotten. */
  beginTransaction(): void {
    this.staged = [];
  }

  /** After a pull's transaction committed: its new inbound messages are ready to announce. */
  commit(): void {
    this.received = this.received.concat(this.staged);
    this.staged = [];
  }

  /** The new inbound messages since the last call. */
  takeReceived(): ReceivedMessage[] {
    const received = this.received;
    this.received = [];
    return received;
  }
}

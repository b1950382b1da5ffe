/**
 * A case's threads and one thread's messages, from the cached rows with this workbench's message
 * actions laid over them: a queued message shows as 'queued' (a queued new thread as a pending
 * thread), a refused one as 'failed' with the outbox's error code, a queued retry of a failed
 * delivery as 'queued' again, and "read by me" counts readings still in the outbox.
 */
import type Database from 'better-sqlite3';
import type { MessageCounterpart, MessageState, MessageView, ThreadSummary } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc';
import { entitySchemas } from '../../../shared/sync';
import { counterpart as counterpartSchema, type Counterpart } from '../../../shared/sync/mutations';
import { inFlight, MessageRowsReader, readByUser, type CaseMessageRows, type MessageRow } from './rows';

/** Least settled first, for a thread's outbox state. */
const outboxPriority = { failed: 3, queued: 2, sent: 1 } as const;

export class ThreadsReader {
  private readonly rows;
  private readonly caseRow;
  private readonly partiesOfCase;
  private readonly userRow;
  private readonly documentRow;
  private readonly caseOfThread;
  private readonly caseOfQueuedThread;

  constructor(sqlite: Database.Database, private readonly userId: () => string | null) {
    this.rows = new MessageRowsReader(sqlite);
    this.caseRow = sqlite.prepare(`SELECT data FROM server_rows WHERE entity = 'case' AND id = ?`).pluck();
    this.partiesOfCase = sqlite.prepare(`SELECT data FROM server_rows WHERE case_id = ? AND entity = 'party'`).pluck();
    this.userRow = sqlite.prepare(`SELECT data FROM server_rows WHERE entity = 'user' AND id = ?`).pluck();
    this.documentRow = sqlite.prepare(`SELECT data FROM server_rows WHERE entity = 'document' AND id = ?`).pluck();
    this.caseOfThread = sqlite.prepare(`SELECT case_id FROM server_rows WHERE entity = 'messageThread' AND id = ?`).pluck();
    this.caseOfQueuedThread = sqlite.prepare(`SELECT case_id FROM outbox WHERE name = 'message.send'
      AND json_extract(args, '$.threadId') = ? LIMIT 1`).pluck();
  }

  /** not_found when the case is not in the local cache. */
  threads(caseId: string): { threads: ThreadSummary[]; counterparts: MessageCounterpart[] } {
    const counterparts = this.counterparts(caseId);
    const rows = this.rows.read(caseId);
    const threads = [...this.build(caseId, rows, counterparts).values()].map((thread) => thread.summary);
    threads.sort((left, right) => right.lastMessageAt.localeCompare(left.lastMessageAt) || left.id.localeCompare(right.id));
    return { threads, counterparts };
  }

  /** not_found when neither the cache nor the outbox has the thread. */
  thread(threadId: string): { thread: ThreadSummary; messages: MessageView[] } {
    const caseId = (this.caseOfThread.get(threadId) as string | null | undefined) ?? (this.caseOfQueuedThread.get(threadId) as string | null | undefined);
    if (!caseId) throw new RpcError('not_found', 'This thread is not in the local cache.');
    const built = this.build(caseId, this.rows.read(caseId), this.counterparts(caseId)).get(threadId);
    if (!built) throw new RpcError('not_found', 'This thread is not in the local cache.');
    return { thread: built.summary, messages: built.messages };
  }

  /** The case's parties a message can go to, with the language they read. */
  counterparts(caseId: string): MessageCounterpart[] {
    const caseData = this.caseRow.get(caseId) as string | undefined;
    if (caseData === undefined) throw new RpcError('not_found', 'This case is not in the local cache.');
    const kase = entitySchemas.case.safeParse(JSON.parse(caseData) as unknown).data;
    const english = kase?.application?.['correspondenceLanguage'] === 'en';
    const found = new Map<Counterpart, MessageCounterpart>();
    for (const data of this.partiesOfCase.all(caseId) as string[]) {
      const party = entitySchemas.party.safeParse(JSON.parse(data) as unknown);
      if (!party.success || found.has(party.data.role)) continue;
      const name = party.data.role === 'sponsor' && party.data.organisation ? party.data.organisation : party.data.name;
      // Only the applicant's correspondence language is on file; sponsors and representatives read Dutch.
      found.set(party.data.role, { counterpart: party.data.role, name, language: party.data.role === 'applicant' && english ? 'en' : 'nl' });
    }
    return counterpartSchema.options.flatMap((role) => found.get(role) ?? []);
  }

  private build(caseId: string, rows: CaseMessageRows, counterparts: readonly MessageCounterpart[]): Map<string, { summary: ThreadSummary; messages: MessageView[] }> {
    const me = this.userId();
    const isRead = readByUser(me ?? '', rows.reads, rows.actions);
    const byThread = new Map<string, MessageView[]>();
    const add = (view: MessageView) => {
      const list = byThread.get(view.threadId) ?? [];
      list.push(view);
      byThread.set(view.threadId, list);
    };
    const serverIds = new Set(rows.messages.map((message) => message.id));
    for (const message of rows.messages) add(this.view(message, rows, isRead, me));
    const pendingThreads = new Map<string, { subject: string; counterpart: Counterpart; createdAt: string }>();
    for (const action of rows.actions) {
      if (action.name !== 'message.send' || serverIds.has(action.args.messageId)) continue;
      const failed = !inFlight(action);
      if (action.args.newThread && !rows.threads.has(action.args.threadId) && !pendingThreads.has(action.args.threadId)) {
        pendingThreads.set(action.args.threadId, { ...action.args.newThread, createdAt: action.queuedAt });
      }
      add({
        id: action.args.messageId, threadId: action.args.threadId, direction: 'outbound', authorName: this.userName(me),
        body: action.args.body, sentAt: action.queuedAt, attachments: this.attachments(action.args.attachments ?? []),
        state: failed ? 'failed' : 'queued', failure: failed ? action.errorCode ?? 'failed' : null, retryable: false, readByMe: false, readBy: [],
      });
    }
    const result = new Map<string, { summary: ThreadSummary; messages: MessageView[] }>();
    const heads = [
      ...[...rows.threads.values()].map((thread) => ({ ...thread, pending: false })),
      ...[...pendingThreads].map(([id, thread]) => ({ id, caseId, ...thread, pending: true })),
    ];
    for (const head of heads) {
      const role = counterpartSchema.safeParse(head.counterpart);
      // A counterpart this version does not know is a thread it cannot show correctly: left out.
      if (!role.success) continue;
      const messages = (byThread.get(head.id) ?? []).sort((left, right) => left.sentAt.localeCompare(right.sentAt) || left.id.localeCompare(right.id));
      const newest = messages.at(-1);
      let outboxState: ThreadSummary['outboxState'] = null;
      for (const message of messages) {
        if (message.direction !== 'outbound' || message.state === 'delivered') continue;
        const state = message.state === 'failed' ? 'failed' : message.state === 'queued' ? 'queued' : 'sent';
        if (outboxState === null || outboxPriority[state] > outboxPriority[outboxState]) outboxState = state;
      }
      result.set(head.id, {
        messages,
        summary: {
          id: head.id, caseId, subject: head.subject, counterpart: role.data,
          counterpartName: counterparts.find((party) => party.counterpart === role.data)?.name ?? null,
          createdAt: head.createdAt, lastMessageAt: newest?.sentAt ?? head.createdAt,
          lastMessagePreview: newest ? (newest.body.split('\n').find((line) => line.trim() !== '') ?? '').trim().slice(0, 200) : '',
          messageCount: messages.length, unread: messages.filter((message) => message.direction === 'inbound' && !message.readByMe).length,
          outboxState, pending: head.pending,
        },
      });
    }
    return result;
  }

  private view(message: MessageRow, rows: CaseMessageRows, isRead: (message: MessageRow) => boolean, me: string | null): MessageView {
    let state: MessageState;
    let failure: string | null = null;
    if (message.direction === 'inbound') state = 'received';
    else if (message.delivery === 'delivered') state = 'delivered';
    else if (message.delivery === 'failed') {
      state = 'failed';
      failure = message.deliveryFailure ?? 'delivery_failed';
    } else state = 'sent';
    // A retry of a failed delivery: on its way again, or refused with the outbox's code.
    const retry = rows.actions.filter((action) => action.name === 'message.retryDelivery' && action.args.messageId === message.id).at(-1);
    if (retry && state === 'failed') {
      if (inFlight(retry)) {
        state = 'queued';
        failure = null;
      } else failure = retry.errorCode ?? failure;
    }
    const readers = rows.reads.filter((read) => read.messageId === message.id).map((read) => read.userId);
    const readByMe = message.direction === 'inbound' && isRead(message);
    if (readByMe && me !== null && !readers.includes(me)) readers.push(me);
    return {
      id: message.id, threadId: message.threadId, direction: message.direction,
      authorName: message.direction === 'outbound' ? this.userName(message.authorId) : null,
      body: message.body, sentAt: message.sentAt, attachments: this.attachments(message.attachments), state, failure,
      retryable: state === 'failed' && message.delivery === 'failed', readByMe,
      readBy: message.direction === 'inbound' ? readers.map((id) => this.userName(id) ?? id) : [],
    };
  }

  private userName(id: string | null): string | null {
    const data = id === null ? undefined : (this.userRow.get(id) as string | undefined);
    const user = data === undefined ? null : entitySchemas.user.safeParse(JSON.parse(data) as unknown).data ?? null;
    return user?.displayName ?? null;
  }

  private attachments(list: readonly { documentId: string }[]): MessageView['attachments'] {
    return list.map(({ documentId }) => {
      const data = this.documentRow.get(documentId) as string | undefined;
      const document = data === undefined ? null : entitySchemas.document.safeParse(JSON.parse(data) as unknown).data ?? null;
      return { documentId, title: document?.title ?? null, source: document ? (document.letterId !== null ? 'letter' : document.source) : null };
    });
  }
}

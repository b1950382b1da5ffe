/**
 * The message family (issue 16): conversations of a case with its applicant, sponsor or
 * representative. Outbound messages wait as delivery 'pending' until My IND acknowledges them
 * (routes/intake-messages.ts); reads are per user (message_reads), and message.readAt keeps the
 * first reading by anyone. Case events carry ids, counts and codes, never a message body.
 */
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Counterpart } from '../../shared/sync';
import { documents, messageReads, messageThreads, messages, parties } from '../db/schema';
import { publishCaseChild, recordCaseEvent, type CaseRow } from '../cases/records';
import type { Executor } from '../db/database';
import { caseInScope, Rejection, type MutationContext, type MutationHandler } from './context';

type MessageRow = typeof messages.$inferSelect;

/** True when the case still has a party in the counterpart's role: a message to nobody cannot be delivered. */
export async function caseHasCounterpart(executor: Executor, caseId: string, counterpart: string): Promise<boolean> {
  const [party] = await executor.select({ id: parties.id }).from(parties)
    .where(and(eq(parties.caseId, caseId), eq(parties.role, counterpart as Counterpart))).limit(1);
  return party !== undefined;
}

/** The attachments as stored: each a document of this case, named once. */
async function checkedAttachments(context: MutationContext, kase: CaseRow, wanted: { documentId: string }[]): Promise<{ documentId: string }[]> {
  const ids = [...new Set(wanted.map((attachment) => attachment.documentId))];
  if (ids.length === 0) return [];
  const found = await context.tx.select({ id: documents.id }).from(documents)
    .where(and(inArray(documents.id, ids), eq(documents.caseId, kase.id)));
  // Another case's document is answered like a missing one, so the refusal does not reveal that it exists.
  if (found.length !== ids.length) throw new Rejection('attachment_not_found', 'an attachment is not a document of this case');
  return ids.map((documentId) => ({ documentId }));
}

/**
 * message.send: an outbound message, in an existing thread or a new one, offered to My IND. The
 * counterpart must be a party of the case, for a new thread and an existing one alike.
 */
export const sendMessage: MutationHandler<'message.send'> = async (context, args) => {
  const kase = await caseInScope(context, args.caseId);
  let [thread] = await context.tx.select().from(messageThreads).where(eq(messageThreads.id, args.threadId));
  if (thread && thread.caseId !== kase.id) throw new Rejection('invalid_arguments', 'thread belongs to another case');
  const counterpart = thread?.counterpart ?? args.newThread?.counterpart;
  if (counterpart === undefined) throw new Rejection('not_found', 'thread not found');
  if (!(await caseHasCounterpart(context.tx, kase.id, counterpart))) {
    throw new Rejection('counterpart_missing', `the case has no ${counterpart}`);
  }
  const attachments = await checkedAttachments(context, kase, args.attachments ?? []);
  if (!thread && args.newThread) {
    [thread] = await context.tx.insert(messageThreads).values({
      id: args.threadId, caseId: kase.id, subject: args.newThread.subject, counterpart: args.newThread.counterpart,
      createdAt: context.batch.now,
    }).returning();
    if (!thread) throw new Error('thread insert returned nothing');
    publishCaseChild(context.batch, kase, 'messageThread', thread);
  }
  if (!thread) throw new Error('thread missing after insert');
  const [message] = await context.tx.insert(messages).values({
    id: args.messageId, threadId: thread.id, caseId: kase.id, direction: 'outbound', authorId: context.actor.userId,
    body: args.body, sentAt: context.batch.now, attachments, template: args.template ?? null, delivery: 'pending',
  }).onConflictDoNothing().returning();
  if (!message) throw new Rejection('invalid_arguments', 'message id already used');
  publishCaseChild(context.batch, kase, 'message', message);
  await recordCaseEvent(context.tx, context.batch, kase, 'message.sent', context.actor.userId, {
    messageId: message.id, threadId: thread.id, counterpart: thread.counterpart, attachments: attachments.length,
    template: message.template,
  });
};

/**
 * Records the actor's reading of these inbound messages: a message_reads row for each they had not
 * read yet, and readAt/readBy on the messages nobody had read. Returns how many were new to them.
 */
async function readMessages(context: MutationContext, kase: CaseRow, unread: MessageRow[]): Promise<number> {
  if (unread.length === 0) return 0;
  const { tx, batch, actor } = context;
  const reads = await tx.insert(messageReads).values(unread.map((message) => ({
    id: randomUUID(), messageId: message.id, caseId: kase.id, userId: actor.userId, readAt: batch.now,
  }))).onConflictDoNothing().returning();
  for (const read of reads) publishCaseChild(batch, kase, 'messageRead', read);
  const firstRead = await tx.update(messages).set({ readAt: batch.now, readBy: actor.userId, version: sql`${messages.version} + 1` })
    .where(and(inArray(messages.id, reads.map((read) => read.messageId)), isNull(messages.readAt))).returning();
  for (const message of firstRead) publishCaseChild(batch, kase, 'message', message);
  return reads.length;
}

/** message.markRead: the signed-in user read one inbound message; reading it again changes nothing. */
export const markMessageRead: MutationHandler<'message.markRead'> = async (context, args) => {
  const [message] = await context.tx.select().from(messages).where(eq(messages.id, args.messageId)).for('update');
  if (!message) throw new Rejection('not_found', 'message not found');
  const kase = await caseInScope(context, message.caseId);
  if (message.direction !== 'inbound') throw new Rejection('invalid_state', 'only inbound messages are read');
  const count = await readMessages(context, kase, [message]);
  if (count > 0) {
    await recordCaseEvent(context.tx, context.batch, kase, 'message.read', context.actor.userId, { threadId: message.threadId, count });
  }
};

/** message.markThreadRead: every inbound message of the thread sent at or before `upTo` that this user had not read. */
export const markThreadRead: MutationHandler<'message.markThreadRead'> = async (context, args) => {
  const [thread] = await context.tx.select().from(messageThreads).where(eq(messageThreads.id, args.threadId));
  if (!thread) throw new Rejection('not_found', 'thread not found');
  const kase = await caseInScope(context, thread.caseId);
  const candidates = await context.tx.select().from(messages)
    .where(and(eq(messages.threadId, thread.id), eq(messages.direction, 'inbound'), lte(messages.sentAt, new Date(args.upTo))))
    .orderBy(asc(messages.sentAt));
  const mine = candidates.length === 0 ? [] : await context.tx.select({ messageId: messageReads.messageId }).from(messageReads)
    .where(and(eq(messageReads.userId, context.actor.userId), inArray(messageReads.messageId, candidates.map((message) => message.id))));
  const read = new Set(mine.map((row) => row.messageId));
  const count = await readMessages(context, kase, candidates.filter((message) => !read.has(message.id)));
  if (count > 0) {
    await recordCaseEvent(context.tx, context.batch, kase, 'message.read', context.actor.userId, { threadId: thread.id, count });
  }
};

/** message.retryDelivery: an outbound message My IND refused is offered again. */
export const retryDelivery: MutationHandler<'message.retryDelivery'> = async (context, args) => {
  const [message] = await context.tx.select().from(messages).where(eq(messages.id, args.messageId)).for('update');
  if (!message) throw new Rejection('not_found', 'message not found');
  const kase = await caseInScope(context, message.caseId);
  if (message.direction !== 'outbound' || message.delivery !== 'failed') {
    throw new Rejection('invalid_state', 'only a message whose delivery failed can be retried');
  }
  const [thread] = await context.tx.select({ counterpart: messageThreads.counterpart }).from(messageThreads).where(eq(messageThreads.id, message.threadId));
  // A retry to a party the case no longer has would only fail again.
  if (thread && !(await caseHasCounterpart(context.tx, kase.id, thread.counterpart))) {
    throw new Rejection('counterpart_missing', `the case has no ${thread.counterpart}`);
  }
  const [retried] = await context.tx.update(messages).set({ delivery: 'pending', deliveryFailure: null, version: message.version + 1 })
    .where(eq(messages.id, message.id)).returning();
  if (!retried) throw new Error('message vanished during update');
  publishCaseChild(context.batch, kase, 'message', retried);
  await recordCaseEvent(context.tx, context.batch, kase, 'message.retryDelivery', context.actor.userId, {
    messageId: message.id, threadId: message.threadId, failure: message.deliveryFailure,
  });
};

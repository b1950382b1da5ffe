/**
 * Contract of the `messages` namespace (issue 16): a case's conversations with its applicant,
 * sponsor and representative, from the local cache with this workbench's queued messages in them;
 * the message templates and their rendering through the letters' template engine and field
 * catalogue; unread counts per user; and full-text search over the messages of the cases in scope.
 * Sending and reading are sync mutations (`message.send`, `message.markThreadRead`, …), so they
 * work offline and go through the outbox like every other change.
 */
import { z } from 'zod';
import { defineCall, defineEvent } from '../rpc';
import { counterpart } from '../sync/mutations';
import { inNamespace, isoInstant, language } from './common';

const caseId = z.string().min(1).max(64);
const threadId = z.string().min(1).max(64);

/**
 * Where a message is on its way, as the caseworker sees it:
 * - queued: in this workbench's outbox (offline, or not pushed yet);
 * - sent: the central API has it and offered it to My IND;
 * - delivered: My IND acknowledged it (the counterpart can read it);
 * - failed: refused by the central API (its error code) or by My IND (its reason); it can be retried.
 * Inbound messages are `received`.
 */
export const messageState = z.enum(['queued', 'sent', 'delivered', 'failed', 'received']);
export type MessageState = z.infer<typeof messageState>;

/** A document a message refers to, as the thread shows it. */
export const messageAttachment = z.object({
  documentId: z.string(),
  /** The document's title; null when the cache does not have the document (yet). */
  title: z.string().nullable(),
  /** 'letter' for a sent letter; the document's source otherwise. */
  source: z.string().nullable(),
});
export type MessageAttachment = z.infer<typeof messageAttachment>;

export const messageView = z.object({
  id: z.string(),
  threadId: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  /** The colleague who wrote an outbound message; null for inbound (the counterpart wrote it). */
  authorName: z.string().nullable(),
  body: z.string(),
  /** When it was sent; for a queued message, when it was queued. */
  sentAt: isoInstant,
  attachments: z.array(messageAttachment),
  state: messageState,
  /** Why it failed: the central API's error code or My IND's reason code; null unless failed. */
  failure: z.string().nullable(),
  /** True when My IND refused the delivery and `message.retryDelivery` can offer it again; a message the central API refused must be written again. */
  retryable: z.boolean(),
  /** Inbound: whether the signed-in user has read it (their queued reading included). */
  readByMe: z.boolean(),
  /** The colleagues who read an inbound message. */
  readBy: z.array(z.string()),
});
export type MessageView = z.infer<typeof messageView>;

export const threadSummary = z.object({
  id: z.string(),
  caseId: z.string(),
  subject: z.string(),
  counterpart,
  /** The counterpart's name on the case; null when the case has no such party any more. */
  counterpartName: z.string().nullable(),
  createdAt: isoInstant,
  lastMessageAt: isoInstant,
  /** The first line of the newest message, for the thread list. */
  lastMessagePreview: z.string(),
  messageCount: z.number().int().nonnegative(),
  /** Inbound messages the signed-in user has not read. */
  unread: z.number().int().nonnegative(),
  /** The least settled state of its outbound messages that are not delivered; null when all are. */
  outboxState: z.enum(['queued', 'sent', 'failed']).nullable(),
  /** True while the thread exists only in this workbench's outbox. */
  pending: z.boolean(),
});
export type ThreadSummary = z.infer<typeof threadSummary>;

/** A party of the case a message can be sent to. */
export const messageCounterpart = z.object({ counterpart, name: z.string(), language });
export type MessageCounterpart = z.infer<typeof messageCounterpart>;

export const messageTemplateInfo = z.object({
  id: z.string(),
  title: z.string(),
  language,
  /** The counterparts it is written for. */
  counterparts: z.array(counterpart),
});
export type MessageTemplateInfo = z.infer<typeof messageTemplateInfo>;

export const messageSearchHit = z.object({
  messageId: z.string(),
  threadId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  subject: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  sentAt: isoInstant,
  /** A stretch of the body around the hits. */
  snippet: z.string(),
  /** Where the query's words are in `snippet`: [from, to) character offsets. */
  marks: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
});
export type MessageSearchHit = z.infer<typeof messageSearchHit>;

export const messagesCalls = inNamespace('messages', {
  'messages.threads': defineCall(
    z.object({ caseId }).strict(),
    z.object({ threads: z.array(threadSummary), counterparts: z.array(messageCounterpart) }),
    'The threads of a case, the newest conversation first, and the parties of the case a message can go to.',
  ),
  'messages.thread': defineCall(
    z.object({ threadId }).strict(),
    z.object({ thread: threadSummary, messages: z.array(messageView) }),
    'One thread with its messages, oldest first, this workbench\'s queued messages included.',
  ),
  'messages.unread': defineCall(
    z.object({}).strict(),
    z.object({ total: z.number().int().nonnegative(), cases: z.number().int().nonnegative() }),
    'The inbound messages the signed-in user has not read, over the cases in the cache, and on how many cases.',
  ),
  'messages.templates': defineCall(
    z.object({ caseId, counterpart }).strict(),
    z.object({ items: z.array(messageTemplateInfo) }),
    'The message templates for a counterpart of the case, in the counterpart\'s language where one exists, else Dutch.',
  ),
  'messages.compose': defineCall(
    z.object({ caseId, counterpart, templateId: z.string().min(1).max(60), language }).strict(),
    z.object({ subject: z.string(), body: z.string(), language }),
    'A message template rendered for the case with the letters\' field catalogue (strict: a missing fact is an error naming the field).',
  ),
  'messages.search': defineCall(
    z.object({ query: z.string().trim().min(1).max(200), caseId: caseId.optional(), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    z.object({ hits: z.array(messageSearchHit) }),
    'Full-text search (the local FTS index) over the messages of the cases in the cache, or of one case; newest first.',
  ),
} as const);

export const messagesEvents = inNamespace('messages', {
  'messages.changed': defineEvent(
    z.object({ caseIds: z.array(z.string()) }),
    'Messages of these cases changed: pulled, read, or the state of a queued one. An empty list: any case may have (reload).',
  ),
  'messages.received': defineEvent(
    z.object({ caseId: z.string(), caseNumber: z.string(), threadId: z.string(), messageId: z.string(), counterpart }),
    'A new inbound message arrived in a pull (not the first filling of the cache). Ids, never the body.',
  ),
} as const);

/**
 * My IND's side of outbound messages, with the intake service token: it fetches what caseworkers
 * sent (delivery 'pending'), shows it to the counterpart and acknowledges each message as
 * delivered, or failed with a reason code. The acknowledgement is published like any change of
 * the message, so the workbench sees the new state at its next pull (and is poked for it).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isoInstant } from '../../shared/contract/common';
import { counterpart, messageDelivery } from '../../shared/sync';
import { audit, bearerToken, type AppContext } from '../context';
import { hashToken } from '../auth/tokens';
import { cases, messageThreads, messages } from '../db/schema';
import { lockCase, publishCaseChild, recordCaseEvent } from '../cases/records';
import { ApiError, problemSchema } from '../problem';
import { runWrite } from '../sync/publish';
import { intakeSecurity, problemResponses } from './schemas';

/** Refuses a request without the intake service token (a user's token is no service token either). */
export function requireIntakeService(context: AppContext, request: FastifyRequest): void {
  const token = bearerToken(request);
  if (!token || !context.intakeTokenHashes.has(hashToken(token))) throw new ApiError('unauthenticated');
}

const outboundMessage = z.object({
  id: z.string(), caseNumber: z.string(), threadId: z.string(), counterpart, subject: z.string(), body: z.string(),
  attachments: z.array(z.object({ documentId: z.string() })), sentAt: isoInstant,
});

/** A reason My IND gives for not delivering: a code, so no portal text (or personal data) lands in the case history. */
const failureReason = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/);

const deliveryState = z.object({
  id: z.string(), delivery: messageDelivery, deliveredAt: isoInstant.nullable(), deliveryFailure: z.string().nullable(),
});

/** Registers GET /intake/messages/outbound and POST /intake/messages/:id/delivery. */
export function registerIntakeMessageRoutes(app: FastifyInstance, context: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/intake/messages/outbound', {
    schema: {
      tags: ['intake'], summary: 'Outbound messages waiting for delivery in My IND, oldest first', security: intakeSecurity,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.object({ items: z.array(outboundMessage) }), ...problemResponses },
    },
  }, async (request) => {
    requireIntakeService(context, request);
    const rows = await context.db.select({
      id: messages.id, caseNumber: cases.caseNumber, threadId: messages.threadId, counterpart: messageThreads.counterpart,
      subject: messageThreads.subject, body: messages.body, attachments: messages.attachments, sentAt: messages.sentAt,
    }).from(messages)
      .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
      .innerJoin(cases, eq(cases.id, messages.caseId))
      .where(eq(messages.delivery, 'pending'))
      .orderBy(asc(messages.sentAt), asc(messages.id)).limit(request.query.limit);
    // The portal reads message bodies: audited like every read of case data, by count, never by content.
    await audit(context, [{ actorId: null, actorKind: 'service', action: 'intake.messages.outbound', objectType: 'message', objectId: null, result: 'ok', origin: 'intake' }]);
    return {
      items: rows.map((row) => ({
        ...row, counterpart: counterpart.parse(row.counterpart), sentAt: row.sentAt.toISOString(),
        attachments: row.attachments.map((attachment) => ({ documentId: attachment.documentId })),
      })),
    };
  });

  api.post('/intake/messages/:id/delivery', {
    schema: {
      tags: ['intake'], summary: 'My IND delivered an outbound message, or could not (with a reason code)', security: intakeSecurity,
      params: z.object({ id: z.string().min(1).max(64) }),
      body: z.discriminatedUnion('status', [
        z.object({ status: z.literal('delivered') }).strict(),
        z.object({ status: z.literal('failed'), reason: failureReason.default('unspecified') }).strict(),
      ]),
      response: { 200: deliveryState, 409: problemSchema, ...problemResponses },
    },
  }, async (request) => {
    requireIntakeService(context, request);
    const body = request.body;
    return runWrite(context.db, context.clock.now(), context.head, async (batch) => {
      // The message, then its case: the order message.retryDelivery locks them in, so the two never deadlock.
      const [message] = await batch.tx.select().from(messages).where(eq(messages.id, request.params.id)).for('update');
      if (!message) throw new ApiError('not_found', 'No such message.');
      const kase = await lockCase(batch.tx, message.caseId);
      if (!kase) throw new ApiError('not_found', 'No such message.');
      if (message.direction !== 'outbound' || message.delivery === null) throw new ApiError('conflict', 'An inbound message has no delivery.');
      const answer = (row: typeof message) => ({
        id: row.id, delivery: row.delivery ?? 'pending', deliveredAt: row.deliveredAt?.toISOString() ?? null, deliveryFailure: row.deliveryFailure,
      });
      // The same acknowledgement again (a retry of the portal) changes nothing.
      if (message.delivery === body.status && (body.status === 'delivered' || message.deliveryFailure === body.reason)) return answer(message);
      if (message.delivery === 'delivered') throw new ApiError('conflict', 'The message was delivered already.');
      const changes = body.status === 'delivered'
        ? { delivery: 'delivered' as const, deliveredAt: batch.now, deliveryFailure: null }
        : { delivery: 'failed' as const, deliveryFailure: body.reason };
      const [updated] = await batch.tx.update(messages).set({ ...changes, version: message.version + 1 }).where(eq(messages.id, message.id)).returning();
      if (!updated) throw new Error('message vanished during update');
      publishCaseChild(batch, kase, 'message', updated);
      if (body.status === 'failed') {
        await recordCaseEvent(batch.tx, batch, kase, 'message.deliveryFailed', null, { messageId: message.id, threadId: message.threadId, reason: body.reason });
      }
      batch.audit({ actorId: null, actorKind: 'service', action: `intake.message.${body.status}`, objectType: 'message', objectId: message.id, result: 'ok', origin: 'intake' });
      return answer(updated);
    });
  });
}

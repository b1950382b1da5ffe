/**
 * Intake: what the applicant portal (My IND) produces, sent with its own service token. Cases are
 * addressed by their case number, the identifier the applicant knows.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isoDate, isoInstant, vNumber } from '../../shared/contract/common';
import { regimeForCaseType } from '../../shared/domain';
import { type AppContext } from '../context';
import { blobs, cases, documents, messageThreads, messages, noticesOfDefault, parties, teams } from '../db/schema';
import { computeCaseDeadline, publishCaseChild, recordCaseEvent, updateCase, type CaseRow } from '../cases/records';
import { ApiError, problemSchema } from '../problem';
import { runWrite, type WriteBatch } from '../sync/publish';
import type { Transaction } from '../db/database';
import { intakeSecurity, problemResponses } from './schemas';
import { registerIntakeMessageRoutes, requireIntakeService } from './intake-messages';
import { caseHasCounterpart } from '../mutations/messages';

/** BSN: 9 digits passing the 11-test (weights 9..2 and -1). */
const bsn = z.string().regex(/^\d{9}$/).refine((value) => {
  const digits = [...value].map(Number);
  const sum = digits.reduce((total, digit, index) => total + digit * (index === 8 ? -1 : 9 - index), 0);
  return sum % 11 === 0;
}, 'not a valid BSN');

const address = z.record(z.string().max(40), z.string().max(200));
const partyInput = z.object({
  name: z.string().min(1).max(200), vNumber: vNumber.optional(), bsn: bsn.optional(), birthDate: isoDate.optional(),
  nationality: z.string().max(3).optional(), organisation: z.string().max(200).optional(), recognisedSponsor: z.boolean().optional(),
  address: address.optional(), email: z.email().optional(), phone: z.string().max(40).optional(),
}).strict();
const caseNumber = z.string().min(3).max(40).regex(/^[A-Za-z0-9-]+$/);
const accepted = z.object({ caseId: z.string(), id: z.string().optional() });

/** Registers POST /intake/*, and My IND's side of outbound messages. */
export function registerIntakeRoutes(app: FastifyInstance, context: AppContext, options: { documentBodyLimit: number }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  registerIntakeMessageRoutes(app, context);

  const requireService = (request: FastifyRequest) => requireIntakeService(context, request);

  /** Runs intake work on the case with this number; unknown numbers are 404. */
  const onCase = async <T>(number: string, action: string, work: (batch: WriteBatch, kase: CaseRow) => Promise<T>) =>
    runWrite(context.db, context.clock.now(), context.head, async (batch) => {
      const [kase] = await batch.tx.select().from(cases).where(eq(cases.caseNumber, number)).for('update');
      if (!kase) throw new ApiError('not_found', 'No case with this number.');
      const value = await work(batch, kase);
      batch.audit({ actorId: null, actorKind: 'service', action, objectType: 'case', objectId: kase.id, result: 'ok', origin: 'intake' });
      await recordCaseEvent(batch.tx, batch, kase, action, null, {});
      return value;
    });

  const route = <Body extends z.ZodType>(path: string, summary: string, body: Body,
    handler: (body: z.infer<Body>) => Promise<z.infer<typeof accepted>>, bodyLimit?: number) => {
    api.post(path, {
      ...(bodyLimit ? { bodyLimit } : {}),
      schema: { tags: ['intake'], summary, security: intakeSecurity, body, response: { 201: accepted, 409: problemSchema, ...problemResponses } },
    }, async (request, reply) => {
      requireService(request);
      return reply.code(201).send(await handler(request.body as z.infer<Body>));
    });
  };

  route('/intake/applications', 'A new application submitted in My IND', z.object({
    caseNumber, caseType: z.string().min(1).max(60), receivedOn: isoDate, teamId: z.uuid(),
    contestedDecisionOn: isoDate.optional(), feeAmountCents: z.number().int().min(0).optional(),
    applicant: partyInput, sponsor: partyInput.optional(), representative: partyInput.optional(),
    /** The form data as the applicant stated it (field name to value); the evidence checks compare documents to it. */
    application: z.record(z.string().max(64), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
      .refine((fields) => Object.keys(fields).length <= 100, 'at most 100 fields').optional(),
  }).strict(), async (input) => {
    const regime = regimeForCaseType(input.caseType);
    if (!regime) throw new ApiError('invalid_request', 'Unknown case type.');
    return runWrite(context.db, context.clock.now(), context.head, async (batch) => {
      const [team] = await batch.tx.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
      if (!team) throw new ApiError('invalid_request', 'Unknown team.');
      const [existing] = await batch.tx.select({ id: cases.id }).from(cases).where(eq(cases.caseNumber, input.caseNumber));
      if (existing) throw new ApiError('conflict', 'A case with this number exists.');
      const draft: CaseRow = {
        id: randomUUID(), caseNumber: input.caseNumber, caseType: input.caseType, regime, status: 'intake', teamId: team.id,
        assigneeId: null, receivedOn: input.receivedOn, contestedDecisionOn: input.contestedDecisionOn ?? null, feeStatus: 'unpaid',
        feePaidOn: null, feeAmountCents: input.feeAmountCents ?? null, biometrics: null, application: input.application ?? null, deadline: null, penaltyAmountCents: 0,
        decision: null, decidedOn: null, createdAt: batch.now, updatedAt: batch.now, version: 1,
      };
      const computed = await computeCaseDeadline(batch.tx, draft, context.clock.today());
      const [kase] = await batch.tx.insert(cases).values({ ...draft, ...computed }).returning();
      if (!kase) throw new Error('case insert returned nothing');
      publishCaseChild(batch, kase, 'case', kase);
      for (const [role, party] of [['applicant', input.applicant], ['sponsor', input.sponsor], ['representative', input.representative]] as const) {
        if (party) await insertParty(batch, kase, role, party);
      }
      await recordCaseEvent(batch.tx, batch, kase, 'intake.application', null, { caseType: input.caseType });
      batch.audit({ actorId: null, actorKind: 'service', action: 'intake.application', objectType: 'case', objectId: kase.id, result: 'ok', origin: 'intake' });
      return { caseId: kase.id };
    });
  });

  route('/intake/documents', 'A document (PDF) uploaded in My IND', z.object({
    caseNumber, title: z.string().min(1).max(200), kind: z.string().min(1).max(60),
    mediaType: z.literal('application/pdf'), contentBase64: z.base64().max(options.documentBodyLimit),
  }).strict(), async (input) => {
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.subarray(0, 5).toString('latin1') !== '%PDF-') throw new ApiError('unsupported_media_type', 'Only PDF files are accepted.');
    const sha256 = createHash('sha256').update(content).digest('hex');
    return onCase(input.caseNumber, 'intake.document', async (batch, kase) => {
      await batch.tx.insert(blobs).values({ sha256, size: content.length, content, createdAt: batch.now }).onConflictDoNothing();
      const [document] = await batch.tx.insert(documents).values({
        id: randomUUID(), caseId: kase.id, title: input.title, kind: input.kind, mediaType: input.mediaType, sha256,
        size: content.length, source: 'my_ind', uploadedAt: batch.now,
      }).returning();
      if (!document) throw new Error('document insert returned nothing');
      publishCaseChild(batch, kase, 'document', document);
      return { caseId: kase.id, id: document.id };
    });
  }, options.documentBodyLimit + 64 * 1024);

  route('/intake/messages', 'A message from the applicant, sponsor or representative', z.object({
    caseNumber, threadId: z.uuid().optional(), subject: z.string().min(1).max(200).optional(),
    counterpart: z.enum(['applicant', 'sponsor', 'representative']), body: z.string().min(1).max(20_000),
  }).strict(), async (input) => onCase(input.caseNumber, 'intake.message', async (batch, kase) => {
    let threadId = input.threadId;
    if (threadId) {
      const [thread] = await batch.tx.select({ id: messageThreads.id }).from(messageThreads)
        .where(and(eq(messageThreads.id, threadId), eq(messageThreads.caseId, kase.id)));
      if (!thread) throw new ApiError('not_found', 'No such thread on this case.');
    } else {
      // A thread with a party the case does not have could never be answered.
      if (!(await caseHasCounterpart(batch.tx, kase.id, input.counterpart))) {
        throw new ApiError('conflict', 'The case has no party in this counterpart role.');
      }
      const [thread] = await batch.tx.insert(messageThreads).values({
        id: randomUUID(), caseId: kase.id, subject: input.subject ?? '', counterpart: input.counterpart, createdAt: batch.now,
      }).returning();
      if (!thread) throw new Error('thread insert returned nothing');
      publishCaseChild(batch, kase, 'messageThread', thread);
      threadId = thread.id;
    }
    const [message] = await batch.tx.insert(messages).values({
      id: randomUUID(), threadId, caseId: kase.id, direction: 'inbound', authorId: null, body: input.body, sentAt: batch.now,
    }).returning();
    if (!message) throw new Error('message insert returned nothing');
    publishCaseChild(batch, kase, 'message', message);
    return { caseId: kase.id, id: message.id };
  }));

  route('/intake/contact-changes', 'A change of address or contact details', z.object({
    caseNumber, partyRole: z.enum(['applicant', 'sponsor', 'representative']),
    address: address.optional(), email: z.email().optional(), phone: z.string().max(40).optional(),
  }).strict(), async (input) => onCase(input.caseNumber, 'intake.contactChange', async (batch, kase) => {
    const [party] = await batch.tx.select().from(parties)
      .where(and(eq(parties.caseId, kase.id), eq(parties.role, input.partyRole))).for('update');
    if (!party) throw new ApiError('not_found', 'No such party on this case.');
    const [updated] = await batch.tx.update(parties).set({
      ...(input.address ? { address: input.address } : {}), ...(input.email ? { email: input.email } : {}),
      ...(input.phone ? { phone: input.phone } : {}), version: party.version + 1,
    }).where(eq(parties.id, party.id)).returning();
    if (updated) publishCaseChild(batch, kase, 'party', updated);
    return { caseId: kase.id, id: party.id };
  }));

  route('/intake/fee-payments', 'The fee (leges) was paid', z.object({
    caseNumber, amountCents: z.number().int().min(0), paidOn: isoDate,
  }).strict(), async (input) => onCase(input.caseNumber, 'intake.feePayment', async (batch, kase) => {
    await updateCase(batch.tx, batch, kase, { feeStatus: 'paid', feePaidOn: input.paidOn, feeAmountCents: input.amountCents }, context.clock.today());
    return { caseId: kase.id };
  }));

  route('/intake/biometrics-appointments', 'A biometrics appointment at an IND desk or expat centre', z.object({
    caseNumber, kind: z.enum(['ind_desk', 'expat_centre']), location: z.string().min(1).max(100), at: isoInstant,
  }).strict(), async (input) => onCase(input.caseNumber, 'intake.biometrics', async (batch, kase) => {
    await updateCase(batch.tx, batch, kase, { biometrics: { kind: input.kind, location: input.location, at: input.at } }, context.clock.today());
    return { caseId: kase.id };
  }));

  route('/intake/notices-of-default', 'A notice of default (ingebrekestelling) sent through My IND', z.object({
    caseNumber, receivedOn: isoDate,
  }).strict(), async (input) => onCase(input.caseNumber, 'intake.noticeOfDefault', async (batch, kase) => {
    const [notice] = await batch.tx.insert(noticesOfDefault).values({
      id: randomUUID(), caseId: kase.id, receivedOn: input.receivedOn, source: 'my_ind',
    }).returning();
    const after = await updateCase(batch.tx, batch, kase, {}, context.clock.today());
    if (notice) publishCaseChild(batch, after, 'noticeOfDefault', notice);
    return { caseId: kase.id, id: notice?.id };
  }));
}

async function insertParty(batch: WriteBatch, kase: CaseRow, role: 'applicant' | 'sponsor' | 'representative',
  party: z.infer<typeof partyInput>): Promise<void> {
  const tx: Transaction = batch.tx;
  const [row] = await tx.insert(parties).values({
    id: randomUUID(), caseId: kase.id, role, name: party.name, vNumber: party.vNumber ?? null, bsn: party.bsn ?? null,
    birthDate: party.birthDate ?? null, nationality: party.nationality ?? null, organisation: party.organisation ?? null,
    recognisedSponsor: party.recognisedSponsor ?? false, address: party.address ?? null, email: party.email ?? null,
    phone: party.phone ?? null,
  }).returning();
  if (row) publishCaseChild(batch, kase, 'party', row);
}

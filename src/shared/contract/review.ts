/**
 * Contract of the case screen (issue 8): one call that answers everything the screen shows of a
 * case from the local cache, with the local effect of still-queued actions laid over it, so the
 * screen works the same offline.
 */
import { z } from 'zod';
import { defineCall } from '../rpc';
import { caseSummary } from './cases';
import { inNamespace, isoDate, isoInstant } from './common';
import { documentInfo } from './documents';
import { partyEntity } from '../sync/entities';

/** A value the applicant stated on the form. */
export const applicationValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type ApplicationValue = z.infer<typeof applicationValue>;

/** Whether a row is as the server sent it, or the local effect of an action not yet synced. */
const pending = z.boolean();

/** A party as the case screen shows it: the synced party's fields, with the city instead of the whole address. */
export const reviewParty = partyEntity.pick({
  role: true, name: true, vNumber: true, bsn: true, birthDate: true, nationality: true, organisation: true,
  recognisedSponsor: true, email: true, phone: true,
}).extend({ id: z.string(), city: z.string().nullable() });
export type ReviewParty = z.infer<typeof reviewParty>;

/** Suspension (opschorting, Awb 4:15) while missing documents are awaited. */
export const reviewSuspension = z.object({
  id: z.string(), requestedOn: isoDate, dueOn: isoDate, endedOn: isoDate.nullable(), documents: z.array(z.string()), pending,
});
export type ReviewSuspension = z.infer<typeof reviewSuspension>;

export const reviewPeriod = z.object({
  days: z.number().int().optional(), weeks: z.number().int().optional(), months: z.number().int().optional(), years: z.number().int().optional(),
});

/** Extension (verlenging) of the decision period with its legal ground. */
export const reviewExtension = z.object({ id: z.string(), period: reviewPeriod, legalGround: z.string(), announcedOn: isoDate, pending });
export type ReviewExtension = z.infer<typeof reviewExtension>;

/** Notice of default (ingebrekestelling, Awb 4:17). */
export const reviewNotice = z.object({ id: z.string(), receivedOn: isoDate, source: z.string(), pending });
export type ReviewNotice = z.infer<typeof reviewNotice>;

export const reviewDocument = documentInfo.extend({ source: z.string().nullable(), uploadedAt: isoInstant.nullable() });
export type ReviewDocument = z.infer<typeof reviewDocument>;

/** A note on a page of a document; `quote` is the text it highlights. */
export const reviewAnnotation = z.object({
  id: z.string(), documentId: z.string(), page: z.number().int().positive(), body: z.string(), quote: z.string().nullable(),
  authorId: z.string().nullable(), createdAt: isoInstant.nullable(), pending,
});
export type ReviewAnnotation = z.infer<typeof reviewAnnotation>;

/** "Verified against document X, page N". */
export const reviewEvidenceLink = z.object({
  id: z.string(), documentId: z.string(), requirement: z.string(), field: z.string().nullable(), page: z.number().int().positive().nullable(),
  quote: z.string().nullable(), createdBy: z.string().nullable(), createdAt: isoInstant.nullable(), pending,
});
export type ReviewEvidenceLink = z.infer<typeof reviewEvidenceLink>;

export const reviewEvent = z.object({
  id: z.string(), at: isoInstant, actorId: z.string().nullable(), kind: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type ReviewEvent = z.infer<typeof reviewEvent>;

/** A case note (append-only). */
export const reviewNote = z.object({ id: z.string(), authorId: z.string().nullable(), body: z.string(), createdAt: isoInstant.nullable(), pending });
export type ReviewNote = z.infer<typeof reviewNote>;

export const reviewMessage = z.object({
  id: z.string(), threadId: z.string(), subject: z.string(), counterpart: z.string(), direction: z.enum(['inbound', 'outbound']),
  body: z.string(), sentAt: isoInstant, readAt: isoInstant.nullable(),
});
export type ReviewMessage = z.infer<typeof reviewMessage>;

export const reviewCase = z.object({
  summary: caseSummary,
  teamId: z.string().nullable(),
  contestedDecisionOn: isoDate.nullable(),
  decidedOn: isoDate.nullable(),
  /** The decision the server recorded (`grant`, `refuse`, `not_processed`, an objection's outcome); null while undecided. */
  decision: z.string().nullable(),
  fee: z.object({ status: z.string(), paidOn: isoDate.nullable(), amountCents: z.number().int().nullable() }),
  biometrics: z.object({ kind: z.string(), location: z.string(), at: isoInstant }).nullable(),
  /** What the applicant stated on the form; empty when the server has none for this case. */
  application: z.record(z.string(), applicationValue),
  parties: z.array(reviewParty),
  suspensions: z.array(reviewSuspension),
  extensions: z.array(reviewExtension),
  noticesOfDefault: z.array(reviewNotice),
  documents: z.array(reviewDocument),
  annotations: z.array(reviewAnnotation),
  evidenceLinks: z.array(reviewEvidenceLink),
  /** The case history, oldest first. */
  events: z.array(reviewEvent),
  notes: z.array(reviewNote),
  /** The latest messages, newest first. */
  messages: z.array(reviewMessage),
  /** Display names of the staff the events, notes and links name. */
  people: z.record(z.string(), z.string()),
});
export type ReviewCase = z.infer<typeof reviewCase>;

export const reviewCalls = inNamespace('review', {
  'review.case': defineCall(
    z.object({ caseId: z.string().min(1).max(64), today: isoDate }).strict(),
    reviewCase,
    'Everything the case screen shows of one case, from the local cache, with queued actions applied; `today` dates those actions.',
  ),
} as const);

/**
 * One zod schema per entity the central API publishes: the exact row a client receives. The server
 * builds every published row through its projection (src/server/sync/projections.ts), which the
 * compiler holds to these types; the host parses every pulled row with the same schema and parks
 * what fails (docs/architecture.md: entities and projections).
 *
 * Every field the server sends is required, nullable where the column is: a renamed or dropped
 * column must fail here, not turn into a silent null. Objects are not strict, so a newer server
 * may add fields without older clients parking its rows.
 *
 * Instants are ISO strings in UTC, days YYYY-MM-DD strings, money integer cents.
 */
import { z } from 'zod';
import { caseStatus } from '../contract/cases';
import { isoDate, isoInstant } from '../contract/common';
import { letterBodyDocument } from '../letters/body';
import { letterFrame } from '../letters/draft';
import type { SyncEntity } from './protocol';

const id = z.string();
const version = z.number().int().nonnegative();
const cents = z.number().int();

/** A period of time the decision deadline moves by (an extension). */
export const entityPeriod = z.object({
  days: z.number().int().optional(), weeks: z.number().int().optional(),
  months: z.number().int().optional(), years: z.number().int().optional(),
});

const caseEntity = z.object({
  id,
  caseNumber: z.string(),
  caseType: z.string(),
  regime: z.string(),
  status: caseStatus,
  teamId: id,
  assigneeId: id.nullable(),
  receivedOn: isoDate,
  contestedDecisionOn: isoDate.nullable(),
  feeStatus: z.string(),
  feePaidOn: isoDate.nullable(),
  feeAmountCents: cents.nullable(),
  /** The biometrics appointment at an IND desk or expat centre. */
  biometrics: z.object({ kind: z.enum(['ind_desk', 'expat_centre']), location: z.string(), at: isoInstant }).nullable(),
  /** What the applicant stated on the form. */
  application: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
  deadline: isoDate.nullable(),
  penaltyAmountCents: cents,
  decision: z.string().nullable(),
  decidedOn: isoDate.nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  version,
});

/** A party of a case; exported so the case screen's party derives from it. */
export const partyEntity = z.object({
  id,
  caseId: id,
  role: z.enum(['applicant', 'sponsor', 'representative']),
  name: z.string(),
  vNumber: z.string().nullable(),
  bsn: z.string().nullable(),
  birthDate: isoDate.nullable(),
  nationality: z.string().nullable(),
  organisation: z.string().nullable(),
  recognisedSponsor: z.boolean(),
  address: z.record(z.string(), z.string()).nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  version,
});

const suspension = z.object({
  id, caseId: id, requestedOn: isoDate, dueOn: isoDate, endedOn: isoDate.nullable(),
  /** The evidence requirements awaited. */
  documents: z.array(z.string()),
  version,
});

const extension = z.object({ id, caseId: id, period: entityPeriod, legalGround: z.string(), announcedOn: isoDate, version });

const noticeOfDefault = z.object({ id, caseId: id, receivedOn: isoDate, source: z.string(), version });

const document = z.object({
  id,
  caseId: id,
  title: z.string(),
  kind: z.string(),
  mediaType: z.string(),
  /** The document cache verifies the bytes against it and names its files by it. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  source: z.string(),
  uploadedAt: isoInstant,
  /** The letter this is the sent PDF of; the default keeps rows a cache stored before letters had documents. */
  letterId: id.nullable().default(null),
  version,
});

const annotation = z.object({
  id, caseId: id, documentId: id, authorId: id, page: z.number().int().positive(), body: z.string(),
  quote: z.string().nullable(), createdAt: isoInstant, version,
});

const evidenceLink = z.object({
  id,
  caseId: id,
  documentId: id,
  requirement: z.string(),
  /** The application field verified against the document, if any. */
  field: z.string().nullable(),
  page: z.number().int().positive().nullable(),
  quote: z.string().nullable(),
  createdBy: id,
  createdAt: isoInstant,
  version,
});

const messageThread = z.object({ id, caseId: id, subject: z.string(), counterpart: z.string(), createdAt: isoInstant, version });

/** Where an outbound message is on its way to the counterpart: offered to My IND, shown there, or refused there. */
export const messageDelivery = z.enum(['pending', 'delivered', 'failed']);

const message = z.object({
  id,
  threadId: id,
  caseId: id,
  direction: z.enum(['inbound', 'outbound']),
  authorId: id.nullable(),
  body: z.string(),
  sentAt: isoInstant,
  /** The first reading by anyone; who read it is in `messageRead` rows (reads are per user). */
  readAt: isoInstant.nullable(),
  readBy: id.nullable(),
  /** Documents of the case the message refers to. Defaults keep rows of a server from before them parseable. */
  attachments: z.array(z.object({ documentId: id })).default([]),
  /** The message template it was started from. */
  template: z.string().nullable().default(null),
  /** Outbound only (null for inbound): the delivery to My IND. */
  delivery: messageDelivery.nullable().default(null),
  deliveredAt: isoInstant.nullable().default(null),
  /** Why My IND could not deliver it (a code, never the text); null unless `delivery` is 'failed'. */
  deliveryFailure: z.string().nullable().default(null),
  version,
});

/** One user's reading of one message. */
const messageRead = z.object({ id, messageId: id, caseId: id, userId: id, readAt: isoInstant, version });

const letter = z.object({
  id,
  caseId: id,
  kind: z.string(),
  status: z.enum(['draft', 'submitted', 'approved', 'returned', 'sent']),
  body: letterBodyDocument,
  drafterId: id,
  submittedAt: isoInstant.nullable(),
  approverId: id.nullable(),
  approvedAt: isoInstant.nullable(),
  returnedReason: z.string().nullable(),
  sentAt: isoInstant.nullable(),
  /*
   * The defaults keep rows a cache stored before letters had these parseable: such a letter has no
   * frame, no approved PDF and no document yet, which is also what the server says of it.
   */
  frame: letterFrame.nullable().default(null),
  /** The SHA-256 of the PDF the reviewer approved; sending refuses other bytes. */
  approvedSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
  /** The document the sent PDF is stored as. */
  documentId: id.nullable().default(null),
  updatedAt: isoInstant,
  version,
});

const caseEvent = z.object({
  id, caseId: id, at: isoInstant, actorId: id.nullable(), kind: z.string(), detail: z.record(z.string(), z.unknown()), version,
});

const note = z.object({ id, caseId: id, authorId: id, body: z.string(), createdAt: isoInstant, version });

const savedView = z.object({
  id, ownerId: id, name: z.string(),
  /** The encoded queue settings; the queue decodes and checks them itself. */
  filter: z.record(z.string(), z.unknown()),
  /** The team it is shared with; null for a private view. */
  teamId: id.nullable(),
  version,
});

/** A directory entry: no username, no password hash. */
const user = z.object({ id, displayName: z.string(), role: z.string(), active: z.boolean(), teamIds: z.array(id) });

const team = z.object({ id, name: z.string() });

const schemas = {
  case: caseEntity, party: partyEntity, suspension, extension, noticeOfDefault, document, annotation, evidenceLink,
  messageThread, message, messageRead, letter, caseEvent, note, savedView, user, team,
} as const satisfies Record<SyncEntity, z.ZodType<Record<string, unknown>>>;

/** A published row of entity E, as the server sends it and the host stores it. */
export type EntityRow<E extends SyncEntity> = z.infer<(typeof schemas)[E]>;

/**
 * The schema of every published entity; a new SyncEntity without one fails to compile here. Typed
 * as a map over the entity names so that `entitySchemas[entity]` parses to `EntityRow<E>` for a
 * generic entity too.
 */
export const entitySchemas: { readonly [E in SyncEntity]: z.ZodType<EntityRow<E>> } = schemas;

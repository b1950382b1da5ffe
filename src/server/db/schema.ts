/**
 * The central database: one drizzle pg-core schema for PostgreSQL (node-postgres) and PGlite.
 * Migrations are generated from this file by drizzle-kit (npm run db:generate:server).
 */
import {
  type AnyPgColumn, bigint, bigserial, boolean, customType, date, index, integer, jsonb, pgSequence, pgTable,
  primaryKey, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { CaseStatus } from '../../shared/contract/cases';
import type { LetterFrame } from '../../shared/letters/draft';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const version = () => integer('version').notNull().default(1);

export const roles = ['caseworker', 'reviewer', 'team_lead', 'trainer', 'admin'] as const;
export type Role = (typeof roles)[number];

export const teams = pgTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  version: version(),
});

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role').$type<Role>().notNull(),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: instant('created_at').notNull(),
  version: version(),
}, (table) => [uniqueIndex('users_username').on(table.username)]);

/** Team membership; a team lead covers every team they are a member of. */
export const teamMembers = pgTable('team_members', {
  teamId: text('team_id').notNull().references(() => teams.id),
  userId: text('user_id').notNull().references(() => users.id),
}, (table) => [primaryKey({ columns: [table.teamId, table.userId] }), index('team_members_user').on(table.userId)]);

/** A sign-in: holds the hash of the current refresh token, which rotates on every refresh. */
export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id),
  refreshHash: text('refresh_hash').notNull(),
  createdAt: instant('created_at').notNull(),
  lastUsedAt: instant('last_used_at').notNull(),
  expiresAt: instant('expires_at').notNull(),
  revokedAt: instant('revoked_at'),
  revokedReason: text('revoked_reason'),
}, (table) => [index('sessions_user').on(table.userId)]);

export const cases = pgTable('cases', {
  id: text('id').primaryKey(),
  caseNumber: text('case_number').notNull(),
  caseType: text('case_type').notNull(),
  regime: text('regime').notNull(),
  status: text('status').$type<CaseStatus>().notNull(),
  teamId: text('team_id').notNull().references(() => teams.id),
  assigneeId: text('assignee_id').references(() => users.id),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  contestedDecisionOn: date('contested_decision_on', { mode: 'string' }),
  feeStatus: text('fee_status').notNull().default('unpaid'),
  feePaidOn: date('fee_paid_on', { mode: 'string' }),
  feeAmountCents: integer('fee_amount_cents'),
  /** Biometrics appointment at an IND desk or expat centre: { kind, location, at }. */
  biometrics: jsonb('biometrics').$type<{ kind: 'ind_desk' | 'expat_centre'; location: string; at: string } | null>(),
  /** What the applicant stated on the form (names, birth date, salary, ...); the evidence checks compare documents to it. */
  application: jsonb('application').$type<Record<string, string | number | boolean | null> | null>(),
  deadline: date('deadline', { mode: 'string' }),
  penaltyAmountCents: integer('penalty_amount_cents').notNull().default(0),
  decision: text('decision'),
  decidedOn: date('decided_on', { mode: 'string' }),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
  version: version(),
}, (table) => [
  uniqueIndex('cases_case_number').on(table.caseNumber),
  index('cases_team').on(table.teamId),
  index('cases_assignee').on(table.assigneeId),
]);

/** Suspension (opschorting, Awb 4:15): the period stops while missing documents are awaited. */
export const suspensions = pgTable('suspensions', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull().references(() => cases.id),
  requestedOn: date('requested_on', { mode: 'string' }).notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  endedOn: date('ended_on', { mode: 'string' }),
  documents: jsonb('documents').$type<string[]>().notNull(),
  version: version(),
}, (table) => [index('suspensions_case').on(table.caseId)]);

/** Extension (verlenging) of the decision period, with its legal ground. */
export const extensions = pgTable('extensions', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull().references(() => cases.id),
  period: jsonb('period').$type<{ days?: number; weeks?: number; months?: number; years?: number }>().notNull(),
  legalGround: text('legal_ground').notNull(),
  announcedOn: date('announced_on', { mode: 'string' }).notNull(),
  version: version(),
}, (table) => [index('extensions_case').on(table.caseId)]);

/** Notice of default (ingebrekestelling, Awb 4:17). */
export const noticesOfDefault = pgTable('notices_of_default', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull().references(() => cases.id),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  source: text('source').notNull(),
  version: version(),
}, (table) => [index('notices_case').on(table.caseId)]);

export const parties = pgTable('parties', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull().references(() => cases.id),
  role: text('role').$type<'applicant' | 'sponsor' | 'representative'>().notNull(),
  name: text('name').notNull(),
  vNumber: text('v_number'),
  bsn: text('bsn'),
  birthDate: date('birth_date', { mode: 'string' }),
  nationality: text('nationality'),
  organisation: text('organisation'),
  recognisedSponsor: boolean('recognised_sponsor').notNull().default(false),
  address: jsonb('address').$type<Record<string, string> | null>(),
  email: text('email'),
  phone: text('phone'),
  version: version(),
}, (table) => [index('parties_case').on(table.caseId)]);

/** Content-addressed document bytes, keyed by SHA-256. */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  content: bytea('content').notNull(),
  createdAt: instant('created_at').notNull(),
});

export const documents = pgTable('documents', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull().references(() => cases.id),
  title: text('title').notNull(),
  kind: text('kind').notNull(),
  mediaType: text('media_type').notNull(),
  sha256: text('sha256').notNull().references(() => blobs.sha256),
  size: integer('size').notNull(),
  source: text('source').notNull(),
  uploadedAt: instant('uploaded_at').notNull(),
  /** The letter this document is the sent PDF of (source 'letter'); null for every other document. */
  letterId: text('letter_id').references((): AnyPgColumn => letters.id),
  version: version(),
}, (table) => [index('documents_case').on(table.caseId)]);

export const annotations = pgTable('annotations', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull().references(() => cases.id),
  documentId: text('document_id').notNull().references(() => documents.id),
  authorId: text('author_id').notNull().references(() => users.id),
  page: integer('page').notNull(),
  body: text('body').notNull(),
  /** The text the note highlights on its page, if any. */
  quote: text('quote'),
  createdAt: instant('created_at').notNull(),
  version: version(),
}, (table) => [index('annotations_case').on(table.caseId)]);

/** Links a document to an evidence requirement of the case's checklist. */
export const evidenceLinks = pgTable('evidence_links', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull().references(() => cases.id),
  documentId: text('document_id').notNull().references(() => documents.id),
  requirement: text('requirement').notNull(),
  /** The application field verified against the document ("surname", "monthlySalaryCents"), if any. */
  field: text('field'),
  /** The page that proves it (1-based) and the text selected there, if any. */
  page: integer('page'),
  quote: text('quote'),
  createdBy: text('created_by').notNull().references(() => users.id),
  createdAt: instant('created_at').notNull(),
  version: version(),
}, (table) => [index('evidence_links_case').on(table.caseId)]);

export const messageThreads = pgTable('message_threads', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull().references(() => cases.id),
  subject: text('subject').notNull(),
  counterpart: text('counterpart').notNull(),
  createdAt: instant('created_at').notNull(),
  version: version(),
}, (table) => [index('threads_case').on(table.caseId)]);

export const messages = pgTable('messages', {
  id: text('id').primaryKey(),
  threadId: text('thread_id').notNull().references(() => messageThreads.id),
  caseId: text('case_id').notNull().references(() => cases.id),
  direction: text('direction').$type<'inbound' | 'outbound'>().notNull(),
  authorId: text('author_id').references(() => users.id),
  body: text('body').notNull(),
  sentAt: instant('sent_at').notNull(),
  /** The first reading by anyone; every user's own reading is a message_reads row. */
  readAt: instant('read_at'),
  readBy: text('read_by').references(() => users.id),
  /** Documents of the same case the message refers to, by reference. */
  attachments: jsonb('attachments').$type<{ documentId: string }[]>().notNull().default(sql`'[]'::jsonb`),
  /** The message template it was started from, for the case history. */
  template: text('template'),
  /** Outbound only: offered to My IND (pending), shown there (delivered) or refused there (failed); null for inbound. */
  delivery: text('delivery').$type<'pending' | 'delivered' | 'failed'>(),
  deliveredAt: instant('delivered_at'),
  /** My IND's reason code when delivery failed (never text from the portal). */
  deliveryFailure: text('delivery_failure'),
  version: version(),
}, (table) => [
  index('messages_case').on(table.caseId),
  index('messages_thread').on(table.threadId),
  // My IND polls for what is still to deliver, oldest first: a small partial index keeps that cheap.
  index('messages_delivery_pending').on(table.sentAt).where(sql`delivery = 'pending'`),
]);

/** One user's reading of one message: unread counts are per user, so each reading is its own row. */
export const messageReads = pgTable('message_reads', {
  id: text('id').primaryKey(),
  messageId: text('message_id').notNull().references(() => messages.id),
  caseId: text('case_id').notNull().references(() => cases.id),
  userId: text('user_id').notNull().references(() => users.id),
  readAt: instant('read_at').notNull(),
  version: version(),
}, (table) => [
  uniqueIndex('message_reads_message_user').on(table.messageId, table.userId),
  index('message_reads_case').on(table.caseId),
]);

/** A letter and its workflow: draft → submitted → approved | returned → sent. */
export const letters = pgTable('letters', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull().references(() => cases.id),
  kind: text('kind').notNull(),
  status: text('status').$type<'draft' | 'submitted' | 'approved' | 'returned' | 'sent'>().notNull(),
  body: text('body').notNull(),
  drafterId: text('drafter_id').notNull().references(() => users.id),
  /** Who saved the body last: a save based on an older version conflicts only when someone else saved since. */
  savedBy: text('saved_by').references(() => users.id),
  submittedAt: instant('submitted_at'),
  approverId: text('approver_id').references(() => users.id),
  approvedAt: instant('approved_at'),
  returnedReason: text('returned_reason'),
  sentAt: instant('sent_at'),
  /** The draft's frame (src/shared/letters/draft.ts) the letter is rendered in; null for a letter saved before frames. */
  frame: jsonb('frame').$type<LetterFrame>(),
  /** The SHA-256 of the PDF the reviewer approved; sending refuses other bytes. */
  approvedSha256: text('approved_sha256'),
  /** The document the sent PDF is stored as (documents.letter_id points back). */
  documentId: text('document_id'),
  updatedAt: instant('updated_at').notNull(),
  version: version(),
}, (table) => [index('letters_case').on(table.caseId)]);

/** Case history, append-only. */
export const caseEvents = pgTable('case_events', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull().references(() => cases.id),
  at: instant('at').notNull(),
  actorId: text('actor_id'),
  kind: text('kind').notNull(),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  version: version(),
}, (table) => [index('case_events_case').on(table.caseId)]);

export const notes = pgTable('notes', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull().references(() => cases.id),
  authorId: text('author_id').notNull().references(() => users.id),
  body: text('body').notNull(),
  createdAt: instant('created_at').notNull(),
  version: version(),
}, (table) => [index('notes_case').on(table.caseId)]);

/** A saved view of the queue: private to its owner, or shared with one of the owner's teams (read-only for the team). */
export const savedViews = pgTable('saved_views', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id').notNull().references(() => users.id),
  name: text('name').notNull(),
  filter: jsonb('filter').$type<Record<string, unknown>>().notNull(),
  /** The team it is shared with; null for a private view. Fixed at creation. */
  teamId: text('team_id').references(() => teams.id),
  version: version(),
}, (table) => [index('saved_views_owner').on(table.ownerId)]);

/** Append-only and hash-chained: each entry's hash covers its fields and the previous hash. */
export const auditLog = pgTable('audit_log', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  at: instant('at').notNull(),
  actorId: text('actor_id'),
  actorKind: text('actor_kind').notNull(),
  action: text('action').notNull(),
  objectType: text('object_type').notNull(),
  objectId: text('object_id'),
  result: text('result').notNull(),
  origin: text('origin').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/**
 * Audit entries of committed transactions not yet chained. Writers insert here without any lock;
 * the sealer (sync/seal.ts) moves them into audit_log in one serialised pass, hash-chained.
 */
export const auditPending = pgTable('audit_pending', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: instant('at').notNull(),
  actorId: text('actor_id'),
  actorKind: text('actor_kind').notNull(),
  action: text('action').notNull(),
  objectType: text('object_type').notNull(),
  objectId: text('object_id'),
  result: text('result').notNull(),
  origin: text('origin').notNull(),
});

/** Change sequence for sync; numbers are drawn only by the sealer, under the writer lock (sync/seal.ts). */
export const syncSeq = pgSequence('sync_seq', { startWith: 1, increment: 1 });

/**
 * The latest published state of every syncable row, stamped with the change sequence at which it
 * last changed, plus the scope columns pull filters on. Deleted rows stay as tombstones until pruned.
 */
export const syncRows = pgTable('sync_rows', {
  entity: text('entity').notNull(),
  id: text('id').notNull(),
  /** Null until the sealer stamps the committed change; pull never returns unsealed rows. */
  seq: bigint('seq', { mode: 'number' }),
  version: integer('version').notNull(),
  caseId: text('case_id'),
  teamId: text('team_id'),
  assigneeId: text('assignee_id'),
  ownerId: text('owner_id'),
  global: boolean('global').notNull().default(false),
  deleted: boolean('deleted').notNull().default(false),
  data: jsonb('data').$type<Record<string, unknown>>(),
}, (table) => [
  primaryKey({ columns: [table.entity, table.id] }),
  uniqueIndex('sync_rows_seq').on(table.seq),
  index('sync_rows_case').on(table.caseId),
  index('sync_rows_unsealed').on(table.entity, table.id).where(sql`seq is null`),
]);

/** Scope exits of committed transactions, waiting for the sealer to give them a sequence number. */
export const scopeExitPending = pgTable('scope_exit_pending', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  caseId: text('case_id').notNull(),
  teamId: text('team_id'),
  assigneeId: text('assignee_id'),
});

/** The scope a case had before its team or assignee changed: tells former viewers to drop it. */
export const scopeExits = pgTable('scope_exits', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  caseId: text('case_id').notNull(),
  teamId: text('team_id'),
  assigneeId: text('assignee_id'),
});

/** Small counters of the sync log, e.g. the sequence up to which tombstones were pruned. */
export const syncMeta = pgTable('sync_meta', {
  key: text('key').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
});

/** The stored result of every pushed mutation: a replayed id returns it (exactly-once effect). */
export const mutationResults = pgTable('mutation_results', {
  userId: text('user_id').notNull(),
  clientMutationId: text('client_mutation_id').notNull(),
  name: text('name').notNull(),
  result: jsonb('result').$type<Record<string, unknown>>().notNull(),
  at: instant('at').notNull(),
}, (table) => [primaryKey({ columns: [table.userId, table.clientMutationId] })]);

/**
 * The local cache's tables as drizzle sees them. The SQL that creates them lives in the numbered
 * migrations beside this file; tests/unit/host/migrations.test.ts checks the two agree.
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Cases the signed-in user may see, as last synced (or seeded in development). */
export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    caseNumber: text('case_number').notNull(),
    applicantName: text('applicant_name').notNull(),
    vNumber: text('v_number').notNull(),
    caseType: text('case_type').notNull(),
    regime: text('regime').notNull(),
    status: text('status').notNull(),
    /** YYYY-MM-DD */
    receivedOn: text('received_on').notNull(),
    /** YYYY-MM-DD, as computed by the domain engine; null while unknown. */
    deadline: text('deadline'),
    assignee: text('assignee'),
    team: text('team'),
    /** The server's row version; a pulled row is applied only when newer. */
    version: integer('version').notNull().default(0),
    /** ISO instant of the last local change. */
    updatedAt: text('updated_at').notNull(),
    penaltyAmountCents: integer('penalty_amount_cents').notNull().default(0),
    decision: text('decision'),
    /** 1 unless decided or closed: the queue shows open cases unless asked otherwise. */
    open: integer('open').notNull().default(1),
    /** The domain engine's priority score as of settings 'queue.rankedFor' (higher is more urgent). */
    priorityScore: integer('priority_score').notNull().default(0),
    priorityBand: text('priority_band').notNull().default('on_track'),
    /** Bits of queue/rank.ts flagBits. */
    flags: integer('flags').notNull().default(0),
    noticeOfDefaultOn: text('notice_of_default_on'),
    decidedOn: text('decided_on'),
    contestedDecisionOn: text('contested_decision_on'),
    /** ISO instant of the newest document's upload. */
    latestDocumentAt: text('latest_document_at'),
    sponsorName: text('sponsor_name'),
    /** Inbound messages the cache's user has not read (messages/projector.ts keeps unread_messages, the queue copies it). */
    unread: integer('unread').notNull().default(0),
  },
  (table) => [
    index('cases_deadline_idx').on(sql`${table.deadline} IS NULL`, table.deadline, table.receivedOn),
    index('cases_case_number_idx').on(table.caseNumber),
    index('cases_open_priority_idx').on(table.open, sql`${table.priorityScore} DESC`),
    index('cases_open_team_idx').on(table.open, table.team, sql`${table.priorityScore} DESC`),
    index('cases_assignee_open_idx').on(table.assignee, table.open, sql`${table.priorityScore} DESC`),
    index('cases_queue_count_idx').on(table.open, table.team, table.assignee, table.deadline, table.caseType, table.flags, table.status),
    index('cases_team_applicant_idx').on(table.open, table.team, sql`${table.applicantName} COLLATE NOCASE`, sql`${table.priorityScore} DESC`),
    index('cases_team_deadline_idx').on(table.open, table.team, sql`${table.deadline} IS NULL`, table.deadline, sql`${table.priorityScore} DESC`),
  ],
);

/** When I last opened a case on this workbench (the "new document" flag compares uploads with it). */
export const caseSeen = sqliteTable('case_seen', {
  caseId: text('case_id').primaryKey(),
  seenAt: text('seen_at').notNull(),
});

/** Small key/value settings of this installation (language, ...). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Every row as the server last sent it (JSON in `data`); local edits never touch it. */
export const serverRows = sqliteTable(
  'server_rows',
  {
    entity: text('entity').notNull(),
    id: text('id').notNull(),
    version: integer('version').notNull(),
    caseId: text('case_id'),
    data: text('data').notNull(),
  },
  (table) => [uniqueIndex('server_rows_key').on(table.entity, table.id), index('server_rows_case_idx').on(table.caseId, table.entity)],
);

/** Applicants, sponsors and representatives, for search and the case list's applicant column. */
export const parties = sqliteTable(
  'parties',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    role: text('role').notNull(),
    name: text('name').notNull(),
    vNumber: text('v_number'),
    organisation: text('organisation'),
  },
  (table) => [index('parties_case_idx').on(table.caseId, table.role)],
);

/** Document metadata; the PDFs themselves live in the document cache, by SHA-256. */
export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    mediaType: text('media_type').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
  },
  (table) => [index('documents_case_idx').on(table.caseId)],
);

export const outboxStates = ['queued', 'sent', 'failed', 'conflict'] as const;
export type OutboxState = (typeof outboxStates)[number];

/** Mutations the user made that the server has not yet applied (or refused). */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    clientMutationId: text('client_mutation_id').notNull().unique(),
    name: text('name').notNull(),
    /** JSON */
    args: text('args').notNull(),
    /** JSON: guarded field values as the user saw them. */
    base: text('base').notNull(),
    caseId: text('case_id'),
    state: text('state', { enum: outboxStates }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** ISO instant; null means as soon as possible. */
    nextAttemptAt: text('next_attempt_at'),
    errorCode: text('error_code'),
    queuedAt: text('queued_at').notNull(),
  },
  (table) => [
    index('outbox_state_idx').on(table.state, table.seq),
    index('outbox_case_idx').on(table.caseId, table.state),
  ],
);

/** One row: who the cache belongs to, where pulling continues, when it last synced. */
export const syncState = sqliteTable('sync_state', {
  id: integer('id').primaryKey(),
  userId: text('user_id'),
  cursor: text('cursor'),
  bootstrapped: integer('bootstrapped').notNull().default(0),
  lastSyncAt: text('last_sync_at'),
  lastOnlineSignInAt: text('last_online_sign_in_at'),
  /** JSON: role and teams at the last sign-in; a change re-bootstraps. */
  scope: text('scope'),
});

/** The conflicts inbox: mine (args, base) against theirs (server row). */
export const conflicts = sqliteTable('conflicts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  clientMutationId: text('client_mutation_id').notNull().unique(),
  name: text('name').notNull(),
  args: text('args').notNull(),
  base: text('base').notNull(),
  caseId: text('case_id'),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  /** JSON array of the guarded fields that no longer held. */
  fields: text('fields').notNull(),
  /** JSON: the server's row at the time of the conflict. */
  server: text('server').notNull(),
  createdAt: text('created_at').notNull(),
});

/** Inbound rows this version could not apply; kept for replay, never dropped. */
export const parked = sqliteTable(
  'parked',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    version: integer('version').notNull(),
    caseId: text('case_id'),
    change: text('change').notNull(),
    reason: text('reason').notNull(),
    parkedAt: text('parked_at').notNull(),
  },
  (table) => [index('parked_entity_idx').on(table.entity, table.entityId)],
);

/** Verified document files on disk, by SHA-256, with their last use for LRU eviction. */
export const documentFiles = sqliteTable(
  'document_files',
  {
    sha256: text('sha256').primaryKey(),
    size: integer('size').notNull(),
    /** ISO instant */
    lastUsedAt: text('last_used_at').notNull(),
  },
  (table) => [index('document_files_lru_idx').on(table.lastUsedAt)],
);

export type OutboxRow = typeof outbox.$inferSelect;
export type ConflictRow = typeof conflicts.$inferSelect;
export type CaseRow = typeof cases.$inferSelect;
export type NewCaseRow = typeof cases.$inferInsert;

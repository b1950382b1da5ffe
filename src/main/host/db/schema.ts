/**
 * The local cache's tables as drizzle sees them. The SQL that creates them lives in the numbered
 * migrations beside this file; tests/unit/host/migrations.test.ts checks the two agree.
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

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
  },
  (table) => [
    index('cases_deadline_idx').on(sql`${table.deadline} IS NULL`, table.deadline, table.receivedOn),
    index('cases_case_number_idx').on(table.caseNumber),
  ],
);

/** Small key/value settings of this installation (language, ...). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export type CaseRow = typeof cases.$inferSelect;
export type NewCaseRow = typeof cases.$inferInsert;

import type { Migration } from './types';

/** The first schema: cases and settings. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE cases (
        id TEXT PRIMARY KEY NOT NULL,
        case_number TEXT NOT NULL,
        applicant_name TEXT NOT NULL,
        v_number TEXT NOT NULL,
        case_type TEXT NOT NULL,
        regime TEXT NOT NULL,
        status TEXT NOT NULL,
        received_on TEXT NOT NULL,
        deadline TEXT,
        assignee TEXT,
        team TEXT,
        version INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- Unknown deadlines sort last: the expression is part of the index so the list needs no sort.
      CREATE INDEX cases_deadline_idx ON cases (deadline IS NULL, deadline, received_on);
      CREATE INDEX cases_case_number_idx ON cases (case_number);
      CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
